// Geometric(p), failures before the first success: ln P(X = k) = ln p + k log1p(-p) (log1p keeps a tiny
// p accurate). The support is cut with the closed-form tail P(X > k) = (1-p)^(k+1) =
// exp((k+1) log1p(-p)) (tailcut.h); the mass outside a range comes from Boost.Math's cdf.

#include "geometric.h"

#include "distribution.h"
#include "mathpolicy.h"
#include "tailcut.h"
#include "validation.h"

#include <boost/math/distributions/geometric.hpp>

#include <cmath>
#include <limits>

namespace klscope {

Geometric::Geometric(double p) : m_p(p)
{
    validation::requireInRange("geometric", "p", p, 4e-6, 1.0);
}

double logpmf(const Geometric &d, std::int64_t k) noexcept
{
    if (k < 0)
        return -std::numeric_limits<double>::infinity();
    if (k == 0)
        return std::log(d.successProbability());
    return std::log(d.successProbability()) + static_cast<double>(k) * std::log1p(-d.successProbability());
}

EventRange support(const Geometric &d)
{
    if (d.successProbability() == 1.0)
        return {0, 0};
    const double log1mp = std::log1p(-d.successProbability());
    return {0, firstEventWithTailBelow([&](double k) { return std::exp((k + 1.0) * log1mp); }, mean(d),
                                       describe(Distribution(d)))};
}

double massOutside(const Geometric &d, EventRange range)
{
    if (d.successProbability() == 1.0)
        return range.contains(0) ? 0.0 : 1.0;
    return massOutsideByCdf(boost::math::geometric_distribution<>(d.successProbability()), range,
                            kNonNegativeIntegers);
}

double mean(const Geometric &d) noexcept
{
    return (1.0 - d.successProbability()) / d.successProbability();
}

} // namespace klscope
