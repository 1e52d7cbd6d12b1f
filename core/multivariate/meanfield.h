#pragma once

// The mean-field lesson (Bishop, PRML, section 10.1.2 and figure 10.2): the factorised Gaussian
// Q = N(m1, v1) x N(m2, v2) closest to a correlated bivariate normal P = N(mu, Sigma), Lambda = Sigma^-1.
//   * forward, minimising KL(P || Q): moment matching, m = mu and v_i = Sigma_ii (the marginal variances;
//     KL(P || Q) = E_P[-ln q] - h(P) depends on Q only through P's first two moments);
//   * reverse, minimising KL(Q || P): m = mu and v_i = 1/Lambda_ii = det Sigma / Sigma_jj (PRML 10.12-10.15:
//     the conditional variances), never wider than the marginals, and 0 as the correlation goes to +-1.
// Both are closed forms, exact for every positive definite Sigma.

#include "normal2.h"

namespace klscope {

/// A diagonal bivariate normal: means and variances (> 0), no covariance.
struct DiagonalNormal2
{
    double mu1 = 0.0, mu2 = 0.0, var1 = 1.0, var2 = 1.0;

    /// As a Normal2 with cov = 0.
    Normal2 normal() const { return Normal2(mu1, mu2, var1, var2, 0.0); }
};

/// The forward (KL(P || Q)) mean-field fit: P's means and marginal variances.
DiagonalNormal2 meanFieldForward(const Normal2 &p) noexcept;

/// The reverse (KL(Q || P)) mean-field fit: P's means and the variances 1/Lambda_ii.
DiagonalNormal2 meanFieldReverse(const Normal2 &p) noexcept;

} // namespace klscope
