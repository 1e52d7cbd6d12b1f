#pragma once

// Normal(mu, sigma):  f(x) = exp(-(x - mu)^2 / (2 sigma^2)) / (sigma sqrt(2 pi)),  x real.
// ln f(x) = -z^2/2 - ln sigma - ln(2 pi)/2 with z = (x - mu)/sigma; F(x) = erfc(-z/sqrt 2)/2;
// h = (1 + ln(2 pi))/2 + ln sigma (Cover & Thomas, Elements of Information Theory, 8.1).

#include "tail.h"

namespace klscope {

class Normal
{
public:
    /// mu: mean, finite; sigma: standard deviation, finite and > 0. Throws std::invalid_argument.
    Normal(double mu, double sigma);

    double mu() const noexcept { return m_mu; }
    double sigma() const noexcept { return m_sigma; }
    friend bool operator==(const Normal &, const Normal &) = default;

private:
    double m_mu, m_sigma;
};

/// ln f(x); never NaN for finite x (-inf only when z^2 overflows).
double logpdf(const Normal &d, double x) noexcept;
/// P(X <= x).
double cdf(const Normal &d, double x) noexcept;
/// The x with P(X <= x) = p, p in [0, 1] (-inf at 0, +inf at 1).
double quantile(const Normal &d, double p) noexcept;
double mean(const Normal &d) noexcept;
double variance(const Normal &d) noexcept;
/// The whole real line.
Interval support(const Normal &d) noexcept;
/// Differential entropy in nats.
double entropy(const Normal &d) noexcept;
/// Gaussian on both sides.
Tails tails(const Normal &d) noexcept;

} // namespace klscope
