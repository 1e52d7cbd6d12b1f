#pragma once

// Progressive Monte Carlo KL(P||Q) = E_P[ln p(X) - ln q(X)]: one seeded std::mt19937_64 stream of draws
// X ~ P, a running mean and variance (Welford 1962), and a checkpoint each time n doubles (n0, 2 n0, 4 n0,
// ... and the last n = N), so a view can draw the estimate +- 2 standard errors closing in as n grows.
// The standard error at a checkpoint is s / sqrt(n), s the sample standard deviation of ln p - ln q.
// Draws are exact: the inverse cdf of a uniform on (0, 1) (quantile(d, u)); a mixture draws its component
// first, then a normal draw from it, as monteCarloKl() does (same seed, same n: the same number).
// KL(Q||P) is the same call with the arguments swapped. An infinite KL (infinitykl.h) is not estimated.

#include "continuousdistribution.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace klscope {

/// One draw of X ~ d from the stream (two uniforms for a mixture: component, then the normal draw).
double sample(const ContinuousDistribution &d, std::mt19937_64 &rng) noexcept;

/// The estimate after n draws.
struct MonteCarloPoint
{
    std::size_t n = 0;
    double estimate = 0.0;      ///< nats
    double standardError = 0.0; ///< nats, s / sqrt(n)
};

struct MonteCarloProgressOptions
{
    std::size_t firstSamples = 1000;  ///< the first checkpoint, >= 2
    std::size_t maxSamples = 1000000; ///< the last checkpoint N, >= firstSamples
    std::uint64_t seed = 1;           ///< the same seed gives the same draws and numbers
};

struct MonteCarloRun
{
    std::vector<MonteCarloPoint> points; ///< one per checkpoint reached, n increasing
    bool cancelled = false;              ///< onPoint returned false before the last checkpoint
    std::string infinite;                ///< why KL(P||Q) is infinite (no points then); empty when finite
};

/// How many draws pass between two polls of the `stop` predicate of progressiveMonteCarloKl().
inline constexpr std::size_t kMonteCarloPollDraws = 4096;

/// Estimates KL(P||Q) in nats at n = firstSamples, 2 firstSamples, ..., maxSamples. `onPoint` (may be
/// empty) sees each point as it is reached, on the calling thread; returning false stops the run there
/// (the point it saw is kept). `stop` (may be empty) is polled every kMonteCarloPollDraws draws between
/// checkpoints, so a background job cancels within a fraction of a millisecond rather than at the next
/// checkpoint; returning true stops the run (cancelled, the points reached so far kept). Throws
/// std::invalid_argument when firstSamples < 2 or maxSamples < firstSamples.
MonteCarloRun progressiveMonteCarloKl(const ContinuousDistribution &p, const ContinuousDistribution &q,
                                      const MonteCarloProgressOptions &options = {},
                                      const std::function<bool(const MonteCarloPoint &)> &onPoint = {},
                                      const std::function<bool()> &stop = {});

} // namespace klscope
