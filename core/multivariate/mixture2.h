#pragma once

// A mixture of bivariate normals p(x) = sum_k w_k N(x; mu_k, Sigma_k) and the single Gaussian fitted to it
// both ways (Bishop, PRML, section 10.1.2 and figure 10.3):
//   * forward, minimising KL(P || Q) over every Normal2 Q: moment matching (KL(P || Q) = -h(P) - E_P[ln q]
//     depends on Q only through P's first two moments), so Q has the mixture's mean
//     m = sum_k w_k mu_k and covariance S = sum_k w_k (Sigma_k + (mu_k - m)(mu_k - m)^T), a closed form;
//   * reverse, minimising KL(Q || P) = -h(Q) - E_Q[ln p], h(Q) = 1 + ln 2 pi + 1/2 ln det Sigma_Q. There is
//   no
//     closed form and, for separated components, one local minimum per mode (mode seeking). The search runs
//     over theta = (m1, m2, ln v1, ln v2, atanh rho) with NLopt (BOBYQA, or Nelder-Mead as an independent
//     check) from several starts, keeps the distinct ends and checks each is a minimum (a positive definite
//     central-difference Hessian), not a saddle. E_Q[ln p] is a tensor Gauss-Hermite rule in Q's whitened
//     coordinates x = m + L z (Sigma_Q = L L^T, z standard normal; Golub-Welsch nodes, 64 per axis): a fixed
//     rule, so the objective is smooth in theta and the optimisers converge to its minimum, and exact up to
//     rounding for ln p smooth on Q's scale (a Q sitting on one separated mode sees ln p as that component's
//     quadratic plus an exponentially small correction: 48 and 64 nodes agree to 2e-11 for the bimodal
//     target). A broad Q straddling separated modes sees the crease of ln p between them, which the rule
//     resolves only to about 1e-3 in KL (48 against 64 nodes) and not quite symmetrically (Cholesky axes), so
//     such a minimum's numbers carry that error; the search still converges, the rule being fixed.

#include "normal2.h"

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace klscope {

/// A mixture of bivariate normals with weights. The constructor throws std::invalid_argument with a sentence
/// when there is no component, the counts differ, or a weight is negative or not finite, or they sum to 0;
/// the weights are normalised to sum to 1.
class Mixture2
{
public:
    Mixture2(std::vector<double> weights, std::vector<Normal2> components);

    std::size_t size() const noexcept { return m_components.size(); }
    const std::vector<double> &weights() const noexcept { return m_weights; }
    const std::vector<Normal2> &components() const noexcept { return m_components; }

    /// Component k's ln w_k - ln 2 pi - 1/2 ln det Sigma_k and the entries of Sigma_k^-1 (11, 12, 22), for
    /// the density's inner loop.
    struct Term
    {
        double logScale, inv11, inv12, inv22;
    };
    const std::vector<Term> &terms() const noexcept { return m_terms; }

private:
    std::vector<double> m_weights;
    std::vector<Normal2> m_components;
    std::vector<Term> m_terms;
};

/// ln p(x1, x2), by log-sum-exp over the components (finite wherever a component is; -inf never happens for
/// finite x unless every term underflows below ~-1e308).
double logpdf(const Mixture2 &p, double x1, double x2) noexcept;

/// ln q(x1, x2) of one bivariate normal.
double logpdf(const Normal2 &q, double x1, double x2) noexcept;

/// ln q along a row of the plane, for density maps: out[i] = ln q(x0 + i dx, y) for every i < out.size(),
/// with Sigma^-1 and the constant worked out once and, along the row, a quadratic polynomial in x - mu1
/// (plain arithmetic the compiler vectorises). Agrees with logpdf to rounding.
void logpdfRow(const Normal2 &q, double y, double x0, double dx, std::span<double> out) noexcept;

/// ln p along a row of the plane, as for a Normal2: each component's row combined with the running sum by
/// log-add-exp, max(a, b) + log1p(exp(-|a - b|)) (finite wherever a component is).
void logpdfRow(const Mixture2 &p, double y, double x0, double dx, std::span<double> out) noexcept;

/// The forward fit, argmin over Normal2 of KL(P || Q): the mixture's mean and covariance (closed form).
Normal2 momentMatch(const Mixture2 &p);

/// KL(Q || P) in nats by the Gauss-Hermite rule (`nodes` per axis, >= 2) in Q's whitened coordinates.
double reverseKl(const Normal2 &q, const Mixture2 &p, int nodes = 64);

/// KL(P || Q) in nats: sum_k w_k E_k[ln p - ln q], each expectation by the same rule in component k's
/// coordinates.
double forwardKl(const Mixture2 &p, const Normal2 &q, int nodes = 64);

/// The search parameters theta = (m1, m2, ln v1, ln v2, atanh rho) of a Normal2, and back.
std::array<double, 5> toTheta(const Normal2 &q);
Normal2 fromTheta(std::span<const double, 5> theta);

/// The local optimiser of the reverse fit.
enum class Mixture2Optimizer
{
    Bobyqa,    ///< NLopt LN_BOBYQA (the default: quadratic models, fast and precise on smooth objectives)
    NelderMead ///< NLopt LN_NELDERMEAD (an independent check)
};

/// One distinct end of the reverse search.
struct Mixture2Minimum
{
    Normal2 q;                      ///< the fitted Gaussian
    std::array<double, 5> theta{};  ///< its search parameters
    double kl = 0.0;                ///< KL(Q || P), nats
    double smallestCurvature = 0.0; ///< the Hessian's smallest eigenvalue in theta (> 0 at a minimum)
    std::size_t starts = 0;         ///< how many starts ended here
};

/// The reverse fit: every distinct local minimum, the lowest first.
struct Mixture2ReverseFit
{
    std::vector<Mixture2Minimum> minima; ///< sorted by kl; minima[0] is the global one among those found
    std::size_t saddles = 0;             ///< starts that ended where the Hessian is not positive definite
    std::size_t starts = 0;              ///< starts run
};

/// Minimises KL(Q || P) over every Normal2 Q from several starts (each component with its own covariance,
/// the moment-matched fit, and each component mean with the moment-matched covariance shrunk), keeping the
/// distinct local minima (ends closer than 1e-4 in theta are one) that pass the Hessian check.
Mixture2ReverseFit fitReverse(const Mixture2 &p, Mixture2Optimizer optimizer = Mixture2Optimizer::Bobyqa);

} // namespace klscope
