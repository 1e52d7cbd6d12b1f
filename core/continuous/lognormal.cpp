// LogNormal(mu, sigma): ln f(x) = -z^2/2 - ln sigma - ln(2 pi)/2 - ln x with z = (ln x - mu)/sigma; the cdf
// and quantile are the normal's on ln x.

#include "lognormal.h"

#include "nothrowpolicy.h"
#include "validation.h"

#include <boost/math/special_functions/erf.hpp>

#include <cmath>
#include <limits>
#include <numbers>

namespace klscope {

LogNormal::LogNormal(double mu, double sigma) : m_mu(mu), m_sigma(sigma)
{
    validation::requireInRange("lognormal", "mu", mu, -1e300, 1e300);
    validation::requireAbove("lognormal", "sigma", sigma, 0.0, 1e300);
}

double logpdf(const LogNormal &d, double x) noexcept
{
    if (!(x > 0.0))
        return -std::numeric_limits<double>::infinity();
    constexpr double halfLog2Pi = 0.91893853320467274178;
    const double lx = std::log(x);
    const double z = (lx - d.mu()) / d.sigma();
    return -0.5 * z * z - std::log(d.sigma()) - halfLog2Pi - lx;
}

double cdf(const LogNormal &d, double x) noexcept
{
    if (!(x > 0.0))
        return 0.0;
    const double z = (std::log(x) - d.mu()) / d.sigma();
    return 0.5 * boost::math::erfc(-z / std::numbers::sqrt2, continuous::NoThrowPolicy());
}

double quantile(const LogNormal &d, double p) noexcept
{
    if (!(p >= 0.0 && p <= 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    if (p == 0.0)
        return 0.0;
    if (p == 1.0)
        return std::numeric_limits<double>::infinity();
    return std::exp(d.mu() - d.sigma() * std::numbers::sqrt2 *
                                 boost::math::erfc_inv(2.0 * p, continuous::NoThrowPolicy()));
}

double mean(const LogNormal &d) noexcept
{
    return std::exp(d.mu() + 0.5 * d.sigma() * d.sigma());
}

double variance(const LogNormal &d) noexcept
{
    const double s2 = d.sigma() * d.sigma();
    return std::expm1(s2) * std::exp(2.0 * d.mu() + s2);
}

Interval support(const LogNormal &) noexcept
{
    return {0.0, std::numeric_limits<double>::infinity()};
}

double entropy(const LogNormal &d) noexcept
{
    constexpr double halfOnePlusLog2Pi = 1.4189385332046727418;
    return d.mu() + halfOnePlusLog2Pi + std::log(d.sigma());
}

Tails tails(const LogNormal &) noexcept
{
    return {{TailClass::Bounded}, {TailClass::LogNormal}};
}

} // namespace klscope
