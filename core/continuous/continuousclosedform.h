#pragma once

// KL(P||Q) in closed form for same-family pairs, written without cancellation so that tiny divergences
// keep their relative accuracy (N(0,1) || N(1e-8,1) = 5e-17, not 0). Every form is a sum of terms
// that are each >= 0 (or, for gamma and beta, Bregman divergences of ln Gamma evaluated by series when
// the shapes are close), with d = (s2 - s1)/s1 style relative differences fed to log1p/log1pmx/expm1:
//   normal, lognormal:  [d^2 - 2 log1pmx(d)]/2 + ((mu1 - mu2)/sigma2)^2/2,     d = (sigma1 - sigma2)/sigma2
//   exponential:        -log1pmx(d),                                            d = (rate2 - rate1)/rate1
//   gamma (k, rate b):  B(k1, k2) - k2 log1pmx(d) + (k1 - k2) d,               d = (b2 - b1)/b1
//   beta:               B(a1, a2) + B(b1, b2) - B(a1 + b1, a2 + b2)   (holds 1e-12 up to shapes near 1e8;
//                       far beyond, e.g. beta(1e12, 1) || beta(2, 2), the three terms cancel and digits go)
//   Laplace:            -log1pmx(r - 1) + r (e^-t - 1 + t),  r = b1/b2, t = |mu1 - mu2|/b1
//   uniform:            log1p((w2 - w1)/w1) when [a1,b1] lies in [a2,b2], else +inf
// where B(x, y) = lnGamma(y) - lnGamma(x) - (y - x) psi(x) >= 0 (Bregman divergence of lnGamma; Taylor
// series in polygamma when |y - x| < x/4). Sources: Penny (2001) "KL-divergences of Normal, Gamma,
// Dirichlet and Wishart densities"; Gil, Alajaji & Linder (2013) "Renyi divergence measures for commonly
// used univariate continuous distributions".

#include "continuousdistribution.h"

#include <optional>

namespace klscope {

/// KL(P||Q) in nats when P and Q are the same family among normal, lognormal, exponential, gamma, beta,
/// Laplace and continuous uniform; nullopt otherwise. +inf where it is infinite (uniform not contained).
std::optional<double> closedFormKl(const ContinuousDistribution &p, const ContinuousDistribution &q) noexcept;

/// Squared Hellinger distance 1 - BC of two normals (also of two lognormals, on their log scale), without
/// cancellation near 0.
double normalHellingerSquared(const Normal &a, const Normal &b) noexcept;
/// Total variation of two normals, from the roots of ln p - ln q and the cdfs.
double normalTotalVariation(const Normal &a, const Normal &b) noexcept;

/// e^x - 1 - x without cancellation near 0.
double expm1mx(double x) noexcept;
/// lnGamma(y) - lnGamma(x) - (y - x) psi(x), >= 0, without cancellation when y is close to x.
double lgammaBregman(double x, double y) noexcept;
/// lgammaBregman(x, x + delta) with the step given exactly.
double lgammaBregmanDelta(double x, double delta) noexcept;

} // namespace klscope
