// Gamma(k, beta): ln f = k ln beta + (k - 1) ln x - beta x - lnGamma(k). The cdf is the regularised lower
// incomplete gamma P(k, beta x), the quantile its inverse (Boost.Math gamma_p, gamma_p_inv).

#include "gamma.h"

#include "nothrowpolicy.h"
#include "validation.h"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <cmath>
#include <limits>

namespace klscope {

Gamma::Gamma(double shape, double rate) : m_shape(shape), m_rate(rate)
{
    validation::requireAbove("gamma", "shape", shape, 0.0, 1e12);
    validation::requireAbove("gamma", "rate", rate, 0.0, 1e300);
    m_logNorm = shape * std::log(rate) - boost::math::lgamma(shape, continuous::NoThrowPolicy());
}

double logpdf(const Gamma &d, double x) noexcept
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (x < 0.0)
        return -inf;
    const double k = d.shape();
    if (x == 0.0)
        return k < 1.0 ? inf : (k == 1.0 ? std::log(d.rate()) : -inf);
    const double lx = std::log(x);
    // (k - 1) ln x is left out when k = 1, where ln x may be -inf-like and the product is exactly 0.
    const double power = k == 1.0 ? 0.0 : (k - 1.0) * lx;
    return d.logNormaliser() + power - d.rate() * x;
}

double cdf(const Gamma &d, double x) noexcept
{
    if (!(x > 0.0))
        return 0.0;
    return boost::math::gamma_p(d.shape(), d.rate() * x, continuous::NoThrowPolicy());
}

double quantile(const Gamma &d, double p) noexcept
{
    if (!(p >= 0.0 && p <= 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    if (p == 1.0)
        return std::numeric_limits<double>::infinity();
    return boost::math::gamma_p_inv(d.shape(), p, continuous::NoThrowPolicy()) / d.rate();
}

double mean(const Gamma &d) noexcept
{
    return d.shape() / d.rate();
}

double variance(const Gamma &d) noexcept
{
    return d.shape() / (d.rate() * d.rate());
}

Interval support(const Gamma &) noexcept
{
    return {0.0, std::numeric_limits<double>::infinity()};
}

double entropy(const Gamma &d) noexcept
{
    const double k = d.shape();
    const continuous::NoThrowPolicy pol;
    return k - std::log(d.rate()) + boost::math::lgamma(k, pol) + (1.0 - k) * boost::math::digamma(k, pol);
}

Tails tails(const Gamma &) noexcept
{
    return {{TailClass::Bounded}, {TailClass::Exponential}};
}

} // namespace klscope
