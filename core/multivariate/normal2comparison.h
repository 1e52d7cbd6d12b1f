#pragma once

// compareNormal2(P, Q): every metric of the 1-D pairs for two bivariate normals, in the shared Summary shape
// (summary.h), each with its method and absolute error estimate:
//   * closed forms (gaussianclosedform.h): KL both ways, both differential entropies, both cross entropies
//     (H(P, Q) = h(P) + KL(P || Q)) and the Hellinger distance (Bhattacharyya coefficient);
//   * "cubature" for the Jensen-Shannon divergence and the total variation, which have no closed form:
//       JS = 1/2 E_P[D] + 1/2 E_Q[D],  D = ln 2 - H(p/(p + q)) >= 0 (integrands.h, no cancellation when P ~
//       Q), TV = 1/2 E_P[(1 - q/p)+] + 1/2 E_Q[(1 - p/q)+]  (both halves equal the TV; their mean is
//       symmetric),
//     each expectation over the standard normal in its own whitened coordinates, rotated so that the other
//     density's covariance is diagonal there (d = ln other - ln own is then a separable quadratic, computed
//     from exact differences of the covariances), on the box |w_i| <= 9 (the mass outside is below 5e-19,
//     added to the error), by nested adaptive Gauss-Kronrod 31 (Boost.Math) to 1e-10 relative. Both levels
//     are cut at the other density's mean and at 1 and 3 of its standard deviations, so a narrow other
//     density is never stepped over, and at the zeros of d, the kink of TV's integrand, found in closed form
//     (for each w1 the roots in w2, and the w1 where those roots appear). The error estimate is the outer
//     rule's plus the box width times the largest inner one.

#include "normal2.h"

#include <summary.h>
#include <units.h>

namespace klscope {

/// Every metric of P against Q in `unit` (methods "closed_form" and "cubature"); never throws.
Summary compareNormal2(const Normal2 &p, const Normal2 &q, Unit unit = Unit::Nats);

/// KL(P || Q) in nats by the closed form.
double klNormal2(const Normal2 &p, const Normal2 &q);

/// The differential entropy of P in nats.
double entropyNormal2(const Normal2 &p);

} // namespace klscope
