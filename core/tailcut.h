#pragma once

#include "eventrange.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace klscope {

/// The smallest event k >= 0 whose upper tail P(X > k), given by `tail(double k)`, is below 1e-16.
/// `start` is a hint (the mean). Exponential search then bisection: tail must be non-increasing.
/// Throws std::invalid_argument naming `what` (e.g. "geometric(p=1e-06)") if the support 0..k would
/// have more than kMaxEvents events.
template <typename Tail>
std::int64_t firstEventWithTailBelow(Tail tail, double start, const std::string &what)
{
    constexpr auto kLast = static_cast<std::int64_t>(kMaxEvents) - 1; // 0..kLast is the longest support
    std::int64_t hi = std::min(static_cast<std::int64_t>(std::ceil(start)), kLast);
    std::int64_t step = 1;
    while (!(tail(static_cast<double>(hi)) < kTailCut)) {
        if (hi == kLast)
            throw std::invalid_argument(
                what + " has more than 1e-16 of its mass beyond the event " + std::to_string(kLast) +
                ", so its support would exceed the limit of " + std::to_string(kMaxEvents) + " events");
        hi = std::min(hi + step, kLast);
        step *= 2;
    }
    std::int64_t lo = -1; // tail(lo) >= cut, by convention for -1
    if (hi > 0 && !(tail(static_cast<double>(hi / 2)) < kTailCut))
        lo = hi / 2;
    while (hi - lo > 1) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        if (tail(static_cast<double>(mid)) < kTailCut)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/// P(X < range.first) + P(X > range.last) for a Boost.Math discrete distribution `b` whose natural
/// support is `natural` (natural.last may be INT64_MAX for an infinite support), from its cdf and
/// complemented cdf, so that a tiny outside mass is not lost to 1 - sum rounding.
template <typename BoostDistribution>
double massOutsideByCdf(const BoostDistribution &b, EventRange range, EventRange natural)
{
    double outside = 0.0;
    if (range.first > natural.first)
        outside += range.first > natural.last ? 1.0 : cdf(b, static_cast<double>(range.first - 1));
    if (range.last < natural.last)
        outside += range.last < natural.first ? 1.0 : cdf(complement(b, static_cast<double>(range.last)));
    return std::min(outside, 1.0);
}

/// The natural support of a family with an infinite support, for massOutsideByCdf.
inline constexpr EventRange kNonNegativeIntegers{0, INT64_MAX};

} // namespace klscope
