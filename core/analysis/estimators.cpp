#include "estimators.h"

#include "divergence.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <utility>

namespace klscope {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double total(std::span<const double> counts)
{
    double s = 0.0;
    for (const double c : counts)
        s += c;
    return s;
}

void checkCounts(std::span<const double> p, std::span<const double> q, double alpha,
                 std::span<const std::string> labels)
{
    if (p.size() != q.size())
        throw std::invalid_argument("the two histograms have " + std::to_string(p.size()) + " and " +
                                    std::to_string(q.size()) + " bins; they must share their bins");
    if (p.empty())
        throw std::invalid_argument("the histograms have no bins");
    if (!labels.empty() && labels.size() != p.size())
        throw std::invalid_argument("one label per bin is needed");
    if (!(alpha >= 0) || !std::isfinite(alpha))
        throw std::invalid_argument("the smoothing pseudo-count must be finite and >= 0");
    for (const auto side : {p, q})
        for (const double c : side)
            if (!(c >= 0) || !std::isfinite(c))
                throw std::invalid_argument("counts must be finite and >= 0");
    if (!(total(p) > 0) || !(total(q) > 0))
        throw std::invalid_argument("each histogram needs at least one sample");
}

// Counts plus alpha, divided by the smoothed total.
std::vector<double> normalised(std::span<const double> counts, double alpha)
{
    const double sum = total(counts) + alpha * static_cast<double>(counts.size());
    std::vector<double> out(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i)
        out[i] = (counts[i] + alpha) / sum;
    return out;
}

std::string binName(std::span<const std::string> labels, std::size_t i)
{
    return labels.empty() ? "bin " + std::to_string(i) : "bin " + labels[i];
}

// "bin [0.5, 1) holds 3 samples of P and none of Q (and 4 more bins like it)"; "" when every bin of `a` with
// samples has samples of `b`.
std::string emptyBinReason(std::span<const double> a, const std::vector<double> &pa,
                           const std::vector<double> &pb, const char *nameA, const char *nameB,
                           std::span<const std::string> labels)
{
    std::size_t first = a.size(), count = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (pa[i] > 0 && pb[i] == 0) {
            if (count++ == 0)
                first = i;
        }
    if (count == 0)
        return {};
    const auto samples = static_cast<long long>(a[first]);
    std::string s = binName(labels, first) + " holds " + std::to_string(samples) +
                    (samples == 1 ? " sample of " : " samples of ") + nameA + " and none of " + nameB;
    if (count > 1)
        s += " (and " + std::to_string(count - 1) + (count == 2 ? " more bin" : " more bins") + " like it)";
    return s;
}

std::size_t occupied(const std::vector<double> &p)
{
    return static_cast<std::size_t>(std::count_if(p.begin(), p.end(), [](double v) { return v > 0; }));
}

// The bias of the plug-in cross entropy H(A,B) from m samples of B: (sum_{a_i > 0} a_i/b_i - 1)/(2m).
double crossEntropyBias(const std::vector<double> &a, const std::vector<double> &b, double m)
{
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] > 0)
            s += a[i] / b[i];
    return (s - 1.0) / (2.0 * m);
}

// The k-th smallest positive distance from x to the values of `sorted`, walking outwards from [left, right),
// the run of values equal to x (empty when x is not among them); NaN when there are fewer than k.
double kthPositiveDistance(const std::vector<double> &sorted, std::size_t left, std::size_t right, double x,
                           std::size_t k)
{
    double d = kNaN;
    for (std::size_t step = 0; step < k; ++step) {
        const bool hasLeft = left > 0;
        const bool hasRight = right < sorted.size();
        if (!hasLeft && !hasRight)
            return kNaN;
        const double dl = hasLeft ? x - sorted[left - 1] : kInf;
        const double dr = hasRight ? sorted[right] - x : kInf;
        if (dl <= dr) {
            d = dl;
            --left;
        } else {
            d = dr;
            ++right;
        }
    }
    return d;
}

// The estimator on sorted samples. The x are visited in order, so the runs of equal values in both arrays are
// found by pointers that only move forward: O(n k + m) after the sort.
double knnSorted(const std::vector<double> &xs, const std::vector<double> &ys, std::size_t k)
{
    const std::size_t n = xs.size(), m = ys.size();
    if (k == 0 || n < k + 1 || m < k)
        return kNaN;
    double s = 0.0;
    std::size_t runStart = 0, runEnd = 0, yLow = 0, yHigh = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = xs[i];
        if (i == 0 || x != xs[i - 1]) {
            runStart = i;
            runEnd = i;
            while (runEnd < n && xs[runEnd] == x)
                ++runEnd;
            while (yLow < m && ys[yLow] < x)
                ++yLow;
            yHigh = std::max(yHigh, yLow);
            while (yHigh < m && ys[yHigh] == x)
                ++yHigh;
        }
        const double rho = kthPositiveDistance(xs, runStart, runEnd, x, k);
        const double nu = kthPositiveDistance(ys, yLow, yHigh, x, k);
        if (std::isnan(rho) || std::isnan(nu))
            return kNaN;
        s += std::log(nu) - std::log(rho); // not log(nu / rho), which could overflow
    }
    return s / static_cast<double>(n) + std::log(static_cast<double>(m) / static_cast<double>(n - 1));
}

// The bin of each sample, as histogram.cpp's fill() bins it.
std::vector<std::uint32_t> binIndices(std::span<const double> samples, const import::Binning &b)
{
    std::vector<std::uint32_t> out(samples.size());
    const double last = static_cast<double>(b.count - 1);
    for (std::size_t i = 0; i < samples.size(); ++i)
        out[i] =
            static_cast<std::uint32_t>(std::clamp(std::floor((samples[i] - b.origin) / b.width), 0.0, last));
    return out;
}

Estimate pointEstimate(double value, std::string infinite)
{
    Estimate e;
    e.value = value;
    if (std::isinf(value))
        e.infinite = std::move(infinite);
    return e;
}

void setHistogramValues(EstimatorValues &v, const HistogramEstimate &h)
{
    v.klPQ = pointEstimate(h.klPQ, h.infinitePQ);
    v.klQP = pointEstimate(h.klQP, h.infiniteQP);
    v.js = pointEstimate(h.js, {});
}

} // namespace

HistogramEstimate pluginEstimate(std::span<const double> p, std::span<const double> q, double alpha,
                                 std::span<const std::string> labels)
{
    checkCounts(p, q, alpha, labels);
    const std::vector<double> ph = normalised(p, alpha), qh = normalised(q, alpha);
    const DivergenceTotals t = divergences(ph, qh, Unit::Nats);
    HistogramEstimate out;
    out.klPQ = t.klPQ;
    out.klQP = t.klQP;
    out.js = t.js;
    if (std::isinf(t.klPQ))
        out.infinitePQ = emptyBinReason(p, ph, qh, "P", "Q", labels);
    if (std::isinf(t.klQP))
        out.infiniteQP = emptyBinReason(q, qh, ph, "Q", "P", labels);
    return out;
}

HistogramEstimate millerMadowEstimate(std::span<const double> p, std::span<const double> q, double alpha,
                                      std::span<const std::string> labels)
{
    HistogramEstimate out = pluginEstimate(p, q, alpha, labels);
    const std::vector<double> ph = normalised(p, alpha), qh = normalised(q, alpha);
    const double n = total(p), m = total(q);
    const auto kp = static_cast<double>(occupied(ph)), kq = static_cast<double>(occupied(qh));
    if (std::isfinite(out.klPQ))
        out.klPQ -= (kp - 1) / (2 * n) + crossEntropyBias(ph, qh, m);
    if (std::isfinite(out.klQP))
        out.klQP -= (kq - 1) / (2 * m) + crossEntropyBias(qh, ph, n);
    double mixture = 0.0;
    for (std::size_t i = 0; i < ph.size(); ++i) {
        const double mi = (ph[i] + qh[i]) / 2;
        if (mi > 0)
            mixture += (ph[i] * (1 - ph[i]) / n + qh[i] * (1 - qh[i]) / m) / (8 * mi);
    }
    out.js += mixture - (kp - 1) / (4 * n) - (kq - 1) / (4 * m);
    return out;
}

double knnKl(std::span<const double> x, std::span<const double> y, std::size_t k)
{
    std::vector<double> xs(x.begin(), x.end()), ys(y.begin(), y.end());
    std::sort(xs.begin(), xs.end());
    std::sort(ys.begin(), ys.end());
    return knnSorted(xs, ys, k);
}

std::pair<double, double> percentileInterval(std::vector<double> values, double confidence)
{
    std::erase_if(values, [](double v) { return std::isnan(v); });
    if (values.empty())
        return {kNaN, kNaN};
    std::sort(values.begin(), values.end());
    const auto at = [&](double level) {
        const double h = level * static_cast<double>(values.size() - 1);
        const auto lo = static_cast<std::size_t>(std::floor(h));
        const std::size_t hi = std::min(lo + 1, values.size() - 1);
        const double f = h - static_cast<double>(lo);
        if (std::isinf(values[hi]) && f > 0)
            return values[hi];
        if (std::isinf(values[lo]) || f == 0)
            return values[lo];
        return values[lo] + f * (values[hi] - values[lo]);
    };
    return {at((1 - confidence) / 2), at((1 + confidence) / 2)};
}

SampleEstimates estimateFromSamples(std::span<const double> x, std::span<const double> y,
                                    const EstimatorOptions &options, const std::function<bool()> &stop)
{
    if (!(options.confidence > 0 && options.confidence < 1))
        throw std::invalid_argument("the confidence level must lie strictly between 0 and 1");
    if (!(options.smoothing >= 0) || !std::isfinite(options.smoothing))
        throw std::invalid_argument("the smoothing pseudo-count must be finite and >= 0");
    auto histograms = import::binSamplesTogether(x, y, options.binning, "P's samples", "Q's samples");
    if (!histograms)
        throw std::invalid_argument(histograms.error().message);
    SampleEstimates out;
    out.n = x.size();
    out.m = y.size();
    out.histogramP = std::move(histograms->first);
    out.histogramQ = std::move(histograms->second);
    const std::vector<std::string> &labels = out.histogramP.labels;
    const double alpha = options.smoothing;
    setHistogramValues(out.plugin,
                       pluginEstimate(out.histogramP.counts, out.histogramQ.counts, alpha, labels));
    setHistogramValues(out.millerMadow,
                       millerMadowEstimate(out.histogramP.counts, out.histogramQ.counts, alpha, labels));

    std::vector<double> xs(x.begin(), x.end()), ys(y.begin(), y.end());
    std::sort(xs.begin(), xs.end());
    std::sort(ys.begin(), ys.end());
    if (!options.knn) {
        out.knn.reason = "the kNN estimator is for continuous samples";
    } else {
        const double pq = knnSorted(xs, ys, options.k);
        const double qp = knnSorted(ys, xs, options.k);
        if (std::isnan(pq) || std::isnan(qp)) {
            out.knn.reason = "the kNN estimator needs more than k = " + std::to_string(options.k) +
                             " distinct values on each side";
        } else {
            out.knn.klPQ.value = pq;
            out.knn.klQP.value = qp;
        }
    }
    if (options.bootstrap == 0)
        return out;

    const import::Binning &binning = out.histogramP.binning;
    const std::vector<std::uint32_t> binsP = binIndices(x, binning), binsQ = binIndices(y, binning);
    std::mt19937_64 rng(options.seed);
    std::uniform_int_distribution<std::size_t> pickP(0, x.size() - 1), pickQ(0, y.size() - 1);
    const bool knn = out.knn.applies() && options.knn;
    std::vector<std::vector<double>> values(8); // plug-in 3, Miller-Madow 3, kNN 2
    std::vector<double> cp(binning.count), cq(binning.count), rx(knn ? x.size() : 0), ry(knn ? y.size() : 0);
    for (std::size_t b = 0; b < options.bootstrap; ++b) {
        if (stop && stop())
            return out;
        std::fill(cp.begin(), cp.end(), 0.0);
        std::fill(cq.begin(), cq.end(), 0.0);
        for (std::size_t i = 0; i < x.size(); ++i) {
            const std::size_t j = pickP(rng);
            cp[binsP[j]] += 1;
            if (knn)
                rx[i] = x[j];
        }
        for (std::size_t i = 0; i < y.size(); ++i) {
            const std::size_t j = pickQ(rng);
            cq[binsQ[j]] += 1;
            if (knn)
                ry[i] = y[j];
        }
        const HistogramEstimate plug = pluginEstimate(cp, cq, alpha);
        const HistogramEstimate mm = millerMadowEstimate(cp, cq, alpha);
        for (const auto &[index, value] :
             {std::pair{0, plug.klPQ}, std::pair{1, plug.klQP}, std::pair{2, plug.js}, std::pair{3, mm.klPQ},
              std::pair{4, mm.klQP}, std::pair{5, mm.js}})
            values[static_cast<std::size_t>(index)].push_back(value);
        if (knn) {
            std::sort(rx.begin(), rx.end());
            std::sort(ry.begin(), ry.end());
            values[6].push_back(knnSorted(rx, ry, options.k));
            values[7].push_back(knnSorted(ry, rx, options.k));
        }
    }
    const auto setInterval = [&](Estimate &e, std::size_t index) {
        std::tie(e.ciLow, e.ciHigh) = percentileInterval(std::move(values[index]), options.confidence);
    };
    setInterval(out.plugin.klPQ, 0);
    setInterval(out.plugin.klQP, 1);
    setInterval(out.plugin.js, 2);
    setInterval(out.millerMadow.klPQ, 3);
    setInterval(out.millerMadow.klQP, 4);
    setInterval(out.millerMadow.js, 5);
    if (knn) {
        setInterval(out.knn.klPQ, 6);
        setInterval(out.knn.klQP, 7);
    }
    return out;
}

} // namespace klscope
