#include "normal2document.h"

#include "changevaluecommand.h"

#include <cmath>
#include <stdexcept>

namespace {

// Merge ids of the commands that fold a drag into one step.
enum MergeId
{
    PMerge = 1,
    QMerge,
    ComponentMerge // + the component's index
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

QString mixtureRefusal(const QList<Normal2Component> &mixture)
{
    for (qsizetype k = 0; k < mixture.size(); ++k) {
        const QString name = QStringLiteral("P, component %1").arg(k + 1);
        if (QString why = sideRefusal(qPrintable(name), mixture[k].n); !why.isEmpty())
            return why;
        if (!(mixture[k].weight > 0) || !std::isfinite(mixture[k].weight))
            return QStringLiteral("%1: the weight %2 is not a positive number.")
                .arg(name, QString::number(mixture[k].weight));
    }
    return {};
}

} // namespace

klscope::Mixture2 Normal2State::mixtureP() const
{
    std::vector<double> weights;
    std::vector<klscope::Normal2> components;
    for (const Normal2Component &c : mixture) {
        weights.push_back(c.weight);
        components.push_back(c.n.normal());
    }
    return klscope::Mixture2(std::move(weights), std::move(components));
}

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
    if (QString why = mixtureRefusal(state.mixture); !why.isEmpty())
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

bool Normal2Document::setComponent(int k, const Normal2Component &component)
{
    if (k < 0 || k >= m_state.mixture.size())
        return refuse(tr("P has no component %1.").arg(k + 1));
    Normal2State next = m_state;
    next.mixture[k] = component;
    next.preset.clear();
    return push(std::move(next), tr("Change P's component %1").arg(k + 1), ComponentMerge + k);
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
