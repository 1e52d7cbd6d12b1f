#pragma once

// Exponential(rate):  f(x) = rate e^(-rate x),  x >= 0;  mean 1/rate, variance 1/rate^2, h = 1 - ln rate.

#include "tail.h"

namespace klscope {

class Exponential
{
public:
    /// rate: finite and > 0. Throws std::invalid_argument.
    explicit Exponential(double rate);

    double rate() const noexcept { return m_rate; }
    friend bool operator==(const Exponential &, const Exponential &) = default;

private:
    double m_rate;
};

/// ln rate - rate x; -inf for x < 0.
double logpdf(const Exponential &d, double x) noexcept;
double cdf(const Exponential &d, double x) noexcept;
double quantile(const Exponential &d, double p) noexcept;
double mean(const Exponential &d) noexcept;
double variance(const Exponential &d) noexcept;
/// [0, inf).
Interval support(const Exponential &d) noexcept;
double entropy(const Exponential &d) noexcept;
/// Bounded on the left, exponential on the right.
Tails tails(const Exponential &d) noexcept;

} // namespace klscope
