#pragma once

// The routes to KL between Gaussian mixtures besides quadrature, for teaching them side by side.
// f = sum_a pi_a f_a and g = sum_b w_b g_b (a normal is a mixture of one component).
//   * Hershey & Olsen (2007), "Approximating the Kullback Leibler divergence between Gaussian mixture
//     models", the variational approximation (it can be negative):
//       D_var = sum_a pi_a ln( sum_a' pi_a' e^-KL(f_a||f_a') / sum_b w_b e^-KL(f_a||g_b) ).
//   * Durrieu, Thiran & Kelly (2012), "Lower and upper bounds for approximation of the Kullback-Leibler
//     divergence between Gaussian mixture models", ICASSP: with KL = E_f ln f - E_f ln g, each expectation
//     is bounded per component by Jensen's inequality on ln (above: ln E_{f_a} g = ln sum_b w_b z_ab with
//     z_ab = N(mu_a; mu_b, sigma_a^2 + sigma_b^2)) and on the convex log-sum-exp (below:
//     ln sum_b w_b e^-H(f_a, g_b), H the cross entropy), giving
//       lower = sum_a pi_a [ln sum_a' pi_a' e^-H(f_a,f_a') - ln sum_b w_b z_ab]
//       upper = sum_a pi_a [ln sum_a' pi_a' z_aa' - ln sum_b w_b e^-H(f_a,g_b)].
//   * Monte Carlo: the mean of ln p(X) - ln q(X) over n draws X ~ P from a seeded std::mt19937_64
//     (inverse-cdf draws; a mixture draws its component first), with the standard error s/sqrt(n).

#include "continuousdistribution.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace klscope {

/// P as a Gaussian mixture: a normal becomes one component; nullopt for any other family.
std::optional<GaussianMixture> asGaussianMixture(const ContinuousDistribution &d);

/// Hershey-Olsen variational approximation of KL(f||g), nats.
double variationalKl(const GaussianMixture &f, const GaussianMixture &g) noexcept;

struct KlBounds
{
    double lower = 0.0, upper = 0.0; ///< nats; lower <= KL(f||g) <= upper
};
/// Durrieu-Thiran-Kelly bounds on KL(f||g).
KlBounds klBounds(const GaussianMixture &f, const GaussianMixture &g) noexcept;

struct MonteCarloEstimate
{
    double value = 0.0;         ///< nats
    double standardError = 0.0; ///< nats
    std::size_t samples = 0;
};
/// Monte Carlo KL(P||Q) from n >= 2 draws of P with this seed (the same seed gives the same draws).
MonteCarloEstimate monteCarloKl(const ContinuousDistribution &p, const ContinuousDistribution &q,
                                std::size_t n, std::uint64_t seed);

} // namespace klscope
