#pragma once

// Discrete uniform on the integers a..b:  P(X = k) = 1 / (b - a + 1).

#include "eventrange.h"

#include <cstdint>

namespace klscope {

class DiscreteUniform
{
public:
    /// a <= b, whole numbers, at most 5e7 events. Throws std::invalid_argument otherwise.
    DiscreteUniform(double a, double b);

    /// a, the first event.
    std::int64_t lower() const noexcept { return m_a; }
    /// b, the last event (>= a).
    std::int64_t upper() const noexcept { return m_b; }
    /// Equal parameters.
    friend bool operator==(const DiscreteUniform &, const DiscreteUniform &) = default;

private:
    std::int64_t m_a;
    std::int64_t m_b;
};

/// -ln(b - a + 1) on a..b, -inf elsewhere.
double logpmf(const DiscreteUniform &d, std::int64_t k) noexcept;
/// a..b.
EventRange support(const DiscreteUniform &d) noexcept;
/// The share of a..b outside `range`.
double massOutside(const DiscreteUniform &d, EventRange range) noexcept;
/// (a + b) / 2.
double mean(const DiscreteUniform &d) noexcept;

} // namespace klscope
