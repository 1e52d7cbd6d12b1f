#include "bounds.h"

#include <algorithm>
#include <cmath>

namespace klscope {

namespace {

double toNatsValue(double v, Unit unit) noexcept
{
    return v / fromNats(unit);
}

} // namespace

double pinskerBound(double klNats) noexcept
{
    if (std::isnan(klNats))
        return klNats;
    if (klNats <= 0)
        return 0.0;
    if (std::isinf(klNats))
        return 1.0;
    return std::min(1.0, std::sqrt(klNats / 2));
}

double bretagnolleHuberBound(double klNats) noexcept
{
    if (std::isnan(klNats))
        return klNats;
    if (klNats <= 0)
        return 0.0;
    if (std::isinf(klNats))
        return 1.0;
    return std::min(1.0, std::sqrt(-std::expm1(-klNats)));
}

double TotalVariationBounds::tightest() const noexcept
{
    double best = 1.0;
    for (double b : {pinskerPQ, pinskerQP, bretagnolleHuberPQ, bretagnolleHuberQP})
        if (!std::isnan(b))
            best = std::min(best, b);
    return best;
}

TotalVariationBounds totalVariationBounds(const Summary &s) noexcept
{
    const double pq = toNatsValue(s.klPQ.value, s.unit);
    const double qp = toNatsValue(s.klQP.value, s.unit);
    return {pinskerBound(pq), pinskerBound(qp), bretagnolleHuberBound(pq), bretagnolleHuberBound(qp)};
}

} // namespace klscope
