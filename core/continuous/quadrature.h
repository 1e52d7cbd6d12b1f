#pragma once

// Adaptive quadrature over an interval of the real line, split at given points, with Boost.Math's rules
// chosen by the piece (Boost.Math quadrature, Kormanyos/Thompson/Maddock; Takahasi & Mori 1974 for the
// double-exponential rules):
//   * a finite piece that touches an end of a support (where a density may jump or have an integrable
//     singularity): tanh_sinh, which never evaluates the ends and converges doubly exponentially there;
//   * any other finite piece: adaptive Gauss-Kronrod 31 (a smooth integrand between modes and kinks), at
//     most 8 bisections deep, so an integrand with rounding noise above the tolerance costs at most
//     2^8 x 31 points and reports its error estimate instead of running on;
//   * a half-infinite piece: exp_sinh on x = end +- scale * u, so its nodes follow the density's width.
// (sinh_sinh is not needed: every density on the whole line has a mode to split at.) Every rule runs with the
// no-throw policy; a piece that returns a non-finite value makes the whole result NaN, for the caller to
// report.

#include "nothrowpolicy.h"

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>

namespace klscope::continuous {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// An integral and its absolute error estimate.
struct Estimate
{
    double value = 0.0;
    double error = 0.0;
};

/// The rules, built once per thread (tanh_sinh and exp_sinh precompute their nodes).
struct QuadratureRules
{
    boost::math::quadrature::tanh_sinh<double, NoThrowPolicy> tanhSinh{12};
    boost::math::quadrature::exp_sinh<double, NoThrowPolicy> expSinh{12};

    static QuadratureRules &get()
    {
        static thread_local QuadratureRules rules;
        return rules;
    }
};

/// The sorted distinct points of `points` that lie strictly inside (low, high), at most 48 of them.
struct SplitPoints
{
    std::array<double, 48> x{};
    std::size_t n = 0;

    void add(double v) noexcept
    {
        if (std::isfinite(v) && n < x.size())
            x[n++] = v;
    }
    /// Sorts, drops duplicates and points outside (low, high).
    void settle(double low, double high) noexcept
    {
        std::sort(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n));
        std::size_t m = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (x[i] > low && x[i] < high && (m == 0 || x[i] > x[m - 1]))
                x[m++] = x[i];
        n = m;
    }
};

/// Integrates f over [low, high] (either may be infinite) split at `split` (settled to the interval),
/// to relative tolerance `tol`. `isEdge(x)` says whether a finite point is a support end of either
/// density (tanh_sinh there); `scale` is the width used to map the infinite pieces.
/// What a finite piece that touches a support end integrates instead: `f` there may have an integrable pole
/// that double precision cannot resolve next to the end (x = 1 - u rounds to 1 for u < 1.1e-16), so the
/// caller can give a better-behaved integrand and an exact correction for the difference, e.g. p ln(p/q) plus
/// Q(piece) - P(piece) from the cdfs in place of p ln(p/q) - p + q.
/// The edge integrand gets x, the piece's right end and the exact gap end - x (Boost's tanh_sinh hands over
/// the distance to the nearer end without rounding), so a density with a pole at a right end such as
/// Beta(a, b < 1) at 1 can be evaluated from ln(1 - x) = ln(gap).
struct NoEdgeRule
{
    static constexpr bool active = false;
    double integrand(double, double, double) const noexcept { return 0.0; }
    double correction(double, double) const noexcept { return 0.0; }
};

template <class F, class IsEdge, class EdgeRule = NoEdgeRule>
Estimate integrate(const F &f, double low, double high, SplitPoints split, double scale, double tol,
                   const IsEdge &isEdge, const EdgeRule &edge = {})
{
    split.settle(low, high);
    QuadratureRules &rules = QuadratureRules::get();
    Estimate total;
    // Piece ends: low, the split points, high.
    std::array<double, 50> ends{};
    std::size_t count = 0;
    ends[count++] = low;
    for (std::size_t i = 0; i < split.n; ++i)
        ends[count++] = split.x[i];
    ends[count++] = high;
    if (!(scale > 0.0) || !std::isfinite(scale))
        scale = 1.0;
    for (std::size_t i = 0; i + 1 < count; ++i) {
        const double a = ends[i], b = ends[i + 1];
        double err = 0.0, l1 = 0.0, value = 0.0;
        if (std::isinf(a) && std::isinf(b)) {
            // No split point on a whole line: split at 0.
            const auto right = [&](double u) {
                return f(scale * u);
            };
            const auto left = [&](double u) {
                return f(-scale * u);
            };
            double e2 = 0.0;
            value = scale * (rules.expSinh.integrate(right, 0.0, kInfinity, tol, &err, &l1) +
                             rules.expSinh.integrate(left, 0.0, kInfinity, tol, &e2, &l1));
            err = scale * (err + e2);
        } else if (std::isinf(b)) {
            const auto g = [&](double u) {
                return f(a + scale * u);
            };
            value = scale * rules.expSinh.integrate(g, 0.0, kInfinity, tol, &err, &l1);
            err *= scale;
        } else if (std::isinf(a)) {
            const auto g = [&](double u) {
                return f(b - scale * u);
            };
            value = scale * rules.expSinh.integrate(g, 0.0, kInfinity, tol, &err, &l1);
            err *= scale;
        } else if (isEdge(a) || isEdge(b)) {
            if constexpr (EdgeRule::active) {
                // Boost passes xc = b - x (> 0) near b and a - x (< 0) near a.
                const auto g = [&](double x, double xc) {
                    return edge.integrand(x, b, xc > 0.0 ? xc : b - x);
                };
                value = rules.tanhSinh.integrate(g, a, b, tol, &err, &l1) + edge.correction(a, b);
            } else {
                value = rules.tanhSinh.integrate(f, a, b, tol, &err, &l1);
            }
        } else {
            value = boost::math::quadrature::gauss_kronrod<double, 31, NoThrowPolicy>::integrate(
                f, a, b, 8, tol, &err, &l1);
        }
        total.value += value;
        total.error += err;
    }
    if (!std::isfinite(total.value))
        total.value = NAN;
    return total;
}

} // namespace klscope::continuous
