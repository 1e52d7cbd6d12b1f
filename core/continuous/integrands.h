#pragma once

// The integrands of the continuous metrics, computed from LOG densities (never pdf * log(pdf/pdf), which
// gives 0 * -inf = NaN in far tails where both densities underflow).
//   bregman(ln a, ln b) = a ln(a/b) - a + b >= 0. Integrated over a support where both densities have mass
//     1, its integral is KL; being >= 0 pointwise, the quadrature's error is relative to the result itself
//     even when KL is tiny (the plain a ln(a/b) changes sign and its error is relative to its L1 norm).
//     With t = ln a - ln b:  a (e^-t - 1 + t) for t >= -1 (a series near 0),  a (t - 1) + b below.
//   JS: (bregman(ln p, ln m) + bregman(ln q, ln m))/2 with ln m = logaddexp(ln p, ln q) - ln 2.
//   TV: |p - q|/2 = q |expm1(ln p - ln q)|/2;  Hellinger^2: (sqrt p - sqrt q)^2/2 = q expm1((ln p - ln
//   q)/2)^2/2.

#include <cmath>
#include <limits>
#include <numbers>

namespace klscope::continuous {

/// e^-t - 1 + t, accurate near 0.
inline double expm1mxNeg(double t) noexcept
{
    if (std::fabs(t) < 0.25) {
        // t^2/2 - t^3/6 + t^4/24 - ...; 14 terms leave 0.25^16/16! below an ulp.
        double term = 0.5 * t * t, sum = term;
        for (int n = 3; n <= 16; ++n) {
            term *= -t / n;
            sum += term;
        }
        return sum;
    }
    return std::expm1(-t) + t;
}

/// a ln(a/b) - a + b from ln a and ln b: 0 where both are 0, b where a = 0, +inf where b = 0 < a.
inline double bregman(double la, double lb) noexcept
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (la == -inf)
        return lb == -inf ? 0.0 : std::exp(lb);
    const double a = std::exp(la);
    if (a == 0.0)
        return lb == -inf ? 0.0 : std::exp(lb);
    if (lb == -inf)
        return inf;
    const double t = la - lb;
    if (t < -1.0)
        return a * (t - 1.0) + std::exp(lb);
    return a * expm1mxNeg(t);
}

/// ln(e^a + e^b).
inline double logAddExp(double a, double b) noexcept
{
    if (a < b)
        std::swap(a, b);
    if (b == -std::numeric_limits<double>::infinity())
        return a;
    return a + std::log1p(std::exp(b - a));
}

/// a ln(a/m) - a + m from ln a, t = ln a - ln m and ln m (all finite; t is passed separately because it is
/// known more accurately than the difference of the two logs).
inline double bregmanFromRatio(double la, double t, double lm) noexcept
{
    const double a = std::exp(la);
    if (t < -1.0)
        return a * (t - 1.0) + std::exp(lm);
    return a * expm1mxNeg(t);
}

/// The Jensen-Shannon integrand: (bregman(p, m) + bregman(q, m))/2, m = (p + q)/2.
inline double jsIntegrand(double lp, double lq) noexcept
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (lp == -inf || lq == -inf) {
        if (lp == -inf && lq == -inf)
            return 0.0;
        const double lm = std::fmax(lp, lq) - std::numbers::ln2;
        return 0.5 * (bregman(lp, lm) + bregman(lq, lm));
    }
    // With d = ln p - ln q: ln p - ln m = -log1p(expm1(-d)/2) and ln q - ln m = -log1p(expm1(d)/2). The one
    // on the larger side is computed so and the other as it minus (or plus) d, so neither loses its small
    // part to a huge d, and ln m itself is never rounded: two nearly equal densities keep the relative
    // accuracy of d.
    const double d = lp - lq;
    double tp = 0.0, tq = 0.0;
    if (d > 0.0) {
        tp = -std::log1p(0.5 * std::expm1(-d));
        tq = tp - d;
    } else {
        tq = -std::log1p(0.5 * std::expm1(d));
        tp = tq + d;
    }
    const double lm = d > 0.0 ? lp - tp : lq - tq;
    return 0.5 * (bregmanFromRatio(lp, tp, lm) + bregmanFromRatio(lq, tq, lm));
}

/// |p - q|/2.
inline double tvIntegrand(double lp, double lq) noexcept
{
    if (lp < lq)
        std::swap(lp, lq);
    if (lp == -std::numeric_limits<double>::infinity())
        return 0.0;
    if (lq == -std::numeric_limits<double>::infinity())
        return 0.5 * std::exp(lp);
    if (lp - lq > 700.0)
        return 0.5 * std::exp(lp);
    return 0.5 * std::exp(lq) * std::expm1(lp - lq);
}

/// (sqrt p - sqrt q)^2/2.
inline double hellingerIntegrand(double lp, double lq) noexcept
{
    if (lp < lq)
        std::swap(lp, lq);
    if (lp == -std::numeric_limits<double>::infinity())
        return 0.0;
    if (lq == -std::numeric_limits<double>::infinity())
        return 0.5 * std::exp(lp);
    if (lp - lq > 700.0)
        return 0.5 * std::exp(lp);
    const double d = std::expm1(0.5 * (lp - lq));
    return 0.5 * std::exp(lq) * d * d;
}

/// -p ln p (0 where p = 0).
inline double entropyIntegrand(double lp) noexcept
{
    if (lp == -std::numeric_limits<double>::infinity())
        return 0.0;
    const double p = std::exp(lp);
    return p == 0.0 ? 0.0 : -p * lp;
}

} // namespace klscope::continuous
