#pragma once

// Benchmark of the core's fused pass: random normalised P and Q, all metrics and per-event terms.

#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace klscope {

struct FusedPassBenchResult
{
    std::size_t events = 0;
    int runs = 0;
    double medianNsPerEvent = 0;
    double minNsPerEvent = 0;
    double peakMemoryMiB = 0; ///< peak resident set of the process (getrusage)
    bool vectorisedLog = false;
    unsigned threads = 0;
};

/// Times `runs` (>= 5) passes over `events` events after one warm-up pass.
FusedPassBenchResult benchFusedPass(std::size_t events, int runs = 7);

/// n masses drawn uniformly from [low, high) and normalised to sum to 1.
std::vector<double> randomDistribution(std::size_t n, std::mt19937_64 &rng, double low = 0.0,
                                       double high = 1.0);

/// Peak resident set size of this process so far, in MiB.
double peakMemoryMiB();

} // namespace klscope
