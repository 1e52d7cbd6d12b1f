#include "summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace klscope {

namespace {

// printf's %g at `digits` significant digits ("1.1e-05", "0.5").
std::string shortNumber(double x, int digits)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
    return buffer;
}

// The events behind one infinite KL, in one sentence: `zero` is the side with no mass, `positive` the
// side with mass, `mass` and `logMass` the latter's masses on the support.
std::string infinitySentence(const std::string &direction, const std::string &zero,
                             const std::string &positive, const std::vector<std::int64_t> &events,
                             std::size_t count, const std::optional<TailBeyondSupport> &tail,
                             const Comparison &c, std::span<const double> mass,
                             std::span<const double> logMass, std::span<const std::string> labels)
{
    // Beyond the support, decided from the families: the first offending event and the mass from there.
    if (tail)
        return direction + " = ∞ because " + zero + " = 0 for every x ≥ " + std::to_string(tail->from) +
               ", where " + positive + " > 0 (" + positive + " has " +
               (tail->mass > 0 ? shortNumber(tail->mass, 2) : std::string("a tiny part")) +
               " of its mass there; the plot stops where that tail falls below 1e-16).";
    const auto eventText = [&](std::int64_t x) {
        const auto i = static_cast<std::size_t>(x);
        if (x >= 0 && i < labels.size() && !labels[i].empty())
            return "'" + labels[i] + "' (x = " + std::to_string(x) + ")";
        return "x = " + std::to_string(x);
    };
    const auto massText = [&](std::int64_t x) {
        const auto i = static_cast<std::size_t>(x - c.support.first);
        if (i < mass.size() && mass[i] > 0)
            return shortNumber(mass[i], 2);
        // The mass underflowed in double precision; its log is still known.
        if (i < logMass.size() && std::isfinite(logMass[i]))
            return "e^" + shortNumber(logMass[i], 4);
        return std::string("> 0");
    };
    constexpr std::size_t kListed = 3;
    std::string sentence = direction + " = ∞ because " + zero + " = 0";
    if (events.empty())
        return sentence + " where " + positive + " > 0.";
    if (events.size() == 1)
        return sentence + " at " + eventText(events.front()) + " where " + positive + " = " +
               massText(events.front()) + ".";
    sentence += " where " + positive + " > 0: at ";
    for (std::size_t k = 0; k < std::min(kListed, events.size()); ++k) {
        if (k)
            sentence += ", ";
        sentence += eventText(events[k]) + " (" + positive + " = " + massText(events[k]) + ")";
    }
    if (count > kListed)
        sentence += " and " + std::to_string(count - kListed) + " more";
    return sentence + ".";
}

Metric summed(double value)
{
    return {value, 0.0, "sum"};
}

} // namespace

Summary summarize(const Comparison &c, std::span<const std::string> labels)
{
    const DivergenceTotals &t = c.totals;
    Summary s;
    s.domain = Domain::Discrete;
    s.unit = c.unit;
    s.klPQ = {t.klPQ, 0.0, std::string(methodName(c.klPQMethod))};
    s.klQP = {t.klQP, 0.0, std::string(methodName(c.klQPMethod))};
    s.js = summed(t.js);
    s.jsDistance = summed(t.jsDistance);
    s.entropyP = summed(t.entropyP);
    s.entropyQ = summed(t.entropyQ);
    s.crossEntropyPQ = summed(t.crossEntropyPQ);
    s.crossEntropyQP = summed(t.crossEntropyQP);
    s.totalVariation = summed(t.totalVariation);
    s.hellinger = summed(t.hellinger);
    if (std::isinf(t.klPQ) || !c.infinitePQ.empty())
        s.infinitePQ = infinitySentence("KL(P‖Q)", "Q", "P", c.infinitePQ, c.infinitePQCount, c.tailPQ, c,
                                        c.p, c.logP, labels);
    if (std::isinf(t.klQP) || !c.infiniteQP.empty())
        s.infiniteQP = infinitySentence("KL(Q‖P)", "P", "Q", c.infiniteQP, c.infiniteQPCount, c.tailQP, c,
                                        c.q, c.logQ, labels);
    s.warnings = c.warnings;
    s.events = c.support.size();
    if (s.events > 0)
        s.context = "summed over x = " + std::to_string(c.support.first) + ".." +
                    std::to_string(c.support.last) + " (" +
                    (s.events == 1 ? std::string("1 event") : std::to_string(s.events) + " events") + ")";
    return s;
}

std::string infinityText(const Summary &s)
{
    if (s.infinitePQ.empty() || s.infiniteQP.empty())
        return s.infinitePQ + s.infiniteQP;
    return s.infinitePQ + "\n" + s.infiniteQP;
}

} // namespace klscope
