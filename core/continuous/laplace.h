#pragma once

// Laplace(mu, b):  f(x) = e^(-|x - mu|/b) / (2b),  x real;  mean mu, variance 2 b^2, h = 1 + ln(2b).

#include "tail.h"

namespace klscope {

class Laplace
{
public:
    /// mu: location, finite; b: scale, finite and > 0. Throws std::invalid_argument.
    Laplace(double mu, double b);

    double mu() const noexcept { return m_mu; }
    double b() const noexcept { return m_b; }
    friend bool operator==(const Laplace &, const Laplace &) = default;

private:
    double m_mu, m_b;
};

double logpdf(const Laplace &d, double x) noexcept;
double cdf(const Laplace &d, double x) noexcept;
double quantile(const Laplace &d, double p) noexcept;
double mean(const Laplace &d) noexcept;
double variance(const Laplace &d) noexcept;
/// The whole real line.
Interval support(const Laplace &d) noexcept;
double entropy(const Laplace &d) noexcept;
/// Exponential on both sides.
Tails tails(const Laplace &d) noexcept;

} // namespace klscope
