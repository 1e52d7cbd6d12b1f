#pragma once

// Any continuous family of the core as one value type, with the operations the comparison needs:
// density in log space, cdf, quantile, moments, support, entropy, tails, and the points where a
// density has its modes and kinks (where quadrature splits its range).

#include "beta.h"
#include "cauchy.h"
#include "continuousuniform.h"
#include "exponential.h"
#include "gamma.h"
#include "gaussianmixture.h"
#include "laplace.h"
#include "lognormal.h"
#include "normal.h"
#include "studentt.h"
#include "tail.h"

#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace klscope {

using ContinuousDistribution = std::variant<Normal, LogNormal, Exponential, Gamma, Beta, Laplace, StudentT,
                                            Cauchy, ContinuousUniform, GaussianMixture>;

/// The families, in the order of the ContinuousDistribution variant.
enum class ContinuousFamily
{
    Normal,
    LogNormal,
    Exponential,
    Gamma,
    Beta,
    Laplace,
    StudentT,
    Cauchy,
    ContinuousUniform,
    GaussianMixture
};

/// Spec keyword: "normal", "lognormal", "exponential", "gamma", "beta", "laplace", "student_t", "cauchy",
/// "continuous_uniform", "gmm".
std::string_view familyKeyword(ContinuousFamily family) noexcept;
/// False when `keyword` names no continuous family.
bool continuousFamilyFromKeyword(std::string_view keyword, ContinuousFamily &family) noexcept;
ContinuousFamily family(const ContinuousDistribution &d) noexcept;

/// ln f(x): -inf outside the support, +inf where the density has a pole.
double logpdf(const ContinuousDistribution &d, double x) noexcept;
/// f(x) = exp(logpdf).
double pdf(const ContinuousDistribution &d, double x) noexcept;
double cdf(const ContinuousDistribution &d, double x) noexcept;
double quantile(const ContinuousDistribution &d, double p) noexcept;
/// NaN where the mean does not exist (Cauchy, Student t with nu <= 1).
double mean(const ContinuousDistribution &d) noexcept;
/// NaN where the variance does not exist, inf where it diverges.
double variance(const ContinuousDistribution &d) noexcept;
Interval support(const ContinuousDistribution &d) noexcept;
/// Differential entropy in nats; NaN when there is no closed form (mixtures).
double entropy(const ContinuousDistribution &d) noexcept;
Tails tails(const ContinuousDistribution &d) noexcept;

/// The modes and kinks of the density inside its support (finite points only, unsorted, at most 20):
/// where quadrature splits its range. Support ends are not included.
std::size_t breakpoints(const ContinuousDistribution &d, std::span<double, 20> out) noexcept;
/// A width over which the density changes: its standard deviation where finite, else its scale.
double scale(const ContinuousDistribution &d) noexcept;
/// "normal(mu=0, sigma=1)" style, for messages and titles.
std::string describe(const ContinuousDistribution &d);

} // namespace klscope
