#include "comparison.h"

#include "closedform.h"
#include "neumaiersum.h"
#include "validation.h"
#include "vectormath.h"

#include <cmath>
#include <span>
#include <stdexcept>

namespace klscope {

namespace {

// Masses summing to 1 within this are treated as normalised (far above rounding, far below what
// a person would notice).
constexpr double kNormalisedTolerance = 1e-9;

std::string number(double x)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", x);
    return buffer;
}

std::string rangeText(EventRange r)
{
    return std::to_string(r.first) + ".." + std::to_string(r.last);
}

void scale(std::span<double> mass, std::span<double> logMass, double by)
{
    const double logBy = std::log(by);
    for (std::size_t i = 0; i < mass.size(); ++i) {
        mass[i] *= by;
        logMass[i] += logBy;
    }
}

void smooth(std::span<double> mass, std::span<double> logMass, double epsilon, double total)
{
    const double n = static_cast<double>(mass.size());
    const double keep = total / (total + n * epsilon);
    for (double &m : mass)
        m = (m + epsilon) * keep;
    vectorLog(mass.data(), logMass.data(), mass.size());
}

bool covers(EventRange outer, const Distribution &d)
{
    if (hasInfiniteSupport(d))
        return false;
    const EventRange s = support(d);
    return outer.first <= s.first && outer.last >= s.last;
}

std::vector<std::int64_t> toEvents(const std::vector<std::size_t> &indices, std::int64_t first)
{
    std::vector<std::int64_t> events;
    events.reserve(indices.size());
    for (std::size_t i : indices)
        events.push_back(first + static_cast<std::int64_t>(i));
    return events;
}

} // namespace

std::string_view methodName(Method method) noexcept
{
    return method == Method::ClosedForm ? "closed_form" : "sum";
}

Comparison compare(const Distribution &p, const Distribution &q, const CompareOptions &options)
{
    clearUpperVectorState();
    Comparison c;
    c.unit = options.unit;
    c.support = options.support ? *options.support : unite(support(p), support(q));
    const std::size_t n = c.support.size();
    if (n == 0)
        throw std::invalid_argument("the support is empty");
    if (n > kMaxEvents)
        throw std::invalid_argument("the support " + rangeText(c.support) + " has " + std::to_string(n) +
                                    " events, more than the limit of " + std::to_string(kMaxEvents));
    if (options.smoothing < 0.0 || !std::isfinite(options.smoothing))
        throw std::invalid_argument("smoothing epsilon must be a finite number >= 0, got " +
                                    validation::formatNumber(options.smoothing));

    c.p.resize(n);
    c.q.resize(n);
    c.logP.resize(n);
    c.logQ.resize(n);
    evaluate(p, c.support, c.p, c.logP);
    evaluate(q, c.support, c.q, c.logQ);

    // The masses as given, before anything rescales them. When nothing will rescale them, the fused
    // pass below sums them anyway (compensated as well), and they are taken from there.
    const bool asGiven = !options.renormalize && options.smoothing == 0.0;
    if (!asGiven) {
        c.givenMassP = compensatedSum(c.p);
        c.givenMassQ = compensatedSum(c.q);
    }

    if (options.support) {
        c.outsideP = massOutside(p, c.support);
        c.outsideQ = massOutside(q, c.support);
        for (auto [name, outside] : {std::pair{"P", c.outsideP}, std::pair{"Q", c.outsideQ}})
            if (outside > 0.0)
                c.warnings.push_back(std::string(name) + " has " + number(outside) +
                                     " of its mass outside the support " + rangeText(c.support) + ".");
    }

    const auto massesOff = [&c] {
        return std::fabs(c.givenMassP - 1.0) > kNormalisedTolerance ||
               std::fabs(c.givenMassQ - 1.0) > kNormalisedTolerance;
    };
    const auto warnAboutMasses = [&c, &massesOff] {
        if (massesOff())
            c.warnings.push_back("The masses do not sum to 1 on " + rangeText(c.support) + ": P sums to " +
                                 number(c.givenMassP) + " and Q to " + number(c.givenMassQ) +
                                 ". They are used as given; renormalise to rescale them.");
    };
    if (options.renormalize) {
        for (auto [name, mass] : {std::pair{"P", c.givenMassP}, std::pair{"Q", c.givenMassQ}})
            if (!(mass > 0.0))
                throw std::invalid_argument(std::string("cannot renormalise ") + name +
                                            ": it has no mass on the support " + rangeText(c.support));
        if (massesOff())
            c.warnings.push_back("Renormalised on " + rangeText(c.support) + ": P summed to " +
                                 number(c.givenMassP) + " and Q to " + number(c.givenMassQ) +
                                 "; both now sum to 1.");
        scale(c.p, c.logP, 1.0 / c.givenMassP);
        scale(c.q, c.logQ, 1.0 / c.givenMassQ);
    } else if (!asGiven) {
        warnAboutMasses(); // before the smoothing's own warning
    }

    if (options.smoothing > 0.0) {
        smooth(c.p, c.logP, options.smoothing, options.renormalize ? 1.0 : c.givenMassP);
        smooth(c.q, c.logQ, options.smoothing, options.renormalize ? 1.0 : c.givenMassQ);
        c.warnings.push_back("Epsilon-smoothing is on: " + validation::formatNumber(options.smoothing) +
                             " was added to every mass of P and Q, each then rescaled to its total.");
    }

    if (options.perEvent) {
        c.klPQ.resize(n);
        c.klQP.resize(n);
        c.js.resize(n);
    }
    c.totals = divergences(c.p, c.q, options.unit, {c.klPQ, c.klQP, c.js}, c.logP, c.logQ);
    if (asGiven) {
        c.givenMassP = c.totals.massP;
        c.givenMassQ = c.totals.massQ;
        warnAboutMasses();
    }
    // A summed KL is infinite exactly when some event has p > 0 = q (every finite term is bounded), so
    // the events are only looked for then.
    if (std::isinf(c.totals.klPQ))
        c.infinitePQ = toEvents(eventsWhereInfinite(c.p, c.q, c.logP, c.logQ), c.support.first);
    if (std::isinf(c.totals.klQP))
        c.infiniteQP = toEvents(eventsWhereInfinite(c.q, c.p, c.logQ, c.logP), c.support.first);

    const bool exactFamilies =
        !options.renormalize && options.smoothing == 0.0 && covers(c.support, p) && covers(c.support, q);
    const bool defaultSupport = !options.support && options.smoothing == 0.0 && !options.renormalize;
    if (exactFamilies || defaultSupport) {
        const double factor = fromNats(options.unit);
        if (const auto kl = closedFormKl(p, q)) {
            c.totals.klPQ = *kl * factor;
            c.klPQMethod = Method::ClosedForm;
        }
        if (const auto kl = closedFormKl(q, p)) {
            c.totals.klQP = *kl * factor;
            c.klQPMethod = Method::ClosedForm;
        }
    }
    return c;
}

} // namespace klscope
