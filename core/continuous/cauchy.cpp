// Cauchy(x0, gamma): ln f = -ln(pi gamma) - log1p(z^2). Below x0 the cdf is atan(1/-z)/pi (= 1/2 + atan(z)/pi
// without the cancellation of 1/2 against -1/2 in the far left tail); the quantile is x0 + gamma tan(pi(p -
// 1/2)).

#include "cauchy.h"

#include "validation.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace klscope {

Cauchy::Cauchy(double x0, double gamma) : m_x0(x0), m_gamma(gamma)
{
    validation::requireInRange("cauchy", "x0", x0, -std::numeric_limits<double>::max(),
                               std::numeric_limits<double>::max());
    validation::requireAbove("cauchy", "gamma", gamma, 0.0, std::numeric_limits<double>::max());
}

double logpdf(const Cauchy &d, double x) noexcept
{
    const double z = (x - d.x0()) / d.gamma();
    // For |z| > 1e150 z^2 overflows: ln(1 + z^2) ~ 2 ln|z|.
    const double logTerm = std::fabs(z) > 1e150 ? 2.0 * std::log(std::fabs(z)) : std::log1p(z * z);
    return -std::log(std::numbers::pi * d.gamma()) - logTerm;
}

double cdf(const Cauchy &d, double x) noexcept
{
    const double z = (x - d.x0()) / d.gamma();
    if (z < -1.0)
        return std::atan(-1.0 / z) / std::numbers::pi;
    if (z > 1.0)
        return 1.0 - std::atan(1.0 / z) / std::numbers::pi;
    return 0.5 + std::atan(z) / std::numbers::pi;
}

double quantile(const Cauchy &d, double p) noexcept
{
    if (!(p >= 0.0 && p <= 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    if (p == 0.0 || p == 1.0)
        return p == 0.0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    // tan(pi (p - 1/2)) = -1/tan(pi p), which keeps small p accurate.
    if (p < 0.5)
        return d.x0() - d.gamma() / std::tan(std::numbers::pi * p);
    return d.x0() + d.gamma() / std::tan(std::numbers::pi * (1.0 - p));
}

double mean(const Cauchy &) noexcept
{
    return std::numeric_limits<double>::quiet_NaN();
}

double variance(const Cauchy &) noexcept
{
    return std::numeric_limits<double>::quiet_NaN();
}

Interval support(const Cauchy &) noexcept
{
    return {};
}

double entropy(const Cauchy &d) noexcept
{
    return std::log(4.0 * std::numbers::pi * d.gamma());
}

Tails tails(const Cauchy &) noexcept
{
    return {{TailClass::Polynomial, 2.0}, {TailClass::Polynomial, 2.0}};
}

} // namespace klscope
