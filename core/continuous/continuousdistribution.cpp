// Dispatch of the continuous operations over the variant, and the split points and scales quadrature
// uses (modes: normal mu, lognormal e^(mu - sigma^2), gamma (k-1)/beta, beta (a-1)/(a+b-2); kinks: the
// Laplace centre, the uniform's ends; every mixture component's mean).

#include "continuousdistribution.h"

#include "validation.h"

#include <array>
#include <cmath>

namespace klscope {

namespace {
constexpr std::array<std::string_view, 10> kKeywords = {
    "normal",    "lognormal", "exponential",        "gamma", "beta", "laplace",
    "student_t", "cauchy",    "continuous_uniform", "gmm"};

std::string num(double x)
{
    return validation::formatNumber(x);
}
} // namespace

std::string_view familyKeyword(ContinuousFamily family) noexcept
{
    return kKeywords[static_cast<std::size_t>(family)];
}

bool continuousFamilyFromKeyword(std::string_view keyword, ContinuousFamily &family) noexcept
{
    for (std::size_t i = 0; i < kKeywords.size(); ++i)
        if (kKeywords[i] == keyword) {
            family = static_cast<ContinuousFamily>(i);
            return true;
        }
    return false;
}

ContinuousFamily family(const ContinuousDistribution &d) noexcept
{
    return static_cast<ContinuousFamily>(d.index());
}

double logpdf(const ContinuousDistribution &d, double x) noexcept
{
    return std::visit([x](const auto &f) { return logpdf(f, x); }, d);
}

double pdf(const ContinuousDistribution &d, double x) noexcept
{
    return std::exp(logpdf(d, x));
}

double cdf(const ContinuousDistribution &d, double x) noexcept
{
    return std::visit([x](const auto &f) { return cdf(f, x); }, d);
}

double quantile(const ContinuousDistribution &d, double p) noexcept
{
    return std::visit([p](const auto &f) { return quantile(f, p); }, d);
}

double mean(const ContinuousDistribution &d) noexcept
{
    return std::visit([](const auto &f) { return mean(f); }, d);
}

double variance(const ContinuousDistribution &d) noexcept
{
    return std::visit([](const auto &f) { return variance(f); }, d);
}

Interval support(const ContinuousDistribution &d) noexcept
{
    return std::visit([](const auto &f) { return support(f); }, d);
}

double entropy(const ContinuousDistribution &d) noexcept
{
    return std::visit([](const auto &f) { return entropy(f); }, d);
}

Tails tails(const ContinuousDistribution &d) noexcept
{
    return std::visit([](const auto &f) { return tails(f); }, d);
}

std::size_t breakpoints(const ContinuousDistribution &d, std::span<double, 20> out) noexcept
{
    std::size_t n = 0;
    auto add = [&](double x) {
        if (std::isfinite(x) && n < out.size())
            out[n++] = x;
    };
    switch (family(d)) {
    case ContinuousFamily::Normal:
        add(std::get<Normal>(d).mu());
        break;
    case ContinuousFamily::LogNormal: {
        const auto &f = std::get<LogNormal>(d);
        add(std::exp(f.mu() - f.sigma() * f.sigma()));
        add(std::exp(f.mu()));
        break;
    }
    case ContinuousFamily::Exponential:
        break;
    case ContinuousFamily::Gamma: {
        const auto &f = std::get<Gamma>(d);
        if (f.shape() > 1.0)
            add((f.shape() - 1.0) / f.rate());
        add(f.shape() / f.rate());
        break;
    }
    case ContinuousFamily::Beta: {
        const auto &f = std::get<Beta>(d);
        if (f.a() > 1.0 && f.b() > 1.0)
            add((f.a() - 1.0) / (f.a() + f.b() - 2.0));
        break;
    }
    case ContinuousFamily::Laplace:
        add(std::get<Laplace>(d).mu());
        break;
    case ContinuousFamily::StudentT:
        add(std::get<StudentT>(d).mu());
        break;
    case ContinuousFamily::Cauchy:
        add(std::get<Cauchy>(d).x0());
        break;
    case ContinuousFamily::ContinuousUniform:
        break;
    case ContinuousFamily::GaussianMixture:
        for (const MixtureComponent &c : std::get<GaussianMixture>(d).components())
            add(c.mu);
        break;
    }
    return n;
}

double scale(const ContinuousDistribution &d) noexcept
{
    switch (family(d)) {
    case ContinuousFamily::StudentT:
        return std::get<StudentT>(d).sigma();
    case ContinuousFamily::Cauchy:
        return std::get<Cauchy>(d).gamma();
    case ContinuousFamily::LogNormal: {
        // The lognormal's sd can overflow; the width around its mode is e^mu times a factor of sigma.
        const auto &f = std::get<LogNormal>(d);
        return std::exp(f.mu() - f.sigma() * f.sigma()) * std::fmin(std::expm1(f.sigma()), 1e3);
    }
    case ContinuousFamily::GaussianMixture: {
        double s = INFINITY;
        for (const MixtureComponent &c : std::get<GaussianMixture>(d).components())
            s = std::fmin(s, c.sigma);
        return s;
    }
    default:
        return std::sqrt(variance(d));
    }
}

std::string describe(const ContinuousDistribution &d)
{
    switch (family(d)) {
    case ContinuousFamily::Normal: {
        const auto &f = std::get<Normal>(d);
        return "normal(mu=" + num(f.mu()) + ", sigma=" + num(f.sigma()) + ")";
    }
    case ContinuousFamily::LogNormal: {
        const auto &f = std::get<LogNormal>(d);
        return "lognormal(mu=" + num(f.mu()) + ", sigma=" + num(f.sigma()) + ")";
    }
    case ContinuousFamily::Exponential:
        return "exponential(rate=" + num(std::get<Exponential>(d).rate()) + ")";
    case ContinuousFamily::Gamma: {
        const auto &f = std::get<Gamma>(d);
        return "gamma(shape=" + num(f.shape()) + ", rate=" + num(f.rate()) + ")";
    }
    case ContinuousFamily::Beta: {
        const auto &f = std::get<Beta>(d);
        return "beta(a=" + num(f.a()) + ", b=" + num(f.b()) + ")";
    }
    case ContinuousFamily::Laplace: {
        const auto &f = std::get<Laplace>(d);
        return "laplace(mu=" + num(f.mu()) + ", b=" + num(f.b()) + ")";
    }
    case ContinuousFamily::StudentT: {
        const auto &f = std::get<StudentT>(d);
        return "student_t(nu=" + num(f.nu()) + ", mu=" + num(f.mu()) + ", sigma=" + num(f.sigma()) + ")";
    }
    case ContinuousFamily::Cauchy: {
        const auto &f = std::get<Cauchy>(d);
        return "cauchy(x0=" + num(f.x0()) + ", gamma=" + num(f.gamma()) + ")";
    }
    case ContinuousFamily::ContinuousUniform: {
        const auto &f = std::get<ContinuousUniform>(d);
        return "continuous_uniform(a=" + num(f.a()) + ", b=" + num(f.b()) + ")";
    }
    case ContinuousFamily::GaussianMixture: {
        std::string text = "gmm(";
        std::size_t k = 1;
        for (const MixtureComponent &c : std::get<GaussianMixture>(d).components()) {
            const std::string n = std::to_string(k++);
            text += (k > 2 ? ", " : "") + std::string("w") + n + "=" + num(c.weight) + ", mu" + n + "=" +
                    num(c.mu) + ", sigma" + n + "=" + num(c.sigma);
        }
        return text + ")";
    }
    }
    return {};
}

} // namespace klscope
