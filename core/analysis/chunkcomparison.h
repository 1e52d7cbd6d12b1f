#pragma once

// Samples of different sizes, the users' material's way and the proper way (issue 13). The material suggests
// "divide the larger set into N equal-size sets and compare each with the small one": with n samples of P and
// m of Q, the larger set is cut, in the order given, into N = floor(larger / smaller) chunks of the smaller
// set's size (the rest is dropped), and each chunk's plug-in KL against the small set is computed on the
// shared bins of all the samples. The proper way keeps every sample: the normalised histograms p^ = c/n and
// q^ = d/m are what is compared (estimators.h), and the G-test and Pearson's chi^2 of homogeneity on the
// 2 x k table of counts (hypothesistests.h) say whether the two differ significantly.
// What the chunks get wrong: each chunk KL is a plug-in estimate from only min(n, m) samples a side, so it is
// inflated by the plug-in bias at that size, its spread is chunk noise rather than a difference between P and
// Q, and neither the mean nor the spread is a significance test.

#include "histogram.h"
#include "hypothesistests.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace klscope {

struct ChunkComparison
{
    bool pIsLarger = false;      ///< P's set was cut into chunks (else Q's)
    std::size_t chunkSize = 0;   ///< the smaller set's size
    std::size_t dropped = 0;     ///< samples of the larger set left over after the last whole chunk
    std::vector<double> chunkKl; ///< KL(chunk || small) when P is larger, KL(small || chunk) otherwise: the
                                 ///< direction KL(P||Q) is kept; nats, +inf when a bin is empty
    double mean = 0, sd = 0;     ///< of the finite chunk KLs (NaN when none); sd with N - 1 (0 for one chunk)
    std::size_t infiniteChunks = 0; ///< chunks whose KL is +inf
    double properKl = 0;            ///< the plug-in KL(P||Q) from every sample
    TestResult gTest, chiSquare;    ///< homogeneity of the full histograms
    import::Binning binning;        ///< the shared bins
    std::string note;               ///< the one line on what the chunk approach gets wrong
};

/// The chunk approach beside the proper estimate and tests, for x ~ P and y ~ Q (each at least one finite
/// value), binned together with `binning`; `smoothing` is the plug-in's pseudo-count for the chunk KLs and
/// the proper KL (not for the tests, which take the raw counts). Throws std::invalid_argument when the
/// samples cannot be binned.
ChunkComparison compareByChunks(std::span<const double> x, std::span<const double> y,
                                const import::BinningOptions &binning = {}, double smoothing = 0.0);

} // namespace klscope
