#pragma once

// Binomial(n, p): successes in n independent trials, each a success with probability p.
//     P(X = k) = C(n, k) p^k (1-p)^(n-k),   k = 0..n.
// The log mass is Loader's saddle-point form (saddlepoint.h), accurate where the mass underflows.

#include "eventrange.h"

#include <cstdint>
#include <span>

namespace klscope {

class Binomial
{
public:
    /// n: whole number of trials, 0..10^8. p: success probability in [0, 1].
    /// Throws std::invalid_argument naming the bad parameter.
    Binomial(double n, double p);

    /// n, the number of trials.
    std::int64_t trials() const noexcept { return m_n; }
    /// p, the success probability of each trial, in [0, 1].
    double successProbability() const noexcept { return m_p; }
    /// Equal parameters.
    friend bool operator==(const Binomial &, const Binomial &) = default;

private:
    std::int64_t m_n;
    double m_p;
};

/// ln P(X = k); -inf outside 0..n and where the mass is exactly zero (p = 0 or p = 1).
double logpmf(const Binomial &d, std::int64_t k) noexcept;

/// logpmf at the events first, first+1, ..., first+out.size()-1, written to out: the same values to a
/// few ulp, with the logarithms vectorised (what evaluate() uses for long supports).
void logpmfRange(const Binomial &d, std::int64_t first, std::span<double> out) noexcept;
/// The natural support 0..n.
EventRange support(const Binomial &d) noexcept;
/// P(X < range.first) + P(X > range.last), from Boost.Math's cdf.
double massOutside(const Binomial &d, EventRange range);
/// n p.
double mean(const Binomial &d) noexcept;

} // namespace klscope
