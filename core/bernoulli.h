#pragma once

// Bernoulli(p) on {0, 1}:  P(X = 1) = p,  P(X = 0) = 1 - p.

#include "eventrange.h"

#include <cstdint>

namespace klscope {

class Bernoulli
{
public:
    /// p in [0, 1]. Throws std::invalid_argument otherwise.
    explicit Bernoulli(double p);

    /// p = P(X = 1), in [0, 1].
    double successProbability() const noexcept { return m_p; }
    /// Equal parameters.
    friend bool operator==(const Bernoulli &, const Bernoulli &) = default;

private:
    double m_p;
};

/// ln(1-p) at 0 (via log1p), ln p at 1, -inf elsewhere.
double logpmf(const Bernoulli &d, std::int64_t k) noexcept;
/// 0..1.
EventRange support(const Bernoulli &d) noexcept;
/// The mass of {0, 1} outside `range`.
double massOutside(const Bernoulli &d, EventRange range) noexcept;
/// p.
double mean(const Bernoulli &d) noexcept;

} // namespace klscope
