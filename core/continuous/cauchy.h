#pragma once

// Cauchy(x0, gamma):  f(x) = 1 / (pi gamma (1 + z^2)),  z = (x - x0)/gamma;  F(x) = 1/2 + atan(z)/pi.
// No mean and no variance; h = ln(4 pi gamma).

#include "tail.h"

namespace klscope {

class Cauchy
{
public:
    /// x0: location, finite; gamma: scale, finite and > 0. Throws std::invalid_argument.
    Cauchy(double x0, double gamma);

    double x0() const noexcept { return m_x0; }
    double gamma() const noexcept { return m_gamma; }
    friend bool operator==(const Cauchy &, const Cauchy &) = default;

private:
    double m_x0, m_gamma;
};

double logpdf(const Cauchy &d, double x) noexcept;
double cdf(const Cauchy &d, double x) noexcept;
double quantile(const Cauchy &d, double p) noexcept;
/// NaN: the Cauchy has no mean.
double mean(const Cauchy &d) noexcept;
/// NaN: the Cauchy has no variance.
double variance(const Cauchy &d) noexcept;
Interval support(const Cauchy &d) noexcept;
double entropy(const Cauchy &d) noexcept;
/// Polynomial of degree 2 on both sides.
Tails tails(const Cauchy &d) noexcept;

} // namespace klscope
