#include "comparison.h"

#include "closedform.h"
#include "scaledsum.h"
#include "validation.h"
#include "vectormath.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <span>
#include <stdexcept>
#include <tuple>

namespace klscope {

namespace {

// Masses summing to 1 within this are treated as normalised (far above rounding, far below what
// a person would notice).
constexpr double kNormalisedTolerance = 1e-9;

std::string number(long double x)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.10Lg", x);
    return buffer;
}

std::string rangeText(EventRange r)
{
    return std::to_string(r.first) + ".." + std::to_string(r.last);
}

// Rescales one side to sum to 1 (scaledsum.h: proportional inputs give identical masses). Logs are
// retaken from the rescaled masses, so that both sides' logs come by the same route; where a mass is
// subnormal or underflowed, its known log is shifted instead, which keeps its precision.
void renormalise(std::span<double> mass, std::span<double> logMass, const ScaledTotal &total)
{
    divideByTotal(mass, total, mass);
    const double logTotal = total.log();
    constexpr std::size_t kBlock = 256;
    double logs[kBlock];
    for (std::size_t first = 0; first < mass.size(); first += kBlock) {
        const std::size_t n = std::min(kBlock, mass.size() - first);
        vectorLog(mass.data() + first, logs, n);
        for (std::size_t i = 0; i < n; ++i) {
            double &l = logMass[first + i];
            l = mass[first + i] >= std::numeric_limits<double>::min() ? logs[i] : l - logTotal;
        }
    }
}

// m -> (m + epsilon) * total / (total + n epsilon), in long double: neither n epsilon nor the total
// overflows there (epsilon = 1e308 gives nearly uniform masses, not zeros).
void smooth(std::span<double> mass, std::span<double> logMass, double epsilon, long double total)
{
    const long double n = static_cast<long double>(mass.size());
    const long double keep = total / (total + n * epsilon);
    for (double &m : mass)
        m = static_cast<double>((static_cast<long double>(m) + epsilon) * keep);
    vectorLog(mass.data(), logMass.data(), mass.size());
}

bool covers(EventRange outer, const Distribution &d)
{
    if (hasInfiniteSupport(d))
        return false;
    const EventRange s = support(d);
    return outer.first <= s.first && outer.last >= s.last;
}

void listEvents(const InfiniteEvents &found, std::int64_t first, std::vector<std::int64_t> &events,
                std::size_t &count)
{
    events.reserve(found.listed.size());
    for (std::size_t i : found.listed)
        events.push_back(first + static_cast<std::int64_t>(i));
    count = found.count;
}

// KL(A||B) is infinite beyond every finite cut when A's support is infinite and B's is not.
std::optional<TailBeyondSupport> tailBeyond(const Distribution &a, const Distribution &b)
{
    if (!hasInfiniteSupport(a) || hasInfiniteSupport(b))
        return std::nullopt;
    const EventRange natural = support(a);
    const std::int64_t from = support(b).last + 1;
    if (from < natural.first) // B ends before A starts: every event of A has B = 0
        return TailBeyondSupport{natural.first, 1.0};
    return TailBeyondSupport{from, massOutside(a, EventRange{natural.first, from - 1})};
}

} // namespace

std::string explainTail(std::string_view direction, std::string_view positive, std::string_view zero,
                        const TailBeyondSupport &tail)
{
    const std::string p(positive);
    return std::string(direction) + " is infinite: " + std::string(zero) +
           " = 0 for every x >= " + std::to_string(tail.from) + ", where " + p + " > 0 (" + p + " has " +
           number(tail.mass) + " of its mass there). The support shown is cut where " + p +
           "'s tail falls below 1e-16; the infinity does not depend on that cut.";
}

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
    ScaledTotal totalP, totalQ;
    if (!asGiven) {
        totalP = scaledTotal(c.p);
        totalQ = scaledTotal(c.q);
        c.givenMassP = totalP.toDouble();
        c.givenMassQ = totalQ.toDouble();
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
    // The totals in words, from the long double totals where they were taken (a double may overflow).
    const auto totalsText = [&](const char *sums, const char *and_) {
        const long double mp = asGiven ? c.givenMassP : totalP.toLongDouble();
        const long double mq = asGiven ? c.givenMassQ : totalQ.toLongDouble();
        return std::string("P ") + sums + " " + number(mp) + " " + and_ + " Q to " + number(mq);
    };
    const auto warnAboutMasses = [&] {
        if (massesOff())
            c.warnings.push_back("The masses do not sum to 1 on " + rangeText(c.support) + ": " +
                                 totalsText("sums to", "and") +
                                 ". They are used as given; renormalise to rescale them.");
    };
    if (options.renormalize) {
        for (auto [name, total] : {std::pair{"P", &totalP}, std::pair{"Q", &totalQ}})
            if (!(total->scaledSum > 0.0))
                throw std::invalid_argument(std::string("cannot renormalise ") + name +
                                            ": it has no mass on the support " + rangeText(c.support));
        if (massesOff())
            c.warnings.push_back("Renormalised on " + rangeText(c.support) + ": " +
                                 totalsText("summed to", "and") + "; both now sum to 1.");
        renormalise(c.p, c.logP, totalP);
        renormalise(c.q, c.logQ, totalQ);
    } else if (!asGiven) {
        warnAboutMasses(); // before the smoothing's own warning
    }

    if (options.smoothing > 0.0) {
        smooth(c.p, c.logP, options.smoothing, options.renormalize ? 1.0L : totalP.toLongDouble());
        smooth(c.q, c.logQ, options.smoothing, options.renormalize ? 1.0L : totalQ.toLongDouble());
        c.warnings.push_back("Epsilon-smoothing is on: " + validation::formatNumber(options.smoothing) +
                             " was added to every mass of P and Q, each then rescaled to its total.");
    }

    if (options.perEvent) {
        c.klPQ.resize(n);
        c.klQP.resize(n);
        c.js.resize(n);
    }
    c.totals = divergences(c.p, c.q, options.unit, {c.klPQ, c.klQP, c.js}, c.logP, c.logQ);
    // The families and the checks on custom masses rule out NaN masses; should one appear all the same
    // (a formula used outside its range), it is refused, never shown as a number.
    for (auto [name, mass, d] : {std::tuple{"P", c.totals.massP, &p}, std::tuple{"Q", c.totals.massQ, &q}})
        if (std::isnan(mass))
            throw std::invalid_argument(std::string("cannot evaluate ") + name + " = " + describe(*d) +
                                        " on the support " + rangeText(c.support) +
                                        ": a mass came out as NaN");
    // A summed KL is infinite when some event has p > 0 = q, or when a sum overflowed, so
    // the events are only looked for then.
    if (std::isinf(c.totals.klPQ))
        listEvents(eventsWhereInfinite(c.p, c.q, c.logP, c.logQ, kMaxListedEvents), c.support.first,
                   c.infinitePQ, c.infinitePQCount);
    if (std::isinf(c.totals.klQP))
        listEvents(eventsWhereInfinite(c.q, c.p, c.logQ, c.logP, kMaxListedEvents), c.support.first,
                   c.infiniteQP, c.infiniteQPCount);
    // Masses used as given can be so large that a sum overflows (custom:1e308,1e308 has H(P) = -inf and
    // a KL(P||Q) of 7e310): an infinity that no event explains is an overflow, refused in words rather
    // than shown as a value. Renormalised masses are at most 1 and never overflow.
    const DivergenceTotals &t = c.totals;
    if ((std::isinf(t.klPQ) && c.infinitePQCount == 0) || (std::isinf(t.klQP) && c.infiniteQPCount == 0) ||
        !std::isfinite(t.massP + t.massQ + t.entropyP + t.entropyQ + t.js + t.totalVariation + t.hellinger)) {
        const ScaledTotal mp = scaledTotal(c.p), mq = scaledTotal(c.q);
        throw std::invalid_argument("the masses are too large to use as given: P sums to " +
                                    number(mp.toLongDouble()) + " and Q to " + number(mq.toLongDouble()) +
                                    ", and the sums overflow double precision; renormalise to rescale them");
    }
    if (asGiven) {
        c.givenMassP = c.totals.massP;
        c.givenMassQ = c.totals.massQ;
        warnAboutMasses();
    }

    const bool defaultSupport = !options.support && options.smoothing == 0.0 && !options.renormalize;
    if (defaultSupport) {
        c.tailPQ = tailBeyond(p, q);
        c.tailQP = tailBeyond(q, p);
        const double inf = std::numeric_limits<double>::infinity();
        if (c.tailPQ)
            c.totals.klPQ = c.totals.crossEntropyPQ = inf;
        if (c.tailQP)
            c.totals.klQP = c.totals.crossEntropyQP = inf;
    }

    const bool exactFamilies =
        !options.renormalize && options.smoothing == 0.0 && covers(c.support, p) && covers(c.support, q);
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
