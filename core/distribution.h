#pragma once

// Any discrete family of the core, as one value type, with the parameter table the UI builds its
// controls from and the spec parser builds distributions from.

#include "bernoulli.h"
#include "binomial.h"
#include "custom.h"
#include "discreteuniform.h"
#include "eventrange.h"
#include "geometric.h"
#include "hypergeometric.h"
#include "negativebinomial.h"
#include "poisson.h"

#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace klscope {

using Distribution = std::variant<Binomial, DiscreteUniform, Poisson, Geometric, NegativeBinomial,
                                  Hypergeometric, Bernoulli, Custom>;

/// The families, in the order of the Distribution variant.
enum class Family
{
    Binomial,
    Uniform,
    Poisson,
    Geometric,
    NegativeBinomial,
    Hypergeometric,
    Bernoulli,
    Custom
};

/// Every family, in menu order.
std::span<const Family> allFamilies() noexcept;

/// One parameter of a family. `minimum`/`maximum` are the hard limits the constructor enforces;
/// `sliderMinimum`/`sliderMaximum` a range that suits a slider in a lecture.
struct ParameterInfo
{
    std::string_view name;        ///< spec key, e.g. "p"
    std::string_view description; ///< e.g. "success probability"
    double minimum;
    double maximum;
    double sliderMinimum;
    double sliderMaximum;
    double defaultValue;
    bool integer;
};

/// Spec keyword of a family: "binomial", "uniform", "poisson", "geometric", "negative_binomial",
/// "hypergeometric", "bernoulli", "custom".
std::string_view familyKeyword(Family family) noexcept;
/// Title for people: "Binomial", "Negative binomial", ...
std::string_view familyTitle(Family family) noexcept;
/// The family with this spec keyword; nullopt-like false when unknown.
bool familyFromKeyword(std::string_view keyword, Family &family) noexcept;

/// The parameters of a family, in constructor order (empty for Custom).
std::span<const ParameterInfo> parameters(Family family) noexcept;

/// The family of d.
Family family(const Distribution &d) noexcept;
/// d's parameter values, in the order of parameters(family(d)) (empty for Custom).
std::vector<double> parameterValues(const Distribution &d);
/// Builds a distribution of a parametric family from values in parameters(family) order.
/// Throws std::invalid_argument naming the bad parameter (Custom is not built this way).
Distribution makeDistribution(Family family, std::span<const double> values);
/// The family with every parameter at its default (Custom: a uniform 5-event vector).
Distribution defaultDistribution(Family family);

/// ln P(X = k), -inf where the mass is 0.
double logpmf(const Distribution &d, std::int64_t k);
/// The natural support (families with an infinite support are cut where the tail is below 1e-16).
EventRange support(const Distribution &d);
/// True for Poisson (lambda > 0), geometric and negative binomial (p < 1): mass on every event >= 0.
bool hasInfiniteSupport(const Distribution &d) noexcept;
/// Mass outside `range` (for Custom: the sum of masses as given).
double massOutside(const Distribution &d, EventRange range);
/// The mean.
double mean(const Distribution &d);
/// The variance: n p (1-p), ((b-a+1)^2 - 1)/12, lambda, (1-p)/p^2, r (1-p)/p^2,
/// n (K/N) (1-K/N) (N-n)/(N-1), p (1-p), and for Custom sum (k - mean)^2 m_k / total. 0 for a point mass.
double variance(const Distribution &d);
/// "binomial(n=15, p=0.46666666666666667)" style, for messages and titles.
std::string describe(const Distribution &d);

/// Fills mass[i] and logMass[i] for the events range.first + i. Families compute the log mass and
/// exponentiate (the log survives underflow); Custom copies its masses and takes their logs.
/// Both spans must have range.size() elements.
void evaluate(const Distribution &d, EventRange range, std::span<double> mass, std::span<double> logMass);

} // namespace klscope
