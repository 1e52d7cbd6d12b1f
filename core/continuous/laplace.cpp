// Laplace(mu, b): ln f = -ln(2b) - |x - mu|/b. F(x) = e^((x-mu)/b)/2 below mu, 1 - e^(-(x-mu)/b)/2 above;
// the quantile inverts each half with log1p so probabilities near 0 and 1 stay accurate.

#include "laplace.h"

#include "validation.h"

#include <cmath>
#include <limits>

namespace klscope {

Laplace::Laplace(double mu, double b) : m_mu(mu), m_b(b)
{
    validation::requireInRange("laplace", "mu", mu, -std::numeric_limits<double>::max(),
                               std::numeric_limits<double>::max());
    validation::requireAbove("laplace", "b", b, 0.0, std::numeric_limits<double>::max());
}

double logpdf(const Laplace &d, double x) noexcept
{
    return -std::log(2.0 * d.b()) - std::fabs(x - d.mu()) / d.b();
}

double cdf(const Laplace &d, double x) noexcept
{
    const double z = (x - d.mu()) / d.b();
    return z < 0.0 ? 0.5 * std::exp(z) : 1.0 - 0.5 * std::exp(-z);
}

double quantile(const Laplace &d, double p) noexcept
{
    if (!(p >= 0.0 && p <= 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    return p < 0.5 ? d.mu() + d.b() * std::log(2.0 * p) : d.mu() - d.b() * std::log1p(-(2.0 * p - 1.0));
}

double mean(const Laplace &d) noexcept
{
    return d.mu();
}

double variance(const Laplace &d) noexcept
{
    return 2.0 * d.b() * d.b();
}

Interval support(const Laplace &) noexcept
{
    return {};
}

double entropy(const Laplace &d) noexcept
{
    return 1.0 + std::log(2.0 * d.b());
}

Tails tails(const Laplace &) noexcept
{
    return {{TailClass::Exponential}, {TailClass::Exponential}};
}

} // namespace klscope
