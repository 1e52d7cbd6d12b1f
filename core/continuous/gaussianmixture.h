#pragma once

// Gaussian mixture:  f(x) = sum_k w_k N(x; mu_k, sigma_k^2),  1 to 16 components, weights summing to 1.
// ln f = logsumexp_k(ln w_k + ln N(x; mu_k, sigma_k)) (never exp of a log-density that underflows);
// mean sum w_k mu_k, variance sum w_k (sigma_k^2 + mu_k^2) - mean^2. The entropy has no closed form
// (Huber et al. 2008): entropy() is NaN and the comparison integrates it.

#include "tail.h"

#include <array>
#include <cstddef>
#include <span>

namespace klscope {

/// One component of a mixture.
struct MixtureComponent
{
    double weight = 1.0, mu = 0.0, sigma = 1.0;
    friend bool operator==(const MixtureComponent &, const MixtureComponent &) = default;
};

class GaussianMixture
{
public:
    static constexpr std::size_t kMaxComponents = 16;

    /// 1 to 16 components with finite mu, sigma > 0 and weights > 0 summing to 1 (within 1e-12 per
    /// component). Throws std::invalid_argument naming the component (1-based) or stating the sum.
    explicit GaussianMixture(std::span<const MixtureComponent> components);

    std::span<const MixtureComponent> components() const noexcept { return {m_components.data(), m_count}; }
    std::size_t size() const noexcept { return m_count; }
    friend bool operator==(const GaussianMixture &a, const GaussianMixture &b) noexcept;

private:
    std::array<MixtureComponent, kMaxComponents> m_components{};
    std::array<double, kMaxComponents> m_logWeight{}; ///< ln w_k - ln sigma_k - ln(2 pi)/2, cached
    std::size_t m_count = 0;

    friend double logpdf(const GaussianMixture &d, double x) noexcept;
};

double logpdf(const GaussianMixture &d, double x) noexcept;
double cdf(const GaussianMixture &d, double x) noexcept;
/// Inverts the cdf by bracketing and TOMS 748 to full double precision.
double quantile(const GaussianMixture &d, double p) noexcept;
double mean(const GaussianMixture &d) noexcept;
double variance(const GaussianMixture &d) noexcept;
Interval support(const GaussianMixture &d) noexcept;
/// NaN: no closed form.
double entropy(const GaussianMixture &d) noexcept;
/// Gaussian on both sides.
Tails tails(const GaussianMixture &d) noexcept;

} // namespace klscope
