#pragma once

// The discretised normal: a normal's mass on the integers,
//     P(X = k) = Phi((k + 1/2 - mu)/sigma) - Phi((k - 1/2 - mu)/sigma),  k integer,
// the normal's probability of the interval of width 1 around k (so the masses sum to 1 exactly). The fitting
// lab's discrete counterpart of a normal Q. Differences of Phi are taken between upper tails on the side away
// from mu (erfc, not 1 - erfc), so masses far out keep their relative accuracy down to about 1e-300.

#include "eventrange.h"

namespace klscope {

/// ln P(X = k) for mu finite and sigma > 0; -inf where the mass underflows.
double discretisedNormalLogMass(double mu, double sigma, std::int64_t k) noexcept;

/// The events where the mass lives: k with |k - mu| <= 8.3 sigma + 1, outside which the tails hold less than
/// 1e-16 together (the cut the core uses for infinite supports, distribution.h).
EventRange discretisedNormalSupport(double mu, double sigma) noexcept;

} // namespace klscope
