// compareContinuous: see continuouscomparison.h. KL(P||Q) by quadrature integrates bregman(ln p, ln q)
// = p ln(p/q) - p + q >= 0 over P's support and adds Q's mass outside it (the integral of -p + q there).

#include "continuouscomparison.h"

#include "continuousclosedform.h"
#include "infinitykl.h"
#include "integrands.h"
#include "mixturekl.h"
#include "quadrature.h"
#include "validation.h"

#include <boost/math/tools/toms748_solve.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace klscope {

namespace {

using continuous::Estimate;
using continuous::SplitPoints;

constexpr double kInf = std::numeric_limits<double>::infinity();

// Split points: each density's modes and kinks, with points 4 widths either side so that the
// adaptive rules see a density's core even when the other one sits far away.
void addSplits(SplitPoints &split, const ContinuousDistribution &d)
{
    std::array<double, 20> points{};
    const std::size_t n = breakpoints(d, points);
    const double s = scale(d);
    for (std::size_t i = 0; i < n; ++i) {
        split.add(points[i]);
        if (std::isfinite(s) && n <= 4) {
            split.add(points[i] - 4.0 * s);
            split.add(points[i] + 4.0 * s);
        }
    }
    const Interval sup = support(d);
    split.add(sup.low);
    split.add(sup.high);
}

struct Pair
{
    const ContinuousDistribution &p, &q;
    Interval sp, sq;

    bool isEdge(double x) const noexcept
    {
        return x == sp.low || x == sp.high || x == sq.low || x == sq.high;
    }
};

// Where ln p - ln q changes sign: |p - q| has a kink there, which the rules must not straddle. The scan
// visits each density's modes and kinks plus and minus geometrically growing multiples of its width (0.25 to
// 2^20 widths, so it is dense where the mass is and still reaches heavy tails), finds the sign changes
// between neighbours, and TOMS 748 the roots. No quantile is needed, which keeps mixtures and Student t
// cheap.
void addCrossings(SplitPoints &split, const Pair &pair)
{
    const double lowEdge = std::fmax(pair.sp.low, pair.sq.low),
                 highEdge = std::fmin(pair.sp.high, pair.sq.high);
    std::array<double, 360> xs{};
    std::size_t n = 0;
    const auto add = [&](double x) {
        if (std::isfinite(x) && x > lowEdge && x < highEdge && n < xs.size())
            xs[n++] = x;
    };
    for (const ContinuousDistribution *d : {&pair.p, &pair.q}) {
        std::array<double, 20> centres{};
        std::size_t m = breakpoints(*d, centres);
        const Interval s = support(*d);
        if (m == 0 || m > 4) {
            // Too many modes to fan out from each (or none): the centre of mass, or the middle of the
            // support.
            const double c = std::isfinite(mean(*d)) ? mean(*d) : 0.5 * (s.low + s.high);
            centres[0] = std::isfinite(c) ? c : 0.0;
            m = 1;
        }
        const double w = scale(*d);
        for (std::size_t i = 0; i < m; ++i) {
            add(centres[i]);
            for (double k = 0.25; k <= 1048576.0; k *= 1.5) {
                add(centres[i] - k * w);
                add(centres[i] + k * w);
            }
        }
        add(s.low + 1e-9 * (s.high - s.low));
        add(s.high - 1e-9 * (s.high - s.low));
    }
    std::sort(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(n));
    const auto diff = [&](double x) {
        return logpdf(pair.p, x) - logpdf(pair.q, x);
    };
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double x0 = xs[i], x1 = xs[i + 1];
        if (!(x0 < x1))
            continue;
        const double d0 = diff(x0), d1 = diff(x1);
        if (std::isfinite(d0) && std::isfinite(d1) && ((d0 < 0.0 && d1 > 0.0) || (d0 > 0.0 && d1 < 0.0))) {
            std::uintmax_t iterations = 60;
            const auto root = boost::math::tools::toms748_solve(diff, x0, x1, d0, d1,
                                                                boost::math::tools::eps_tolerance<double>(50),
                                                                iterations, continuous::NoThrowPolicy());
            split.add(0.5 * root.first + 0.5 * root.second);
        }
    }
}

template <class F, class EdgeRule = continuous::NoEdgeRule>
Estimate integrateOver(const Pair &pair, const F &f, Interval range, double width, double tol,
                       bool splitAtCrossings = false, const EdgeRule &edge = {})
{
    SplitPoints split;
    addSplits(split, pair.p);
    addSplits(split, pair.q);
    if (splitAtCrossings)
        addCrossings(split, pair);
    return continuous::integrate(
        f, range.low, range.high, split, width, tol, [&](double x) { return pair.isEdge(x); }, edge);
}

// ln f(x) where x = end - gap with gap exact: a beta density at its right end 1 takes ln(1 - x) = ln(gap),
// which keeps its pole resolved below the 1.1e-16 spacing of doubles next to 1.
double logDensityNearEnd(const ContinuousDistribution &d, double x, double end, double gap) noexcept
{
    if (const auto *beta = std::get_if<Beta>(&d); beta && end == 1.0 && gap > 0.0 && gap < 0.5) {
        const double left = beta->a() == 1.0 ? 0.0 : (beta->a() - 1.0) * std::log(x);
        const double right = beta->b() == 1.0 ? 0.0 : (beta->b() - 1.0) * std::log(gap);
        return left + right - beta->logBetaFunction();
    }
    return logpdf(d, x);
}

// Next to a finite support end KL integrates a ln(a/b) (weighted by a, so a pole of b is harmless) and adds
// B(piece) - A(piece) from the cdfs, instead of a ln(a/b) - a + b, whose + b term would carry a pole of b
// that double precision cannot resolve within 1e-16 of the end.
struct KlEdgeRule
{
    static constexpr bool active = true;
    const ContinuousDistribution &a, &b;

    double integrand(double x, double end, double gap) const noexcept
    {
        const double la = logDensityNearEnd(a, x, end, gap);
        if (la == -kInf)
            return 0.0;
        const double pa = std::exp(la);
        return pa == 0.0 ? 0.0 : pa * (la - logDensityNearEnd(b, x, end, gap));
    }
    double correction(double low, double high) const noexcept
    {
        return (cdf(b, high) - cdf(b, low)) - (cdf(a, high) - cdf(a, low));
    }
};

// The quadrature tolerance handed to Boost: a tenth of the one asked for, as a margin on Boost's estimate
// (the gap between two levels, or between Gauss and Kronrod, which for smooth integrands overstates the
// error).
double innerTolerance(double tol)
{
    return std::fmax(tol * 0.1, 1e-15);
}

// KL(A||B) in nats by quadrature, A's support inside B's.
Estimate klQuadrature(const Pair &pair, bool forward, double tol)
{
    const ContinuousDistribution &a = forward ? pair.p : pair.q;
    const ContinuousDistribution &b = forward ? pair.q : pair.p;
    const Interval sa = support(a);
    const auto f = [&](double x) {
        return continuous::bregman(logpdf(a, x), logpdf(b, x));
    };
    Estimate e = integrateOver(pair, f, sa, scale(a), innerTolerance(tol), false, KlEdgeRule{a, b});
    const double outside = (std::isfinite(sa.low) ? cdf(b, sa.low) : 0.0) +
                           (std::isfinite(sa.high) ? 1.0 - cdf(b, sa.high) : 0.0);
    e.value += std::max(outside, 0.0);
    return e;
}

MetricValue closedOrInfinite(double value)
{
    return {value,
            std::isfinite(value) ? 4.0 * std::numeric_limits<double>::epsilon() * std::fabs(value) : 0.0,
            ContinuousMethod::ClosedForm};
}

MetricValue fromEstimate(const Estimate &e)
{
    return {e.value, e.error, ContinuousMethod::Quadrature};
}

void scaleMetric(MetricValue &m, double factor)
{
    m.value *= factor;
    m.error *= factor;
}

MetricValue sumOf(const MetricValue &a, const MetricValue &b)
{
    // An infinite term makes the sum infinite by the rule that decided it: no error estimate, its method.
    if (!std::isfinite(a.value) || !std::isfinite(b.value)) {
        const MetricValue &decided = std::isfinite(a.value) ? b : a;
        return {a.value + b.value, 0.0, decided.method};
    }
    const ContinuousMethod method =
        a.method == ContinuousMethod::ClosedForm && b.method == ContinuousMethod::ClosedForm
            ? ContinuousMethod::ClosedForm
            : ContinuousMethod::Quadrature;
    return {a.value + b.value, a.error + b.error, method};
}

void checkError(std::vector<std::string> &warnings, const char *name, const MetricValue &m, double tol)
{
    if (m.method != ContinuousMethod::Quadrature)
        return;
    if (std::isnan(m.value)) {
        warnings.push_back(std::string("the quadrature of ") + name +
                           " did not converge to a finite number; the value is not available");
        return;
    }
    if (m.error > tol * std::fabs(m.value) && m.error > 1e-300)
        warnings.push_back(std::string("the quadrature error estimate of ") + name + ", " +
                           validation::formatNumber(m.error) + ", exceeds the tolerance (" +
                           validation::formatNumber(tol) + " relative to the value " +
                           validation::formatNumber(m.value) + ")");
}

// A plotting range: where either density has all but 1e-3 of its mass on each side, widened by 10%.
Interval gridRange(const ContinuousDistribution &p, const ContinuousDistribution &q)
{
    double low = std::fmin(quantile(p, 1e-3), quantile(q, 1e-3));
    double high = std::fmax(quantile(p, 1.0 - 1e-3), quantile(q, 1.0 - 1e-3));
    if (!std::isfinite(low) || !std::isfinite(high) || !(low < high)) {
        low = -1.0;
        high = 1.0;
    }
    const double pad = 0.1 * (high - low);
    const Interval sp = support(p), sq = support(q);
    low = std::fmax(low - pad, std::fmin(sp.low, sq.low));
    high = std::fmin(high + pad, std::fmax(sp.high, sq.high));
    return {low, high};
}

// n increasing points over gridRange(p, q). Uniform, unless the range is more than four times as wide as
// where both sides hold their central 98% (heavy tails: a Cauchy's 1e-3 quantile is −318): then half the
// points go to that centre and the tails share the rest by length, so the bulk is drawn as finely as a
// light-tailed pair's instead of at a spacing of the range's width / n.
std::vector<double> gridPoints(const ContinuousDistribution &p, const ContinuousDistribution &q,
                               std::size_t n)
{
    const Interval r = gridRange(p, q);
    double centreLow = std::fmin(quantile(p, 0.01), quantile(q, 0.01));
    double centreHigh = std::fmax(quantile(p, 0.99), quantile(q, 0.99));
    const double pad = 0.1 * (centreHigh - centreLow);
    centreLow = std::fmax(centreLow - pad, r.low);
    centreHigh = std::fmin(centreHigh + pad, r.high);
    std::vector<double> xs;
    xs.reserve(n);
    const auto segment = [&xs](double low, double high, std::size_t count, bool last) {
        // `count` points from low on, at a spacing that reaches high after `count` steps (or at the
        // last point when `last`).
        const std::size_t steps = last ? count - 1 : count;
        for (std::size_t i = 0; i < count; ++i)
            xs.push_back(last && i + 1 == count ? high : low + (high - low) * static_cast<double>(i) / steps);
    };
    const double width = r.high - r.low;
    if (!(centreLow < centreHigh) || !(centreHigh - centreLow < 0.25 * width) || n < 16) {
        segment(r.low, r.high, n, true);
        return xs;
    }
    // The tails share n − n/2 points by length (the right one ends at r.high); a tail of no length (a
    // support's end) gives its points to the centre.
    const double leftLength = centreLow - r.low, rightLength = r.high - centreHigh;
    const std::size_t tails = n - n / 2;
    std::size_t left = std::size_t(std::lround(leftLength / (leftLength + rightLength) * double(tails - 1)));
    std::size_t right = tails - left;
    if (!(leftLength > 0))
        left = 0;
    if (!(rightLength > 0))
        right = 1;
    segment(r.low, centreLow, left, false);
    segment(centreLow, centreHigh, n - left - right, false);
    segment(centreHigh, r.high, right, true);
    return xs;
}

double klTerm(double la, double lb) noexcept
{
    if (la == -kInf)
        return 0.0;
    const double a = std::exp(la);
    if (a == 0.0)
        return 0.0;
    if (lb == -kInf)
        return kInf;
    return a * (la - lb);
}

ContinuousGrid makeGrid(const ContinuousDistribution &p, const ContinuousDistribution &q, std::size_t n,
                        double factor)
{
    ContinuousGrid g;
    if (n < 2)
        return g;
    const std::vector<double> xs = gridPoints(p, q, n);
    for (auto *v : {&g.x, &g.p, &g.q, &g.klPQ, &g.klQP, &g.js})
        v->reserve(n);
    for (const double x : xs) {
        const double lp = logpdf(p, x), lq = logpdf(q, x);
        g.x.push_back(x);
        g.p.push_back(std::exp(lp));
        g.q.push_back(std::exp(lq));
        g.klPQ.push_back(klTerm(lp, lq) * factor);
        g.klQP.push_back(klTerm(lq, lp) * factor);
        double js = 0.0;
        if (lp != -kInf || lq != -kInf) {
            const double lm = continuous::logAddExp(lp, lq) - std::numbers::ln2;
            js = 0.5 * (klTerm(lp, lm) + klTerm(lq, lm));
        }
        g.js.push_back(js * factor);
    }
    return g;
}

MixtureRoutes mixtureRoutes(const ContinuousDistribution &a, const ContinuousDistribution &b, bool infinite,
                            const ContinuousCompareOptions &options, double factor)
{
    MixtureRoutes r;
    if (!infinite && options.samples >= 2) {
        const MonteCarloEstimate mc = monteCarloKl(a, b, options.samples, options.seed);
        r.monteCarlo = mc.value * factor;
        r.standardError = mc.standardError * factor;
    }
    const auto fa = asGaussianMixture(a), fb = asGaussianMixture(b);
    if (fa && fb) {
        r.variational = variationalKl(*fa, *fb) * factor;
        const KlBounds bounds = klBounds(*fa, *fb);
        r.lowerBound = bounds.lower * factor;
        r.upperBound = bounds.upper * factor;
    }
    return r;
}

// The two normals behind a normal or a lognormal pair (TV, Hellinger and JS are invariant under x -> ln x).
std::optional<std::pair<Normal, Normal>> normalPair(const ContinuousDistribution &p,
                                                    const ContinuousDistribution &q)
{
    if (const auto *a = std::get_if<Normal>(&p))
        if (const auto *b = std::get_if<Normal>(&q))
            return std::pair{*a, *b};
    if (const auto *a = std::get_if<LogNormal>(&p))
        if (const auto *b = std::get_if<LogNormal>(&q))
            return std::pair{Normal(a->mu(), a->sigma()), Normal(b->mu(), b->sigma())};
    return std::nullopt;
}

// JS of two normals by the trapezoid rule, which converges geometrically for integrands analytic in a strip
// (Trefethen & Weideman, SIAM Review 56, 2014): the step is a quarter of the strip's half-width, the smaller
// of the narrower sigma and the exact distance of the integrand's nearest complex singularity (below). The
// error estimate is |T(h) - T(2h)|^2/|T(h)|: the error of an exponentially convergent rule squares when h
// halves; to it adds a bound on the rounding of ln p - ln q, which dominates for nearly equal normals.
// nullopt beyond 4096 points (the caller then integrates adaptively).
// The integrand is jsIntegrand's (p + q)/2 D(s), s = |ln p - ln q|, D = ln 2 - H(r), r = p/(p + q) and H the
// binary entropy, made cheap at each node: ln p and ln q are quadratics, and with u = e^-s one exp and one
// log1p give (p + q) D = max(p, q) ((1 + u)(ln 2 - ln(1 + u)) - s u) (for s >= 0.405, where the terms
// cancel by at most a factor 40; below, jsIntegrand's series in t = tanh(s/2) with constant coefficients).
// Two routes, chosen by the closed-form Hellinger distance H^2 = 1 - BC, since ln 2 H^2 <= JS <= H^2 (D(s)
// over the Hellinger integrand's 1 - sech(s/2) lies between ln 2 and 1):
//   * H^2 < 0.1 (nearly equal normals): JS itself, over 9 widths either side of each mean (the integrand
//     is below 1e-17 of its peak beyond);
//   * H^2 >= 0.1: JS = ln 2 - C, C the integral of (p + q) H(r)/2 = max(p, q) ((1 + u) ln(1 + u) + s u)/2,
//     a sum of positive terms below min(p, q)(1 + s/2) <= sqrt(pq)(1 + s/2). sqrt(pq) is BC times a normal
//     whose precision is the mean of the two precisions, so 9 of its widths either side of its mean hold C
//     to 1e-18; that range is much shorter than the union of the two when the means or the widths differ,
//     and ln 2 - C loses at most a factor ln 2/JS <= 10 to cancellation.
std::optional<Estimate> normalJs(const Normal &a, const Normal &b) noexcept
{
    const double sigmaMin = std::fmin(a.sigma(), b.sigma());
    const double ia = 1.0 / a.sigma(), ib = 1.0 / b.sigma();
    // ln p - ln q = c - (za - zb)(za + zb)/2 with z = (x - mu)/sigma, written so that nearly equal normals
    // lose nothing: c = ln(sigma_b/sigma_a) and za - zb = (x - mu_a) di + (mu_b - mu_a)/sigma_b with di = 1/
    // sigma_a - 1/sigma_b = (sigma_b - sigma_a)/(sigma_a sigma_b), each from exact differences.
    const double c = std::log1p((b.sigma() - a.sigma()) / a.sigma());
    const double di = (b.sigma() - a.sigma()) / (a.sigma() * b.sigma());
    const double dmu = (b.mu() - a.mu()) * ib;
    // The strip: s(x) = ln p - ln q = alpha x^2 + beta x + constant has the nearest singularities of the
    // integrand (those of ln cosh(s/2) and tanh(s/2)) where s = +-i pi, at the distance |Im sqrt(Delta)|/
    // (2 |alpha|), Delta = beta^2 - 4 alpha constant + 4 i pi alpha, from the real axis; for R = Re Delta >=
    // 0 that is 2 pi/sqrt(2 (|Delta| + R)) without cancellation (pi/|beta| for equal sigmas). The strip is
    // the smaller of that and the narrower sigma (which the Gaussian factors need).
    const double alpha = -0.5 * di * (ia + ib);
    const double beta = a.mu() * ia * ia - b.mu() * ib * ib;
    const double constant = c - 0.5 * (a.mu() * ia - b.mu() * ib) * (a.mu() * ia + b.mu() * ib);
    const double re = beta * beta - 4.0 * alpha * constant, im = 4.0 * std::numbers::pi * alpha;
    const double modulus = std::hypot(re, im);
    const double distance = re >= 0.0 ? 2.0 * std::numbers::pi / std::sqrt(2.0 * (modulus + re))
                                      : std::sqrt(0.5 * (modulus - re)) / (2.0 * std::fabs(alpha));
    const double strip = std::isfinite(distance) ? std::fmin(sigmaMin, distance) : sigmaMin;
    const bool complement = normalHellingerSquared(a, b) >= 0.1;
    double low = 0.0, high = 0.0;
    if (complement) {
        const double precision = 0.5 * (ia * ia + ib * ib);
        const double centre = 0.5 * (a.mu() * ia * ia + b.mu() * ib * ib) / precision;
        const double width = 9.0 / std::sqrt(precision);
        low = centre - width;
        high = centre + width;
    } else {
        low = std::fmin(a.mu() - 9.0 * a.sigma(), b.mu() - 9.0 * b.sigma());
        high = std::fmax(a.mu() + 9.0 * a.sigma(), b.mu() + 9.0 * b.sigma());
    }
    const double n = std::ceil((high - low) / (0.25 * strip));
    if (!(n <= 4096.0))
        return std::nullopt;
    const int count = 2 * (static_cast<int>(n) / 2 + 1);
    const double h = (high - low) / count;
    // ln p and ln q inline: -z^2/2 + constant.
    const double ca = -std::log(a.sigma()) - 0.91893853320467274178,
                 cb = -std::log(b.sigma()) - 0.91893853320467274178;
    static constexpr std::array<double, 12> series = [] {
        std::array<double, 12> c{};
        for (int k = 1; k <= 12; ++k)
            c[static_cast<std::size_t>(k - 1)] = 1.0 / (2.0 * k * (2.0 * k - 1.0));
        return c;
    }();
    double even = 0.0, odd = 0.0, rounding = 0.0;
    for (int i = 0; i <= count; ++i) {
        const double x = low + h * i;
        const double za = (x - a.mu()) * ia, zb = (x - b.mu()) * ib;
        const double lp = ca - 0.5 * za * za, lq = cb - 0.5 * zb * zb;
        const double quadratic = 0.5 * ((x - a.mu()) * di + dmu) * (za + zb);
        const double s = std::fabs(c - quadratic);
        double v = 0.0, half = 0.0; // the integrand and (p + q)/2, both over max(p, q)
        if (complement) {
            const double u = std::exp(-s);
            half = 0.5 * (1.0 + u);
            v = half * std::log1p(u) + 0.5 * s * u;
        } else if (s < 0.405) {
            const double em = std::expm1(-s); // e^-s - 1
            const double t = -em / (2.0 + em);
            const double t2 = t * t;
            double d = 0.0;
            for (std::size_t k = series.size(); k-- > 0;)
                d = d * t2 + series[k];
            half = 0.5 * (2.0 + em);
            v = half * d * t2;
        } else {
            const double u = std::exp(-s);
            half = 0.5 * (1.0 + u);
            v = half * (std::numbers::ln2 - std::log1p(u)) - 0.5 * s * u;
        }
        const double w = std::exp(std::fmax(lp, lq));
        v *= w;
        (i % 2 == 0 ? even : odd) += v;
        // Rounding: s is off by a few eps (|c| + |quadratic|) and moves D (and H) by |dD/ds| <= min(s/4,
        // 0.224) (D = y tanh y - ln cosh y with y = s/2, and y sech^2 y <= 0.448); max(p, q) = e^top moves
        // v by eps |top|, relative.
        rounding += half * w * std::fmin(0.25 * s, 0.224) * 8.0 * (std::fabs(c) + std::fabs(quadratic)) +
                    v * (std::fabs(lp) + std::fabs(lq) + 1.0);
    }
    rounding *= h * std::numeric_limits<double>::epsilon();
    const double fine = h * (even + odd), coarse = 2.0 * h * even;
    const double d = fine - coarse;
    Estimate e;
    e.value = complement ? std::numbers::ln2 - fine : fine;
    e.error = (fine > 0.0 ? std::fmax(d * d / fine, 4.0 * std::numeric_limits<double>::epsilon() * fine)
                          : std::fabs(d)) +
              rounding + (complement ? std::numeric_limits<double>::epsilon() * std::numbers::ln2 : 0.0);
    return e;
}

// The trapezoid rule for a pair of Gaussian densities (normals or mixtures): every integrand here but TV's
// |p - q| is analytic in a strip around the real axis, whose half-width is at least the narrowest component's
// sigma, and pi sigma^2/spread where far-apart components put zeros of p + q (or of p) near the axis. The
// rule converges geometrically in that case (Trefethen & Weideman 2014); the step is a quarter of the strip,
// the range 10 widths beyond every component (the integrands are below 1e-20 of their peak there), and the
// error estimate |T(h) - T(2h)|^2/|T(h)| (the error squares when h halves). nullopt when the pair is not
// Gaussian or would need more than 8192 points.
struct GaussianGrid
{
    double low = 0.0, h = 0.0;
    int count = 0; // even; points 0..count
};

std::optional<GaussianGrid> gaussianGrid(const ContinuousDistribution &p, const ContinuousDistribution &q)
{
    const auto a = asGaussianMixture(p), b = asGaussianMixture(q);
    if (!a || !b)
        return std::nullopt;
    double low = kInf, high = -kInf, sigmaMin = kInf, muLow = kInf, muHigh = -kInf;
    for (const GaussianMixture *m : {&*a, &*b})
        for (const MixtureComponent &c : m->components()) {
            low = std::fmin(low, c.mu - 10.0 * c.sigma);
            high = std::fmax(high, c.mu + 10.0 * c.sigma);
            sigmaMin = std::fmin(sigmaMin, c.sigma);
            muLow = std::fmin(muLow, c.mu);
            muHigh = std::fmax(muHigh, c.mu);
        }
    const double spread = muHigh - muLow;
    const double strip =
        spread > 0.0 ? std::fmin(sigmaMin, std::numbers::pi * sigmaMin * sigmaMin / spread) : sigmaMin;
    const double n = std::ceil((high - low) / (0.25 * strip));
    if (!(n <= 8192.0))
        return std::nullopt;
    GaussianGrid g;
    g.count = 2 * (static_cast<int>(n) / 2 + 1);
    g.low = low;
    g.h = (high - low) / g.count;
    return g;
}

template <class F> Estimate trapezoid(const GaussianGrid &g, const F &f)
{
    double even = 0.0, odd = 0.0;
    for (int i = 0; i <= g.count; ++i)
        (i % 2 == 0 ? even : odd) += f(g.low + g.h * i);
    const double fine = g.h * (even + odd), coarse = 2.0 * g.h * even;
    const double d = fine - coarse;
    Estimate e;
    e.value = fine;
    e.error = std::fabs(fine) > 0.0
                  ? std::fmax(d * d / std::fabs(fine),
                              4.0 * std::numeric_limits<double>::epsilon() * std::fabs(fine))
                  : std::fabs(d);
    return e;
}

} // namespace

std::string_view methodName(ContinuousMethod method) noexcept
{
    switch (method) {
    case ContinuousMethod::ClosedForm:
        return "closed_form";
    case ContinuousMethod::Quadrature:
        return "quadrature";
    case ContinuousMethod::MonteCarlo:
        return "monte_carlo";
    }
    return "closed_form";
}

MetricValue klByQuadrature(const ContinuousDistribution &p, const ContinuousDistribution &q, double tolerance)
{
    const Pair pair{p, q, support(p), support(q)};
    return fromEstimate(klQuadrature(pair, true, tolerance));
}

ContinuousComparison compareContinuous(const ContinuousDistribution &p, const ContinuousDistribution &q,
                                       const ContinuousCompareOptions &options)
{
    ContinuousComparison c;
    c.unit = options.unit;
    c.supportP = support(p);
    c.supportQ = support(q);
    const Pair pair{p, q, c.supportP, c.supportQ};
    const double tol = options.tolerance;

    c.infinitePQ = infiniteKlReason(p, q);
    c.infiniteQP = infiniteKlReason(q, p, "Q", "P");
    for (const std::string *reason : {&c.infinitePQ, &c.infiniteQP})
        if (!reason->empty())
            c.warnings.push_back(*reason);

    // Two Gaussian densities (normals or mixtures) take the trapezoid rule for every smooth integrand.
    const std::optional<GaussianGrid> grid = gaussianGrid(p, q);
    const auto kl = [&](bool forward) {
        const std::string &reason = forward ? c.infinitePQ : c.infiniteQP;
        if (!reason.empty())
            return closedOrInfinite(kInf);
        if (const auto closed = forward ? closedFormKl(p, q) : closedFormKl(q, p))
            return closedOrInfinite(*closed);
        if (grid) {
            const ContinuousDistribution &a = forward ? p : q, &b = forward ? q : p;
            return fromEstimate(
                trapezoid(*grid, [&](double x) { return continuous::bregman(logpdf(a, x), logpdf(b, x)); }));
        }
        return fromEstimate(klQuadrature(pair, forward, tol));
    };
    c.klPQ = kl(true);
    c.klQP = kl(false);

    const auto h = [&](const ContinuousDistribution &d) {
        const double closed = entropy(d);
        if (!std::isnan(closed))
            return closedOrInfinite(closed);
        const auto f = [&](double x) {
            return continuous::entropyIntegrand(logpdf(d, x));
        };
        if (grid)
            return fromEstimate(trapezoid(*grid, f));
        return fromEstimate(integrateOver(pair, f, support(d), scale(d), innerTolerance(tol)));
    };
    c.entropyP = h(p);
    c.entropyQ = h(q);
    c.crossEntropyPQ = sumOf(c.entropyP, c.klPQ);
    c.crossEntropyQP = sumOf(c.entropyQ, c.klQP);

    const Interval hull{std::fmin(c.supportP.low, c.supportQ.low),
                        std::fmax(c.supportP.high, c.supportQ.high)};
    const double width = std::fmax(scale(p), scale(q));
    const double inner = innerTolerance(tol);
    MetricValue h2;
    if (const auto normals = normalPair(p, q)) {
        const auto &[a, b] = *normals;
        const auto js = normalJs(a, b);
        c.js = js ? fromEstimate(*js)
                  : fromEstimate(integrateOver(
                        pair, [&](double x) { return continuous::jsIntegrand(logpdf(p, x), logpdf(q, x)); },
                        hull, width, inner));
        c.totalVariation = closedOrInfinite(normalTotalVariation(a, b));
        c.totalVariation.error = 8.0 * std::numeric_limits<double>::epsilon();
        h2 = closedOrInfinite(normalHellingerSquared(a, b));
    } else if (grid) {
        c.js = fromEstimate(
            trapezoid(*grid, [&](double x) { return continuous::jsIntegrand(logpdf(p, x), logpdf(q, x)); }));
        c.totalVariation = fromEstimate(integrateOver(
            pair, [&](double x) { return continuous::tvIntegrand(logpdf(p, x), logpdf(q, x)); }, hull, width,
            inner, true));
        h2 = fromEstimate(trapezoid(
            *grid, [&](double x) { return continuous::hellingerIntegrand(logpdf(p, x), logpdf(q, x)); }));
    } else {
        c.js = fromEstimate(integrateOver(
            pair, [&](double x) { return continuous::jsIntegrand(logpdf(p, x), logpdf(q, x)); }, hull, width,
            inner));
        c.totalVariation = fromEstimate(integrateOver(
            pair, [&](double x) { return continuous::tvIntegrand(logpdf(p, x), logpdf(q, x)); }, hull, width,
            inner, true));
        h2 = fromEstimate(integrateOver(
            pair, [&](double x) { return continuous::hellingerIntegrand(logpdf(p, x), logpdf(q, x)); }, hull,
            width, inner));
    }
    c.js.value = std::clamp(c.js.value, 0.0, std::numbers::ln2);
    c.totalVariation.value = std::clamp(c.totalVariation.value, 0.0, 1.0);
    c.hellinger = {std::sqrt(std::clamp(h2.value, 0.0, 1.0)), 0.0, h2.method};
    c.hellinger.error = c.hellinger.value > 0.0 ? h2.error / (2.0 * c.hellinger.value) : std::sqrt(h2.error);

    // Boost's estimates measure the rule, not the rounding of ln p - ln q (about eps times the size of the
    // log densities, L), which limits nearly equal densities: with t = ln p - ln q the KL integrand moves by
    // about p |t| eps L, and E_P|t| <= sqrt(E_P t^2) ~ sqrt(2 KL); the JS integrand likewise by sqrt(16 JS)
    // eps L.
    const double logSize = std::fabs(c.entropyP.value) + std::fabs(c.entropyQ.value) + 10.0;
    const auto addRounding = [&](MetricValue &m, double factor) {
        if (m.method == ContinuousMethod::Quadrature && std::isfinite(m.value) && m.value > 0.0)
            m.error += std::numeric_limits<double>::epsilon() * logSize * std::sqrt(factor * m.value);
    };
    addRounding(c.klPQ, 2.0);
    addRounding(c.klQP, 2.0);
    if (!normalPair(p, q))
        addRounding(c.js, 16.0);
    c.crossEntropyPQ = sumOf(c.entropyP, c.klPQ);
    c.crossEntropyQP = sumOf(c.entropyQ, c.klQP);

    checkError(c.warnings, "KL(P||Q)", c.klPQ, tol);
    checkError(c.warnings, "KL(Q||P)", c.klQP, tol);
    checkError(c.warnings, "h(P)", c.entropyP, tol);
    checkError(c.warnings, "h(Q)", c.entropyQ, tol);
    checkError(c.warnings, "the JS divergence", c.js, tol);
    checkError(c.warnings, "the total variation", c.totalVariation, tol);
    checkError(c.warnings, "the Hellinger distance", c.hellinger, tol);

    const double factor = fromNats(options.unit);
    for (MetricValue *m :
         {&c.klPQ, &c.klQP, &c.js, &c.entropyP, &c.entropyQ, &c.crossEntropyPQ, &c.crossEntropyQP})
        scaleMetric(*m, factor);
    c.jsDistance = {std::sqrt(c.js.value),
                    c.js.value > 0.0 ? c.js.error / (2.0 * std::sqrt(c.js.value)) : 0.0, c.js.method};

    if (std::holds_alternative<GaussianMixture>(p) || std::holds_alternative<GaussianMixture>(q)) {
        MixtureReport m;
        m.samples = options.samples;
        m.seed = options.seed;
        m.pq = mixtureRoutes(p, q, !c.infinitePQ.empty(), options, factor);
        m.qp = mixtureRoutes(q, p, !c.infiniteQP.empty(), options, factor);
        c.mixture = m;
    }
    c.grid = makeGrid(p, q, options.gridPoints, factor);
    return c;
}

} // namespace klscope
