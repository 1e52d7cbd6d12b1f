#pragma once

// KL and JS estimated from samples: x_1..x_n from P and y_1..y_m from Q, n and m free to differ (issue 13).
//
//   Plug-in: both sample sets binned on shared edges (histogram.h, binSamplesTogether), then the divergences
//   of the normalised histograms p^_i = c_i / n, q^_i = d_i / m (divergence.h). KL(P||Q) is +inf as soon as a
//   bin holds samples of P and none of Q; the estimate says which bin. Additive smoothing (a pseudo-count
//   alpha > 0 added to every bin of both histograms, p^_i = (c_i + alpha) / (n + K alpha) over the K bins)
//   makes it finite at the price of a bias towards the uniform histogram.
//
//   Miller-Madow: the plug-in entropy is biased low, E[H^(P)] ~ H(P) - (K_P - 1)/(2n) with K_P the bins where
//   P has mass (G. A. Miller, "Note on the bias of information estimates", Information Theory in Psychology,
//   1955; L. Paninski, "Estimation of entropy and mutual information", Neural Computation 15 (2003) 1191,
//   sec. 3). The same second-order Taylor expansion of E[ln q^_i] ~ ln q_i - (1 - q_i)/(2 m q_i) gives the
//   bias of the plug-in cross entropy, sum_i p_i (1 - q_i)/(2 m q_i) = (sum_i p_i/q_i - 1)/(2m). With
//   KL = H(P,Q) - H(P) and JS = H(M) - (H(P) + H(Q))/2, M = (P + Q)/2, the corrected estimates are
//       KL_MM(P||Q) = KL^ - (K_P - 1)/(2n) - (sum_{p^_i > 0} p^_i/q^_i - 1)/(2m)
//       JS_MM       = JS^ - (K_P - 1)/(4n) - (K_Q - 1)/(4m)
//                         + sum_i [p^_i (1 - p^_i)/n + q^_i (1 - q^_i)/m] / (8 m^_i)
//   with the plug-in values in place of the true ones. Both biases of the plug-in KL are positive: it is
//   biased upward. The corrected value is not clamped at 0 (it can dip below at small n), and an infinite
//   plug-in stays infinite.
//
//   k-nearest neighbours, for continuous samples (Q. Wang, S. R. Kulkarni, S. Verdu, "Divergence estimation
//   for multidimensional densities via k-nearest-neighbor distances", IEEE Trans. Inf. Theory 55 (2009)
//   2392-2405, eq. (5) with d = 1; F. Perez-Cruz, "Kullback-Leibler divergence estimation of continuous
//   distributions", ISIT 2008):
//       D^(P||Q) = (1/n) sum_i ln(nu_k(i) / rho_k(i)) + ln(m / (n - 1))
//   rho_k(i) the distance from x_i to its k-th nearest neighbour among the other x, nu_k(i) to its k-th
//   nearest among the y. Both sample sets are sorted once and each neighbour found by a binary search and a
//   k-step walk outwards: O((n + m) log(n + m)). Ties: a distance of 0 (a repeated value, as every bootstrap
//   resample has) is skipped, so rho_k and nu_k are the k-th smallest positive distances; when fewer than k
//   positive distances exist the estimator does not apply.
//
//   Confidence intervals: the percentile bootstrap (B. Efron, R. Tibshirani, An Introduction to the
//   Bootstrap, 1993, ch. 13). Each of B resamples draws n of the x and m of the y with replacement (a seeded
//   std::mt19937_64), the plug-in and Miller-Madow values come from the resampled counts on the same bins,
//   the kNN value from the resampled values; the interval is the (1 - c)/2 and (1 + c)/2 quantiles of the B
//   values (an infinite value sorts last, so an upper end can be +inf).

#include "histogram.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace klscope {

/// One estimate, with its bootstrap interval.
struct Estimate
{
    double value = std::numeric_limits<double>::quiet_NaN();  ///< nats; +inf with `infinite` saying why
    double ciLow = std::numeric_limits<double>::quiet_NaN();  ///< NaN without a bootstrap
    double ciHigh = std::numeric_limits<double>::quiet_NaN(); ///< may be +inf
    std::string infinite; ///< why the value is +inf (the first bin of P with no sample of Q); "" when finite
};

/// One estimator's KL(P||Q), KL(Q||P) and JS. `reason` says why the estimator does not apply ("" when it
/// does; then every value is NaN).
struct EstimatorValues
{
    Estimate klPQ, klQP, js; ///< the kNN estimator has no JS: NaN
    std::string reason;
    bool applies() const noexcept { return reason.empty(); }
};

/// The divergences of two histograms, each from its counts.
struct HistogramEstimate
{
    double klPQ = 0, klQP = 0, js = 0;  ///< nats
    std::string infinitePQ, infiniteQP; ///< why the KL is +inf ("" when finite)
};

/// The plug-in on counts `p` and `q` (same length, finite, >= 0, each with a positive total), `alpha` >= 0
/// added to every bin of both. `labels` (empty, or one per bin) name the bins in the reasons. Throws
/// std::invalid_argument on bad input.
HistogramEstimate pluginEstimate(std::span<const double> p, std::span<const double> q, double alpha = 0,
                                 std::span<const std::string> labels = {});

/// The Miller-Madow corrected plug-in, on the same input; the sample sizes n and m are the totals of the raw
/// counts (before smoothing).
HistogramEstimate millerMadowEstimate(std::span<const double> p, std::span<const double> q, double alpha = 0,
                                      std::span<const std::string> labels = {});

/// The kNN estimate of KL(P||Q) from `x` ~ P and `y` ~ Q (finite values, any order). NaN when it does not
/// apply: fewer than k + 1 values of x or k of y, or fewer than k positive distances from some x_i.
double knnKl(std::span<const double> x, std::span<const double> y, std::size_t k = 1);

struct EstimatorOptions
{
    double smoothing = 0.0;         ///< pseudo-count alpha for the plug-in and Miller-Madow (0: none)
    std::size_t k = 1;              ///< neighbours of the kNN estimator
    bool knn = true;                ///< compute the kNN estimator (meant for continuous samples)
    std::size_t bootstrap = 200;    ///< resamples B (0: no intervals)
    double confidence = 0.95;       ///< of the intervals, in (0, 1)
    std::uint64_t seed = 1;         ///< of the bootstrap
    import::BinningOptions binning; ///< shared bins of the two sample sets
};

/// Every estimate from two sample sets.
struct SampleEstimates
{
    EstimatorValues plugin, millerMadow, knn;
    std::size_t n = 0, m = 0;
    import::Histogram histogramP, histogramQ; ///< the counts on the shared bins
};

/// Estimates from x ~ P and y ~ Q with intervals. `stop` (may be empty) is polled between bootstrap
/// resamples; when it returns true the intervals are left NaN. Throws std::invalid_argument when the samples
/// cannot be binned (the binning's sentence), or on bad options.
SampleEstimates estimateFromSamples(std::span<const double> x, std::span<const double> y,
                                    const EstimatorOptions &options, const std::function<bool()> &stop = {});

/// The (1 - c)/2 and (1 + c)/2 quantiles (type 7) of `values` (sorted here; +inf sorts last, NaN is dropped).
std::pair<double, double> percentileInterval(std::vector<double> values, double confidence);

} // namespace klscope
