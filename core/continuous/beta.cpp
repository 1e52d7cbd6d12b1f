// Beta(a, b): ln f = (a - 1) ln x + (b - 1) log1p(-x) - ln B(a, b). The cdf is the regularised incomplete
// beta I_x(a, b), the quantile its inverse (Boost.Math ibeta, ibeta_inv).

#include "beta.h"

#include "nothrowpolicy.h"
#include "validation.h"

#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <cmath>
#include <limits>

namespace klscope {

Beta::Beta(double a, double b) : m_a(a), m_b(b)
{
    validation::requireAbove("beta", "a", a, 0.0, 1e12);
    validation::requireAbove("beta", "b", b, 0.0, 1e12);
    m_logBeta = logBeta(a, b);
}

double logBeta(double a, double b) noexcept
{
    const continuous::NoThrowPolicy pol;
    return boost::math::lgamma(a, pol) + boost::math::lgamma(b, pol) - boost::math::lgamma(a + b, pol);
}

namespace {
// (e - 1) ln y with the convention that the power is 1 when e = 1 (also at y = 0).
double powerTerm(double e, double logY) noexcept
{
    return e == 1.0 ? 0.0 : (e - 1.0) * logY;
}
} // namespace

double logpdf(const Beta &d, double x) noexcept
{
    if (!(x >= 0.0 && x <= 1.0))
        return -std::numeric_limits<double>::infinity();
    return powerTerm(d.a(), std::log(x)) + powerTerm(d.b(), std::log1p(-x)) - d.logBetaFunction();
}

double cdf(const Beta &d, double x) noexcept
{
    if (!(x > 0.0))
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    return boost::math::ibeta(d.a(), d.b(), x, continuous::NoThrowPolicy());
}

double quantile(const Beta &d, double p) noexcept
{
    if (!(p >= 0.0 && p <= 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    return boost::math::ibeta_inv(d.a(), d.b(), p, continuous::NoThrowPolicy());
}

double mean(const Beta &d) noexcept
{
    return d.a() / (d.a() + d.b());
}

double variance(const Beta &d) noexcept
{
    const double s = d.a() + d.b();
    return d.a() * d.b() / (s * s * (s + 1.0));
}

Interval support(const Beta &) noexcept
{
    return {0.0, 1.0};
}

double entropy(const Beta &d) noexcept
{
    const continuous::NoThrowPolicy pol;
    const double a = d.a(), b = d.b();
    return d.logBetaFunction() - (a - 1.0) * boost::math::digamma(a, pol) -
           (b - 1.0) * boost::math::digamma(b, pol) + (a + b - 2.0) * boost::math::digamma(a + b, pol);
}

Tails tails(const Beta &) noexcept
{
    return {{TailClass::Bounded}, {TailClass::Bounded}};
}

} // namespace klscope
