#pragma once

// A known distribution to draw samples from, for the samples lab (issue 13): a discrete family spec
// ("binomial:n=15,p=7/15", "uniform:a=0,b=15") or a continuous one ("normal:mu=0,sigma=1"), seeded draws from
// it, and the true KL(P||Q), KL(Q||P) and JS of a pair, which the estimators from samples are judged against.
//   Discrete draws: the inverse cdf on the family's support (families with an infinite support cut where the
//   upper tail is below 1e-16, as everywhere in the core), one uniform on [0, 1) per draw.
//   Continuous draws: sample() of montecarloprogress.h (the inverse cdf; a mixture draws its component
//   first). The truth: compare() for a discrete pair, compareContinuous() for a continuous one (closed forms
//   where they exist, quadrature otherwise).

#include "continuousdistribution.h"
#include "distribution.h"

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace klscope {

/// A distribution samples are drawn from: discrete or continuous.
using SampleModel = std::variant<Distribution, ContinuousDistribution>;

/// Parses a spec of either domain. Throws std::invalid_argument with the parser's sentence.
SampleModel parseSampleModel(std::string_view spec);

/// True for a continuous model.
bool isContinuous(const SampleModel &model) noexcept;

/// "binomial(n=15, p=0.4)" style.
std::string describe(const SampleModel &model);

/// n draws from `model`, taking uniforms from `rng` (the same seed gives the same draws). Discrete draws are
/// whole numbers. Throws std::invalid_argument when a discrete model has no mass on its support.
std::vector<double> drawSamples(const SampleModel &model, std::size_t n, std::mt19937_64 &rng);

/// The true divergences of a pair, in nats.
struct TrueDivergences
{
    double klPQ = 0; ///< KL(P||Q), +inf when P has mass where Q has none
    double klQP = 0; ///< KL(Q||P)
    double js = 0;   ///< Jensen-Shannon divergence
};

/// The truth for P and Q of the same domain. Throws std::invalid_argument for a discrete model against a
/// continuous one (samples of the two cannot share bins in a meaningful way).
TrueDivergences trueDivergences(const SampleModel &p, const SampleModel &q);

} // namespace klscope
