#pragma once

// Beta(a, b):  f(x) = x^(a-1) (1-x)^(b-1) / B(a, b),  0 < x < 1.
// mean a/(a+b), variance ab/((a+b)^2 (a+b+1)),
// h = ln B(a,b) - (a-1) psi(a) - (b-1) psi(b) + (a+b-2) psi(a+b) (Lazo & Rathie 1978).

#include "tail.h"

namespace klscope {

class Beta
{
public:
    /// a, b: finite and > 0. Throws std::invalid_argument.
    Beta(double a, double b);

    double a() const noexcept { return m_a; }
    double b() const noexcept { return m_b; }
    /// ln B(a, b) (cached).
    double logBetaFunction() const noexcept { return m_logBeta; }
    friend bool operator==(const Beta &, const Beta &) = default;

private:
    double m_a, m_b, m_logBeta;
};

/// ln f(x); -inf outside [0, 1]; at the ends +inf, finite or -inf as a (at 0) or b (at 1) is <, = or > 1.
double logpdf(const Beta &d, double x) noexcept;
double cdf(const Beta &d, double x) noexcept;
double quantile(const Beta &d, double p) noexcept;
double mean(const Beta &d) noexcept;
double variance(const Beta &d) noexcept;
/// [0, 1].
Interval support(const Beta &d) noexcept;
double entropy(const Beta &d) noexcept;
/// Bounded on both sides.
Tails tails(const Beta &d) noexcept;
/// ln B(a, b) = lnGamma(a) + lnGamma(b) - lnGamma(a + b).
double logBeta(double a, double b) noexcept;

} // namespace klscope
