// Gaussian mixture: ln f by log-sum-exp over ln w_k + ln N(x; mu_k, sigma_k), so the density of a far tail
// (where every component underflows) is still a finite log. The quantile brackets the root of F(x) - p
// between the smallest and largest component quantiles and solves it with Boost.Math's TOMS 748.

#include "gaussianmixture.h"

#include "normal.h"
#include "nothrowpolicy.h"
#include "validation.h"

#include <boost/math/tools/roots.hpp>
#include <boost/math/tools/toms748_solve.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace klscope {

GaussianMixture::GaussianMixture(std::span<const MixtureComponent> components)
{
    if (components.empty())
        throw std::invalid_argument("gmm: a mixture needs at least one component");
    if (components.size() > kMaxComponents)
        throw std::invalid_argument("gmm: at most 16 components, got " + std::to_string(components.size()));
    double sum = 0.0;
    for (std::size_t i = 0; i < components.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        const MixtureComponent &c = components[i];
        validation::requireAbove("gmm", "w" + n, c.weight, 0.0, 1.0);
        validation::requireInRange("gmm", "mu" + n, c.mu, -1e300, 1e300);
        validation::requireAbove("gmm", "sigma" + n, c.sigma, 0.0, 1e300);
        sum += c.weight;
    }
    if (std::fabs(sum - 1.0) > 1e-12 * static_cast<double>(components.size()))
        throw std::invalid_argument("gmm: the weights sum to " + validation::formatNumber(sum) +
                                    ", not 1 (give --renormalize to rescale them)");
    m_count = components.size();
    constexpr double halfLog2Pi = 0.91893853320467274178;
    for (std::size_t i = 0; i < m_count; ++i) {
        m_components[i] = components[i];
        m_logWeight[i] = std::log(components[i].weight) - std::log(components[i].sigma) - halfLog2Pi;
    }
}

bool operator==(const GaussianMixture &a, const GaussianMixture &b) noexcept
{
    return std::ranges::equal(a.components(), b.components());
}

double logpdf(const GaussianMixture &d, double x) noexcept
{
    std::array<double, GaussianMixture::kMaxComponents> terms;
    double top = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < d.m_count; ++i) {
        const double z = (x - d.m_components[i].mu) / d.m_components[i].sigma;
        terms[i] = d.m_logWeight[i] - 0.5 * z * z;
        top = std::max(top, terms[i]);
    }
    if (!std::isfinite(top))
        return top;
    double sum = 0.0;
    for (std::size_t i = 0; i < d.m_count; ++i)
        sum += std::exp(terms[i] - top);
    return top + std::log(sum);
}

double cdf(const GaussianMixture &d, double x) noexcept
{
    double sum = 0.0;
    for (const MixtureComponent &c : d.components())
        sum += c.weight * cdf(Normal(c.mu, c.sigma), x);
    return std::min(sum, 1.0);
}

double quantile(const GaussianMixture &d, double p) noexcept
{
    if (!(p >= 0.0 && p <= 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    if (p == 0.0 || p == 1.0)
        return p == 0.0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    if (d.size() == 1)
        return quantile(Normal(d.components()[0].mu, d.components()[0].sigma), p);
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (const MixtureComponent &c : d.components()) {
        const double x = quantile(Normal(c.mu, c.sigma), p);
        low = std::min(low, x);
        high = std::max(high, x);
    }
    if (!(low < high))
        return low;
    std::uintmax_t iterations = 200;
    const auto f = [&](double x) {
        return cdf(d, x) - p;
    };
    const double fLow = f(low), fHigh = f(high);
    // Rounding can put F(low) a hair above p or F(high) below it; the end is then the answer.
    if (fLow >= 0.0)
        return low;
    if (fHigh <= 0.0)
        return high;
    const auto root = boost::math::tools::toms748_solve(f, low, high, fLow, fHigh,
                                                        boost::math::tools::eps_tolerance<double>(52),
                                                        iterations, continuous::NoThrowPolicy());
    return 0.5 * root.first + 0.5 * root.second;
}

double mean(const GaussianMixture &d) noexcept
{
    double m = 0.0;
    for (const MixtureComponent &c : d.components())
        m += c.weight * c.mu;
    return m;
}

double variance(const GaussianMixture &d) noexcept
{
    // Around the mean: sum w_k (sigma_k^2 + (mu_k - m)^2), which has no cancellation.
    const double m = mean(d);
    double v = 0.0;
    for (const MixtureComponent &c : d.components())
        v += c.weight * (c.sigma * c.sigma + (c.mu - m) * (c.mu - m));
    return v;
}

Interval support(const GaussianMixture &) noexcept
{
    return {};
}

double entropy(const GaussianMixture &) noexcept
{
    return std::numeric_limits<double>::quiet_NaN();
}

Tails tails(const GaussianMixture &) noexcept
{
    return {{TailClass::Gaussian}, {TailClass::Gaussian}};
}

} // namespace klscope
