#pragma once

// How the estimators from samples (estimators.h) close in on the truth as the sample size grows: for each n
// of a ladder, R seeded repetitions draw n samples of P and m = ratio * n of Q (samplemodel.h), estimate
// KL(P||Q) with the plug-in, Miller-Madow and (continuous pairs) kNN estimators, and keep the median and the
// 10 % and 90 % quantiles across the repetitions (an infinite estimate counts as larger than any other, so a
// median can be +inf while Q's histogram still has empty bins where P has samples). No bootstrap here: the
// band is the spread across repetitions.

#include "estimators.h"
#include "samplemodel.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace klscope {

struct ConvergenceOptions
{
    std::vector<std::size_t> sizes = {30, 100, 300, 1000, 3000, 10000}; ///< n, each >= 2
    double ratio = 1.0;                                                 ///< m = max(2, round(ratio n))
    std::size_t repetitions = 20;                                       ///< R >= 1
    std::uint64_t seed = 1; ///< repetition r at size index s draws with seed + 1000 s + r
    double smoothing = 0.0; ///< the plug-in's pseudo-count
    std::size_t k = 1;      ///< kNN neighbours
};

/// One estimator's curve: one value per size.
struct ConvergenceCurve
{
    std::string name; ///< "plug-in", "Miller-Madow", "kNN"
    std::vector<double> median, low, high;
};

struct Convergence
{
    std::vector<double> n;                ///< the sizes, as doubles for plotting
    std::vector<ConvergenceCurve> curves; ///< plug-in, Miller-Madow, and kNN for continuous pairs
    TrueDivergences truth;
};

/// Runs the ladder. `progress(fraction)` (may be empty) is called after each size; when it returns true the
/// run stops and what was computed so far is returned (the later sizes missing). Throws std::invalid_argument
/// on bad options or a pair of mixed domains.
Convergence convergence(const SampleModel &p, const SampleModel &q, const ConvergenceOptions &options,
                        const std::function<bool(double fraction)> &progress = {});

} // namespace klscope
