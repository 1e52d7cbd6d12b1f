#include "document.h"

#include "changevaluecommand.h"
#include "corecall.h"
#include "domainswitch.h"
#include "familyconversion.h"
#include "massedit.h"
#include "spec.h"

#include <QUndoStack>

#include <continuousspec.h>

#include <new>
#include <stdexcept>

namespace {

// Merge ids: edits of the same kind on the same side within one drag fold into one undo step.
enum MergeId
{
    MergeDistributionP = 1,
    MergeDistributionQ = 2,
    MergeSmoothing = 3,
    MergeBinWidth = 4,
};

int distributionMergeId(Side side)
{
    return side == Side::P ? MergeDistributionP : MergeDistributionQ;
}

QString sideName(Side side)
{
    return side == Side::P ? QStringLiteral("P") : QStringLiteral("Q");
}

DocumentState seedState()
{
    DiscretePair d;
    d.p = klscope::parseSpec("binomial:n=15,p=7/15");
    d.q = klscope::parseSpec("uniform:a=0,b=14");
    d.support = klscope::EventRange{0, 14};
    DocumentState s;
    s.pair = d;
    s.preset = QStringLiteral("seed");
    return s;
}

const klscope::Custom *customOf(const DiscretePair &s, Side side)
{
    return std::get_if<klscope::Custom>(&s.distribution(side));
}

QString notDiscrete()
{
    return Document::tr("This edit needs a discrete pair; P and Q are densities now.");
}

QString notContinuous()
{
    return Document::tr("This edit needs a continuous pair; P and Q are mass functions now.");
}

/// Custom sides get one unlocked lock per event; parametric sides none.
void resetLocks(DiscretePair &d)
{
    d.lockedP.clear();
    d.lockedQ.clear();
    if (const auto *c = customOf(d, Side::P))
        d.lockedP = QList<bool>(qsizetype(c->masses().size()), false);
    if (const auto *c = customOf(d, Side::Q))
        d.lockedQ = QList<bool>(qsizetype(c->masses().size()), false);
}

} // namespace

Document::Document(QObject *parent) : DocumentBase(parent)
{
    m_state = seedState();
    const DiscretePair &d = *m_state.discrete();
    m_comparison = std::make_shared<const klscope::Comparison>(klscope::compare(d.p, d.q, options(m_state)));
    m_continuous = std::make_shared<const klscope::ContinuousComparison>();
}

Document::~Document() = default;

const DiscretePair &Document::discretePair() const
{
    static const DiscretePair empty;
    const DiscretePair *d = m_state.discrete();
    return d ? *d : empty;
}

std::span<const std::string> Document::eventLabels() const
{
    for (Side side : {Side::P, Side::Q})
        if (const klscope::Custom *custom = customOf(discretePair(), side);
            custom && !custom->labels().empty())
            return custom->labels();
    return {};
}

bool Document::isLocked(Side side, int event) const
{
    const QList<bool> &l = locks(side);
    return event >= 0 && event < l.size() && l.at(event);
}

bool Document::isTermVisible(Term term) const
{
    return m_termVisible[static_cast<int>(term)];
}

void Document::setTermVisible(Term term, bool visible)
{
    if (m_termVisible[static_cast<int>(term)] == visible)
        return;
    m_termVisible[static_cast<int>(term)] = visible;
    emit termVisibilityChanged();
}

klscope::CompareOptions Document::options(const DocumentState &state)
{
    klscope::CompareOptions o;
    if (const DiscretePair *d = state.discrete()) {
        o.support = d->support;
        o.renormalize = d->renormalize;
        o.smoothing = d->smoothing;
    }
    o.unit = state.unit;
    o.perEvent = true;
    return o;
}

QString Document::prepare(const DocumentState &state)
{
    QString error;
    if (const DiscretePair *d = state.discrete()) {
        auto c = callCore([&] { return klscope::compare(d->p, d->q, options(state)); }, &error);
        if (c)
            m_prepared.emplace(std::in_place_index<0>, std::move(*c));
    } else {
        const ContinuousPair &pair = *state.continuous();
        auto c = callCore(
            [&] {
                klscope::ContinuousCompareOptions o;
                o.unit = state.unit;
                o.samples = 0; // Monte Carlo runs in the background (the mixture panel), never on an edit
                o.gridPoints = kGridPoints;
                return klscope::compareContinuous(pair.p, pair.q, o);
            },
            &error);
        if (c)
            m_prepared.emplace(std::in_place_index<1>, std::move(*c));
    }
    return error;
}

bool Document::pushState(const DocumentState &candidate, const QString &text, int mergeId, int drag)
{
    DocumentState next = candidate;
    // A drag that comes back to where it started gets the starting state back whole (its preset name
    // too), so the merged command sees no change and drops itself (ChangeValueCommand's obsolete rule).
    if (drag != 0 && undoStack()->count() > 0 && undoStack()->index() == undoStack()->count()) {
        const auto *top = dynamic_cast<const ChangeValueCommand<DocumentState> *>(
            undoStack()->command(undoStack()->index() - 1));
        if (top && top->drag() == drag && top->id() == mergeId) {
            DocumentState start = top->oldValue();
            start.preset = next.preset;
            if (start == next)
                next.preset = top->oldValue().preset;
        }
    }
    auto *command = new ChangeValueCommand<DocumentState>(
        text, m_state, next, [this](const DocumentState &s) { applyState(s); }, mergeId, drag);
    const bool recompute = !next.sameComparisonInputs(m_state);
    const bool pushed = pushValidated(command, [&] { return recompute ? prepare(next) : QString(); });
    m_prepared.reset();
    return pushed;
}

void Document::applyState(const DocumentState &state)
{
    const DocumentState old = m_state;
    const bool recompute = !state.sameComparisonInputs(old);
    if (recompute) {
        // Undo and redo revisit states that compared fine before; should one fail now all the same
        // (memory), the state still changes, with an empty comparison whose warning says why.
        QString error;
        if (!m_prepared)
            error = prepare(state);
        if (state.discrete()) {
            klscope::Comparison c;
            if (m_prepared && m_prepared->index() == 0)
                c = std::move(std::get<0>(*m_prepared));
            else
                c.warnings.push_back(error.toStdString());
            c.unit = state.unit;
            m_comparison = std::make_shared<const klscope::Comparison>(std::move(c));
            m_continuous = std::make_shared<const klscope::ContinuousComparison>();
        } else {
            klscope::ContinuousComparison c;
            if (m_prepared && m_prepared->index() == 1)
                c = std::move(std::get<1>(*m_prepared));
            else
                c.warnings.push_back(error.toStdString());
            c.unit = state.unit;
            m_continuous = std::make_shared<const klscope::ContinuousComparison>(std::move(c));
            klscope::Comparison empty;
            empty.unit = state.unit;
            m_comparison = std::make_shared<const klscope::Comparison>(std::move(empty));
        }
        m_prepared.reset();
    }
    m_state = state;

    const bool domainChange = old.pair.index() != m_state.pair.index();
    const DiscretePair *od = old.discrete(), *nd = m_state.discrete();
    const ContinuousPair *oc = old.continuous(), *nc = m_state.continuous();
    for (Side side : {Side::P, Side::Q}) {
        const bool changed = domainChange || (nd && !(od->distribution(side) == nd->distribution(side))) ||
                             (nc && !(oc->distribution(side) == nc->distribution(side)));
        if (changed)
            emit distributionChanged(side);
    }
    if (domainChange || (nd && od->support != nd->support))
        emit supportChanged();
    if (old.unit != m_state.unit)
        emit unitChanged();
    if (domainChange || (nd && (od->renormalize != nd->renormalize || od->smoothing != nd->smoothing)) ||
        (nc && oc->binWidth != nc->binWidth))
        emit optionsChanged();
    if (domainChange || (nd && od->lockedP != nd->lockedP))
        emit locksChanged(Side::P);
    if (domainChange || (nd && od->lockedQ != nd->lockedQ))
        emit locksChanged(Side::Q);
    if (old.preset != m_state.preset)
        emit presetChanged();
    if (domainChange)
        emit domainChanged();
    if (recompute)
        emit comparisonChanged();
}

bool Document::setDistribution(Side side, const klscope::Distribution &d, int drag)
{
    DocumentState s = m_state;
    DiscretePair *pair = s.discrete();
    if (!pair)
        return refuse(notDiscrete());
    if (pair->distribution(side) == d)
        return true;
    const bool familyChanged = klscope::family(pair->distribution(side)) != klscope::family(d);
    pair->distribution(side) = d;
    const auto *custom = customOf(*pair, side);
    if (!custom)
        pair->locks(side).clear();
    else if (familyChanged || pair->locks(side).size() != qsizetype(custom->masses().size()))
        pair->locks(side) = QList<bool>(qsizetype(custom->masses().size()), false);
    s.preset.clear();
    return pushState(s, tr("Change %1").arg(sideName(side)), distributionMergeId(side), drag);
}

bool Document::setParameter(Side side, int index, double value, int drag)
{
    if (isContinuous())
        return refuse(notDiscrete());
    const klscope::Distribution &d = distribution(side);
    std::vector<double> values = klscope::parameterValues(d);
    if (index < 0 || index >= int(values.size()))
        return false;
    values[std::size_t(index)] = value;
    try {
        return setDistribution(side, klscope::makeDistribution(klscope::family(d), values), drag);
    } catch (const std::exception &) {
        return refuse(currentCoreError());
    }
}

bool Document::setFamily(Side side, klscope::Family family)
{
    if (const ContinuousPair *c = m_state.continuous()) {
        QString message;
        auto pair = callCore([&] { return toDiscretePair(*c, side, family, &message); }, &message);
        if (!pair)
            return refuse(message);
        DocumentState s = m_state;
        s.pair = std::move(*pair);
        s.preset.clear();
        if (!pushState(s, tr("Make %1 %2").arg(sideName(side), familyName(family))))
            return false;
        emit domainSwitched(message);
        return true;
    }
    if (klscope::family(distribution(side)) == family)
        return true;
    QString error;
    auto converted = callCore([&] { return klscope::convertFamily(distribution(side), family); }, &error);
    if (!converted)
        return refuse(error);
    return setDistribution(side, *converted);
}

bool Document::setCustomMass(Side side, int event, double mass, int drag)
{
    const auto *custom = customOf(discretePair(), side);
    if (!custom || event < 0 || std::size_t(event) >= custom->masses().size())
        return false;
    // The same mass again (a drag that comes back to where it was) changes nothing: rescaling the others
    // once more would only move them by rounding.
    if (custom->masses()[std::size_t(event)] == mass)
        return true;
    const std::vector<double> masses(custom->masses().begin(), custom->masses().end());
    const QList<bool> &l = locks(side);
    const std::vector<bool> locked(l.begin(), l.end());
    try {
        klscope::Custom edited(klscope::editMass(masses, locked, std::size_t(event), mass, m_keepTotal),
                               {custom->labels().begin(), custom->labels().end()});
        return setDistribution(side, edited, drag);
    } catch (const std::exception &) {
        return refuse(currentCoreError());
    }
}

bool Document::setLocked(Side side, int event, bool locked)
{
    if (!customOf(discretePair(), side) || event < 0 || event >= locks(side).size())
        return false;
    if (locks(side).at(event) == locked)
        return true;
    DocumentState s = m_state;
    s.discrete()->locks(side)[event] = locked;
    return pushState(s, locked ? tr("Lock %1(%2)").arg(sideName(side)).arg(event)
                               : tr("Unlock %1(%2)").arg(sideName(side)).arg(event));
}

bool Document::addCustomEvent(Side side)
{
    const auto *custom = customOf(discretePair(), side);
    if (!custom)
        return false;
    std::vector<double> masses(custom->masses().begin(), custom->masses().end());
    masses.push_back(0.0);
    std::vector<std::string> labels(custom->labels().begin(), custom->labels().end());
    if (!labels.empty())
        labels.push_back(std::string("x").append(std::to_string(masses.size() - 1)));
    try {
        DocumentState s = m_state;
        s.discrete()->distribution(side) = klscope::Custom(std::move(masses), std::move(labels));
        s.discrete()->locks(side).append(false);
        s.preset.clear();
        return pushState(s, tr("Add an event to %1").arg(sideName(side)));
    } catch (const std::exception &) {
        return refuse(currentCoreError());
    }
}

bool Document::removeCustomEvent(Side side, int event)
{
    const auto *custom = customOf(discretePair(), side);
    if (!custom || event < 0 || std::size_t(event) >= custom->masses().size())
        return false;
    if (custom->masses().size() == 1)
        return refuse(tr("A custom distribution keeps at least one event."));
    std::vector<double> masses(custom->masses().begin(), custom->masses().end());
    masses.erase(masses.begin() + event);
    std::vector<std::string> labels(custom->labels().begin(), custom->labels().end());
    if (!labels.empty())
        labels.erase(labels.begin() + event);
    try {
        DocumentState s = m_state;
        DiscretePair &pair = *s.discrete();
        pair.distribution(side) = klscope::Custom(std::move(masses), std::move(labels));
        if (event < pair.locks(side).size())
            pair.locks(side).removeAt(event);
        s.preset.clear();
        return pushState(s, tr("Remove event %1 of %2").arg(event).arg(sideName(side)));
    } catch (const std::exception &) {
        return refuse(currentCoreError());
    }
}

bool Document::setSupport(std::optional<klscope::EventRange> support)
{
    if (isContinuous())
        return refuse(notDiscrete());
    if (support == discretePair().support)
        return true;
    if (support && support->size() == 0)
        return refuse(tr("The support %1..%2 is empty: its first event is after its last.")
                          .arg(support->first)
                          .arg(support->last));
    DocumentState s = m_state;
    s.discrete()->support = support;
    return pushState(s, support ? tr("Set the support to %1..%2").arg(support->first).arg(support->last)
                                : tr("Use the automatic support"));
}

bool Document::setUnit(klscope::Unit unit)
{
    if (unit == m_state.unit)
        return true;
    DocumentState s = m_state;
    s.unit = unit;
    return pushState(s, tr("Show values in %1").arg(QString::fromUtf8(klscope::unitName(unit).data())));
}

bool Document::setRenormalize(bool on)
{
    if (isContinuous())
        return refuse(notDiscrete());
    if (on == discretePair().renormalize)
        return true;
    DocumentState s = m_state;
    s.discrete()->renormalize = on;
    return pushState(s, on ? tr("Renormalise on the support") : tr("Use the masses as given"));
}

bool Document::setSmoothing(double epsilon, int drag)
{
    if (isContinuous())
        return refuse(notDiscrete());
    if (epsilon == discretePair().smoothing)
        return true;
    DocumentState s = m_state;
    s.discrete()->smoothing = epsilon;
    return pushState(s, epsilon > 0 ? tr("Smooth with epsilon %1").arg(epsilon) : tr("Turn smoothing off"),
                     MergeSmoothing, drag);
}

bool Document::setContinuous(Side side, const klscope::ContinuousDistribution &d, int drag)
{
    DocumentState s = m_state;
    ContinuousPair *pair = s.continuous();
    if (!pair)
        return refuse(notContinuous());
    if (pair->distribution(side) == d)
        return true;
    pair->distribution(side) = d;
    s.preset.clear();
    return pushState(s, tr("Change %1").arg(sideName(side)), distributionMergeId(side), drag);
}

bool Document::setContinuousFamily(Side side, klscope::ContinuousFamily family)
{
    QString message;
    std::optional<ContinuousPair> pair;
    if (const DiscretePair *d = m_state.discrete()) {
        pair = callCore([&] { return toContinuousPair(*d, side, family, &message); }, &message);
    } else {
        const ContinuousPair &c = *m_state.continuous();
        if (klscope::family(c.distribution(side)) == family)
            return true;
        pair = callCore(
            [&] {
                ContinuousPair next = c;
                next.distribution(side) = convertContinuousFamily(c.distribution(side), family);
                return next;
            },
            &message);
        message.clear();
    }
    if (!pair)
        return refuse(message);
    const bool switching = !isContinuous();
    DocumentState s = m_state;
    s.pair = std::move(*pair);
    s.preset.clear();
    if (!pushState(s, tr("Make %1 %2").arg(sideName(side), familyName(family))))
        return false;
    if (switching)
        emit domainSwitched(message);
    return true;
}

bool Document::setBinWidth(double h, int drag)
{
    const ContinuousPair *c = m_state.continuous();
    if (!c)
        return refuse(notContinuous());
    if (!(h >= 0) || !std::isfinite(h))
        return refuse(tr("The bin width must be a finite number of at least 0 (0 turns binning off)."));
    if (h == c->binWidth)
        return true;
    DocumentState s = m_state;
    s.continuous()->binWidth = h;
    return pushState(s, h > 0 ? tr("Bin at width %1").arg(h) : tr("Turn binning off"), MergeBinWidth, drag);
}

bool Document::swap()
{
    DocumentState s = m_state;
    if (DiscretePair *d = s.discrete()) {
        std::swap(d->p, d->q);
        std::swap(d->lockedP, d->lockedQ);
    } else {
        ContinuousPair *c = s.continuous();
        std::swap(c->p, c->q);
    }
    return pushState(s, tr("Swap P and Q"));
}

bool Document::loadState(const DocumentState &state, const QString &text)
{
    DocumentState s = state;
    if (DiscretePair *d = s.discrete()) {
        if (const DiscretePair *current = m_state.discrete()) {
            d->renormalize = current->renormalize;
            d->smoothing = current->smoothing;
        }
        resetLocks(*d);
    }
    return pushState(s, text);
}

bool Document::loadState(const QString &preset, const klscope::Distribution &p,
                         const klscope::Distribution &q, std::optional<klscope::EventRange> support,
                         klscope::Unit unit, const QString &text)
{
    DiscretePair d;
    d.p = p;
    d.q = q;
    d.support = support;
    DocumentState s;
    s.pair = std::move(d);
    s.unit = unit;
    s.preset = preset;
    return loadState(s, text);
}

bool Document::setState(const DocumentState &state, const QString &text)
{
    return pushState(state, text);
}

bool Document::resetState(const DocumentState &state)
{
    const QString error = prepare(state);
    if (!error.isEmpty()) {
        m_prepared.reset();
        return refuse(error);
    }
    undoStack()->clear();
    // applyState emits only what changed; a reset always announces the domain, so views rebuild.
    const bool sameDomain = state.pair.index() == m_state.pair.index();
    applyState(state);
    if (sameDomain)
        emit domainChanged();
    m_prepared.reset();
    undoStack()->setClean();
    return true;
}
