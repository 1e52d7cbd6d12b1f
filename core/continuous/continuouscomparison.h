#pragma once

// compareContinuous(P, Q): every metric of the discrete pair for two densities, each with the route that
// produced it and an absolute error estimate:
//   * infinities first, decided analytically (infinitykl.h), never by a quadrature that would turn +inf
//     into a large finite number;
//   * closed forms for same-family KL (continuousclosedform.h) and for every entropy but a mixture's;
//     cross entropies as h + KL;
//   * adaptive quadrature otherwise (quadrature.h), of integrands built from log densities
//     (integrands.h), split at support ends, modes and kinks. A warning says when an error estimate
//     exceeds the tolerance.
// With a Gaussian mixture on either side the other routes are reported too (mixturekl.h).

#include "continuousdistribution.h"
#include "units.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klscope {

/// How a metric was computed.
enum class ContinuousMethod
{
    ClosedForm, ///< a formula (also an infinity decided by the support or tail rule)
    Quadrature,
    MonteCarlo
};

/// "closed_form", "quadrature" or "monte_carlo".
std::string_view methodName(ContinuousMethod method) noexcept;

/// One metric: value in the comparison's unit, absolute error estimate, route.
struct MetricValue
{
    double value = 0.0;
    double error = 0.0;
    ContinuousMethod method = ContinuousMethod::ClosedForm;
};

struct ContinuousCompareOptions
{
    Unit unit = Unit::Nats;
    double tolerance = 1e-10;     ///< relative tolerance asked of every quadrature
    std::size_t samples = 100000; ///< Monte Carlo draws for a mixture (0: no Monte Carlo)
    std::uint64_t seed = 1;       ///< Monte Carlo seed
    std::size_t gridPoints = 201; ///< points of the plotting grid (0: no grid)
};

/// The other routes to a mixture's KL, one direction, in the comparison's unit.
struct MixtureRoutes
{
    std::optional<double> monteCarlo, standardError; ///< nullopt without Monte Carlo or when KL is infinite
    std::optional<double> variational;               ///< Hershey-Olsen (both sides Gaussian or mixtures)
    std::optional<double> lowerBound, upperBound;    ///< Durrieu-Thiran-Kelly (same condition)
};

struct MixtureReport
{
    std::size_t samples = 0;
    std::uint64_t seed = 0;
    MixtureRoutes pq, qp; ///< KL(P||Q) and KL(Q||P)
};

/// x, p(x), q(x) and the three integrands p ln(p/q), q ln(q/p) and the JS term, in the unit.
struct ContinuousGrid
{
    std::vector<double> x, p, q, klPQ, klQP, js;
};

struct ContinuousComparison
{
    Unit unit = Unit::Nats;
    Interval supportP, supportQ;
    MetricValue klPQ, klQP, js, jsDistance, entropyP, entropyQ, crossEntropyPQ, crossEntropyQP,
        totalVariation, hellinger;
    std::string infinitePQ, infiniteQP; ///< why KL(P||Q) (KL(Q||P)) is infinite; empty when finite
    std::optional<MixtureReport> mixture;
    ContinuousGrid grid;
    std::vector<std::string> warnings;
};

/// KL(P||Q) in nats by quadrature alone (no closed form, no infinity rule): for cross-checks of the closed
/// forms. P's support must lie inside Q's.
MetricValue klByQuadrature(const ContinuousDistribution &p, const ContinuousDistribution &q,
                           double tolerance = 1e-10);

/// Compares two densities. Never throws on valid distributions; a failed quadrature gives NaN and a warning.
ContinuousComparison compareContinuous(const ContinuousDistribution &p, const ContinuousDistribution &q,
                                       const ContinuousCompareOptions &options = {});

} // namespace klscope
