// The fitting families' parameter tables and the maps to and from unconstrained coordinates.

#include "fitfamily.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace klscope {

namespace {

constexpr FitParameter kLocationScale[] = {{"mu", ParameterKind::Real, false},
                                           {"sigma", ParameterKind::Positive, true}};
constexpr FitParameter kLaplace[] = {{"mu", ParameterKind::Real, false},
                                     {"b", ParameterKind::Positive, true}};
constexpr FitParameter kStudentT[] = {{"nu", ParameterKind::Positive, false},
                                      {"mu", ParameterKind::Real, false},
                                      {"sigma", ParameterKind::Positive, true}};
constexpr FitParameter kBinomial[] = {{"n", ParameterKind::Count, false}, {"p", ParameterKind::Unit, false}};
constexpr FitParameter kPoisson[] = {{"lambda", ParameterKind::Positive, false}};
constexpr FitParameter kNegativeBinomial[] = {{"r", ParameterKind::Positive, false},
                                              {"p", ParameterKind::Unit, false}};

constexpr std::array kFamilies = {
    FitFamily::Normal,   FitFamily::Laplace, FitFamily::StudentT,         FitFamily::LogNormal,
    FitFamily::Binomial, FitFamily::Poisson, FitFamily::NegativeBinomial, FitFamily::DiscretisedNormal};

} // namespace

std::string_view fitFamilyKeyword(FitFamily family) noexcept
{
    switch (family) {
    case FitFamily::Normal:
        return "normal";
    case FitFamily::Laplace:
        return "laplace";
    case FitFamily::StudentT:
        return "student_t";
    case FitFamily::LogNormal:
        return "lognormal";
    case FitFamily::Binomial:
        return "binomial";
    case FitFamily::Poisson:
        return "poisson";
    case FitFamily::NegativeBinomial:
        return "negative_binomial";
    case FitFamily::DiscretisedNormal:
        return "discretised_normal";
    }
    return {};
}

bool fitFamilyFromKeyword(std::string_view keyword, FitFamily &family) noexcept
{
    for (const FitFamily f : kFamilies) {
        if (fitFamilyKeyword(f) == keyword) {
            family = f;
            return true;
        }
    }
    return false;
}

std::span<const FitFamily> allFitFamilies() noexcept
{
    return kFamilies;
}

bool isDiscrete(FitFamily family) noexcept
{
    return family == FitFamily::Binomial || family == FitFamily::Poisson ||
           family == FitFamily::NegativeBinomial || family == FitFamily::DiscretisedNormal;
}

std::span<const FitParameter> fitParameters(FitFamily family) noexcept
{
    switch (family) {
    case FitFamily::Normal:
    case FitFamily::LogNormal:
    case FitFamily::DiscretisedNormal:
        return kLocationScale;
    case FitFamily::Laplace:
        return kLaplace;
    case FitFamily::StudentT:
        return kStudentT;
    case FitFamily::Binomial:
        return kBinomial;
    case FitFamily::Poisson:
        return kPoisson;
    case FitFamily::NegativeBinomial:
        return kNegativeBinomial;
    }
    return {};
}

double toCoordinate(ParameterKind kind, double value) noexcept
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    switch (kind) {
    case ParameterKind::Real:
        return std::isfinite(value) ? value : nan;
    case ParameterKind::Positive:
        return value > 0.0 && std::isfinite(value) ? std::log(value) : nan;
    case ParameterKind::Unit:
        return value > 0.0 && value < 1.0 ? std::log(value) - std::log1p(-value) : nan;
    case ParameterKind::Count:
        return nan;
    }
    return nan;
}

double fromCoordinate(ParameterKind kind, double u) noexcept
{
    switch (kind) {
    case ParameterKind::Real:
        return u;
    case ParameterKind::Positive:
        return std::max(std::exp(u), std::numeric_limits<double>::min());
    case ParameterKind::Unit: {
        // The logistic function, written so neither side overflows; kept strictly inside (0, 1).
        const double p = u >= 0.0 ? 1.0 / (1.0 + std::exp(-u)) : std::exp(u) / (1.0 + std::exp(u));
        return std::clamp(p, std::numeric_limits<double>::min(),
                          1.0 - std::numeric_limits<double>::epsilon() / 2);
    }
    case ParameterKind::Count:
        return std::numeric_limits<double>::quiet_NaN();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace klscope
