#pragma once

// Text specs of the continuous families, as the CLI writes them:
//     normal:mu=0,sigma=1   lognormal:mu=0,sigma=1   exponential:rate=1   gamma:shape=2,rate=1
//     beta:a=2,b=3   laplace:mu=0,b=1   student_t:nu=5,mu=0,sigma=1 (mu and sigma default to 0 and 1)
//     cauchy:x0=0,gamma=1   continuous_uniform:a=0,b=1
//     gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1   (1 to 16 components numbered from 1; weights all
//                                                          given or all left out, then equal)
// Numbers are decimals or fractions, read by klscope::parseNumber (spec.h). The discrete "uniform:" is not
// a continuous spec.

#include "continuousdistribution.h"

#include <string>
#include <string_view>
#include <vector>

namespace klscope {

/// True when the spec's keyword (before ':') names a continuous family.
bool isContinuousSpec(std::string_view spec) noexcept;

/// Parses a continuous spec. Mixture weights that do not sum to 1 are refused with the sum stated
/// unless `renormalize`, which rescales them and appends a sentence saying so to `notes` (if given).
/// Throws std::invalid_argument with a sentence naming the bad part.
ContinuousDistribution parseContinuousSpec(std::string_view spec, bool renormalize = false,
                                           std::vector<std::string> *notes = nullptr);

/// The spec of d; parseContinuousSpec(formatSpec(d)) == d.
std::string formatSpec(const ContinuousDistribution &d);

} // namespace klscope
