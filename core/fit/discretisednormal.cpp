// Discretised normal masses (formula in discretisednormal.h): Phi differences through erfc, Abramowitz &
// Stegun 7.1.2 and 26.2.29.

#include "discretisednormal.h"

#include <cmath>
#include <limits>

namespace klscope {

namespace {

constexpr double kInvSqrt2 = 0.70710678118654752440;

// ln(Q(a) - Q(b)) for a < b with Q(z) = erfc(z / sqrt 2) / 2, the upper tail; a >= 0 keeps both tails small.
double logUpperTailDifference(double a, double b) noexcept
{
    const double qa = 0.5 * std::erfc(a * kInvSqrt2);
    const double qb = 0.5 * std::erfc(b * kInvSqrt2);
    if (qa <= 0.0)
        return -std::numeric_limits<double>::infinity();
    return std::log(qa) + std::log1p(-qb / qa);
}

} // namespace

double discretisedNormalLogMass(double mu, double sigma, std::int64_t k) noexcept
{
    const double a = (static_cast<double>(k) - 0.5 - mu) / sigma;
    const double b = (static_cast<double>(k) + 0.5 - mu) / sigma;
    if (a >= 0.0)
        return logUpperTailDifference(a, b);
    if (b <= 0.0)
        return logUpperTailDifference(-b, -a);
    // The interval holds mu: 1 minus both tails.
    return std::log1p(-0.5 * std::erfc(-a * kInvSqrt2) - 0.5 * std::erfc(b * kInvSqrt2));
}

EventRange discretisedNormalSupport(double mu, double sigma) noexcept
{
    const double reach = 8.3 * sigma + 1.0;
    return {static_cast<std::int64_t>(std::floor(mu - reach)),
            static_cast<std::int64_t>(std::ceil(mu + reach))};
}

} // namespace klscope
