#pragma once

// The way between the discrete and the continuous domain: what a side becomes when a person picks a
// family of the other domain. Moments are matched where the family can hold them (a binomial becomes
// the normal with its mean and variance, and back); otherwise the family's default, or, going to the
// integers, the density's mass binned on them. Every result carries a sentence for the status bar that
// names both families and says what was kept. Qt-free.

#include "continuousdistribution.h"
#include "distribution.h"

#include <cstddef>
#include <cstdint>
#include <optional>
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

/// A range of integers first..last (both included).
struct IntegerSpan
{
    std::int64_t first;
    std::int64_t last;
};

/// The integers toDiscrete(c, Family::Custom) bins c on: its central 1 - 1e-9 range, at most
/// kMaxBinnedEvents of them around the median; first is 0 when the range lies in 0..kMaxBinnedEvents - 1.
/// nullopt when the median is not finite or lies beyond 1e15.
std::optional<IntegerSpan> binningRange(const ContinuousDistribution &c);

/// c's mass binned on the integers first..last (k holds the mass between k - 1/2 and k + 1/2),
/// normalised to 1: a Custom on the events 0..last - first, labelled "first".."last" unless first is 0
/// (then the events are the integers themselves). Two densities binned on the same range share one event
/// axis. Throws std::invalid_argument (a sentence) when first > last, when the range holds more than
/// kMaxBinnedEvents integers, or when no mass falls on it.
Converted<Distribution> binOnIntegers(const ContinuousDistribution &c, std::int64_t first, std::int64_t last);

/// c in another continuous family `target`, keeping the mean and variance where the family can hold
/// them (the rules of toContinuous: log-normal, exponential and gamma need a positive mean, beta a mean
/// in (0, 1), Student t takes nu = 5, a uniform keeps c's bounded support). When c has no finite mean or
/// variance (Cauchy, Student t with nu <= 2) the median and the interquartile range stand in (the
/// normal's sigma = IQR / 1.349). c itself when it already is a `target`; else the family's default, with
/// a sentence saying why.
Converted<ContinuousDistribution> convertContinuous(const ContinuousDistribution &c, ContinuousFamily target);

} // namespace klscope
