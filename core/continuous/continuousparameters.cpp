// Parameter tables of the continuous families and the component edits of a Gaussian mixture.
// Weight edits follow the discrete custom editor (ui/massedit.h) with the total fixed at 1: the edited
// weight w_i becomes w, each other weight u becomes u (1 - w) / S with S the sum of the others; adding a
// component of weight w scales the others by (1 - w); removing component i divides them by their sum.

#include "continuousparameters.h"

#include "validation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace klscope {

namespace {

constexpr double kMax = std::numeric_limits<double>::max();
// The smallest value above a bound of 0 the constructors exclude (sigma > 0).
constexpr double kTiny = std::numeric_limits<double>::min();

constexpr std::array kContinuousFamilies = {
    ContinuousFamily::Normal,         ContinuousFamily::LogNormal, ContinuousFamily::Exponential,
    ContinuousFamily::Gamma,          ContinuousFamily::Beta,      ContinuousFamily::Laplace,
    ContinuousFamily::StudentT,       ContinuousFamily::Cauchy,    ContinuousFamily::ContinuousUniform,
    ContinuousFamily::GaussianMixture};

constexpr ParameterInfo kNormal[] = {
    {"mu", "mean", -kMax, kMax, -5, 5, 0, false},
    {"sigma", "standard deviation", kTiny, kMax, 0.1, 5, 1, false},
};
constexpr ParameterInfo kLogNormal[] = {
    {"mu", "mean of ln x", -1e300, 1e300, -2, 3, 0, false},
    {"sigma", "standard deviation of ln x", kTiny, 1e300, 0.1, 2, 1, false},
};
constexpr ParameterInfo kExponential[] = {
    {"rate", "rate (1 / mean)", kTiny, 1e300, 0.1, 5, 1, false},
};
constexpr ParameterInfo kGamma[] = {
    {"shape", "shape k", kTiny, 1e12, 0.1, 20, 2, false},
    {"rate", "rate (1 / scale)", kTiny, 1e300, 0.1, 5, 1, false},
};
constexpr ParameterInfo kBeta[] = {
    {"a", "shape alpha", kTiny, 1e12, 0.1, 10, 2, false},
    {"b", "shape beta", kTiny, 1e12, 0.1, 10, 5, false},
};
constexpr ParameterInfo kLaplace[] = {
    {"mu", "location (mean)", -kMax, kMax, -5, 5, 0, false},
    {"b", "scale (variance 2 b^2)", kTiny, kMax, 0.1, 5, 1, false},
};
constexpr ParameterInfo kStudentT[] = {
    {"nu", "degrees of freedom", kTiny, 1e12, 0.5, 30, 5, false},
    {"mu", "location", -kMax, kMax, -5, 5, 0, false},
    {"sigma", "scale", kTiny, kMax, 0.1, 5, 1, false},
};
constexpr ParameterInfo kCauchy[] = {
    {"x0", "location (median)", -kMax, kMax, -5, 5, 0, false},
    {"gamma", "scale (half width at half maximum)", kTiny, kMax, 0.1, 5, 1, false},
};
constexpr ParameterInfo kContinuousUniform[] = {
    {"a", "lower end", -kMax, kMax, -10, 10, 0, false},
    {"b", "upper end (above a)", -kMax, kMax, -10, 10, 1, false},
};

void requireIndex(const GaussianMixture &mixture, std::size_t index)
{
    if (index >= mixture.size())
        throw std::invalid_argument("gmm: there is no component " + std::to_string(index + 1) +
                                    " (the mixture has " + std::to_string(mixture.size()) + ")");
}

// Checks w, mu and sigma of a component with the mixture constructor's sentences, naming component k.
void requireComponent(const MixtureComponent &c, std::size_t k)
{
    const std::string n = std::to_string(k + 1);
    validation::requireInRange("gmm", "mu" + n, c.mu, -1e300, 1e300);
    validation::requireAbove("gmm", "sigma" + n, c.sigma, 0.0, 1e300);
    if (!(c.weight > 0.0 && c.weight < 1.0))
        throw std::invalid_argument(
            "gmm: w" + n + " must be above 0 and below 1 (the other components share the rest), got " +
            validation::formatNumber(c.weight));
}

} // namespace

std::span<const ContinuousFamily> allContinuousFamilies() noexcept
{
    return kContinuousFamilies;
}

std::string_view familyTitle(ContinuousFamily family) noexcept
{
    switch (family) {
    case ContinuousFamily::Normal:
        return "Normal";
    case ContinuousFamily::LogNormal:
        return "Log-normal";
    case ContinuousFamily::Exponential:
        return "Exponential";
    case ContinuousFamily::Gamma:
        return "Gamma";
    case ContinuousFamily::Beta:
        return "Beta";
    case ContinuousFamily::Laplace:
        return "Laplace";
    case ContinuousFamily::StudentT:
        return "Student t";
    case ContinuousFamily::Cauchy:
        return "Cauchy";
    case ContinuousFamily::ContinuousUniform:
        return "Continuous uniform";
    case ContinuousFamily::GaussianMixture:
        break;
    }
    return "Gaussian mixture";
}

std::span<const ParameterInfo> parameters(ContinuousFamily family) noexcept
{
    switch (family) {
    case ContinuousFamily::Normal:
        return kNormal;
    case ContinuousFamily::LogNormal:
        return kLogNormal;
    case ContinuousFamily::Exponential:
        return kExponential;
    case ContinuousFamily::Gamma:
        return kGamma;
    case ContinuousFamily::Beta:
        return kBeta;
    case ContinuousFamily::Laplace:
        return kLaplace;
    case ContinuousFamily::StudentT:
        return kStudentT;
    case ContinuousFamily::Cauchy:
        return kCauchy;
    case ContinuousFamily::ContinuousUniform:
        return kContinuousUniform;
    case ContinuousFamily::GaussianMixture:
        break;
    }
    return {};
}

std::vector<double> parameterValues(const ContinuousDistribution &d)
{
    switch (family(d)) {
    case ContinuousFamily::Normal:
        return {std::get<Normal>(d).mu(), std::get<Normal>(d).sigma()};
    case ContinuousFamily::LogNormal:
        return {std::get<LogNormal>(d).mu(), std::get<LogNormal>(d).sigma()};
    case ContinuousFamily::Exponential:
        return {std::get<Exponential>(d).rate()};
    case ContinuousFamily::Gamma:
        return {std::get<Gamma>(d).shape(), std::get<Gamma>(d).rate()};
    case ContinuousFamily::Beta:
        return {std::get<Beta>(d).a(), std::get<Beta>(d).b()};
    case ContinuousFamily::Laplace:
        return {std::get<Laplace>(d).mu(), std::get<Laplace>(d).b()};
    case ContinuousFamily::StudentT: {
        const auto &t = std::get<StudentT>(d);
        return {t.nu(), t.mu(), t.sigma()};
    }
    case ContinuousFamily::Cauchy:
        return {std::get<Cauchy>(d).x0(), std::get<Cauchy>(d).gamma()};
    case ContinuousFamily::ContinuousUniform:
        return {std::get<ContinuousUniform>(d).a(), std::get<ContinuousUniform>(d).b()};
    case ContinuousFamily::GaussianMixture:
        break;
    }
    return {};
}

ContinuousDistribution makeContinuous(ContinuousFamily family, std::span<const double> values)
{
    if (family == ContinuousFamily::GaussianMixture)
        throw std::invalid_argument("gmm: a mixture is built from its components, not from parameters");
    const auto info = parameters(family);
    if (values.size() != info.size())
        throw std::invalid_argument(std::string(familyKeyword(family)) + ": expected " +
                                    std::to_string(info.size()) + " parameters, got " +
                                    std::to_string(values.size()));
    const auto v = [&values](std::size_t i) {
        return values[i];
    };
    switch (family) {
    case ContinuousFamily::Normal:
        return Normal(v(0), v(1));
    case ContinuousFamily::LogNormal:
        return LogNormal(v(0), v(1));
    case ContinuousFamily::Exponential:
        return Exponential(v(0));
    case ContinuousFamily::Gamma:
        return Gamma(v(0), v(1));
    case ContinuousFamily::Beta:
        return Beta(v(0), v(1));
    case ContinuousFamily::Laplace:
        return Laplace(v(0), v(1));
    case ContinuousFamily::StudentT:
        return StudentT(v(0), v(1), v(2));
    case ContinuousFamily::Cauchy:
        return Cauchy(v(0), v(1));
    case ContinuousFamily::ContinuousUniform:
        return ContinuousUniform(v(0), v(1));
    case ContinuousFamily::GaussianMixture:
        break;
    }
    throw std::invalid_argument("unknown continuous family");
}

ContinuousDistribution defaultContinuous(ContinuousFamily family)
{
    if (family == ContinuousFamily::GaussianMixture) {
        const MixtureComponent components[] = {{0.5, -1.5, 1.0}, {0.5, 1.5, 1.0}};
        return GaussianMixture(components);
    }
    std::vector<double> values;
    for (const ParameterInfo &p : parameters(family))
        values.push_back(p.defaultValue);
    return makeContinuous(family, values);
}

GaussianMixture setComponent(const GaussianMixture &mixture, std::size_t index,
                             const MixtureComponent &component)
{
    requireIndex(mixture, index);
    std::vector<MixtureComponent> components(mixture.components().begin(), mixture.components().end());
    const double oldWeight = components[index].weight;
    if (mixture.size() == 1) {
        if (component.weight != 1.0)
            throw std::invalid_argument("gmm: a mixture of one component keeps weight 1 (add a component to "
                                        "share the weight), got w1=" +
                                        validation::formatNumber(component.weight));
        validation::requireInRange("gmm", "mu1", component.mu, -1e300, 1e300);
        validation::requireAbove("gmm", "sigma1", component.sigma, 0.0, 1e300);
        return GaussianMixture(std::span<const MixtureComponent>(&component, 1));
    }
    requireComponent(component, index);
    components[index] = component;
    if (component.weight != oldWeight) {
        double others = 0.0;
        for (std::size_t i = 0; i < components.size(); ++i)
            if (i != index)
                others += components[i].weight;
        const double factor = (1.0 - component.weight) / others;
        for (std::size_t i = 0; i < components.size(); ++i)
            if (i != index)
                components[i].weight *= factor;
    }
    return GaussianMixture(components);
}

GaussianMixture addComponent(const GaussianMixture &mixture, const MixtureComponent &component)
{
    if (mixture.size() >= GaussianMixture::kMaxComponents)
        throw std::invalid_argument("gmm: a mixture has at most " +
                                    std::to_string(GaussianMixture::kMaxComponents) + " components");
    requireComponent(component, mixture.size());
    std::vector<MixtureComponent> components(mixture.components().begin(), mixture.components().end());
    for (MixtureComponent &c : components)
        c.weight *= 1.0 - component.weight;
    components.push_back(component);
    return GaussianMixture(components);
}

MixtureComponent suggestedComponent(const GaussianMixture &mixture)
{
    double right = -std::numeric_limits<double>::infinity(), sigmas = 0.0;
    for (const MixtureComponent &c : mixture.components()) {
        right = std::max(right, c.mu);
        sigmas += c.sigma;
    }
    const double k = static_cast<double>(mixture.size());
    const double sd = std::sqrt(variance(mixture));
    double mu = right + (std::isfinite(sd) ? sd : sigmas / k);
    // A round number a person can read in the table (one decimal), where that moves it by little.
    if (std::fabs(mu) < 1e12 && std::isfinite(sd) && sd >= 0.1)
        mu = std::round(mu * 10.0) / 10.0;
    return {1.0 / (k + 1.0), std::isfinite(mu) ? mu : right, sigmas / k};
}

GaussianMixture removeComponent(const GaussianMixture &mixture, std::size_t index)
{
    requireIndex(mixture, index);
    if (mixture.size() == 1)
        throw std::invalid_argument(
            "gmm: a mixture keeps at least one component; component 1 cannot be removed");
    std::vector<MixtureComponent> components(mixture.components().begin(), mixture.components().end());
    components.erase(components.begin() + static_cast<std::ptrdiff_t>(index));
    double sum = 0.0;
    for (const MixtureComponent &c : components)
        sum += c.weight;
    for (MixtureComponent &c : components)
        c.weight /= sum;
    return GaussianMixture(components);
}

} // namespace klscope
