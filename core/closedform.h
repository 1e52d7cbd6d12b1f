#pragma once

// Closed forms of KL(P||Q) for two members of the same family, written without cancellation so that
// nearly equal parameters give the true tiny value rather than 0 or rounding noise.
//
// With log1pmx(x) = ln(1+x) - x <= 0 (Boost.Math, accurate near 0):
//   Bernoulli(a || b)        = -a log1pmx((b-a)/a) - (1-a) log1pmx((a-b)/(1-a))
//                              (from a ln(a/b) + (1-a) ln((1-a)/(1-b)), using a u + (1-a) v = 0)
//   Binomial(n,a || n,b)     = n Bernoulli(a || b)
//   Geometric(a || b)        = Bernoulli(a || b) / a            (failures before the first success)
//   NegBinomial(r,a || r,b)  = r Bernoulli(a || b) / a
//   Poisson(l1 || l2)        = l1 ln(l1/l2) + l2 - l1 = -l1 log1pmx((l2-l1)/l1)
// Each holds over the whole natural support; the comparison uses them only when the support covers it.

#include "distribution.h"

#include <optional>

namespace klscope {

/// KL(a||b) in nats for the two Bernoulli parameters, both strictly inside (0, 1).
double bernoulliKl(double a, double b);

/// KL(P||Q) in nats by a closed form, when P and Q are of the same family with a closed form
/// (Poisson, binomial with the same n, geometric, negative binomial with the same r, Bernoulli)
/// and every parameter lies strictly inside its range; nullopt otherwise.
std::optional<double> closedFormKl(const Distribution &p, const Distribution &q);

} // namespace klscope
