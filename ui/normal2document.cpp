#include "normal2document.h"

#include "changevaluecommand.h"

#include <cmath>
#include <stdexcept>

namespace {

// Merge ids of the commands that fold a drag into one step.
enum MergeId
{
    PMerge = 1,
    QMerge
};

QString sideRefusal(const char *name, const Normal2Params &params)
{
    try {
        (void)params.normal();
    } catch (const std::exception &e) {
        return QStringLiteral("%1: %2").arg(QLatin1String(name), QString::fromStdString(e.what()));
    }
    return {};
}

} // namespace

double Normal2Params::correlation() const
{
    return cov / std::sqrt(var1 * var2);
}

Normal2Params Normal2Params::of(const klscope::Normal2 &n)
{
    return {n.mu1(), n.mu2(), n.var1(), n.var2(), n.cov()};
}

Normal2Document::Normal2Document(QObject *parent) : DocumentBase(parent) {}

QString Normal2Document::validate(const Normal2State &state)
{
    if (QString why = sideRefusal("P", state.p); !why.isEmpty())
        return why;
    return sideRefusal("Q", state.q);
}

bool Normal2Document::setSide(Side side, const Normal2Params &params)
{
    Normal2State next = m_state;
    (side == P ? next.p : next.q) = params;
    next.preset.clear();
    return push(std::move(next), side == P ? tr("Change P") : tr("Change Q"), side == P ? PMerge : QMerge);
}

bool Normal2Document::setMeanField(bool shown)
{
    Normal2State next = m_state;
    next.meanField = shown;
    return push(std::move(next), shown ? tr("Show mean-field fits") : tr("Hide mean-field fits"), -1);
}

bool Normal2Document::setReverseIntegrand(bool reverse)
{
    Normal2State next = m_state;
    next.reverseIntegrand = reverse;
    return push(std::move(next), tr("Change integrand direction"), -1);
}

bool Normal2Document::setState(const Normal2State &state, const QString &text)
{
    return push(state, text, -1);
}

bool Normal2Document::resetState(const Normal2State &state)
{
    return resetWith(validate(state), [&] { apply(state); });
}

bool Normal2Document::push(Normal2State next, const QString &text, int mergeId)
{
    if (next == m_state)
        return true;
    auto *command = new ChangeValueCommand<Normal2State>(
        text, m_state, next, [this](const Normal2State &s) { apply(s); }, mergeId, currentDrag());
    return pushValidated(command, [&] { return validate(next); });
}

void Normal2Document::apply(const Normal2State &state)
{
    m_state = state;
    emit stateChanged();
}
