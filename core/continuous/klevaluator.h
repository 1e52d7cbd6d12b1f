#pragma once

// Fast KL(P||Q_theta) and KL(Q_theta||P) for one fixed P and many parameter vectors theta of a family Q: the
// fitting lab, sweeps and loss landscapes. P is prepared once; evaluate() then allocates nothing, builds no
// string and never throws (an invalid theta gives NaN).
//
// Continuous P against a parametric continuous Q (normal, Laplace, Cauchy, Student t with nu fixed,
// lognormal, exponential), both directions:
//   * normal Q, KL(P||Q): ln q is quadratic, so E_P[-ln q] = ln(sigma sqrt(2 pi)) + (Var P + (E P - mu)^2)/
//     (2 sigma^2) from P's mean and variance, prepared once with h(P): a handful of flops;
//   * normal Q, KL(Q||P) for a Gaussian or Gaussian-mixture P: -h(Q) - E_Q[ln p] by the trapezoid rule in
//     z = (x - mu)/sigma, which converges geometrically for ln p analytic in a strip (Trefethen & Weideman,
//     "The exponentially convergent trapezoidal rule", SIAM Review 2014); the step follows the strip's width;
//   * Laplace Q, KL(P||Q) for a Gaussian or Gaussian-mixture P: ln q = -ln(2b) - |x - mu|/b, and for a
//     component N(m, s^2) E|X - mu| = s sqrt(2/pi) e^(-d^2/(2 s^2)) + d erf(d/(s sqrt 2)) with d = m - mu
//     (the mean of a folded normal), so E_P[-ln q] is a closed form;
//   * Student t Q, KL(P||Q) for a Gaussian or Gaussian-mixture P: E_P[-ln q] by the trapezoid rule in each
//     component's z, whose step follows the strip |Im z| < sigma sqrt(nu)/s where ln q is analytic;
//   * Laplace or Student t Q, KL(Q||P) for a normal P: ln p is quadratic, so E_Q[-ln p] needs Q's mean and
//     variance (closed forms);
//   * every other pair: the adaptive quadrature of continuouscomparison.h (klByQuadrature), no closed form.
// Infinities (support and tail rules, infinitykl.h) do not depend on theta for these families and are decided
// at preparation.
//
// Discrete P against a parametric discrete family Q (distribution.h): the sums over P's support with
// cached ln p, and over Q_theta's support with logpmf.

#include "continuousdistribution.h"
#include "distribution.h"
#include "gaussianmixture.h"

#include <optional>
#include <span>
#include <vector>

namespace klscope {

/// KL both ways, in nats.
struct KlPair
{
    double pq = 0.0; ///< KL(P||Q_theta)
    double qp = 0.0; ///< KL(Q_theta||P)
};

class ContinuousKlEvaluator
{
public:
    /// Prepares P against the family `q` (normal, laplace, cauchy, student_t, lognormal or exponential; theta
    /// is (mu, sigma), (mu, b), (x0, gamma), (mu, sigma) with nu = `nu`, (mu, sigma) and (rate)). Throws
    /// std::invalid_argument for another family.
    ContinuousKlEvaluator(const ContinuousDistribution &p, ContinuousFamily q, double nu = 5.0);

    /// KL both ways for Q_theta; NaN for a theta that is out of range; +inf where a rule says so.
    KlPair evaluate(std::span<const double> theta) const noexcept;

    /// Number of theta values the family takes.
    std::size_t parameterCount() const noexcept { return m_family == ContinuousFamily::Exponential ? 1 : 2; }

private:
    ContinuousDistribution m_p;
    ContinuousFamily m_family;
    double m_nu;
    double m_entropyP, m_meanP, m_varianceP;
    bool m_infinitePQ = false, m_infiniteQP = false;
    bool m_gaussianP = false;                  ///< P is a normal or a Gaussian mixture
    double m_stripP = 1.0;                     ///< half-width of the strip where ln p is analytic
    std::optional<GaussianMixture> m_mixtureP; ///< P as a mixture when it is a normal or a mixture
};

class DiscreteKlEvaluator
{
public:
    /// Prepares P against the parametric family `q` (not Custom). Throws std::invalid_argument otherwise.
    DiscreteKlEvaluator(const Distribution &p, Family q);

    /// KL both ways for makeDistribution(q, theta); NaN for an invalid theta; +inf where a side puts mass
    /// where the other has none.
    KlPair evaluate(std::span<const double> theta) const noexcept;

private:
    Distribution m_distribution;
    Family m_family;
    EventRange m_support;
    std::vector<double> m_p, m_logP;
};

} // namespace klscope
