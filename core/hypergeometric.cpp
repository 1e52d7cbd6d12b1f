// Hypergeometric(N, K, n): P(X = k) = C(K, k) C(N-K, n-k) / C(N, n)
//     = b(k; K, p) b(n-k; N-K, p) / b(n; N, p)   for any p (here p = n/N): the powers of p and 1-p
// cancel. b is Loader's binomial mass (saddlepoint.h), as R's dhyper computes it (C. Loader 2000), so
// no factorial is formed. The mass outside a range comes from Boost.Math's cdf (tailcut.h).

#include "hypergeometric.h"

#include "mathpolicy.h"
#include "saddlepoint.h"
#include "tailcut.h"
#include "validation.h"

#include <boost/math/distributions/hypergeometric.hpp>

#include <algorithm>
#include <limits>

namespace klscope {

Hypergeometric::Hypergeometric(double population, double successes, double draws)
    : m_N(validation::requireInteger("hypergeometric", "N", population, 0, 100'000'000)),
      m_K(validation::requireInteger("hypergeometric", "K", successes, 0, m_N)),
      m_n(validation::requireInteger("hypergeometric", "n", draws, 0, m_N))
{}

double logpmf(const Hypergeometric &d, std::int64_t k) noexcept
{
    if (!support(d).contains(k))
        return -std::numeric_limits<double>::infinity();
    const double N = static_cast<double>(d.population());
    const double K = static_cast<double>(d.successes());
    const double n = static_cast<double>(d.draws());
    const double x = static_cast<double>(k);
    const double p = n / N;
    const double q = (N - n) / N;
    return saddlepoint::logBinomial(x, K, p, q) + saddlepoint::logBinomial(n - x, N - K, p, q) -
           saddlepoint::logBinomial(n, N, p, q);
}

EventRange support(const Hypergeometric &d) noexcept
{
    return {std::max<std::int64_t>(0, d.draws() - (d.population() - d.successes())),
            std::min(d.draws(), d.successes())};
}

double massOutside(const Hypergeometric &d, EventRange range)
{
    const EventRange s = support(d);
    if (s.first == s.last)
        return range.contains(s.first) ? 0.0 : 1.0;
    const boost::math::hypergeometric_distribution<> b(static_cast<unsigned>(d.successes()),
                                                       static_cast<unsigned>(d.draws()),
                                                       static_cast<unsigned>(d.population()));
    return massOutsideByCdf(b, range, s);
}

double mean(const Hypergeometric &d) noexcept
{
    return d.population() == 0 ? 0.0
                               : static_cast<double>(d.draws()) * static_cast<double>(d.successes()) /
                                     static_cast<double>(d.population());
}

} // namespace klscope
