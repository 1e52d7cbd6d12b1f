#pragma once

// Decides analytically, before any integral, whether KL(P||Q) is infinite. Two rules:
//   * Support rule: KL(P||Q) = +inf when P's support is not inside Q's (P puts probability where q = 0).
//   * Tail rule: KL(P||Q) = h(P) + E_P[-ln q(X)], and h(P) is finite for every family here, so KL is
//     infinite exactly when E_P[-ln q(X)] diverges. On each side where both supports are unbounded, -ln q
//     grows like x^2 (Gaussian tail), |x| (exponential tail), (ln x)^2 (lognormal) or ln|x| (polynomial).
//     E_P[|X|^k] restricted to that side is finite for every k unless P's tail there is polynomial of
//     degree d, where it is finite only for k < d - 1. So a Gaussian Q tail needs P's second moment on
//     that side, an exponential one P's first; the logarithmic growths are integrable against every
//     family here. At a finite support end -ln q grows at most like (ln x)^2, integrable against every
//     density here.

#include "continuousdistribution.h"

#include <string>
#include <string_view>

namespace klscope {

/// Why KL(P||Q) is infinite, as sentences a student can follow, naming the rule and saying where:
///   "KL(P‖Q) = ∞ (support rule). Q = 0 for x < 0, where P holds 0.5 of its mass."
///   "KL(P‖Q) = ∞ (tail rule). P's tails are heavier: a Cauchy has no variance, so E_P[−log q] diverges
///   against a normal Q."
/// (UTF-8); empty when it is finite. `pName` and `qName` are the names the sentence uses ("Q", "P" for
/// KL(Q||P)).
std::string infiniteKlReason(const ContinuousDistribution &p, const ContinuousDistribution &q,
                             std::string_view pName = "P", std::string_view qName = "Q");

} // namespace klscope
