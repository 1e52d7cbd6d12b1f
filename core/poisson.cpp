// Poisson(lambda): ln P(X = k) by Loader's saddle-point form (saddlepoint.h; C. Loader 2000, as R's
// dpois). The support is cut where Boost.Math's complemented cdf P(X > k) falls below 1e-16
// (tailcut.h), and the mass outside a range comes from the same cdf.

#include "poisson.h"

#include "distribution.h"
#include "mathpolicy.h"
#include "saddlepoint.h"
#include "tailcut.h"
#include "validation.h"

#include <boost/math/distributions/poisson.hpp>

namespace klscope {

Poisson::Poisson(double lambda) : m_lambda(lambda)
{
    validation::requireInRange("poisson", "lambda", lambda, 0.0, 9.9e6);
}

double logpmf(const Poisson &d, std::int64_t k) noexcept
{
    return saddlepoint::logPoisson(static_cast<double>(k), d.rate());
}

EventRange support(const Poisson &d)
{
    if (d.rate() == 0.0)
        return {0, 0};
    const boost::math::poisson_distribution<> b(d.rate());
    return {0, firstEventWithTailBelow([&](double k) { return cdf(complement(b, k)); }, d.rate(),
                                       describe(Distribution(d)))};
}

double massOutside(const Poisson &d, EventRange range)
{
    if (d.rate() == 0.0)
        return range.contains(0) ? 0.0 : 1.0;
    return massOutsideByCdf(boost::math::poisson_distribution<>(d.rate()), range, kNonNegativeIntegers);
}

double mean(const Poisson &d) noexcept
{
    return d.rate();
}

} // namespace klscope
