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

/// The Jensen-Shannon integrand (p ln(p/m) + q ln(q/m))/2, m = (p + q)/2, written as
/// (p + q)/2 * (ln 2 - H(r)) with r = p/(p + q) and H the binary entropy: ln 2 - H(r) = D(Bernoulli(r) ||
/// Bernoulli(1/2)) = sum_k t^(2k)/(2k(2k - 1)) with t = 2r - 1 = tanh(s/2), s = |ln p - ln q|. It is >= 0 at
/// every x, needs only expm1(-s), one exp and (for |t| >= 0.2) two log1p, and loses nothing when p and q are
/// close (the series) or far apart (t = 1 gives ln 2: disjoint densities).
inline double jsIntegrand(double lp, double lq) noexcept
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    const double top = std::fmax(lp, lq);
    if (top == -inf)
        return 0.0;
    const double s = lp == lq ? 0.0 : top - std::fmin(lp, lq); // inf when one density is 0
    const double em = std::expm1(-s);                          // e^-s - 1, in [-1, 0]
    const double t = -em / (2.0 + em);                         // tanh(s/2)
    double divergence = 0.0;
    if (t < 0.2) {
        const double t2 = t * t;
        double power = t2;
        for (int k = 1; k <= 12; ++k) {
            divergence += power / (2.0 * k * (2.0 * k - 1.0));
            power *= t2;
        }
    } else {
        divergence =
            t >= 1.0 ? std::numbers::ln2 : 0.5 * ((1.0 + t) * std::log1p(t) + (1.0 - t) * std::log1p(-t));
    }
    // p + q = e^top (1 + e^-s) = e^top (2 + em).
    return 0.5 * std::exp(top) * (2.0 + em) * divergence;
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
