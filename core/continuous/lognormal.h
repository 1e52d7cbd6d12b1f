#pragma once

// LogNormal(mu, sigma): ln X ~ Normal(mu, sigma) (mu, sigma are the parameters of the underlying normal).
// f(x) = exp(-(ln x - mu)^2 / (2 sigma^2)) / (x sigma sqrt(2 pi)),  x > 0.
// mean e^(mu + sigma^2/2), variance (e^(sigma^2) - 1) e^(2 mu + sigma^2), h = mu + 1/2 + ln(sigma sqrt(2
// pi)).

#include "tail.h"

namespace klscope {

class LogNormal
{
public:
    /// mu: location of ln X, finite; sigma: scale of ln X, finite and > 0. Throws std::invalid_argument.
    LogNormal(double mu, double sigma);

    double mu() const noexcept { return m_mu; }
    double sigma() const noexcept { return m_sigma; }
    friend bool operator==(const LogNormal &, const LogNormal &) = default;

private:
    double m_mu, m_sigma;
};

/// ln f(x); -inf for x <= 0.
double logpdf(const LogNormal &d, double x) noexcept;
double cdf(const LogNormal &d, double x) noexcept;
double quantile(const LogNormal &d, double p) noexcept;
/// e^(mu + sigma^2/2) (inf when it overflows).
double mean(const LogNormal &d) noexcept;
double variance(const LogNormal &d) noexcept;
/// [0, inf).
Interval support(const LogNormal &d) noexcept;
double entropy(const LogNormal &d) noexcept;
/// Bounded on the left, lognormal on the right.
Tails tails(const LogNormal &d) noexcept;

} // namespace klscope
