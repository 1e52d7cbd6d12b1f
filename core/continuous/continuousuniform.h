#pragma once

// Continuous uniform(a, b):  f(x) = 1/(b - a) on [a, b];  mean (a+b)/2, variance (b-a)^2/12, h = ln(b - a).

#include "tail.h"

namespace klscope {

class ContinuousUniform
{
public:
    /// a < b, both finite, with b - a finite. Throws std::invalid_argument naming a and b otherwise.
    ContinuousUniform(double a, double b);

    double a() const noexcept { return m_a; }
    double b() const noexcept { return m_b; }
    friend bool operator==(const ContinuousUniform &, const ContinuousUniform &) = default;

private:
    double m_a, m_b;
};

/// -ln(b - a) on [a, b], -inf outside.
double logpdf(const ContinuousUniform &d, double x) noexcept;
double cdf(const ContinuousUniform &d, double x) noexcept;
double quantile(const ContinuousUniform &d, double p) noexcept;
double mean(const ContinuousUniform &d) noexcept;
double variance(const ContinuousUniform &d) noexcept;
/// [a, b].
Interval support(const ContinuousUniform &d) noexcept;
double entropy(const ContinuousUniform &d) noexcept;
/// Bounded on both sides.
Tails tails(const ContinuousUniform &d) noexcept;

} // namespace klscope
