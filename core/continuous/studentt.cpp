// Student t: ln f = C - (nu+1)/2 log1p(z^2/nu), C cached. The cdf and quantile are Boost.Math's
// students_t_distribution on z.

#include "studentt.h"

#include "beta.h"
#include "nothrowpolicy.h"
#include "validation.h"

#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <cmath>
#include <limits>
#include <numbers>

namespace klscope {

StudentT::StudentT(double nu, double mu, double sigma) : m_nu(nu), m_mu(mu), m_sigma(sigma)
{
    validation::requireAbove("student_t", "nu", nu, 0.0, 1e12);
    validation::requireInRange("student_t", "mu", mu, -std::numeric_limits<double>::max(),
                               std::numeric_limits<double>::max());
    validation::requireAbove("student_t", "sigma", sigma, 0.0, std::numeric_limits<double>::max());
    const continuous::NoThrowPolicy pol;
    m_logNorm = boost::math::lgamma(0.5 * (nu + 1.0), pol) - boost::math::lgamma(0.5 * nu, pol) -
                0.5 * std::log(nu * std::numbers::pi) - std::log(sigma);
}

double logpdf(const StudentT &d, double x) noexcept
{
    const double z = (x - d.mu()) / d.sigma();
    return d.logNormaliser() - 0.5 * (d.nu() + 1.0) * std::log1p(z * z / d.nu());
}

double cdf(const StudentT &d, double x) noexcept
{
    const boost::math::students_t_distribution<double, continuous::NoThrowPolicy> t(d.nu());
    return boost::math::cdf(t, (x - d.mu()) / d.sigma());
}

double quantile(const StudentT &d, double p) noexcept
{
    if (!(p >= 0.0 && p <= 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    if (p == 0.0 || p == 1.0)
        return p == 0.0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    const boost::math::students_t_distribution<double, continuous::NoThrowPolicy> t(d.nu());
    return d.mu() + d.sigma() * boost::math::quantile(t, p);
}

double mean(const StudentT &d) noexcept
{
    return d.nu() > 1.0 ? d.mu() : std::numeric_limits<double>::quiet_NaN();
}

double variance(const StudentT &d) noexcept
{
    if (d.nu() > 2.0)
        return d.sigma() * d.sigma() * d.nu() / (d.nu() - 2.0);
    return d.nu() > 1.0 ? std::numeric_limits<double>::infinity() : std::numeric_limits<double>::quiet_NaN();
}

Interval support(const StudentT &) noexcept
{
    return {};
}

double entropy(const StudentT &d) noexcept
{
    const continuous::NoThrowPolicy pol;
    const double nu = d.nu();
    return 0.5 * (nu + 1.0) *
               (boost::math::digamma(0.5 * (nu + 1.0), pol) - boost::math::digamma(0.5 * nu, pol)) +
           0.5 * std::log(nu) + logBeta(0.5 * nu, 0.5) + std::log(d.sigma());
}

Tails tails(const StudentT &d) noexcept
{
    return {{TailClass::Polynomial, d.nu() + 1.0}, {TailClass::Polynomial, d.nu() + 1.0}};
}

} // namespace klscope
