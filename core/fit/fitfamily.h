#pragma once

// The model families Q of the fitting lab, their parameters and the unconstrained coordinates the optimiser
// works in: a location stays as it is, a scale or a rate becomes its logarithm (log sigma, log lambda), a
// probability its logit (ln(p / (1 - p))). A whole number that is never optimised (binomial n) has no
// coordinate: it must be fixed.

#include <span>
#include <string_view>

namespace klscope {

/// Continuous: normal, laplace, student_t, lognormal; discrete: binomial, poisson, negative_binomial,
/// discretised_normal (discretisednormal.h).
enum class FitFamily
{
    Normal,
    Laplace,
    StudentT,
    LogNormal,
    Binomial,
    Poisson,
    NegativeBinomial,
    DiscretisedNormal
};

/// How a parameter maps to an unconstrained coordinate.
enum class ParameterKind
{
    Real,     ///< any finite number; coordinate = value
    Positive, ///< > 0; coordinate = ln value
    Unit,     ///< in (0, 1); coordinate = logit value
    Count     ///< a whole number >= 0 that must be fixed (binomial n); no coordinate
};

struct FitParameter
{
    std::string_view name; ///< spec key, e.g. "sigma"
    ParameterKind kind;
    bool scale; ///< a width (sigma, b): a start is drawn relative to P's spread
};

/// The spec keyword: "normal", "laplace", "student_t", "lognormal", "binomial", "poisson",
/// "negative_binomial", "discretised_normal".
std::string_view fitFamilyKeyword(FitFamily family) noexcept;
/// False when `keyword` names no fitting family.
bool fitFamilyFromKeyword(std::string_view keyword, FitFamily &family) noexcept;
/// Every family, in the order above.
std::span<const FitFamily> allFitFamilies() noexcept;
/// True for the families of a discrete Q.
bool isDiscrete(FitFamily family) noexcept;
/// The parameters in the order a parameter vector holds them: normal (mu, sigma), laplace (mu, b),
/// student_t (nu, mu, sigma), lognormal (mu, sigma), binomial (n, p), poisson (lambda), negative_binomial
/// (r, p), discretised_normal (mu, sigma).
std::span<const FitParameter> fitParameters(FitFamily family) noexcept;

/// The unconstrained coordinate of `value` (NaN for a value outside the parameter's range or a Count).
double toCoordinate(ParameterKind kind, double value) noexcept;
/// The value at coordinate `u` (a Positive underflows to the smallest normal number, never to 0; a Unit stays
/// strictly inside (0, 1)).
double fromCoordinate(ParameterKind kind, double u) noexcept;

} // namespace klscope
