#include "binomial.h"

#include "saddlepoint.h"
#include "validation.h"

#include <boost/math/distributions/binomial.hpp>

namespace klscope {

Binomial::Binomial(double n, double p)
    : m_n(validation::requireInteger("binomial", "n", n, 0, 100'000'000)), m_p(p)
{
    validation::requireInRange("binomial", "p", p, 0.0, 1.0);
}

double logpmf(const Binomial &d, std::int64_t k) noexcept
{
    const double p = d.successProbability();
    return saddlepoint::logBinomial(static_cast<double>(k), static_cast<double>(d.trials()), p, 1.0 - p);
}

EventRange support(const Binomial &d) noexcept
{
    return {0, d.trials()};
}

double massOutside(const Binomial &d, EventRange range)
{
    const boost::math::binomial_distribution<> b(static_cast<double>(d.trials()), d.successProbability());
    double outside = 0.0;
    if (range.first > 0)
        outside += range.first > d.trials() ? 1.0 : cdf(b, static_cast<double>(range.first - 1));
    if (range.last < d.trials())
        outside += range.last < 0 ? 1.0 : cdf(complement(b, static_cast<double>(range.last)));
    return std::min(outside, 1.0);
}

double mean(const Binomial &d) noexcept
{
    return static_cast<double>(d.trials()) * d.successProbability();
}

} // namespace klscope
