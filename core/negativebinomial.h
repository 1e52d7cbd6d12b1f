#pragma once

// Negative binomial(r, p), counting failures before the r-th success:
//     P(X = k) = Gamma(k+r) / (k! Gamma(r)) p^r (1-p)^k,   k = 0, 1, 2, ...   (mean r(1-p)/p)
// computed as r/(r+k) b(r; r+k, p) with Loader's binomial form (as R's dnbinom does).
// The infinite support is cut at the first k whose upper tail is below 1e-16.

#include "eventrange.h"

#include <cstdint>

namespace klscope {

class NegativeBinomial
{
public:
    /// r: number of successes, in (0, 10^6] (need not be whole). p in [1e-6, 1].
    NegativeBinomial(double r, double p);

    /// r, the number of successes to wait for (real, > 0).
    double successes() const noexcept { return m_r; }
    /// p, the success probability of each trial, in [1e-6, 1] (p = 1 puts all mass on 0).
    double successProbability() const noexcept { return m_p; }
    /// Equal parameters.
    friend bool operator==(const NegativeBinomial &, const NegativeBinomial &) = default;

private:
    double m_r;
    double m_p;
};

/// ln P(X = k); -inf for k < 0.
double logpmf(const NegativeBinomial &d, std::int64_t k) noexcept;
/// 0..K where K is the first event with P(X > K) < 1e-16.
EventRange support(const NegativeBinomial &d);
/// P(X < range.first) + P(X > range.last), from Boost.Math's cdf.
double massOutside(const NegativeBinomial &d, EventRange range);
/// r (1-p) / p.
double mean(const NegativeBinomial &d) noexcept;

} // namespace klscope
