#pragma once

// Poisson(lambda):  P(X = k) = e^-lambda lambda^k / k!,   k = 0, 1, 2, ...
// The log mass is Loader's saddle-point form (saddlepoint.h). The infinite support is cut at the
// first k whose upper tail P(X > k) is below 1e-16.

#include "eventrange.h"

#include <cstdint>

namespace klscope {

class Poisson
{
public:
    /// lambda: mean, in [0, 10^7]. Throws std::invalid_argument otherwise.
    explicit Poisson(double lambda);

    /// lambda, the mean (and variance), in [0, 10^7]; 0 puts all mass on 0.
    double rate() const noexcept { return m_lambda; }
    /// Equal parameters.
    friend bool operator==(const Poisson &, const Poisson &) = default;

private:
    double m_lambda;
};

/// ln P(X = k); -inf for k < 0 (and for k > 0 when lambda = 0).
double logpmf(const Poisson &d, std::int64_t k) noexcept;
/// 0..K where K is the first event with P(X > K) < 1e-16.
EventRange support(const Poisson &d);
/// P(X < range.first) + P(X > range.last), from Boost.Math's cdf.
double massOutside(const Poisson &d, EventRange range);
/// lambda.
double mean(const Poisson &d) noexcept;

} // namespace klscope
