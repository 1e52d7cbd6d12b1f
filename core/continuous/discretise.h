#pragma once

// Discretisation: a continuous density binned at width h on the grid x_k = origin + k h. The mass of bin
// [x_k, x_k+1) is F(x_k+1) - F(x_k) below the median and S(x_k) - S(x_k+1) above it (S = 1 - F, the
// survival function, computed from its own formula), so neither tail loses its digits to cancellation.
// The grid covers both densities' quantile ranges [Q(1e-12), Q(1 - 1e-12)]; what lies beyond its ends is
// folded into the end bins (and reported), so each side's masses sum to 1. End bins where one side's mass
// underflows (below the smallest normal double) although its support reaches there (a normal beyond |z| ~ 38)
// are merged into the nearest bin where it does not, so such a tail makes the end bin wide, not the KL
// infinite; the KL carried beyond that point is then only approximated. Both sides share the grid, so the
// discrete KL of the binned pair is the KL of the two laws on one partition of the line: by the data
// processing inequality it never exceeds the continuous KL, and it converges to it as h -> 0 (Cover &
// Thomas, Elements of Information Theory, 2nd ed., 8.3 and 2.8).

#include "continuousdistribution.h"
#include "custom.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace klscope {

/// 1 - cdf(d, x), accurate in the upper tail (no subtraction from 1 where it is small).
double survival(const ContinuousDistribution &d, double x) noexcept;

/// The most bins a discretisation may have.
inline constexpr std::size_t kMaxBins = 1'000'000;
/// The quantile levels whose range the grid covers: [Q(kBinTail), Q(1 - kBinTail)] of each side.
inline constexpr double kBinTail = 1e-12;

/// A pair binned on one grid.
struct BinnedPair
{
    double width = 0.0;
    std::vector<double> edges; ///< bins + 1 increasing edges on the grid; bin i is [edges[i], edges[i+1])
    std::vector<double> p, q;  ///< masses per bin, each side summing to 1 (tails folded into the end bins)
    double belowP = 0.0, belowQ = 0.0; ///< mass folded into the first bin from below edges.front()
    double aboveP = 0.0, aboveQ = 0.0; ///< mass folded into the last bin from above edges.back()
};

/// Bins P and Q at width h > 0 on the grid anchored at `origin`. Throws std::invalid_argument with a
/// sentence when h is not a positive finite number, when the covered range would need more than kMaxBins
/// bins at this h (the sentence gives the smallest h allowed), or when the origin is so far from the range
/// that the edges origin + k h would not be distinct doubles.
BinnedPair discretise(const ContinuousDistribution &p, const ContinuousDistribution &q, double h,
                      double origin = 0.0);

/// The binned pair as two custom distributions on events 0..bins-1, for compare().
std::pair<Custom, Custom> asCustomPair(const BinnedPair &binned);

/// The discrete KL of the pair binned at one width.
struct DiscreteKlPoint
{
    double width = 0.0;
    std::size_t bins = 0;
    double klPQ = 0.0, klQP = 0.0; ///< nats (+inf where a bin has mass on one side only); NaN with a note
    std::string note;              ///< why this width has no value (too many bins); empty otherwise
};

/// Per width in `widths`, the discrete KL(P||Q) and KL(Q||P) of the pair binned at that width (same origin).
std::vector<DiscreteKlPoint> discreteKlAgainstWidth(const ContinuousDistribution &p,
                                                    const ContinuousDistribution &q,
                                                    std::span<const double> widths, double origin = 0.0);

} // namespace klscope
