#include "domainswitch.h"

#include <continuousparameters.h>
#include <domainconversion.h>

#include <QObject>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace {

QString sideName(Side side)
{
    return side == Side::P ? QStringLiteral("P") : QStringLiteral("Q");
}

Side other(Side side)
{
    return side == Side::P ? Side::Q : Side::P;
}

// "binomial(n=15, p=0.4667) became normal(...) with ..." read as "P became normal(...) with ...".
QString sideBecame(Side side, const std::string &sentence)
{
    const QString s = QString::fromStdString(sentence);
    const qsizetype at = s.indexOf(QStringLiteral(" became "));
    return sideName(side) + (at < 0 ? QStringLiteral(": ") + s : s.mid(at));
}

QString pairMessage(Side side, const std::string &chosen, const std::string &counterpart)
{
    const QString a = sideBecame(side, chosen), b = sideBecame(other(side), counterpart);
    return side == Side::P ? a + QStringLiteral("; ") + b : b + QStringLiteral("; ") + a;
}

// A custom distribution whose events 0..n-1 stand for other integers (labelled "-8".."4"): its events do
// not line up with a family's, whose event k is the integer k.
bool offsetCustom(const klscope::Distribution &d)
{
    const auto *custom = std::get_if<klscope::Custom>(&d);
    return custom && !custom->labels().empty();
}

klscope::IntegerSpan rangeOf(const klscope::ContinuousDistribution &c)
{
    if (const auto span = klscope::binningRange(c))
        return *span;
    throw std::invalid_argument("its mass lies too far from 0 to bin on the integers");
}

} // namespace

ContinuousPair toContinuousPair(const DiscretePair &pair, Side side, klscope::ContinuousFamily family,
                                QString *message)
{
    const auto chosen = klscope::toContinuous(pair.distribution(side), family);
    const auto counterpart = klscope::nearestContinuous(pair.distribution(other(side)));
    ContinuousPair c;
    c.distribution(side) = chosen.value;
    c.distribution(other(side)) = counterpart.value;
    if (message)
        *message = pairMessage(side, chosen.sentence, counterpart.sentence);
    return c;
}

DiscretePair toDiscretePair(const ContinuousPair &pair, Side side, klscope::Family family, QString *message)
{
    const klscope::ContinuousDistribution &cs = pair.distribution(side);
    const klscope::ContinuousDistribution &co = pair.distribution(other(side));
    auto chosen = klscope::toDiscrete(cs, family);
    auto counterpart = klscope::nearestDiscrete(co);
    // A custom side's event x is the x-th integer of its binning range, a family's event k the integer k:
    // when a binned side starts below 0, both sides must be binned on one range to share the event axis.
    if (family == klscope::Family::Custom) {
        const bool aligned = !offsetCustom(chosen.value) && !offsetCustom(counterpart.value) &&
                             klscope::support(counterpart.value).first >= 0;
        if (!aligned) {
            const klscope::IntegerSpan a = rangeOf(cs), b = rangeOf(co);
            std::int64_t first = std::min(a.first, b.first), last = std::max(a.last, b.last);
            // Two ranges far apart: keep at most kMaxBinnedEvents integers, centred between them.
            const auto limit = static_cast<std::int64_t>(klscope::kMaxBinnedEvents);
            if (last - first >= limit) {
                const std::int64_t centre = first + (last - first) / 2;
                first = centre - limit / 2;
                last = first + limit - 1;
            }
            if (first > 0 && last < limit)
                first = 0;
            chosen = klscope::binOnIntegers(cs, first, last);
            counterpart = klscope::binOnIntegers(co, first, last);
        }
    } else if (offsetCustom(counterpart.value)) {
        // The chosen family's event k is the integer k: the counterpart is binned on 0.. as plain integers,
        // as far as either side reaches (an unbounded family to where its tail falls below 1e-16), and
        // whatever mass it holds below -1/2 is left out (the sentence says how much).
        const klscope::IntegerSpan b = rangeOf(co);
        const std::int64_t last =
            std::clamp<std::int64_t>(std::max(b.last, klscope::support(chosen.value).last), 0,
                                     std::int64_t(klscope::kMaxBinnedEvents) - 1);
        counterpart = klscope::binOnIntegers(co, 0, last);
    }
    DiscretePair d;
    d.distribution(side) = chosen.value;
    d.distribution(other(side)) = counterpart.value;
    d.support = std::nullopt;
    if (message)
        *message = pairMessage(side, chosen.sentence, counterpart.sentence);
    return d;
}

klscope::ContinuousDistribution convertContinuousFamily(const klscope::ContinuousDistribution &d,
                                                        klscope::ContinuousFamily family)
{
    return klscope::convertContinuous(d, family).value;
}

QString familyName(klscope::Family family)
{
    const std::string_view title = klscope::familyTitle(family);
    return QString::fromUtf8(title.data(), qsizetype(title.size()));
}

QString familyName(klscope::ContinuousFamily family)
{
    const std::string_view title = klscope::familyTitle(family);
    return QString::fromUtf8(title.data(), qsizetype(title.size()));
}
