// Normal(mu, sigma): ln f = -z^2/2 - ln sigma - ln(2 pi)/2, z = (x - mu)/sigma. The cdf and quantile use
// erfc and erfc_inv so both tails keep full relative accuracy (Boost.Math, special functions).

#include "normal.h"

#include "nothrowpolicy.h"
#include "validation.h"

#include <boost/math/special_functions/erf.hpp>

#include <cmath>
#include <limits>
#include <numbers>

namespace klscope {

Normal::Normal(double mu, double sigma) : m_mu(mu), m_sigma(sigma)
{
    validation::requireInRange("normal", "mu", mu, -std::numeric_limits<double>::max(),
                               std::numeric_limits<double>::max());
    validation::requireAbove("normal", "sigma", sigma, 0.0, std::numeric_limits<double>::max());
}

double logpdf(const Normal &d, double x) noexcept
{
    constexpr double halfLog2Pi = 0.91893853320467274178;
    const double z = (x - d.mu()) / d.sigma();
    return -0.5 * z * z - std::log(d.sigma()) - halfLog2Pi;
}

double cdf(const Normal &d, double x) noexcept
{
    const double z = (x - d.mu()) / d.sigma();
    return 0.5 * boost::math::erfc(-z / std::numbers::sqrt2, continuous::NoThrowPolicy());
}

double quantile(const Normal &d, double p) noexcept
{
    if (!(p >= 0.0 && p <= 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    if (p == 0.0)
        return -std::numeric_limits<double>::infinity();
    if (p == 1.0)
        return std::numeric_limits<double>::infinity();
    return d.mu() -
           d.sigma() * std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * p, continuous::NoThrowPolicy());
}

double mean(const Normal &d) noexcept
{
    return d.mu();
}

double variance(const Normal &d) noexcept
{
    return d.sigma() * d.sigma();
}

Interval support(const Normal &) noexcept
{
    return {};
}

double entropy(const Normal &d) noexcept
{
    constexpr double halfOnePlusLog2Pi = 1.4189385332046727418;
    return halfOnePlusLog2Pi + std::log(d.sigma());
}

Tails tails(const Normal &) noexcept
{
    return {{TailClass::Gaussian}, {TailClass::Gaussian}};
}

} // namespace klscope
