#include "familyconversion.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace klscope {

namespace {

// Custom masses are materialised; beyond this a family default is kinder than a huge vector.
constexpr std::int64_t kMaxCustomEvents = 1'000'000;

Distribution build(const Distribution &from, Family to)
{
    const EventRange s = support(from);
    const double m = mean(from);
    switch (to) {
    case Family::Uniform: {
        const double values[] = {static_cast<double>(s.first), static_cast<double>(s.last)};
        return makeDistribution(to, values);
    }
    case Family::Binomial: {
        if (s.first != 0 || s.last < 1)
            break;
        const double n = static_cast<double>(s.last);
        const double values[] = {n, std::clamp(m / n, 0.0, 1.0)};
        return makeDistribution(to, values);
    }
    case Family::Poisson: {
        const double values[] = {std::max(m, 0.0)};
        return makeDistribution(to, values);
    }
    case Family::Geometric: {
        const double values[] = {std::clamp(1.0 / (1.0 + std::max(m, 0.0)), 1e-6, 1.0)};
        return makeDistribution(to, values);
    }
    case Family::NegativeBinomial: {
        const double r = parameters(to)[0].defaultValue;
        const double values[] = {r, std::clamp(r / (r + std::max(m, 0.0)), 1e-6, 1.0)};
        return makeDistribution(to, values);
    }
    case Family::Bernoulli: {
        if (s.first < 0 || s.last > 1)
            break;
        const double values[] = {std::clamp(m, 0.0, 1.0)};
        return makeDistribution(to, values);
    }
    case Family::Custom: {
        if (s.first < 0 || s.last >= kMaxCustomEvents)
            break;
        const EventRange range{0, s.last};
        std::vector<double> mass(range.size()), logMass(range.size());
        evaluate(from, range, mass, logMass);
        return Custom(std::move(mass));
    }
    case Family::Hypergeometric:
        break;
    }
    return defaultDistribution(to);
}

} // namespace

Distribution convertFamily(const Distribution &from, Family to)
{
    if (family(from) == to)
        return from;
    try {
        return build(from, to);
    } catch (const std::exception &) {
        // Whatever the core throws (a refusal, a Boost.Math overflow, bad_alloc), the family's
        // default is a valid start.
        return defaultDistribution(to);
    }
}

} // namespace klscope
