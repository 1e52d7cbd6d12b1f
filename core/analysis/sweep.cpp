#include "sweep.h"

#include "comparison.h"
#include "continuouscomparison.h"
#include "continuousparameters.h"
#include "parallel.h"
#include "spec.h"
#include "validation.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

namespace klscope {

namespace {

// Steps are dealt to threads in chunks of this many; a sweep shorter than kParallelFrom steps runs on the
// calling thread (starting threads costs more than a few discrete comparisons).
constexpr std::size_t kChunk = 16;
constexpr std::size_t kParallelFrom = 64;

std::string article(std::string_view title)
{
    const char c =
        title.empty() ? 'x' : static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
    // No family keyword starts with a vowel sound spelled 'u' but "uniform", which takes "a".
    return (c == 'a' || c == 'e' || c == 'i' || c == 'o') ? "an" : "a";
}

// The index of `name` in `info`, or a sentence listing the family's parameters.
std::size_t parameterIndex(std::span<const ParameterInfo> info, const SweepParameter &parameter,
                           std::string_view familyText)
{
    for (std::size_t i = 0; i < info.size(); ++i)
        if (info[i].name == parameter.name)
            return i;
    std::string names;
    for (std::size_t i = 0; i < info.size(); ++i) {
        if (i > 0)
            names += i + 1 == info.size() ? " and " : ", ";
        names += std::string(info[i].name);
    }
    const std::string side = parameter.side == SweepSide::P ? "P" : "Q";
    throw std::invalid_argument("unknown parameter " + parameter.text() + ": " + side + " is " +
                                article(familyText) + " " + std::string(familyText) +
                                ", whose parameters are " + names);
}

// The value at step i, checked against the parameter's table: a whole number where the parameter is one.
double checkedValue(double v, const ParameterInfo &info, const SweepParameter &parameter,
                    std::string_view familyText)
{
    const std::string where = parameter.text() + " = " + validation::formatNumber(v);
    if (!(v >= info.minimum && v <= info.maximum))
        throw std::invalid_argument(
            where + " is out of range: " + std::string(info.name) + " (" + std::string(info.description) +
            ") of " + article(familyText) + " " + std::string(familyText) + " lies in [" +
            validation::formatNumber(info.minimum) + ", " + validation::formatNumber(info.maximum) + "]");
    if (info.integer) {
        const double whole = std::round(v);
        // The spacing of a range of whole numbers over a whole number of steps is exact up to rounding.
        if (std::fabs(v - whole) > 1e-9 * std::fmax(1.0, std::fabs(v)))
            throw std::invalid_argument(where + ": " + std::string(info.name) + " (" +
                                        std::string(info.description) +
                                        ") is a whole number; choose A..B and --steps so that every step is "
                                        "whole (steps = B - A + 1 steps by 1)");
        return whole;
    }
    return v;
}

// Calls run(i) for every step on the machine's cores; the first sentence a step throws is thrown again.
template <class Run> void forEachStep(std::size_t steps, const Run &run)
{
    std::vector<std::optional<std::string>> errors((steps + kChunk - 1) / kChunk);
    bool outOfMemory = false;
    forEachChunk(steps, kChunk, kParallelFrom, [&](std::size_t c, std::size_t begin, std::size_t end) {
        try {
            for (std::size_t i = begin; i < end; ++i)
                run(i);
        } catch (const std::invalid_argument &e) {
            errors[c] = e.what();
        } catch (const std::bad_alloc &) {
            errors[c] = std::string();
            outOfMemory = true; // only ever set to true; read after every thread has joined
        }
    });
    if (outOfMemory)
        throw std::bad_alloc();
    for (const auto &e : errors)
        if (e)
            throw std::invalid_argument(*e);
}

Sweep emptySweep(const SweepParameter &parameter, const SweepRange &range, Unit unit)
{
    Sweep s;
    s.parameter = parameter.text();
    s.unit = unit;
    s.values = sweepValues(range);
    s.klPQ.resize(s.values.size());
    s.klQP.resize(s.values.size());
    s.js.resize(s.values.size());
    return s;
}

// The swept side at every step of `s`, built before anything is computed so a bad value is refused up
// front: the ends first, so that a range reaching out of bounds is named by the end the user wrote. Sets
// s.current and replaces each value by the one checked.
template <class Side, class Make>
std::vector<Side> sweptSides(Sweep &s, const SweepRange &range, std::vector<double> theta,
                             std::span<const ParameterInfo> info, std::size_t index,
                             const SweepParameter &parameter, const std::string &familyText, const Make &make)
{
    (void)checkedValue(range.from, info[index], parameter, familyText);
    (void)checkedValue(range.to, info[index], parameter, familyText);
    std::vector<Side> sides;
    sides.reserve(s.values.size());
    s.current = theta[index];
    for (double &v : s.values) {
        v = checkedValue(v, info[index], parameter, familyText);
        theta[index] = v;
        try {
            sides.push_back(make(theta));
        } catch (const std::invalid_argument &e) {
            throw std::invalid_argument(parameter.text() + " = " + validation::formatNumber(v) + ": " +
                                        e.what());
        }
    }
    return sides;
}

} // namespace

std::string SweepParameter::text() const
{
    return (side == SweepSide::P ? "p." : "q.") + name;
}

SweepParameter parseSweepParameter(std::string_view text)
{
    const std::string_view t = trimSpecText(text);
    if (t.size() < 3 || (t[0] != 'p' && t[0] != 'q' && t[0] != 'P' && t[0] != 'Q') || t[1] != '.')
        throw std::invalid_argument("the swept parameter must be written p.NAME or q.NAME (as q.p or "
                                    "p.sigma), got " +
                                    quoted(t));
    SweepParameter p;
    p.side = (t[0] == 'p' || t[0] == 'P') ? SweepSide::P : SweepSide::Q;
    p.name = std::string(t.substr(2));
    return p;
}

SweepRange parseSweepRange(std::string_view text, std::size_t steps)
{
    const std::string_view t = trimSpecText(text);
    const std::size_t dots = t.find("..");
    if (dots == std::string_view::npos)
        throw std::invalid_argument("the range must be written A..B (as 0.05..0.95), got " + quoted(t));
    SweepRange r;
    r.from = parseNumber(trimSpecText(t.substr(0, dots)), "the start of the range");
    r.to = parseNumber(trimSpecText(t.substr(dots + 2)), "the end of the range");
    r.steps = steps;
    if (!(r.from < r.to))
        throw std::invalid_argument("the range " + quoted(t) + " must go upwards: A < B");
    return r;
}

std::vector<double> sweepValues(const SweepRange &range)
{
    if (!std::isfinite(range.from) || !std::isfinite(range.to) || !(range.from < range.to))
        throw std::invalid_argument("a sweep needs finite ends A < B, got " +
                                    validation::formatNumber(range.from) + ".." +
                                    validation::formatNumber(range.to));
    if (range.steps < 2 || range.steps > kMaxSweepSteps)
        throw std::invalid_argument("a sweep takes from 2 to " + std::to_string(kMaxSweepSteps) +
                                    " steps, got " + std::to_string(range.steps));
    std::vector<double> v(range.steps);
    const double span = range.to - range.from;
    const double last = static_cast<double>(range.steps - 1);
    for (std::size_t i = 0; i < range.steps; ++i)
        v[i] = range.from + span * (static_cast<double>(i) / last);
    v.back() = range.to;
    return v;
}

Sweep sweep(const Distribution &p, const Distribution &q, const SweepParameter &parameter,
            const SweepRange &range, Unit unit)
{
    const Distribution &swept = parameter.side == SweepSide::P ? p : q;
    const Family f = family(swept);
    const std::string familyText(familyKeyword(f));
    if (f == Family::Custom)
        throw std::invalid_argument("cannot sweep " + parameter.text() + ": " +
                                    (parameter.side == SweepSide::P ? "P" : "Q") +
                                    " is a custom distribution (or a file), which has no named parameters");
    const auto info = parameters(f);
    const std::size_t index = parameterIndex(info, parameter, familyText);

    Sweep s = emptySweep(parameter, range, unit);
    const std::vector<Distribution> sides = sweptSides<Distribution>(
        s, range, parameterValues(swept), info, index, parameter, familyText,
        [f](const std::vector<double> &theta) { return makeDistribution(f, theta); });
    CompareOptions options;
    options.unit = unit;
    options.perEvent = false;
    forEachStep(s.values.size(), [&](std::size_t i) {
        const Comparison c =
            parameter.side == SweepSide::P ? compare(sides[i], q, options) : compare(p, sides[i], options);
        s.klPQ[i] = c.totals.klPQ;
        s.klQP[i] = c.totals.klQP;
        s.js[i] = c.totals.js;
    });
    return s;
}

Sweep sweep(const ContinuousDistribution &p, const ContinuousDistribution &q, const SweepParameter &parameter,
            const SweepRange &range, Unit unit)
{
    const ContinuousDistribution &swept = parameter.side == SweepSide::P ? p : q;
    const ContinuousFamily f = family(swept);
    const std::string familyText(familyKeyword(f));
    if (f == ContinuousFamily::GaussianMixture)
        throw std::invalid_argument("cannot sweep " + parameter.text() + ": " +
                                    (parameter.side == SweepSide::P ? "P" : "Q") +
                                    " is a Gaussian mixture, whose components have no single named parameter "
                                    "to sweep");
    const auto info = parameters(f);
    const std::size_t index = parameterIndex(info, parameter, familyText);

    Sweep s = emptySweep(parameter, range, unit);
    const std::vector<ContinuousDistribution> sides = sweptSides<ContinuousDistribution>(
        s, range, parameterValues(swept), info, index, parameter, familyText,
        [f](const std::vector<double> &theta) { return makeContinuous(f, theta); });
    ContinuousCompareOptions options;
    options.unit = unit;
    options.samples = 0;
    options.gridPoints = 0;
    forEachStep(s.values.size(), [&](std::size_t i) {
        const ContinuousComparison c = parameter.side == SweepSide::P
                                           ? compareContinuous(sides[i], q, options)
                                           : compareContinuous(p, sides[i], options);
        s.klPQ[i] = c.klPQ.value;
        s.klQP[i] = c.klQP.value;
        s.js[i] = c.js.value;
    });
    return s;
}

namespace {

std::string csvNumber(double v)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

} // namespace

std::string sweepCsv(const Sweep &s)
{
    std::string csv = s.parameter + ",kl_pq,kl_qp,js\n";
    for (std::size_t i = 0; i < s.values.size(); ++i)
        csv += csvNumber(s.values[i]) + "," + csvNumber(s.klPQ[i]) + "," + csvNumber(s.klQP[i]) + "," +
               csvNumber(s.js[i]) + "\n";
    return csv;
}

} // namespace klscope
