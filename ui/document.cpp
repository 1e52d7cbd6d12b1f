#include "document.h"

#include "changevaluecommand.h"
#include "corecall.h"
#include "familyconversion.h"
#include "massedit.h"
#include "spec.h"
#include "swapcommand.h"

#include <QUndoStack>

#include <new>
#include <stdexcept>

namespace {

// Merge ids: edits of the same kind on the same side within one drag fold into one undo step.
enum MergeId
{
    MergeDistributionP = 1,
    MergeDistributionQ = 2,
    MergeSmoothing = 3,
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
    DocumentState s;
    s.p = klscope::parseSpec("binomial:n=15,p=7/15");
    s.q = klscope::parseSpec("uniform:a=0,b=14");
    s.support = klscope::EventRange{0, 14};
    s.preset = QStringLiteral("seed");
    return s;
}

const klscope::Custom *customOf(const DocumentState &s, Side side)
{
    return std::get_if<klscope::Custom>(&s.distribution(side));
}

} // namespace

Document::Document(QObject *parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    m_state = seedState();
    m_comparison =
        std::make_shared<const klscope::Comparison>(klscope::compare(m_state.p, m_state.q, options(m_state)));
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

Document::~Document() = default;

std::span<const std::string> Document::eventLabels() const
{
    for (Side side : {Side::P, Side::Q})
        if (const klscope::Custom *custom = customOf(m_state, side); custom && !custom->labels().empty())
            return custom->labels();
    return {};
}

bool Document::isLocked(Side side, int event) const
{
    const QList<bool> &l = m_state.locks(side);
    return event >= 0 && event < l.size() && l.at(event);
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
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

int Document::beginDrag()
{
    m_drag = ++m_lastDrag;
    return m_drag;
}

void Document::endDrag()
{
    m_drag = 0;
}

klscope::CompareOptions Document::options(const DocumentState &state)
{
    klscope::CompareOptions o;
    o.support = state.support;
    o.unit = state.unit;
    o.renormalize = state.renormalize;
    o.smoothing = state.smoothing;
    o.perEvent = true;
    return o;
}

std::optional<klscope::Comparison> Document::tryCompare(const DocumentState &state)
{
    auto c = callCore([&] { return klscope::compare(state.p, state.q, options(state)); }, &m_lastError);
    if (!c)
        emit editRefused(m_lastError);
    return c;
}

bool Document::push(QUndoCommand *command, const DocumentState &candidate)
{
    if (!candidate.sameComparisonInputs(m_state)) {
        auto c = tryCompare(candidate);
        if (!c) {
            delete command;
            return false;
        }
        // QUndoStack::push() runs redo() at once; applyState() takes this instead of computing again.
        m_prepared = std::move(c);
    }
    m_undoStack->push(command);
    m_prepared.reset();
    return true;
}

bool Document::pushState(const DocumentState &candidate, const QString &text, int mergeId, int drag)
{
    auto *command = new ChangeValueCommand<DocumentState>(
        text, m_state, candidate, [this](const DocumentState &s) { applyState(s); }, mergeId, drag);
    return push(command, candidate);
}

void Document::applyState(const DocumentState &state)
{
    const DocumentState old = m_state;
    const bool recompute = !state.sameComparisonInputs(old);
    if (recompute) {
        if (m_prepared) {
            m_comparison = std::make_shared<const klscope::Comparison>(std::move(*m_prepared));
            m_prepared.reset();
        } else {
            // Undo and redo revisit states that compared fine before; should one fail now all the same
            // (memory), the state still changes, with an empty comparison whose warning says why.
            auto c = tryCompare(state);
            if (!c) {
                c.emplace();
                c->unit = state.unit;
                c->warnings.push_back(m_lastError.toStdString());
            }
            m_comparison = std::make_shared<const klscope::Comparison>(std::move(*c));
        }
    }
    m_state = state;

    if (!(old.p == m_state.p))
        emit distributionChanged(Side::P);
    if (!(old.q == m_state.q))
        emit distributionChanged(Side::Q);
    if (old.support != m_state.support)
        emit supportChanged();
    if (old.unit != m_state.unit)
        emit unitChanged();
    if (old.renormalize != m_state.renormalize || old.smoothing != m_state.smoothing)
        emit optionsChanged();
    if (old.lockedP != m_state.lockedP)
        emit locksChanged(Side::P);
    if (old.lockedQ != m_state.lockedQ)
        emit locksChanged(Side::Q);
    if (old.preset != m_state.preset)
        emit presetChanged();
    if (recompute)
        emit comparisonChanged();
}

bool Document::setDistribution(Side side, const klscope::Distribution &d, int drag)
{
    DocumentState s = m_state;
    if (s.distribution(side) == d)
        return true;
    const bool familyChanged = klscope::family(s.distribution(side)) != klscope::family(d);
    s.distribution(side) = d;
    const auto *custom = customOf(s, side);
    if (!custom)
        s.locks(side).clear();
    else if (familyChanged || s.locks(side).size() != qsizetype(custom->masses().size()))
        s.locks(side) = QList<bool>(qsizetype(custom->masses().size()), false);
    s.preset.clear();
    return pushState(s, tr("Change %1").arg(sideName(side)), distributionMergeId(side), drag);
}

bool Document::setParameter(Side side, int index, double value, int drag)
{
    const klscope::Distribution &d = m_state.distribution(side);
    std::vector<double> values = klscope::parameterValues(d);
    if (index < 0 || index >= int(values.size()))
        return false;
    values[std::size_t(index)] = value;
    try {
        return setDistribution(side, klscope::makeDistribution(klscope::family(d), values), drag);
    } catch (const std::exception &) {
        emit editRefused(currentCoreError());
        return false;
    }
}

bool Document::setFamily(Side side, klscope::Family family)
{
    if (klscope::family(m_state.distribution(side)) == family)
        return true;
    return setDistribution(side, klscope::convertFamily(m_state.distribution(side), family));
}

bool Document::setCustomMass(Side side, int event, double mass, int drag)
{
    const auto *custom = customOf(m_state, side);
    if (!custom || event < 0 || std::size_t(event) >= custom->masses().size())
        return false;
    // The same mass again (a drag that comes back to where it was) changes nothing: rescaling the others
    // once more would only move them by rounding.
    if (custom->masses()[std::size_t(event)] == mass)
        return true;
    const std::vector<double> masses(custom->masses().begin(), custom->masses().end());
    const QList<bool> &l = m_state.locks(side);
    const std::vector<bool> locked(l.begin(), l.end());
    try {
        klscope::Custom edited(klscope::editMass(masses, locked, std::size_t(event), mass, m_keepTotal),
                               {custom->labels().begin(), custom->labels().end()});
        return setDistribution(side, edited, drag);
    } catch (const std::exception &) {
        emit editRefused(currentCoreError());
        return false;
    }
}

bool Document::setLocked(Side side, int event, bool locked)
{
    if (!customOf(m_state, side) || event < 0 || event >= m_state.locks(side).size())
        return false;
    if (m_state.locks(side).at(event) == locked)
        return true;
    DocumentState s = m_state;
    s.locks(side)[event] = locked;
    return pushState(s, locked ? tr("Lock %1(%2)").arg(sideName(side)).arg(event)
                               : tr("Unlock %1(%2)").arg(sideName(side)).arg(event));
}

bool Document::addCustomEvent(Side side)
{
    const auto *custom = customOf(m_state, side);
    if (!custom)
        return false;
    std::vector<double> masses(custom->masses().begin(), custom->masses().end());
    masses.push_back(0.0);
    std::vector<std::string> labels(custom->labels().begin(), custom->labels().end());
    if (!labels.empty())
        labels.push_back(std::string("x").append(std::to_string(masses.size() - 1)));
    try {
        DocumentState s = m_state;
        s.distribution(side) = klscope::Custom(std::move(masses), std::move(labels));
        s.locks(side).append(false);
        s.preset.clear();
        return pushState(s, tr("Add an event to %1").arg(sideName(side)));
    } catch (const std::exception &) {
        emit editRefused(currentCoreError());
        return false;
    }
}

bool Document::removeCustomEvent(Side side, int event)
{
    const auto *custom = customOf(m_state, side);
    if (!custom || event < 0 || std::size_t(event) >= custom->masses().size())
        return false;
    if (custom->masses().size() == 1) {
        emit editRefused(tr("A custom distribution keeps at least one event."));
        return false;
    }
    std::vector<double> masses(custom->masses().begin(), custom->masses().end());
    masses.erase(masses.begin() + event);
    std::vector<std::string> labels(custom->labels().begin(), custom->labels().end());
    if (!labels.empty())
        labels.erase(labels.begin() + event);
    try {
        DocumentState s = m_state;
        s.distribution(side) = klscope::Custom(std::move(masses), std::move(labels));
        if (event < s.locks(side).size())
            s.locks(side).removeAt(event);
        s.preset.clear();
        return pushState(s, tr("Remove event %1 of %2").arg(event).arg(sideName(side)));
    } catch (const std::exception &) {
        emit editRefused(currentCoreError());
        return false;
    }
}

bool Document::setSupport(std::optional<klscope::EventRange> support)
{
    if (support == m_state.support)
        return true;
    if (support && support->size() == 0) {
        emit editRefused(tr("The support %1..%2 is empty: its first event is after its last.")
                             .arg(support->first)
                             .arg(support->last));
        return false;
    }
    DocumentState s = m_state;
    s.support = support;
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
    if (on == m_state.renormalize)
        return true;
    DocumentState s = m_state;
    s.renormalize = on;
    return pushState(s, on ? tr("Renormalise on the support") : tr("Use the masses as given"));
}

bool Document::setSmoothing(double epsilon, int drag)
{
    if (epsilon == m_state.smoothing)
        return true;
    DocumentState s = m_state;
    s.smoothing = epsilon;
    return pushState(s, epsilon > 0 ? tr("Smooth with epsilon %1").arg(epsilon) : tr("Turn smoothing off"),
                     MergeSmoothing, drag);
}

bool Document::swap()
{
    DocumentState s = m_state;
    std::swap(s.p, s.q);
    std::swap(s.lockedP, s.lockedQ);
    return push(new SwapCommand(this), s);
}

bool Document::loadState(const QString &preset, const klscope::Distribution &p,
                         const klscope::Distribution &q, std::optional<klscope::EventRange> support,
                         klscope::Unit unit, const QString &text)
{
    DocumentState s = m_state;
    s.unit = unit;
    s.p = p;
    s.q = q;
    s.support = support;
    s.preset = preset;
    s.lockedP.clear();
    s.lockedQ.clear();
    if (const auto *c = customOf(s, Side::P))
        s.lockedP = QList<bool>(qsizetype(c->masses().size()), false);
    if (const auto *c = customOf(s, Side::Q))
        s.lockedQ = QList<bool>(qsizetype(c->masses().size()), false);
    return pushState(s, text);
}

bool Document::resetState(const DocumentState &state)
{
    auto c = tryCompare(state);
    if (!c)
        return false;
    m_prepared = std::move(c);
    m_undoStack->clear();
    applyState(state);
    m_prepared.reset();
    m_undoStack->setClean();
    return true;
}
