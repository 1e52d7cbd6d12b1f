// Bernoulli(p): ln P(X = 0) = log1p(-p), which stays accurate for tiny p, and ln P(X = 1) = ln p. The
// mass outside a range is the sum of the one or two masses it leaves out, exactly.

#include "bernoulli.h"

#include "validation.h"

#include <cmath>
#include <limits>

namespace klscope {

Bernoulli::Bernoulli(double p) : m_p(p)
{
    validation::requireInRange("bernoulli", "p", p, 0.0, 1.0);
}

double logpmf(const Bernoulli &d, std::int64_t k) noexcept
{
    if (k == 0)
        return std::log1p(-d.successProbability());
    if (k == 1)
        return std::log(d.successProbability());
    return -std::numeric_limits<double>::infinity();
}

EventRange support(const Bernoulli &) noexcept
{
    return {0, 1};
}

double massOutside(const Bernoulli &d, EventRange range) noexcept
{
    double outside = 0.0;
    if (!range.contains(0))
        outside += 1.0 - d.successProbability();
    if (!range.contains(1))
        outside += d.successProbability();
    return outside;
}

double mean(const Bernoulli &d) noexcept
{
    return d.successProbability();
}

} // namespace klscope
