// Binomial(n, p): ln P(X = k) by Loader's saddle-point form (saddlepoint.h; C. Loader, "Fast and
// Accurate Computation of Binomial Probabilities", 2000, as R's dbinom). The mass outside a range comes
// from Boost.Math's cdf and its complement (tailcut.h), so a tail of 1e-20 is not lost to 1 - sum.

#include "binomial.h"

#include "mathpolicy.h"
#include "saddlepoint.h"
#include "tailcut.h"
#include "validation.h"

#include <boost/math/distributions/binomial.hpp>

namespace klscope {

Binomial::Binomial(double n, double p)
    : m_n(validation::requireInteger("binomial", "n", n, 0, static_cast<std::int64_t>(kMaxEvents) - 1)),
      m_p(p)
{
    validation::requireInRange("binomial", "p", p, 0.0, 1.0);
}

double logpmf(const Binomial &d, std::int64_t k) noexcept
{
    const double p = d.successProbability();
    return saddlepoint::logBinomial(static_cast<double>(k), static_cast<double>(d.trials()), p, 1.0 - p);
}

void logpmfRange(const Binomial &d, std::int64_t first, std::span<double> out) noexcept
{
    const double p = d.successProbability();
    saddlepoint::logBinomialRange(static_cast<double>(first), out.size(), static_cast<double>(d.trials()), p,
                                  1.0 - p, out.data());
}

EventRange support(const Binomial &d) noexcept
{
    return {0, d.trials()};
}

double massOutside(const Binomial &d, EventRange range)
{
    return massOutsideByCdf(
        boost::math::binomial_distribution<>(static_cast<double>(d.trials()), d.successProbability()), range,
        support(d));
}

double mean(const Binomial &d) noexcept
{
    return static_cast<double>(d.trials()) * d.successProbability();
}

} // namespace klscope
