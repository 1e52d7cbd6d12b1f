// Softmax with the maximum subtracted: softmax(z)_i = exp(z_i - m) / sum_k exp(z_k - m), m = max_k z_k,
// is the same function as exp(z_i) / sum_k exp(z_k) but every exponent is <= 0, so it never overflows
// and the largest term is exactly 1, so the sum never underflows to 0 (see N. J. Higham, "Accuracy and
// Stability of Numerical Algorithms", 2nd ed., SIAM 2002; P. Blanchard, D. J. Higham, N. J. Higham,
// "Accurately computing the log-sum-exp and softmax functions", IMA J. Numer. Anal. 41 (2021)).
// Sums are compensated (Neumaier).

#include "valuekind.h"

#include "neumaiersum.h"
#include "validation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <new>
#include <string>

namespace klscope::import {

namespace {

ImportError valueError(std::string_view fileName, std::span<const std::uint32_t> lines, std::size_t i,
                       std::size_t column, std::string what)
{
    if (column > 0)
        what += " (column " + std::to_string(column) + ")";
    return makeError(fileName, i < lines.size() ? lines[i] : 0, what);
}

std::string quoted(double v)
{
    return std::string(1, '\'').append(validation::formatNumber(v)).append(1, '\'');
}

} // namespace

std::string_view valueKindKeyword(ValueKind kind) noexcept
{
    switch (kind) {
    case ValueKind::Probabilities:
        return "probabilities";
    case ValueKind::Counts:
        return "counts";
    case ValueKind::Logits:
        return "logits";
    case ValueKind::LogProbabilities:
        return "logprobs";
    }
    return "probabilities";
}

std::optional<ValueKind> parseValueKind(std::string_view keyword) noexcept
{
    if (keyword == "probabilities" || keyword == "probs")
        return ValueKind::Probabilities;
    if (keyword == "counts")
        return ValueKind::Counts;
    if (keyword == "logits")
        return ValueKind::Logits;
    if (keyword == "logprobs" || keyword == "log-probabilities" || keyword == "logprobabilities")
        return ValueKind::LogProbabilities;
    return std::nullopt;
}

Result<Masses> toMasses(std::span<const double> values, ValueKind kind, std::string_view fileName,
                        std::span<const std::uint32_t> lines, std::size_t column)
{
    Masses out;
    try {
        out.masses.resize(values.size());
    } catch (const std::bad_alloc &) {
        return makeError(fileName, 0, "not enough memory for the masses");
    }
    const std::string_view noun = kind == ValueKind::Counts ? "count" : "probability";
    switch (kind) {
    case ValueKind::Probabilities:
    case ValueKind::Counts: {
        NeumaierSum total;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double v = values[i];
            if (std::isnan(v) || std::isinf(v))
                return valueError(fileName, lines, i, column,
                                  quoted(v) + " is not a finite " + std::string(noun));
            if (v < 0)
                return valueError(fileName, lines, i, column,
                                  "a negative " + std::string(noun) + " " + quoted(v));
            out.masses[i] = v;
            total.add(v);
        }
        const double sum = total.value();
        if (!(sum > 0))
            return makeError(fileName, 0,
                             kind == ValueKind::Counts ? "all counts are zero"
                                                       : "all probabilities are zero");
        if (kind == ValueKind::Counts) {
            if (std::isinf(sum))
                return makeError(fileName, 0, "the counts add up to more than the largest double");
            out.sampleSize = sum;
            for (double &m : out.masses)
                m /= sum;
        }
        break;
    }
    case ValueKind::Logits: {
        double maximum = -std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double v = values[i];
            if (std::isnan(v) || v == std::numeric_limits<double>::infinity())
                return valueError(fileName, lines, i, column, quoted(v) + " is not a usable logit");
            maximum = std::max(maximum, v);
        }
        if (std::isinf(maximum))
            return makeError(fileName, 0, "every logit is -inf, so no event has mass");
        NeumaierSum total;
        for (std::size_t i = 0; i < values.size(); ++i) {
            out.masses[i] = std::exp(values[i] - maximum);
            total.add(out.masses[i]);
        }
        const double sum = total.value(); // >= 1: the maximum contributes exp(0)
        for (double &m : out.masses)
            m /= sum;
        break;
    }
    case ValueKind::LogProbabilities: {
        // log p slightly above 0 is rounding in whatever wrote the file; clearly above is an error.
        constexpr double kTolerance = 1e-9;
        bool anyMass = false;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double v = values[i];
            if (std::isnan(v) || v == std::numeric_limits<double>::infinity())
                return valueError(fileName, lines, i, column, quoted(v) + " is not a usable log-probability");
            if (v > kTolerance)
                return valueError(fileName, lines, i, column,
                                  "the log-probability " + quoted(v) + " is above 0, a probability above 1");
            out.masses[i] = std::exp(std::min(v, 0.0));
            anyMass = anyMass || out.masses[i] > 0;
        }
        if (!anyMass)
            return makeError(fileName, 0,
                             "every log-probability is -inf (or underflows), so no event has mass");
        break;
    }
    }
    return out;
}

} // namespace klscope::import
