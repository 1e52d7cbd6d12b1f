// Exponential(rate): ln f = ln rate - rate x; F(x) = -expm1(-rate x); quantile -log1p(-p)/rate, so small
// probabilities keep their relative accuracy.

#include "exponential.h"

#include "validation.h"

#include <cmath>
#include <limits>

namespace klscope {

Exponential::Exponential(double rate) : m_rate(rate)
{
    validation::requireAbove("exponential", "rate", rate, 0.0, 1e300);
}

double logpdf(const Exponential &d, double x) noexcept
{
    if (x < 0.0)
        return -std::numeric_limits<double>::infinity();
    return std::log(d.rate()) - d.rate() * x;
}

double cdf(const Exponential &d, double x) noexcept
{
    return x <= 0.0 ? 0.0 : -std::expm1(-d.rate() * x);
}

double quantile(const Exponential &d, double p) noexcept
{
    if (!(p >= 0.0 && p <= 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    return -std::log1p(-p) / d.rate();
}

double mean(const Exponential &d) noexcept
{
    return 1.0 / d.rate();
}

double variance(const Exponential &d) noexcept
{
    return 1.0 / (d.rate() * d.rate());
}

Interval support(const Exponential &) noexcept
{
    return {0.0, std::numeric_limits<double>::infinity()};
}

double entropy(const Exponential &d) noexcept
{
    return 1.0 - std::log(d.rate());
}

Tails tails(const Exponential &) noexcept
{
    return {{TailClass::Bounded}, {TailClass::Exponential}};
}

} // namespace klscope
