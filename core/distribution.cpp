#include "distribution.h"

#include "neumaiersum.h"
#include "parallel.h"
#include "validation.h"
#include "vectormath.h"

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace klscope {

namespace {

template <class... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};
// Clang 14 has no class template argument deduction for aggregates yet (P1816).
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

constexpr std::array kFamilies = {
    Family::Binomial,         Family::Uniform,        Family::Poisson,   Family::Geometric,
    Family::NegativeBinomial, Family::Hypergeometric, Family::Bernoulli, Family::Custom};

constexpr ParameterInfo kBinomial[] = {
    {"n", "number of trials", 0, 9999999, 1, 100, 15, true},
    {"p", "success probability", 0, 1, 0, 1, 0.5, false},
};
constexpr ParameterInfo kUniform[] = {
    {"a", "first event", -1e12, 1e12, -20, 50, 0, true},
    {"b", "last event", -1e12, 1e12, -20, 100, 14, true},
};
constexpr ParameterInfo kPoisson[] = {
    {"lambda", "mean number of events", 0, 9.9e6, 0, 50, 3.5, false},
};
constexpr ParameterInfo kGeometric[] = {
    {"p", "success probability (failures before the first success)", 4e-6, 1, 0.01, 1, 0.3, false},
};
constexpr ParameterInfo kNegativeBinomial[] = {
    {"r", "successes to wait for", 1e-300, 1e6, 0.5, 50, 5, false},
    {"p", "success probability", 1e-6, 1, 0.01, 1, 0.4, false},
};
constexpr ParameterInfo kHypergeometric[] = {
    {"N", "population size", 0, 1e8, 1, 200, 50, true},
    {"K", "successes in the population", 0, 1e8, 0, 200, 20, true},
    {"n", "number of draws", 0, 1e8, 0, 200, 10, true},
};
constexpr ParameterInfo kBernoulli[] = {
    {"p", "probability of a 1", 0, 1, 0, 1, 0.3, false},
};

} // namespace

std::span<const Family> allFamilies() noexcept
{
    return kFamilies;
}

std::string_view familyKeyword(Family family) noexcept
{
    switch (family) {
    case Family::Binomial:
        return "binomial";
    case Family::Uniform:
        return "uniform";
    case Family::Poisson:
        return "poisson";
    case Family::Geometric:
        return "geometric";
    case Family::NegativeBinomial:
        return "negative_binomial";
    case Family::Hypergeometric:
        return "hypergeometric";
    case Family::Bernoulli:
        return "bernoulli";
    case Family::Custom:
        break;
    }
    return "custom";
}

std::string_view familyTitle(Family family) noexcept
{
    switch (family) {
    case Family::Binomial:
        return "Binomial";
    case Family::Uniform:
        return "Uniform";
    case Family::Poisson:
        return "Poisson";
    case Family::Geometric:
        return "Geometric";
    case Family::NegativeBinomial:
        return "Negative binomial";
    case Family::Hypergeometric:
        return "Hypergeometric";
    case Family::Bernoulli:
        return "Bernoulli";
    case Family::Custom:
        break;
    }
    return "Custom";
}

bool familyFromKeyword(std::string_view keyword, Family &family) noexcept
{
    for (Family f : kFamilies) {
        if (familyKeyword(f) == keyword) {
            family = f;
            return true;
        }
    }
    return false;
}

std::span<const ParameterInfo> parameters(Family family) noexcept
{
    switch (family) {
    case Family::Binomial:
        return kBinomial;
    case Family::Uniform:
        return kUniform;
    case Family::Poisson:
        return kPoisson;
    case Family::Geometric:
        return kGeometric;
    case Family::NegativeBinomial:
        return kNegativeBinomial;
    case Family::Hypergeometric:
        return kHypergeometric;
    case Family::Bernoulli:
        return kBernoulli;
    case Family::Custom:
        break;
    }
    return {};
}

Family family(const Distribution &d) noexcept
{
    return static_cast<Family>(d.index());
}

std::vector<double> parameterValues(const Distribution &d)
{
    return std::visit(Overloaded{
                          [](const Binomial &b) -> std::vector<double> {
                              return {static_cast<double>(b.trials()), b.successProbability()};
                          },
                          [](const DiscreteUniform &u) -> std::vector<double> {
                              return {static_cast<double>(u.lower()), static_cast<double>(u.upper())};
                          },
                          [](const Poisson &p) -> std::vector<double> { return {p.rate()}; },
                          [](const Geometric &g) -> std::vector<double> { return {g.successProbability()}; },
                          [](const NegativeBinomial &nb) -> std::vector<double> {
                              return {nb.successes(), nb.successProbability()};
                          },
                          [](const Hypergeometric &h) -> std::vector<double> {
                              return {static_cast<double>(h.population()), static_cast<double>(h.successes()),
                                      static_cast<double>(h.draws())};
                          },
                          [](const Bernoulli &b) -> std::vector<double> { return {b.successProbability()}; },
                          [](const Custom &) -> std::vector<double> { return {}; },
                      },
                      d);
}

Distribution makeDistribution(Family family, std::span<const double> values)
{
    const auto info = parameters(family);
    if (family == Family::Custom)
        throw std::invalid_argument("custom: masses are given as a list, not as parameters");
    if (values.size() != info.size())
        throw std::invalid_argument(std::string(familyKeyword(family)) + ": expected " +
                                    std::to_string(info.size()) + " parameters, got " +
                                    std::to_string(values.size()));
    switch (family) {
    case Family::Binomial:
        return Binomial(values[0], values[1]);
    case Family::Uniform:
        return DiscreteUniform(values[0], values[1]);
    case Family::Poisson:
        return Poisson(values[0]);
    case Family::Geometric:
        return Geometric(values[0]);
    case Family::NegativeBinomial:
        return NegativeBinomial(values[0], values[1]);
    case Family::Hypergeometric:
        return Hypergeometric(values[0], values[1], values[2]);
    case Family::Bernoulli:
        return Bernoulli(values[0]);
    case Family::Custom:
        break;
    }
    throw std::invalid_argument("unknown family");
}

Distribution defaultDistribution(Family family)
{
    if (family == Family::Custom)
        return Custom(std::vector<double>(5, 0.2));
    std::vector<double> values;
    for (const ParameterInfo &p : parameters(family))
        values.push_back(p.defaultValue);
    return makeDistribution(family, values);
}

double logpmf(const Distribution &d, std::int64_t k)
{
    return std::visit([k](const auto &x) { return logpmf(x, k); }, d);
}

EventRange support(const Distribution &d)
{
    return std::visit([](const auto &x) { return support(x); }, d);
}

bool hasInfiniteSupport(const Distribution &d) noexcept
{
    // Poisson(0), geometric(1) and negative binomial with p = 1 put all their mass on 0.
    if (const auto *x = std::get_if<Poisson>(&d))
        return x->rate() > 0.0;
    if (const auto *x = std::get_if<Geometric>(&d))
        return x->successProbability() < 1.0;
    if (const auto *x = std::get_if<NegativeBinomial>(&d))
        return x->successProbability() < 1.0;
    return false;
}

double massOutside(const Distribution &d, EventRange range)
{
    return std::visit([range](const auto &x) { return massOutside(x, range); }, d);
}

double mean(const Distribution &d)
{
    return std::visit([](const auto &x) { return mean(x); }, d);
}

double variance(const Distribution &d)
{
    return std::visit(Overloaded{
                          [](const Binomial &b) {
                              const double p = b.successProbability();
                              return static_cast<double>(b.trials()) * p * (1.0 - p);
                          },
                          [](const DiscreteUniform &u) {
                              const double width =
                                  static_cast<double>(u.upper()) - static_cast<double>(u.lower()) + 1.0;
                              return (width * width - 1.0) / 12.0;
                          },
                          [](const Poisson &p) { return p.rate(); },
                          [](const Geometric &g) {
                              const double p = g.successProbability();
                              return (1.0 - p) / (p * p);
                          },
                          [](const NegativeBinomial &nb) {
                              const double p = nb.successProbability();
                              return nb.successes() * (1.0 - p) / (p * p);
                          },
                          [](const Hypergeometric &h) {
                              const double N = static_cast<double>(h.population());
                              if (N <= 1.0)
                                  return 0.0;
                              const double K = static_cast<double>(h.successes());
                              const double n = static_cast<double>(h.draws());
                              return n * (K / N) * ((N - K) / N) * ((N - n) / (N - 1.0));
                          },
                          [](const Bernoulli &b) {
                              const double p = b.successProbability();
                              return p * (1.0 - p);
                          },
                          [](const Custom &c) {
                              // Two passes: the centred sum keeps its digits when the mean is large.
                              const double m = mean(c);
                              NeumaierSum s;
                              const auto masses = c.masses();
                              for (std::size_t i = 0; i < masses.size(); ++i) {
                                  const double dx = static_cast<double>(i) - m;
                                  s.add(dx * dx * masses[i]);
                              }
                              return s.value() / c.total();
                          },
                      },
                      d);
}

std::string describe(const Distribution &d)
{
    const Family f = family(d);
    std::string text(familyKeyword(f));
    text += '(';
    if (f == Family::Custom) {
        text += std::to_string(std::get<Custom>(d).masses().size()) + " events";
    } else {
        const auto info = parameters(f);
        const auto values = parameterValues(d);
        for (std::size_t i = 0; i < info.size(); ++i) {
            if (i > 0)
                text += ", ";
            text += std::string(info[i].name) + '=' + validation::formatNumber(values[i]);
        }
    }
    text += ')';
    return text;
}

void evaluate(const Distribution &d, EventRange range, std::span<double> mass, std::span<double> logMass)
{
    const std::size_t n = range.size();
    if (mass.size() != n || logMass.size() != n)
        throw std::invalid_argument("evaluate: output spans do not match the range");
    // Chunks of events on both cores: a family's log mass costs tens of nanoseconds an event, so from
    // a few thousand events the second thread pays for itself.
    constexpr std::size_t kChunk = 1u << 13;
    if (const auto *custom = std::get_if<Custom>(&d)) {
        const auto m = custom->masses();
        const auto size = static_cast<std::int64_t>(m.size());
        forEachChunk(n, kChunk, std::size_t{1} << 17, [&](std::size_t, std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                const std::int64_t k = range.first + static_cast<std::int64_t>(i);
                mass[i] = (k >= 0 && k < size) ? m[static_cast<std::size_t>(k)] : 0.0;
            }
            vectorLog(mass.data() + begin, logMass.data() + begin, end - begin);
        });
        return;
    }
    if (const auto *uniform = std::get_if<DiscreteUniform>(&d)) {
        // One log for the whole support rather than one an event.
        const double inside = logpmf(*uniform, uniform->lower());
        const double insideMass = std::exp(inside);
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t k = range.first + static_cast<std::int64_t>(i);
            const bool in = k >= uniform->lower() && k <= uniform->upper();
            logMass[i] = in ? inside : -std::numeric_limits<double>::infinity();
            mass[i] = in ? insideMass : 0.0;
        }
        return;
    }
    std::visit(
        [&](const auto &x) {
            forEachChunk(n, kChunk, 2 * kChunk, [&](std::size_t, std::size_t begin, std::size_t end) {
                const std::int64_t first = range.first + static_cast<std::int64_t>(begin);
                if constexpr (requires { logpmfRange(x, first, logMass); })
                    logpmfRange(x, first, logMass.subspan(begin, end - begin)); // a family's batched form
                else
                    for (std::size_t i = begin; i < end; ++i)
                        logMass[i] = logpmf(x, range.first + static_cast<std::int64_t>(i));
                vectorExp(logMass.data() + begin, mass.data() + begin, end - begin);
            });
        },
        d);
}

} // namespace klscope
