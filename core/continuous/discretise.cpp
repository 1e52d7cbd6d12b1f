// Discretisation (discretise.h). The survival functions come from each family's own formula: the
// complementary error function, the upper regularised incomplete gamma and beta functions, the exponential
// and, for the families symmetric about mu (Laplace, Student t, Cauchy), the cdf at the mirrored point.

#include "discretise.h"

#include "comparison.h"
#include "nothrowpolicy.h"

#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>
#include <stdexcept>

namespace klscope {

namespace {

double normalSurvival(double mu, double sigma, double x) noexcept
{
    return 0.5 * boost::math::erfc((x - mu) / (sigma * std::numbers::sqrt2), continuous::NoThrowPolicy());
}

struct Survival
{
    double x;

    double operator()(const Normal &d) const noexcept { return normalSurvival(d.mu(), d.sigma(), x); }
    double operator()(const LogNormal &d) const noexcept
    {
        return x <= 0.0 ? 1.0 : normalSurvival(d.mu(), d.sigma(), std::log(x));
    }
    double operator()(const Exponential &d) const noexcept
    {
        return x <= 0.0 ? 1.0 : std::exp(-d.rate() * x);
    }
    double operator()(const Gamma &d) const noexcept
    {
        return x <= 0.0 ? 1.0 : boost::math::gamma_q(d.shape(), d.rate() * x, continuous::NoThrowPolicy());
    }
    double operator()(const Beta &d) const noexcept
    {
        if (x <= 0.0)
            return 1.0;
        if (x >= 1.0)
            return 0.0;
        return boost::math::ibetac(d.a(), d.b(), x, continuous::NoThrowPolicy());
    }
    double operator()(const Laplace &d) const noexcept { return cdf(d, 2.0 * d.mu() - x); }
    double operator()(const StudentT &d) const noexcept { return cdf(d, 2.0 * d.mu() - x); }
    double operator()(const Cauchy &d) const noexcept { return cdf(d, 2.0 * d.x0() - x); }
    double operator()(const ContinuousUniform &d) const noexcept
    {
        if (x <= d.a())
            return 1.0;
        if (x >= d.b())
            return 0.0;
        return (d.b() - x) / (d.b() - d.a());
    }
    double operator()(const GaussianMixture &d) const noexcept
    {
        double s = 0.0;
        for (const MixtureComponent &c : d.components())
            s += c.weight * normalSurvival(c.mu, c.sigma, x);
        return s;
    }
};

// The masses of the bins between `edges` (the first bin open to -inf, the last to +inf): differences of
// the cdf below the median, of the survival function above it.
std::vector<double> binMasses(const ContinuousDistribution &d, std::span<const double> edges, double &below,
                              double &above)
{
    const std::size_t bins = edges.size() - 1;
    const double median = quantile(d, 0.5);
    std::vector<double> lower(edges.size()), upper(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        lower[i] = cdf(d, edges[i]);
        upper[i] = survival(d, edges[i]);
    }
    below = lower.front();
    above = upper.back();
    std::vector<double> masses(bins);
    for (std::size_t i = 0; i < bins; ++i) {
        const bool open0 = i == 0, open1 = i + 1 == bins;
        const double a = edges[i], b = edges[i + 1];
        double m = 0.0;
        if (open0 && open1)
            m = 1.0;
        else if (open0)
            m = b <= median ? lower[i + 1] : 1.0 - upper[i + 1];
        else if (open1)
            m = a >= median ? upper[i] : 1.0 - lower[i];
        else if (b <= median)
            m = lower[i + 1] - lower[i];
        else if (a >= median)
            m = upper[i] - upper[i + 1];
        else
            m = 1.0 - lower[i] - upper[i + 1];
        masses[i] = std::max(m, 0.0);
    }
    return masses;
}

std::string number(double x)
{
    std::ostringstream s;
    s.precision(6);
    s << x;
    return s.str();
}

} // namespace

double survival(const ContinuousDistribution &d, double x) noexcept
{
    if (std::isnan(x))
        return x;
    if (x == -std::numeric_limits<double>::infinity())
        return 1.0;
    if (x == std::numeric_limits<double>::infinity())
        return 0.0;
    return std::visit(Survival{x}, d);
}

BinnedPair discretise(const ContinuousDistribution &p, const ContinuousDistribution &q, double h,
                      double origin)
{
    if (!(h > 0.0) || !std::isfinite(h))
        throw std::invalid_argument("discretise: the bin width must be a positive finite number, not " +
                                    number(h));
    if (!std::isfinite(origin))
        throw std::invalid_argument("discretise: the grid origin must be finite, not " + number(origin));
    const double lo = std::min(quantile(p, kBinTail), quantile(q, kBinTail));
    const double hi = std::max(quantile(p, 1.0 - kBinTail), quantile(q, 1.0 - kBinTail));
    const double first = std::floor((lo - origin) / h);
    const double last = std::max(std::ceil((hi - origin) / h), first + 1.0);
    // The edges are origin + k h for integer k: k must be exact in a double and neighbouring edges distinct.
    const std::string farOrigin =
        "discretise: the grid origin " + number(origin) + " is too far from [" + number(lo) + ", " +
        number(hi) + "] for width " + number(h) +
        ": the bin edges would not be distinct numbers; choose an origin nearer the "
        "densities or a wider h";
    if (!(std::fabs(first) <= 0x1.0p52 && std::fabs(last) <= 0x1.0p52))
        throw std::invalid_argument(farOrigin);
    const double count = last - first;
    if (!(count <= static_cast<double>(kMaxBins)))
        throw std::invalid_argument(
            "discretise: width " + number(h) + " needs " + number(count) + " bins to cover [" + number(lo) +
            ", " + number(hi) + "], where both densities hold all but 1e-12 of their mass; at most " +
            std::to_string(kMaxBins) + " are allowed, so the width must be at least " +
            number((hi - lo) / static_cast<double>(kMaxBins - 1)));
    BinnedPair binned;
    binned.width = h;
    const auto bins = static_cast<std::size_t>(count);
    binned.edges.resize(bins + 1);
    for (std::size_t i = 0; i <= bins; ++i)
        binned.edges[i] = origin + (first + static_cast<double>(i)) * h;
    for (std::size_t i = 0; i < bins; ++i)
        if (!(binned.edges[i] < binned.edges[i + 1]))
            throw std::invalid_argument(farOrigin);
    binned.p = binMasses(p, binned.edges, binned.belowP, binned.aboveP);
    binned.q = binMasses(q, binned.edges, binned.belowQ, binned.aboveQ);

    // An end bin whose mass underflowed (to 0 or a subnormal) on a side whose support reaches into it (a
    // normal far out against a Student t) would make the discrete KL infinite where the continuous one is
    // not: merge such bins into their neighbour towards the centre, where the mass is representable.
    const std::size_t n = binned.p.size();
    const Interval supportP = support(p), supportQ = support(q);
    auto underflowed = [&](std::size_t i) {
        const double a = i == 0 ? -std::numeric_limits<double>::infinity() : binned.edges[i];
        const double b = i + 1 == n ? std::numeric_limits<double>::infinity() : binned.edges[i + 1];
        // Below the smallest normal double a difference of two tail values has lost its digits (and may be
        // 0 between two positive ones), so such a bin counts as underflowed too.
        const auto lost = [a, b](double mass, const Interval &s) {
            return mass < std::numeric_limits<double>::min() && s.low < b && a < s.high;
        };
        return lost(binned.p[i], supportP) || lost(binned.q[i], supportQ);
    };
    std::size_t lastKept = n - 1, firstKept = 0;
    while (lastKept > 0 && underflowed(lastKept))
        --lastKept;
    while (firstKept < lastKept && underflowed(firstKept))
        ++firstKept;
    if (lastKept + 1 < n || firstKept > 0) {
        // Keep the outer edges (the covered range); drop the inner edges of the merged bins.
        std::vector<double> edges;
        edges.reserve(lastKept - firstKept + 2);
        edges.push_back(binned.edges.front());
        edges.insert(edges.end(), binned.edges.begin() + static_cast<std::ptrdiff_t>(firstKept) + 1,
                     binned.edges.begin() + static_cast<std::ptrdiff_t>(lastKept) + 1);
        edges.push_back(binned.edges.back());
        binned.edges = std::move(edges);
        binned.p = binMasses(p, binned.edges, binned.belowP, binned.aboveP);
        binned.q = binMasses(q, binned.edges, binned.belowQ, binned.aboveQ);
    }
    return binned;
}

std::pair<Custom, Custom> asCustomPair(const BinnedPair &binned)
{
    return {Custom(binned.p), Custom(binned.q)};
}

std::vector<DiscreteKlPoint> discreteKlAgainstWidth(const ContinuousDistribution &p,
                                                    const ContinuousDistribution &q,
                                                    std::span<const double> widths, double origin)
{
    std::vector<DiscreteKlPoint> points;
    points.reserve(widths.size());
    CompareOptions options;
    options.perEvent = false;
    for (const double h : widths) {
        DiscreteKlPoint point;
        point.width = h;
        try {
            const BinnedPair binned = discretise(p, q, h, origin);
            point.bins = binned.p.size();
            const auto [dp, dq] = asCustomPair(binned);
            const Comparison c = compare(dp, dq, options);
            point.klPQ = c.totals.klPQ;
            point.klQP = c.totals.klQP;
        } catch (const std::invalid_argument &e) {
            point.klPQ = point.klQP = std::numeric_limits<double>::quiet_NaN();
            point.note = e.what();
        }
        points.push_back(std::move(point));
    }
    return points;
}

} // namespace klscope
