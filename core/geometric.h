#pragma once

// Geometric(p), counting failures before the first success:
//     P(X = k) = p (1-p)^k,   k = 0, 1, 2, ...      (mean (1-p)/p)
// The infinite support is cut at the first k with P(X > k) = (1-p)^(k+1) below 1e-16.

#include "eventrange.h"

#include <cstdint>

namespace klscope {

class Geometric
{
public:
    /// p: success probability in [1e-6, 1]. Throws std::invalid_argument otherwise.
    explicit Geometric(double p);

    /// p, the success probability of each trial, in [1e-6, 1] (p = 1 puts all mass on 0).
    double successProbability() const noexcept { return m_p; }
    /// Equal parameters.
    friend bool operator==(const Geometric &, const Geometric &) = default;

private:
    double m_p;
};

/// ln p + k ln(1-p) for k >= 0, -inf for k < 0.
double logpmf(const Geometric &d, std::int64_t k) noexcept;
/// 0..K where K is the first event with P(X > K) < 1e-16.
EventRange support(const Geometric &d);
/// P(X < range.first) + P(X > range.last), from Boost.Math's cdf.
double massOutside(const Geometric &d, EventRange range);
/// (1-p)/p.
double mean(const Geometric &d) noexcept;

} // namespace klscope
