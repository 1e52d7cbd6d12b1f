// The mixture routes of mixturekl.h: component-pair closed forms (normal KL, cross entropy, overlap
// integral z_ab), combined with log-sum-exp so that far-apart components do not underflow to ln 0.

#include "mixturekl.h"

#include "continuousclosedform.h"
#include "integrands.h"

#include <array>
#include <cmath>
#include <numbers>
#include <random>

namespace klscope {

namespace {

using Components = std::span<const MixtureComponent>;

double klNormal(const MixtureComponent &a, const MixtureComponent &b) noexcept
{
    return *closedFormKl(Normal(a.mu, a.sigma), Normal(b.mu, b.sigma));
}

double crossEntropy(const MixtureComponent &a, const MixtureComponent &b) noexcept
{
    return entropy(Normal(a.mu, a.sigma)) + klNormal(a, b);
}

// ln z_ab = ln N(mu_a; mu_b, sigma_a^2 + sigma_b^2).
double logOverlap(const MixtureComponent &a, const MixtureComponent &b) noexcept
{
    const double v = a.sigma * a.sigma + b.sigma * b.sigma;
    const double d = a.mu - b.mu;
    return -0.5 * d * d / v - 0.5 * std::log(2.0 * std::numbers::pi * v);
}

// sum_a pi_a ln sum_b w_b e^(term(a, b)), term given in log space.
template <class Term> double meanLogSum(Components f, Components g, const Term &term) noexcept
{
    double total = 0.0;
    for (const MixtureComponent &a : f) {
        double acc = -INFINITY;
        for (const MixtureComponent &b : g)
            acc = continuous::logAddExp(acc, std::log(b.weight) + term(a, b));
        total += a.weight * acc;
    }
    return total;
}

double uniform01(std::mt19937_64 &rng) noexcept
{
    return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
}

} // namespace

std::optional<GaussianMixture> asGaussianMixture(const ContinuousDistribution &d)
{
    if (const auto *m = std::get_if<GaussianMixture>(&d))
        return *m;
    if (const auto *n = std::get_if<Normal>(&d)) {
        const MixtureComponent c{1.0, n->mu(), n->sigma()};
        return GaussianMixture(std::span(&c, 1));
    }
    return std::nullopt;
}

double variationalKl(const GaussianMixture &f, const GaussianMixture &g) noexcept
{
    const auto negKl = [](const MixtureComponent &a, const MixtureComponent &b) {
        return -klNormal(a, b);
    };
    return meanLogSum(f.components(), f.components(), negKl) -
           meanLogSum(f.components(), g.components(), negKl);
}

KlBounds klBounds(const GaussianMixture &f, const GaussianMixture &g) noexcept
{
    const auto negCross = [](const MixtureComponent &a, const MixtureComponent &b) {
        return -crossEntropy(a, b);
    };
    const auto overlap = [](const MixtureComponent &a, const MixtureComponent &b) {
        return logOverlap(a, b);
    };
    KlBounds b;
    b.lower = meanLogSum(f.components(), f.components(), negCross) -
              meanLogSum(f.components(), g.components(), overlap);
    b.upper = meanLogSum(f.components(), f.components(), overlap) -
              meanLogSum(f.components(), g.components(), negCross);
    return b;
}

MonteCarloEstimate monteCarloKl(const ContinuousDistribution &p, const ContinuousDistribution &q,
                                std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    const auto *mixture = std::get_if<GaussianMixture>(&p);
    std::array<double, GaussianMixture::kMaxComponents> cumulative{};
    if (mixture) {
        double c = 0.0;
        for (std::size_t i = 0; i < mixture->size(); ++i)
            cumulative[i] = c += mixture->components()[i].weight;
    }
    // Welford's running mean and sum of squared deviations.
    double mean = 0.0, m2 = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double x = 0.0;
        if (mixture) {
            const double u = uniform01(rng) * cumulative[mixture->size() - 1];
            std::size_t k = 0;
            while (k + 1 < mixture->size() && u > cumulative[k])
                ++k;
            const MixtureComponent &c = mixture->components()[k];
            x = quantile(Normal(c.mu, c.sigma), uniform01(rng));
        } else {
            x = quantile(p, uniform01(rng));
        }
        const double term = logpdf(p, x) - logpdf(q, x);
        const double delta = term - mean;
        mean += delta / static_cast<double>(i + 1);
        m2 += delta * (term - mean);
    }
    MonteCarloEstimate e;
    e.samples = n;
    e.value = mean;
    e.standardError = n > 1 ? std::sqrt(m2 / static_cast<double>(n - 1) / static_cast<double>(n)) : INFINITY;
    return e;
}

} // namespace klscope
