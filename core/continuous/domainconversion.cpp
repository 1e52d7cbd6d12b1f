// Moment matching between the domains (see domainconversion.h for the rules). The formulas invert the
// families' moments: binomial mean n p and variance n p (1 - p), so p = 1 - v/m and n = m/p; negative
// binomial mean r (1-p)/p and variance r (1-p)/p^2, so p = m/v and r = m^2/(v - m); log-normal
// sigma^2 = ln(1 + v/m^2), mu = ln m - sigma^2/2; gamma shape m^2/v, rate m/v; beta a = m c,
// b = (1 - m) c with c = m (1 - m)/v - 1; Laplace b = sqrt(v/2); Student t with nu = 5 has variance
// sigma^2 nu/(nu - 2), so sigma = sqrt(3 v / 5).

#include "domainconversion.h"

#include "continuousparameters.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <vector>

namespace klscope {

namespace {

// 4 significant digits, for sentences people read ("0.4667", "1.5e+07").
std::string short4(double x)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", x);
    return buffer;
}

std::string brief(const Distribution &d)
{
    const Family f = family(d);
    if (f == Family::Custom)
        return "custom(" + std::to_string(std::get<Custom>(d).masses().size()) + " events)";
    std::string text(familyKeyword(f));
    const auto info = parameters(f);
    const std::vector<double> values = parameterValues(d);
    for (std::size_t i = 0; i < info.size(); ++i)
        text += (i ? ", " : "(") + std::string(info[i].name) + "=" + short4(values[i]);
    return text + ")";
}

std::string brief(const ContinuousDistribution &c)
{
    const ContinuousFamily f = family(c);
    if (f == ContinuousFamily::GaussianMixture)
        return "gmm(" + std::to_string(std::get<GaussianMixture>(c).size()) + " components)";
    std::string text(familyKeyword(f));
    const auto info = parameters(f);
    const std::vector<double> values = parameterValues(c);
    for (std::size_t i = 0; i < info.size(); ++i)
        text += (i ? ", " : "(") + std::string(info[i].name) + "=" + short4(values[i]);
    return text + ")";
}

template <class From, class To> std::string became(const From &from, const To &to, const std::string &how)
{
    return brief(from) + " became " + brief(to) + (how.empty() ? "" : " " + how);
}

std::string sameMeanAndVariance(double m, double v)
{
    return "with the same mean (" + short4(m) + ") and variance (" + short4(v) + ")";
}

std::string sameMean(double m)
{
    return "with the same mean (" + short4(m) + ")";
}

// A family of the other domain built by `build`, or its default with a sentence saying why.
template <class Result, class From, class Build, class Default>
Converted<Result> attempt(const From &from, Build build, Default makeDefault, std::string_view target)
{
    std::string reason;
    try {
        if (std::optional<Converted<Result>> r = build())
            return std::move(*r);
    } catch (const std::invalid_argument &e) {
        reason = std::string(" (") + e.what() + ")";
    }
    Result fallback = makeDefault();
    return {fallback, became(from, fallback, "") + ": nothing of it carries over to " + std::string(target) +
                          reason + ", so the family's defaults are used"};
}

bool finitePositive(double x)
{
    return std::isfinite(x) && x > 0.0;
}

// Binomial n, p with mean m and variance v (n rounded to a whole number, p = m/n keeps the mean).
std::optional<Binomial> matchBinomial(double m, double v)
{
    if (!(finitePositive(m) && std::isfinite(v) && v >= 0.0 && v < m))
        return std::nullopt;
    const double p = 1.0 - v / m;
    const double n = std::max(1.0, std::round(m / p));
    if (n > 9999999.0 || m / n > 1.0)
        return std::nullopt;
    return Binomial(n, m / n);
}

std::optional<NegativeBinomial> matchNegativeBinomial(double m, double v)
{
    if (!(finitePositive(m) && std::isfinite(v) && v > m))
        return std::nullopt;
    return NegativeBinomial(m * m / (v - m), m / v);
}

bool relativelyEqual(double a, double b, double tolerance)
{
    return std::fabs(a - b) <= tolerance * std::max(std::fabs(a), std::fabs(b));
}

std::string momentsSentence(const ContinuousDistribution &from, const Distribution &to)
{
    const double m = mean(from), v = variance(from);
    const double mt = mean(to), vt = variance(to);
    if (relativelyEqual(vt, v, 1e-9))
        return became(from, to, sameMeanAndVariance(m, v));
    if (relativelyEqual(mt, m, 1e-9))
        return became(from, to, sameMean(m) + " and the variance " + short4(vt) + " nearest to " + short4(v));
    return became(from, to,
                  "with the mean " + short4(mt) + " and variance " + short4(vt) + " nearest to " + short4(m) +
                      " and " + short4(v));
}

Converted<Distribution> binned(const ContinuousDistribution &c)
{
    const std::optional<IntegerSpan> span = binningRange(c);
    if (!span) {
        Distribution d = defaultDistribution(Family::Custom);
        return {
            d,
            became(c, d, "") +
                ": its mass lies too far from 0 to bin on the integers, so the family's defaults are used"};
    }
    try {
        return binOnIntegers(c, span->first, span->last);
    } catch (const std::invalid_argument &e) {
        Distribution d = defaultDistribution(Family::Custom);
        return {d, became(c, d, "") + ": " + e.what() + ", so the family's defaults are used"};
    }
}

} // namespace

Converted<ContinuousDistribution> toContinuous(const Distribution &d, ContinuousFamily target)
{
    const double m = mean(d);
    const double rawVariance = variance(d);
    // A point mass has no spread: give it that of one event's width (the uniform on k - 1/2 .. k + 1/2).
    const bool pointMass = !(rawVariance > 0.0);
    const double v = pointMass ? 1.0 / 12.0 : rawVariance;
    const double sd = std::sqrt(v);
    // The sentence of the moment-matching families; a point mass's variance is not its own.
    const std::string moments = pointMass ? sameMean(m) + " and, as it is a point mass, the variance 1/12 of "
                                                          "one event's width"
                                          : sameMeanAndVariance(m, v);
    const auto build = [&]() -> std::optional<Converted<ContinuousDistribution>> {
        const auto made = [&](ContinuousDistribution c, const std::string &how) {
            return Converted<ContinuousDistribution>{c, became(d, c, how)};
        };
        switch (target) {
        case ContinuousFamily::Normal:
            return made(Normal(m, sd), moments);
        case ContinuousFamily::LogNormal: {
            if (!(m > 0.0))
                return std::nullopt;
            const double s2 = std::log1p(v / (m * m));
            return made(LogNormal(std::log(m) - 0.5 * s2, std::sqrt(s2)), moments);
        }
        case ContinuousFamily::Exponential:
            if (!(m > 0.0))
                return std::nullopt;
            return made(Exponential(1.0 / m), sameMean(m));
        case ContinuousFamily::Gamma:
            if (!(m > 0.0))
                return std::nullopt;
            return made(Gamma(m * m / v, m / v), moments);
        case ContinuousFamily::Beta: {
            const EventRange s = support(d);
            if (s.first < 0 || s.last > 1 || !(m > 0.0 && m < 1.0))
                return std::nullopt;
            const double c = m * (1.0 - m) / v - 1.0;
            if (c > 0.0)
                return made(Beta(m * c, (1.0 - m) * c), moments);
            return made(Beta(2.0 * m, 2.0 * (1.0 - m)),
                        sameMean(m) + " (its variance " + short4(v) + " is too large for a beta)");
        }
        case ContinuousFamily::Laplace:
            return made(Laplace(m, std::sqrt(0.5 * v)), moments);
        case ContinuousFamily::StudentT:
            return made(StudentT(5.0, m, std::sqrt(0.6 * v)), moments + " and nu = 5");
        case ContinuousFamily::Cauchy:
            return made(Cauchy(m, sd), "with location at its mean (" + short4(m) +
                                           ") and scale at its standard deviation (" + short4(sd) + ")");
        case ContinuousFamily::ContinuousUniform: {
            const EventRange s = support(d);
            const double a = static_cast<double>(s.first) - 0.5, b = static_cast<double>(s.last) + 0.5;
            return Converted<ContinuousDistribution>{ContinuousUniform(a, b),
                                                     became(d, ContinuousUniform(a, b),
                                                            "covering its events " + std::to_string(s.first) +
                                                                ".." + std::to_string(s.last) +
                                                                " (each k as k - 1/2 .. k + 1/2)")};
        }
        case ContinuousFamily::GaussianMixture: {
            const MixtureComponent one{1.0, m, sd};
            return made(GaussianMixture(std::span<const MixtureComponent>(&one, 1)),
                        "(one component) " + moments);
        }
        }
        return std::nullopt;
    };
    return attempt<ContinuousDistribution>(
        d, build, [target] { return defaultContinuous(target); }, familyKeyword(target));
}

Converted<ContinuousDistribution> nearestContinuous(const Distribution &d)
{
    switch (family(d)) {
    case Family::Uniform:
        return toContinuous(d, ContinuousFamily::ContinuousUniform);
    case Family::Geometric:
        if (mean(d) > 0.0)
            return toContinuous(d, ContinuousFamily::Exponential);
        break;
    default:
        break;
    }
    return toContinuous(d, ContinuousFamily::Normal);
}

Converted<Distribution> toDiscrete(const ContinuousDistribution &c, Family target)
{
    if (target == Family::Custom)
        return binned(c);
    const double m = mean(c), v = variance(c);
    const auto build = [&]() -> std::optional<Converted<Distribution>> {
        const auto made = [&](const Distribution &d) {
            return Converted<Distribution>{d, momentsSentence(c, d)};
        };
        switch (target) {
        case Family::Binomial:
            if (const auto b = matchBinomial(m, v))
                return made(*b);
            return std::nullopt;
        case Family::Poisson:
            if (!(std::isfinite(m) && m >= 0.0))
                return std::nullopt;
            return Converted<Distribution>{Poisson(m), became(c, Poisson(m), sameMean(m))};
        case Family::NegativeBinomial:
            if (const auto nb = matchNegativeBinomial(m, v))
                return made(*nb);
            return std::nullopt;
        case Family::Geometric:
            if (!(std::isfinite(m) && m >= 0.0))
                return std::nullopt;
            return Converted<Distribution>{Geometric(1.0 / (1.0 + m)),
                                           became(c, Geometric(1.0 / (1.0 + m)), sameMean(m))};
        case Family::Bernoulli:
            if (!(m >= 0.0 && m <= 1.0))
                return std::nullopt;
            return Converted<Distribution>{Bernoulli(m), became(c, Bernoulli(m), sameMean(m))};
        case Family::Uniform: {
            const Interval s = support(c);
            double a = 0.0, b = 0.0;
            std::string how;
            if (std::isfinite(s.low) && std::isfinite(s.high)) {
                a = std::ceil(s.low);
                b = std::floor(s.high);
                how = "on the integers of its support";
            } else if (std::isfinite(m) && std::isfinite(v)) {
                const double n = std::max(1.0, std::round(std::sqrt(12.0 * v + 1.0)));
                a = std::round(m - 0.5 * (n - 1.0));
                b = a + n - 1.0;
                how = "with nearly the same mean (" + short4(m) + ") and variance (" + short4(v) + ")";
            } else {
                a = std::ceil(quantile(c, 0.5e-9));
                b = std::floor(quantile(c, 1.0 - 0.5e-9));
                how = "on the integers of its central 1 - 1e-9 range";
            }
            if (a > b)
                a = b = std::round(quantile(c, 0.5));
            const Distribution d = DiscreteUniform(std::clamp(a, -1e12, 1e12), std::clamp(b, -1e12, 1e12));
            return Converted<Distribution>{d, became(c, d, how)};
        }
        case Family::Hypergeometric: {
            const auto b = matchBinomial(m, v);
            if (!b)
                return std::nullopt;
            const double n = static_cast<double>(b->trials());
            const double population = std::min(1e8, std::max(1000.0 * n, 1000.0));
            const double successes = std::round(b->successProbability() * population);
            const Distribution d = Hypergeometric(population, successes, n);
            return Converted<Distribution>{
                d,
                became(c, d, "approximating " + brief(Distribution(*b)) + ", " + sameMeanAndVariance(m, v))};
        }
        case Family::Custom:
            break;
        }
        return std::nullopt;
    };
    return attempt<Distribution>(
        c, build, [target] { return defaultDistribution(target); }, familyKeyword(target));
}

Converted<Distribution> nearestDiscrete(const ContinuousDistribution &c)
{
    switch (family(c)) {
    case ContinuousFamily::ContinuousUniform:
        return toDiscrete(c, Family::Uniform);
    case ContinuousFamily::Exponential:
        if (mean(c) <= 250000.0)
            return toDiscrete(c, Family::Geometric);
        break;
    case ContinuousFamily::Normal:
    case ContinuousFamily::Gamma:
    case ContinuousFamily::LogNormal: {
        const double m = mean(c), v = variance(c);
        if (!(finitePositive(m) && std::isfinite(v)))
            break;
        try {
            if (relativelyEqual(v, m, 1e-12) && m <= 9.9e6)
                return toDiscrete(c, Family::Poisson);
            if (v < m && matchBinomial(m, v))
                return toDiscrete(c, Family::Binomial);
            if (v > m && matchNegativeBinomial(m, v))
                return toDiscrete(c, Family::NegativeBinomial);
        } catch (const std::invalid_argument &) {
            // Beyond what the family holds (r > 1e6, p < 1e-6): the binned masses below.
        }
        break;
    }
    default:
        break;
    }
    return binned(c);
}

std::optional<IntegerSpan> binningRange(const ContinuousDistribution &c)
{
    const double median = quantile(c, 0.5);
    if (!std::isfinite(median) || std::fabs(median) > 1e15)
        return std::nullopt;
    double lo = quantile(c, 0.5e-9), hi = quantile(c, 1.0 - 0.5e-9);
    const double half = static_cast<double>(kMaxBinnedEvents / 2);
    const double centre = std::round(median);
    if (!std::isfinite(lo) || lo < centre - half)
        lo = centre - half;
    if (!std::isfinite(hi) || hi > centre + half)
        hi = centre + half;
    IntegerSpan span{static_cast<std::int64_t>(std::round(lo)), static_cast<std::int64_t>(std::round(hi))};
    // On the nonnegative integers the events 0..last are the integers themselves: no labels needed.
    if (span.first >= 0 && static_cast<std::size_t>(span.last + 1) <= kMaxBinnedEvents)
        span.first = 0;
    return span;
}

Converted<Distribution> binOnIntegers(const ContinuousDistribution &c, std::int64_t first, std::int64_t last)
{
    if (first > last || static_cast<std::uint64_t>(last - first) >= kMaxBinnedEvents)
        throw std::invalid_argument("cannot bin on the integers " + std::to_string(first) + ".." +
                                    std::to_string(last) + ": at most " + std::to_string(kMaxBinnedEvents) +
                                    " events");
    std::vector<double> masses;
    masses.reserve(static_cast<std::size_t>(last - first + 1));
    double sum = 0.0;
    // Where the density is wide against a bin, its value at k times the width 1 is the bin's mass to
    // about (1/scale)^2 relative and costs far less than two cdfs (a gamma of shape 1e12 takes
    // milliseconds per cdf); a pole (a non-finite value) or a narrow density takes the cdf differences.
    bool byDensity = scale(c) >= 1e3;
    if (byDensity) {
        for (std::int64_t k = first; k <= last && byDensity; ++k) {
            masses.push_back(pdf(c, static_cast<double>(k)));
            byDensity = std::isfinite(masses.back());
            sum += masses.back();
        }
    }
    if (!byDensity) {
        const Interval s = support(c);
        masses.clear();
        sum = 0.0;
        double below = cdf(c, static_cast<double>(first) - 0.5);
        for (std::int64_t k = first; k <= last; ++k) {
            const double x = static_cast<double>(k);
            const double above = cdf(c, x + 0.5);
            double mass = std::max(0.0, above - below);
            // Above the median the cdfs are near 1 and their difference cancels: where fewer than 8
            // digits are left (0 in the far right tail, which would make a KL infinite), Simpson's rule
            // on the density over 32 panels gives the bin's small mass instead (a normal 12 sigma out
            // changes by e^0.375 across a panel: about 1e-4 relative).
            // Only the part of the bin inside the support counts (past a uniform's end the mass is 0).
            const double a = std::max(x - 0.5, s.low), b = std::min(x + 0.5, s.high);
            if (below > 0.5 && mass < 1e-8 && b > a) {
                constexpr int kPanels = 32;
                const double h = (b - a) / kPanels;
                double simpson = pdf(c, a) + pdf(c, b);
                for (int i = 1; i < kPanels; ++i)
                    simpson += (i % 2 ? 4.0 : 2.0) * pdf(c, a + i * h);
                simpson *= h / 3.0;
                if (std::isfinite(simpson))
                    mass = simpson;
            }
            masses.push_back(mass);
            sum += masses.back();
            below = above;
        }
    }
    if (!(sum > 0.0))
        throw std::invalid_argument("no mass falls on the integers " + std::to_string(first) + ".." +
                                    std::to_string(last));
    for (double &x : masses)
        x /= sum;
    std::vector<std::string> labels;
    if (first != 0)
        for (std::int64_t k = first; k <= last; ++k)
            labels.push_back(std::to_string(k));
    Distribution d = Custom(std::move(masses), std::move(labels));
    std::string how = "with its mass binned on the integers " + std::to_string(first) + ".." +
                      std::to_string(last) + " (each k holds the mass between k - 1/2 and k + 1/2";
    if (first != 0)
        how += "; events 0.." + std::to_string(last - first) + " are labelled " + std::to_string(first) +
               ".." + std::to_string(last);
    how +=
        "; " + short4(std::max(0.0, 1.0 - sum)) + " of the mass lies outside and the rest is rescaled to 1)";
    return {d, became(c, d, how)};
}

Converted<ContinuousDistribution> convertContinuous(const ContinuousDistribution &c, ContinuousFamily target)
{
    if (family(c) == target)
        return {c, brief(c) + " stays as it is"};
    const double m = mean(c), v = variance(c);
    const bool moments = std::isfinite(m) && std::isfinite(v) && v > 0.0;
    // Without a mean or a variance (Cauchy, Student t with nu <= 2), the median and the interquartile
    // range stand in: a normal's quartiles lie 0.6745 sigma from its median.
    const double centre = moments ? m : quantile(c, 0.5);
    const double sd = moments ? std::sqrt(v) : (quantile(c, 0.75) - quantile(c, 0.25)) / 1.3489795003921634;
    const double var = sd * sd;
    const std::string kept = moments ? sameMeanAndVariance(m, v)
                                     : "with its median (" + short4(centre) + ") and interquartile range (" +
                                           short4(1.3489795003921634 * sd) + ")";
    const auto build = [&]() -> std::optional<Converted<ContinuousDistribution>> {
        if (!(std::isfinite(centre) && std::isfinite(sd) && sd > 0.0))
            return std::nullopt;
        const auto made = [&](ContinuousDistribution to, const std::string &how) {
            return Converted<ContinuousDistribution>{to, became(c, to, how)};
        };
        switch (target) {
        case ContinuousFamily::Normal:
            return made(Normal(centre, sd), kept);
        case ContinuousFamily::LogNormal: {
            if (!(centre > 0.0))
                return std::nullopt;
            const double s2 = std::log1p(var / (centre * centre));
            return made(LogNormal(std::log(centre) - 0.5 * s2, std::sqrt(s2)), kept);
        }
        case ContinuousFamily::Exponential:
            if (!(centre > 0.0))
                return std::nullopt;
            return made(Exponential(1.0 / centre), moments ? sameMean(m) : "with the mean at its median");
        case ContinuousFamily::Gamma:
            if (!(centre > 0.0))
                return std::nullopt;
            return made(Gamma(centre * centre / var, centre / var), kept);
        case ContinuousFamily::Beta: {
            if (!(centre > 0.0 && centre < 1.0))
                return std::nullopt;
            const double k = centre * (1.0 - centre) / var - 1.0;
            if (k > 0.0)
                return made(Beta(centre * k, (1.0 - centre) * k), kept);
            return made(Beta(2.0 * centre, 2.0 * (1.0 - centre)), "with the same mean (" + short4(centre) +
                                                                      "); its variance " + short4(var) +
                                                                      " is too large for a beta");
        }
        case ContinuousFamily::Laplace:
            return made(Laplace(centre, std::sqrt(0.5 * var)), kept);
        case ContinuousFamily::StudentT:
            return made(StudentT(5.0, centre, std::sqrt(0.6 * var)), kept + " and nu = 5");
        case ContinuousFamily::Cauchy:
            return made(Cauchy(centre, sd), "with location " + short4(centre) + " and scale " + short4(sd) +
                                                (moments ? " (its mean and standard deviation)"
                                                         : " (its median and quartile-matched scale)"));
        case ContinuousFamily::ContinuousUniform: {
            const Interval s = support(c);
            if (std::isfinite(s.low) && std::isfinite(s.high) && s.high > s.low)
                return made(ContinuousUniform(s.low, s.high), "on its support");
            const double h = std::sqrt(3.0) * sd;
            return made(ContinuousUniform(centre - h, centre + h), kept);
        }
        case ContinuousFamily::GaussianMixture: {
            const MixtureComponent one{1.0, centre, sd};
            return made(GaussianMixture(std::span<const MixtureComponent>(&one, 1)),
                        "(one component) " + kept);
        }
        }
        return std::nullopt;
    };
    return attempt<ContinuousDistribution>(
        c, build, [target] { return defaultContinuous(target); }, familyKeyword(target));
}

} // namespace klscope
