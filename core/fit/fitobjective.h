#pragma once

// What a fit minimises, for one target P and one family Q_theta with some parameters fixed:
//   * KL(P||Q) (forward, mass-covering) and KL(Q||P) (reverse, mode-seeking), from the core's KL evaluators
//     (klevaluator.h: a continuous normal, Laplace, lognormal or Student t Q with nu fixed; a discrete
//     binomial, Poisson or negative binomial Q), which allocate nothing per theta; for a Student t with nu
//     free, KL(P||Q) = -h(P) - E_P[ln q] on a grid of P like the one below but with P's tails whole, and
//     KL(Q||P) by the core's adaptive quadrature (klByQuadrature, slower); the discretised normal is summed
//     here (discretisednormal.h) with P's masses cached;
//   * the alpha-divergence in Minka's convention ("Divergence measures and message passing", 2005, eq. 6),
//         D_alpha(p||q) = int [alpha p + (1 - alpha) q - p^alpha q^(1 - alpha)] dx / (alpha (1 - alpha))
//                       = (1 - int p^alpha q^(1 - alpha) dx) / (alpha (1 - alpha))   for normalised p, q,
//     which tends to KL(P||Q) as alpha -> 1 and to KL(Q||P) as alpha -> 0; alpha = 1/2 gives 4 (1 - BC) =
//     4 H^2, with BC the Bhattacharyya coefficient and H the Hellinger distance (H^2 = 1 - BC). The integral
//     runs over a fixed grid prepared for P (continuous: 4001 trapezoid nodes over P's quantiles 1e-10 ..
//     1 - 1e-10 widened by half their width on each side, kept inside P's support and within 100
//     interquartile ranges of the quartiles, which cuts a heavy tail (a t3 beyond |x| = 150, mass 6e-7);
//     discrete: P's support), so it neglects what lies outside: it is accurate while Q is not much narrower
//     than the grid step.

#include "continuousdistribution.h"
#include "distribution.h"
#include "fitfamily.h"
#include "klevaluator.h"

#include <optional>
#include <span>
#include <variant>
#include <vector>

namespace klscope {

/// The target P: continuous for a continuous family, discrete for a discrete one.
using FitTarget = std::variant<ContinuousDistribution, Distribution>;

class FitObjective
{
public:
    /// `fixed` holds one value per fitParameters(family), NaN for a free parameter (empty: all free). Throws
    /// std::invalid_argument with a sentence when P and the family do not match (a density against a mass
    /// function), a fixed value is out of its range, binomial n is not fixed or is not a whole number, or no
    /// parameter is left free.
    FitObjective(const FitTarget &p, FitFamily family, std::span<const double> fixed = {});

    FitFamily family() const noexcept { return m_family; }
    const FitTarget &target() const noexcept { return m_target; }
    bool discreteTarget() const noexcept { return m_target.index() == 1; }
    /// One value per parameter, NaN where free.
    std::span<const double> fixedValues() const noexcept { return m_fixed; }
    /// Indices (into fitParameters(family)) of the free parameters, in order.
    std::span<const std::size_t> freeIndices() const noexcept { return m_free; }

    /// KL both ways, in nats, at the full parameter vector (fixed values included); NaN for an invalid
    /// vector, +inf where one side has mass where the other has none. Allocates nothing except for a Student
    /// t with nu free.
    KlPair kl(std::span<const double> parameters) const noexcept;
    /// D_alpha(P||Q) in nats for alpha in [0, 1]: alpha = 1 is kl().pq and alpha = 0 is kl().qp exactly;
    /// in between the grid sum described above. NaN for an invalid vector or alpha. Prepares P's side of the
    /// sum on each call: a search over Q prepares it once (alphaWeights) instead.
    double alphaDivergence(std::span<const double> parameters, double alpha) const noexcept;

    /// P's side of the alpha-divergence's grid sum for one alpha in (0, 1): weight * p^alpha at each node
    /// (0 where p is), and the largest of them.
    struct AlphaWeights
    {
        double alpha = 0.5;
        std::vector<double> values;
        double largest = 0.0;
    };
    AlphaWeights alphaWeights(double alpha) const;
    /// D_alpha(P||Q) with P's side prepared by alphaWeights(alpha) (alpha strictly inside (0, 1), else NaN):
    /// allocates nothing, and for a normal or Laplace Q takes about one exp per 16 nodes where Q has mass
    /// (none where its terms fall below 1e-22).
    double alphaDivergence(std::span<const double> parameters, const AlphaWeights &weights) const noexcept;

    /// P's mean and variance (variance NaN for a discrete P, inf or NaN where it does not exist).
    double targetMean() const noexcept { return m_mean; }
    double targetVariance() const noexcept { return m_variance; }
    /// P's quantile at u in (0, 1) (discrete: the smallest event whose cumulative mass reaches u).
    double targetQuantile(double u) const noexcept;

private:
    /// The sum over P's grid of weight * p^alpha * q^(1 - alpha), with ln q at a node from `logQ(x)` (-inf:
    /// no mass there).
    template <class LogQ> double gridAffinity(const AlphaWeights &weights, const LogQ &logQ) const noexcept;
    /// The same sum for q^(1 - alpha) = scale * exp(exponent(x - mu)), with the exponent largest at 0 and
    /// quadratic or linear on each side (a normal or Laplace Q, on P's uniform continuous grid): exps only
    /// at anchors, products between them, each side stopped where its terms become negligible.
    template <class Exponent>
    double sweptAffinity(const AlphaWeights &weights, double mu, double scale,
                         const Exponent &exponent) const noexcept;

    FitTarget m_target;
    FitFamily m_family;
    std::vector<double> m_fixed;
    std::vector<std::size_t> m_free;
    double m_mean = 0.0, m_variance = 0.0;
    double m_entropyP = 0.0; ///< h(P), for a Student t Q with nu free
    std::optional<ContinuousKlEvaluator> m_continuous;
    std::optional<DiscreteKlEvaluator> m_discrete;
    // The grid for P: nodes (continuous x or discrete k), weights (trapezoid, or 1) and ln p at each node.
    std::vector<double> m_nodes, m_weights, m_logP;
    /// A Student t Q with nu free: P's grid over its quantiles 1e-10 .. 1 - 1e-10 widened, tails not cut.
    std::vector<double> m_crossNodes, m_crossWeights, m_crossLogP;
    EventRange m_discreteSupport;
    std::vector<double> m_cumulative; ///< discrete P: cumulative mass at each event
};

} // namespace klscope
