#pragma once

// The parameter table of each continuous family, as the editors build their rows from it, and the
// edits of a Gaussian mixture's components that keep its weights summing to 1 (the rule of the discrete
// custom editor: the other weights are rescaled in proportion). Qt-free.

#include "continuousdistribution.h"
#include "distribution.h"

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace klscope {

/// Every continuous family, in menu order (the variant's order, the mixture last).
std::span<const ContinuousFamily> allContinuousFamilies() noexcept;

/// Title for people: "Normal", "Log-normal", "Exponential", "Gamma", "Beta", "Laplace", "Student t",
/// "Cauchy", "Continuous uniform", "Gaussian mixture".
std::string_view familyTitle(ContinuousFamily family) noexcept;

/// The parameters of a family in constructor order, with the spec keys of parseContinuousSpec
/// ("mu", "sigma", "rate", ...). `minimum`/`maximum` are the constructor's limits (a bound the constructor
/// excludes, such as sigma > 0, is given as the smallest value above it); the slider range suits a
/// lecture. Empty for the Gaussian mixture, whose components are edited with the functions below.
std::span<const ParameterInfo> parameters(ContinuousFamily family) noexcept;

/// d's parameter values, in the order of parameters(family(d)) (empty for a mixture).
std::vector<double> parameterValues(const ContinuousDistribution &d);

/// Builds a distribution of a family from values in parameters(family) order. Throws
/// std::invalid_argument with the constructor's sentence naming the bad parameter ("normal: sigma must
/// be > 0 ..."), the same rules as parseContinuousSpec; a mixture is not built this way.
ContinuousDistribution makeContinuous(ContinuousFamily family, std::span<const double> values);

/// The family with every parameter at its default; the mixture: 0.5 N(-1.5, 1) + 0.5 N(1.5, 1).
ContinuousDistribution defaultContinuous(ContinuousFamily family);

/// `mixture` with component `index` (0-based) set to `component`. When the weight changes, the other
/// weights are rescaled in proportion so they sum to 1 - weight. Throws std::invalid_argument with a
/// sentence when index is out of range, when the weight is not strictly between 0 and 1 (a single
/// component keeps weight 1: any other weight is refused), or when mu or sigma is invalid.
GaussianMixture setComponent(const GaussianMixture &mixture, std::size_t index,
                             const MixtureComponent &component);

/// `mixture` with `component` appended; its weight is taken from the others in proportion. Throws when
/// the mixture already has GaussianMixture::kMaxComponents components or the component is invalid
/// (weight strictly between 0 and 1).
GaussianMixture addComponent(const GaussianMixture &mixture, const MixtureComponent &component);

/// A component for addComponent: weight 1/(k+1), one standard deviation of the mixture to the right of
/// its rightmost component (rounded to one decimal when the spread is at least 0.1), sigma the mean of
/// the components' sigmas.
MixtureComponent suggestedComponent(const GaussianMixture &mixture);

/// `mixture` without component `index`; the others are rescaled to sum to 1. Throws
/// std::invalid_argument ("a mixture keeps at least one component") when it is the last one, or when
/// index is out of range.
GaussianMixture removeComponent(const GaussianMixture &mixture, std::size_t index);

} // namespace klscope
