// Histograms of raw samples. Freedman-Diaconis bin width h = 2 IQR n^(-1/3): D. Freedman and
// P. Diaconis, "On the histogram as a density estimator: L2 theory", Z. Wahrscheinlichkeitstheorie
// verw. Gebiete 57 (1981) 453-476. Quartiles interpolate linearly between order statistics
// (R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", Am. Stat. 50 (1996), type 7,
// the default of R and NumPy). Fallback when IQR = 0: Sturges, h = range / (ceil(log2 n) + 1)
// (H. A. Sturges, J. Am. Stat. Assoc. 21 (1926) 65-66).

#include "histogram.h"

#include "validation.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <new>

namespace klscope::import {

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

// Type-7 quantile of sorted data.
double quantile(std::span<const double> sorted, double probability) noexcept
{
    const double h = static_cast<double>(sorted.size() - 1) * probability;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    if (lo + 1 >= sorted.size())
        return sorted.back();
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

// h rounded to three significant digits (never to 0).
double roundWidth(double h) noexcept
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2e", h);
    const double rounded = std::strtod(text, nullptr);
    return rounded > 0 && std::isfinite(rounded) ? rounded : h;
}

std::string number(double x)
{
    return validation::formatNumber(x);
}

std::string formatEdge(double x, int precision)
{
    char text[48];
    std::snprintf(text, sizeof text, "%.*g", precision, x);
    return text;
}

struct Pooled
{
    std::vector<std::span<const double>> parts;
    std::size_t size() const noexcept
    {
        std::size_t n = 0;
        for (const auto &p : parts)
            n += p.size();
        return n;
    }
};

Result<Binning> chooseBinning(const Pooled &pooled, const BinningOptions &options, std::string_view name)
{
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (const auto &part : pooled.parts)
        for (const double x : part) {
            if (!std::isfinite(x))
                return makeError(name, 0, "the sample " + number(x) + " is not a finite number");
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    const std::size_t n = pooled.size();
    if (n == 0)
        return makeError(name, 0, "no samples");
    bool integer = true;
    for (const auto &part : pooled.parts)
        integer = integer && allIntegers(part);

    Binning b;
    BinRule rule = options.rule;
    if (rule == BinRule::Auto)
        rule = integer ? BinRule::Integer : BinRule::FreedmanDiaconis;
    if (rule == BinRule::Integer) {
        if (!integer)
            return makeError(name, 0,
                             "integer bins need whole-number samples, and some are not whole numbers");
        const double bins = hi - lo + 1;
        if (bins > static_cast<double>(kMaxBins))
            return makeError(name, 0,
                             "the samples span " + number(lo) + ".." + number(hi) + ", more than " +
                                 std::to_string(kMaxBins) + " integer bins; give a bin width");
        b.integer = true;
        b.origin = lo;
        b.width = 1;
        b.count = static_cast<std::size_t>(bins);
        b.description = "integer bins " + number(lo) + ".." + number(hi);
        return b;
    }

    double h = options.width;
    std::string how;
    if (rule == BinRule::Width) {
        if (!(h > 0) || !std::isfinite(h))
            return makeError(name, 0, "the bin width must be a finite number above 0, got " + number(h));
        how = "width " + number(h) + " (given)";
    } else {
        std::vector<double> all;
        try {
            all.reserve(n);
        } catch (const std::bad_alloc &) {
            return makeError(name, 0, "not enough memory to bin the samples");
        }
        for (const auto &part : pooled.parts)
            all.insert(all.end(), part.begin(), part.end());
        h = freedmanDiaconisWidth(all);
        if (h > 0 && std::isfinite(h)) {
            h = roundWidth(h);
            how = "Freedman-Diaconis width " + number(h);
        } else if (hi > lo) {
            h = roundWidth((hi - lo) / (std::ceil(std::log2(static_cast<double>(n))) + 1));
            how = "Sturges width " + number(h) + " (the interquartile range is 0)";
        } else {
            h = 1;
            how = "one bin of width 1 (every sample is " + number(lo) + ")";
        }
    }
    double origin = std::floor(lo / h) * h;
    if (!std::isfinite(origin))
        return makeError(name, 0, "the bin width " + number(h) + " does not suit samples of this size");
    if (origin > lo)
        origin -= h;
    const double bins = std::floor((hi - origin) / h) + 1;
    if (!(bins <= static_cast<double>(kMaxBins)))
        return makeError(name, 0,
                         "the bin width " + number(h) + " would make more than " + std::to_string(kMaxBins) +
                             " bins over " + number(lo) + ".." + number(hi) + "; give a wider bin");
    b.origin = origin;
    b.width = h;
    b.count = static_cast<std::size_t>(bins);
    // Edges must be distinct doubles, or bins would be empty intervals.
    if (!(b.edge(1) > b.edge(0)) || !(b.edge(b.count) > b.edge(b.count - 1)))
        return makeError(name, 0, "the bin width " + number(h) + " is too small for samples of this size");
    b.description =
        how + ", " + std::to_string(b.count) + (b.count == 1 ? " bin from " : " bins from ") + number(origin);
    return b;
}

Histogram fill(const Binning &b, std::span<const double> samples)
{
    Histogram histogram;
    histogram.binning = b;
    histogram.sampleCount = samples.size();
    histogram.counts.assign(b.count, 0.0);
    const double last = static_cast<double>(b.count - 1);
    for (const double x : samples) {
        const double index = std::clamp(std::floor((x - b.origin) / b.width), 0.0, last);
        histogram.counts[static_cast<std::size_t>(index)] += 1;
    }
    histogram.labels.reserve(b.count);
    if (b.integer) {
        for (std::size_t i = 0; i < b.count; ++i) {
            char text[32];
            const auto value = static_cast<std::int64_t>(b.origin) + static_cast<std::int64_t>(i);
            const auto r = std::to_chars(text, text + sizeof text, value);
            histogram.labels.emplace_back(text, r.ptr);
        }
        return histogram;
    }
    // Enough digits to tell neighbouring edges apart, and no more.
    const double magnitude = std::max(std::fabs(b.edge(0)), std::fabs(b.edge(b.count)));
    int precision = magnitude > 0 ? static_cast<int>(std::ceil(std::log10(magnitude / b.width))) + 3 : 3;
    precision = std::clamp(precision, 3, 17);
    for (int attempt = 0; attempt < 2; ++attempt) {
        histogram.labels.clear();
        std::string left = formatEdge(b.edge(0), precision);
        bool distinct = true;
        for (std::size_t i = 0; i < b.count; ++i) {
            std::string right = formatEdge(b.edge(i + 1), precision);
            distinct = distinct && right != left;
            histogram.labels.push_back("[" + left + ", " + right + ")");
            left = std::move(right);
        }
        if (distinct)
            break;
        precision = 17;
    }
    return histogram;
}

} // namespace

bool allIntegers(std::span<const double> samples) noexcept
{
    return std::all_of(samples.begin(), samples.end(), [](double x) {
        return std::isfinite(x) && std::fabs(x) <= kMaxExactInteger && std::trunc(x) == x;
    });
}

double freedmanDiaconisWidth(std::span<const double> samples)
{
    if (samples.size() < 2)
        return 0;
    std::vector<double> sorted(samples.begin(), samples.end());
    std::sort(sorted.begin(), sorted.end());
    const double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    return 2 * iqr / std::cbrt(static_cast<double>(sorted.size()));
}

Result<Histogram> binSamples(std::span<const double> samples, const BinningOptions &options,
                             std::string_view name)
{
    try {
        auto binning = chooseBinning(Pooled{{samples}}, options, name);
        if (!binning)
            return binning.error();
        return fill(*binning, samples);
    } catch (const std::bad_alloc &) {
        return makeError(name, 0, "not enough memory to bin the samples");
    }
}

Result<std::pair<Histogram, Histogram>> binSamplesTogether(std::span<const double> p,
                                                           std::span<const double> q,
                                                           const BinningOptions &options,
                                                           std::string_view pName, std::string_view qName)
{
    if (p.empty())
        return makeError(pName, 0, "no samples");
    if (q.empty())
        return makeError(qName, 0, "no samples");
    const std::string both = std::string(pName) + " and " + std::string(qName);
    try {
        auto binning = chooseBinning(Pooled{{p, q}}, options, both);
        if (!binning)
            return binning.error();
        return std::pair{fill(*binning, p), fill(*binning, q)};
    } catch (const std::bad_alloc &) {
        return makeError(both, 0, "not enough memory to bin the samples");
    }
}

} // namespace klscope::import
