#pragma once

// What the continuous families declare about themselves so that infinities can be decided before any
// integral: the support interval, and per side how the density decays (its tail class) and how far
// its moments go.

#include <cmath>
#include <limits>

namespace klscope {

/// A closed or open interval [low, high] of the real line; low may be -inf and high +inf.
struct Interval
{
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();

    /// True when [low, high] lies inside `outer` (ends may coincide).
    bool inside(const Interval &outer) const noexcept { return low >= outer.low && high <= outer.high; }
    friend bool operator==(const Interval &, const Interval &) = default;
};

/// How a density falls off on one side of its support.
enum class TailClass
{
    Bounded,     ///< the support ends at a finite point on this side
    Gaussian,    ///< log density ~ -c x^2 (normal, Gaussian mixture)
    Exponential, ///< log density ~ -c |x| (exponential, gamma, Laplace)
    LogNormal,   ///< log density ~ -c (ln x)^2 (lognormal, right side)
    Polynomial   ///< density ~ |x|^-degree (Student t: nu + 1, Cauchy: 2)
};

/// One side of a density: its tail class, and for a polynomial tail the decay degree. Absolute moments
/// E|X|^k on this side exist for k < degree - 1; for every other class all of them exist.
struct Tail
{
    TailClass kind = TailClass::Bounded;
    double degree = std::numeric_limits<double>::infinity();

    /// The highest order k for which E|X|^k restricted to this side is finite is "anything below" this.
    double momentLimit() const noexcept
    {
        return kind == TailClass::Polynomial ? degree - 1.0 : std::numeric_limits<double>::infinity();
    }
};

/// Both sides of a density.
struct Tails
{
    Tail left, right;
};

} // namespace klscope
