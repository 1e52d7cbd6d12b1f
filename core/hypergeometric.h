#pragma once

// Hypergeometric(N, K, n): successes in n draws without replacement from a population of N items,
// K of which are successes:
//     P(X = k) = C(K, k) C(N-K, n-k) / C(N, n),   max(0, n-(N-K)) <= k <= min(n, K).
// Computed as b(k; K, n/N) b(n-k; N-K, n/N) / b(n; N, n/N) with Loader's binomial form
// (as R's dhyper does).

#include "eventrange.h"

#include <cstdint>

namespace klscope {

class Hypergeometric
{
public:
    /// N: population, 0..10^8; K: successes in it, 0..N; n: draws, 0..N. All whole numbers.
    Hypergeometric(double population, double successes, double draws);

    /// N, the population size.
    std::int64_t population() const noexcept { return m_N; }
    /// K, the successes in the population (<= N).
    std::int64_t successes() const noexcept { return m_K; }
    /// n, the draws without replacement (<= N).
    std::int64_t draws() const noexcept { return m_n; }
    /// Equal parameters.
    friend bool operator==(const Hypergeometric &, const Hypergeometric &) = default;

private:
    std::int64_t m_N;
    std::int64_t m_K;
    std::int64_t m_n;
};

/// ln P(X = k); -inf outside the support.
double logpmf(const Hypergeometric &d, std::int64_t k) noexcept;
/// max(0, n-(N-K)) .. min(n, K).
EventRange support(const Hypergeometric &d) noexcept;
/// P(X < range.first) + P(X > range.last), from Boost.Math's cdf.
double massOutside(const Hypergeometric &d, EventRange range);
/// n K / N (0 when N = 0).
double mean(const Hypergeometric &d) noexcept;

} // namespace klscope
