#pragma once

// Upper bounds on the total variation distance TV(P, Q) = ½Σ|p − q| from a KL divergence D (in nats):
//   Pinsker:              TV ≤ √(D/2)           (Pinsker's inequality; tight for small D)
//   Bretagnolle–Huber:    TV ≤ √(1 − e^(−D))    (Bretagnolle & Huber 1979; see C. Canonne, "A short note
//                                                on an inequality between KL and TV"; below 1 for
//                                                every finite D, tighter than Pinsker for large D)
// Both hold for either direction, KL(P‖Q) or KL(Q‖P), so each pair has four bounds. TV never exceeds 1,
// so each bound is reported as min(1, formula): an infinite D gives the trivial bound 1.

#include "summary.h"

namespace klscope {

/// min(1, √(D/2)) for a KL divergence D in nats; 1 for D = +∞, 0 for D ≤ 0 (rounding can make a sum
/// slightly negative), NaN for NaN.
double pinskerBound(double klNats) noexcept;

/// √(1 − e^(−D)) for a KL divergence D in nats (computed as √(−expm1(−D)), exact for small D); 1 for
/// D = +∞, 0 for D ≤ 0, NaN for NaN.
double bretagnolleHuberBound(double klNats) noexcept;

/// The four bounds on a summary's total variation, from its KL in both directions (converted from the
/// summary's unit to nats).
struct TotalVariationBounds
{
    double pinskerPQ = 1, pinskerQP = 1;                   ///< from KL(P‖Q) and KL(Q‖P)
    double bretagnolleHuberPQ = 1, bretagnolleHuberQP = 1; ///< from KL(P‖Q) and KL(Q‖P)
    /// The smallest of the four (NaN ones ignored; 1 when none is finite below 1).
    double tightest() const noexcept;
};

TotalVariationBounds totalVariationBounds(const Summary &s) noexcept;

} // namespace klscope
