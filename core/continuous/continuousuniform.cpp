// Continuous uniform(a, b): ln f = -ln(b - a) on [a, b]; F(x) = (x - a)/(b - a); quantile a + p (b - a).

#include "continuousuniform.h"

#include "validation.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace klscope {

ContinuousUniform::ContinuousUniform(double a, double b) : m_a(a), m_b(b)
{
    const double big = std::numeric_limits<double>::max();
    validation::requireInRange("continuous_uniform", "a", a, -big, big);
    validation::requireInRange("continuous_uniform", "b", b, -big, big);
    if (!(a < b))
        throw std::invalid_argument("continuous_uniform: a must be less than b, got a=" +
                                    validation::formatNumber(a) + " and b=" + validation::formatNumber(b));
    if (!std::isfinite(b - a))
        throw std::invalid_argument("continuous_uniform: the width b - a overflows");
}

double logpdf(const ContinuousUniform &d, double x) noexcept
{
    if (!(x >= d.a() && x <= d.b()))
        return -std::numeric_limits<double>::infinity();
    return -std::log(d.b() - d.a());
}

double cdf(const ContinuousUniform &d, double x) noexcept
{
    if (x <= d.a())
        return 0.0;
    if (x >= d.b())
        return 1.0;
    return (x - d.a()) / (d.b() - d.a());
}

double quantile(const ContinuousUniform &d, double p) noexcept
{
    if (!(p >= 0.0 && p <= 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    return p == 1.0 ? d.b() : d.a() + p * (d.b() - d.a());
}

double mean(const ContinuousUniform &d) noexcept
{
    return 0.5 * d.a() + 0.5 * d.b();
}

double variance(const ContinuousUniform &d) noexcept
{
    const double w = d.b() - d.a();
    return w * w / 12.0;
}

Interval support(const ContinuousUniform &d) noexcept
{
    return {d.a(), d.b()};
}

double entropy(const ContinuousUniform &d) noexcept
{
    return std::log(d.b() - d.a());
}

Tails tails(const ContinuousUniform &) noexcept
{
    return {{TailClass::Bounded}, {TailClass::Bounded}};
}

} // namespace klscope
