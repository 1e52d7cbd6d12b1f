#include "samplemodel.h"

#include "comparison.h"
#include "continuouscomparison.h"
#include "continuousspec.h"
#include "montecarloprogress.h"
#include "spec.h"

#include <algorithm>
#include <stdexcept>

namespace klscope {

SampleModel parseSampleModel(std::string_view spec)
{
    if (isContinuousSpec(spec))
        return parseContinuousSpec(spec);
    return parseSpec(spec);
}

bool isContinuous(const SampleModel &model) noexcept
{
    return std::holds_alternative<ContinuousDistribution>(model);
}

std::string describe(const SampleModel &model)
{
    return std::visit([](const auto &d) { return describe(d); }, model);
}

std::vector<double> drawSamples(const SampleModel &model, std::size_t n, std::mt19937_64 &rng)
{
    std::vector<double> out;
    out.reserve(n);
    if (const auto *c = std::get_if<ContinuousDistribution>(&model)) {
        for (std::size_t i = 0; i < n; ++i)
            out.push_back(sample(*c, rng));
        return out;
    }
    const Distribution &d = std::get<Distribution>(model);
    const EventRange range = support(d);
    std::vector<double> mass(range.size()), logMass(range.size());
    evaluate(d, range, mass, logMass);
    // The cumulative masses, normalised on the support (a cut tail below 1e-16 is not drawn).
    std::vector<double> cumulative(mass.size());
    double total = 0.0;
    for (std::size_t i = 0; i < mass.size(); ++i)
        cumulative[i] = total += mass[i];
    if (!(total > 0))
        throw std::invalid_argument(describe(d) + " has no mass to draw samples from");
    std::uniform_real_distribution<double> uniform(0.0, total);
    for (std::size_t i = 0; i < n; ++i) {
        const double u = uniform(rng);
        const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
        // u < total always, so `it` is inside; the guard keeps a rounding surprise on the last event.
        const auto index =
            std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
        out.push_back(static_cast<double>(range.first + static_cast<std::int64_t>(index)));
    }
    return out;
}

TrueDivergences trueDivergences(const SampleModel &p, const SampleModel &q)
{
    if (isContinuous(p) != isContinuous(q))
        throw std::invalid_argument("P and Q must both be discrete or both continuous: " + describe(p) +
                                    " and " + describe(q));
    if (isContinuous(p)) {
        ContinuousCompareOptions options;
        options.samples = 0;
        options.gridPoints = 0;
        const ContinuousComparison c = compareContinuous(std::get<ContinuousDistribution>(p),
                                                         std::get<ContinuousDistribution>(q), options);
        return {c.klPQ.value, c.klQP.value, c.js.value};
    }
    CompareOptions options;
    options.perEvent = false;
    const Comparison c = compare(std::get<Distribution>(p), std::get<Distribution>(q), options);
    return {c.totals.klPQ, c.totals.klQP, c.totals.js};
}

} // namespace klscope
