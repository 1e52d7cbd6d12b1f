#pragma once

// The way between the discrete and the continuous domain: what a side becomes when a person picks a
// family of the other domain. Moments are matched where the family can hold them (a binomial becomes
// the normal with its mean and variance, and back); otherwise the family's default, or, going to the
// integers, the density's mass binned on them. Every result carries a sentence for the status bar that
// names both families and says what was kept. Qt-free.

#include "continuousdistribution.h"
#include "distribution.h"

#include <cstddef>
#include <string>

namespace klscope {

/// A converted distribution and the sentence that says what was done, e.g. "binomial(n=15, p=0.4667)
/// became normal(mu=7, sigma=1.932) with the same mean (7) and variance (3.733)". The sentence names no
/// side; the caller prefixes "P: " or "Q: ".
template <class T> struct Converted
{
    T value;
    std::string sentence;
};

/// At most this many integers hold the binned mass of a density (toDiscrete into Custom).
inline constexpr std::size_t kMaxBinnedEvents = 10001;

/// d in the continuous family `target`: normal, Laplace, Student t (nu = 5), Gaussian mixture (one
/// component) with d's mean and variance; log-normal and gamma likewise when the mean is positive;
/// exponential with d's mean; beta with d's mean and variance when d lives on {0, 1} (the mean alone
/// when the variance is too large for a beta); uniform over d's events a..b as a - 1/2 .. b + 1/2;
/// Cauchy with location = mean and scale = standard deviation. A point mass (variance 0) is given the
/// variance 1/12 of one event's width. Where nothing carries over, the family's default.
Converted<ContinuousDistribution> toContinuous(const Distribution &d, ContinuousFamily target);

/// d's natural counterpart: a discrete uniform a..b becomes the continuous uniform a - 1/2 .. b + 1/2, a
/// geometric the exponential with its mean, every other family the normal with its mean and variance.
Converted<ContinuousDistribution> nearestContinuous(const Distribution &d);

/// c in the discrete family `target`. Binomial: n = mean / p with p = 1 - variance / mean (n rounded,
/// then p = mean / n) when 0 < variance < mean; Poisson: lambda = mean; negative binomial: p = mean /
/// variance, r = mean^2 / (variance - mean) when variance > mean > 0; geometric: mean; Bernoulli: p =
/// mean for a mean in [0, 1]; uniform: c's bounded range, or mean and variance; hypergeometric: a large
/// population that approximates the matched binomial; Custom: c's mass binned on the integers k (the
/// interval k - 1/2 .. k + 1/2) of its central 1 - 1e-9 range, at most kMaxBinnedEvents of them around
/// the median, normalised to 1 and labelled with the integers. Else the family's default.
Converted<Distribution> toDiscrete(const ContinuousDistribution &c, Family target);

/// c's natural counterpart: a continuous uniform becomes the discrete uniform of its integers, an
/// exponential the geometric with its mean; a normal, gamma or log-normal with mean > 0 the binomial
/// (variance < mean), Poisson (variance = mean within 1e-12) or negative binomial (variance > mean) with
/// its mean and variance; everything else (negative support, mixtures, heavy tails) the binned Custom.
Converted<Distribution> nearestDiscrete(const ContinuousDistribution &c);

} // namespace klscope
