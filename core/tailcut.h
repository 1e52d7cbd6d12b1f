#pragma once

#include "eventrange.h"

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace klscope {

/// The smallest event k >= 0 whose upper tail P(X > k), given by `tail(double k)`, is below 1e-16.
/// `start` is a hint (the mean). Exponential search then bisection: tail must be non-increasing.
/// Throws std::invalid_argument if the cut lies beyond the kMaxEvents limit.
template <typename Tail> std::int64_t firstEventWithTailBelow(Tail tail, double start)
{
    std::int64_t hi = static_cast<std::int64_t>(std::ceil(start));
    std::int64_t step = 1;
    while (!(tail(static_cast<double>(hi)) < kTailCut)) {
        hi += step;
        step *= 2;
        if (hi > static_cast<std::int64_t>(kMaxEvents))
            throw std::invalid_argument("the upper tail is still above 1e-16 after " +
                                        std::to_string(kMaxEvents) + " events");
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

} // namespace klscope
