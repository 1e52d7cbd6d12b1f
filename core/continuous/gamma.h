#pragma once

// Gamma(shape k, rate beta):  f(x) = beta^k x^(k-1) e^(-beta x) / Gamma(k),  x > 0.
// mean k/beta, variance k/beta^2, h = k - ln beta + ln Gamma(k) + (1 - k) psi(k)
// (Lazo & Rathie 1978, "On the entropy of continuous probability distributions").

#include "tail.h"

namespace klscope {

class Gamma
{
public:
    /// shape k and rate beta: finite and > 0. Throws std::invalid_argument.
    Gamma(double shape, double rate);

    double shape() const noexcept { return m_shape; }
    double rate() const noexcept { return m_rate; }
    /// k ln beta - lnGamma(k), the log of the normalising constant (cached).
    double logNormaliser() const noexcept { return m_logNorm; }
    friend bool operator==(const Gamma &, const Gamma &) = default;

private:
    double m_shape, m_rate, m_logNorm;
};

/// ln f(x); -inf for x < 0; at x = 0: +inf for k < 1, ln beta for k = 1, -inf for k > 1.
double logpdf(const Gamma &d, double x) noexcept;
double cdf(const Gamma &d, double x) noexcept;
double quantile(const Gamma &d, double p) noexcept;
double mean(const Gamma &d) noexcept;
double variance(const Gamma &d) noexcept;
/// [0, inf).
Interval support(const Gamma &d) noexcept;
double entropy(const Gamma &d) noexcept;
/// Bounded on the left, exponential on the right.
Tails tails(const Gamma &d) noexcept;

} // namespace klscope
