#include "continuoussummary.h"

#include "validation.h"

#include <cmath>

namespace klscope {

namespace {

Metric metric(const MetricValue &m)
{
    return {m.value, m.error, std::string(methodName(m.method))};
}

// "[0, ∞)", "(−∞, ∞)", "[0, 1]": an infinite end is open.
std::string intervalText(const Interval &i)
{
    const auto end = [](double x) {
        if (std::isinf(x))
            return std::string(x > 0 ? "∞" : "−∞");
        return validation::formatNumber(x);
    };
    std::string out(std::isinf(i.low) ? "(" : "[");
    out.append(end(i.low)).append(", ").append(end(i.high)).append(std::isinf(i.high) ? ")" : "]");
    return out;
}

} // namespace

Summary summarize(const ContinuousComparison &c)
{
    Summary s;
    s.domain = Domain::Continuous;
    s.unit = c.unit;
    s.klPQ = metric(c.klPQ);
    s.klQP = metric(c.klQP);
    s.js = metric(c.js);
    s.jsDistance = metric(c.jsDistance);
    s.entropyP = metric(c.entropyP);
    s.entropyQ = metric(c.entropyQ);
    s.crossEntropyPQ = metric(c.crossEntropyPQ);
    s.crossEntropyQP = metric(c.crossEntropyQP);
    s.totalVariation = metric(c.totalVariation);
    s.hellinger = metric(c.hellinger);
    s.infinitePQ = c.infinitePQ;
    s.infiniteQP = c.infiniteQP;
    // compareContinuous also lists the infinity sentences among its warnings (for the CLI); the summary
    // carries them once, as explanations.
    for (const std::string &w : c.warnings)
        if (w != c.infinitePQ && w != c.infiniteQP)
            s.warnings.push_back(w);
    s.context = "integrated over P's support " + intervalText(c.supportP) + " and Q's support " +
                intervalText(c.supportQ);
    return s;
}

} // namespace klscope
