// Negative binomial(r, p), failures before the r-th success:
//     P(X = k) = Gamma(k+r) / (k! Gamma(r)) p^r (1-p)^k = r/(r+k) b(r; r+k, p),
// with b Loader's binomial mass (saddlepoint.h), as R's dnbinom computes it (C. Loader 2000); the
// identity holds for real r. Support cut and mass outside from Boost.Math's cdf (tailcut.h).

#include "negativebinomial.h"

#include "distribution.h"
#include "mathpolicy.h"
#include "saddlepoint.h"
#include "tailcut.h"
#include "validation.h"

#include <boost/math/distributions/negative_binomial.hpp>

#include <cmath>
#include <limits>

namespace klscope {

NegativeBinomial::NegativeBinomial(double r, double p) : m_r(r), m_p(p)
{
    validation::requireAbove("negative_binomial", "r", r, 0.0, 1e6);
    validation::requireInRange("negative_binomial", "p", p, 1e-6, 1.0);
}

double logpmf(const NegativeBinomial &d, std::int64_t k) noexcept
{
    if (k < 0)
        return -std::numeric_limits<double>::infinity();
    const double r = d.successes();
    const double x = static_cast<double>(k);
    const double p = d.successProbability();
    return std::log(r / (r + x)) + saddlepoint::logBinomial(r, r + x, p, 1.0 - p);
}

EventRange support(const NegativeBinomial &d)
{
    if (d.successProbability() == 1.0)
        return {0, 0};
    const boost::math::negative_binomial_distribution<> b(d.successes(), d.successProbability());
    return {0, firstEventWithTailBelow([&](double k) { return cdf(complement(b, k)); }, mean(d),
                                       describe(Distribution(d)))};
}

double massOutside(const NegativeBinomial &d, EventRange range)
{
    if (d.successProbability() == 1.0)
        return range.contains(0) ? 0.0 : 1.0;
    return massOutsideByCdf(
        boost::math::negative_binomial_distribution<>(d.successes(), d.successProbability()), range,
        kNonNegativeIntegers);
}

double mean(const NegativeBinomial &d) noexcept
{
    return d.successes() * (1.0 - d.successProbability()) / d.successProbability();
}

} // namespace klscope
