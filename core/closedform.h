#pragma once

// Closed forms of KL(P||Q) for two members of the same family, written so that every step is accurate
// to a few ulp over the whole parameter range: nearly equal parameters give the true tiny value (not
// 0 or rounding noise), and parameters 1e300 apart give the true large value (not an overflow, nor a
// log of a ratio that rounded to 0).
//
// Every closed form is a sum of terms of one shape, each >= 0, so no sum of them cancels:
//   t(a, b) = a ln(a/b) - a + b                        (a, b > 0; t >= 0, and t = 0 only at a = b)
// computed as -a log1pmx((b-a)/a) when b/a lies in [1/2, 3/2] (log1pmx(x) = ln(1+x) - x, Boost.Math,
// accurate near 0), and as a (ln a - ln b) + (b - a) elsewhere, where the logs are taken separately
// (a/b may overflow) and the two parts cannot cancel by more than a factor of about 5.
// The families then follow from the definitions (Cover & Thomas, Elements of Information Theory, 2nd
// ed., ch. 2; the masses of each pair sum to the same total, so the "- a + b" parts add up to 0):
//   Bernoulli(a || b)        = t(a, b) + t(1-a, 1-b)   (1-a and 1-b never formed where they round:
//                                                      their logs are log1p(-a), their difference a-b)
//   Binomial(n,a || n,b)     = n Bernoulli(a || b)
//   Geometric(a || b)        = Bernoulli(a || b) / a   (failures before the first success)
//   NegBinomial(r,a || r,b)  = r Bernoulli(a || b) / a
//   Poisson(l1 || l2)        = t(l1, l2)
// Each holds over the whole natural support; the comparison uses them only when the support covers it.

#include "distribution.h"

#include <optional>

namespace klscope {

/// t(a, b) = a ln(a/b) - a + b >= 0 for a, b > 0, given a, both logs and the difference b - a
/// (passed separately so that callers can supply them without rounding, e.g. 1-a as log1p(-a)).
double klTerm(double a, double logA, double logB, double bMinusA) noexcept;

/// KL(a||b) in nats for the two Bernoulli parameters, both strictly inside (0, 1).
double bernoulliKl(double a, double b) noexcept;

/// KL(P||Q) in nats by a closed form, when P and Q are of the same family with a closed form
/// (Poisson, binomial with the same n, geometric, negative binomial with the same r, Bernoulli)
/// and every parameter lies strictly inside its range; nullopt otherwise. Finite, never NaN.
std::optional<double> closedFormKl(const Distribution &p, const Distribution &q);

} // namespace klscope
