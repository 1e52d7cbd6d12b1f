#include "fitdocument.h"

#include "changevaluecommand.h"

#include "continuousspec.h"
#include "spec.h"

#include <QUndoStack>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace {

// Merge ids of the commands that fold a drag into one step.
enum MergeId
{
    TargetMerge = 1,
    AlphaMerge,
    FixedMerge
};

klscope::FitTarget parseTarget(const QString &spec)
{
    const std::string text = spec.toStdString();
    if (klscope::isContinuousSpec(text))
        return klscope::parseContinuousSpec(text);
    return klscope::parseSpec(text);
}

bool discreteTarget(const klscope::FitTarget &target)
{
    return target.index() == 1;
}

std::vector<double> toFixedValues(const std::vector<std::optional<double>> &fixed)
{
    std::vector<double> values;
    values.reserve(fixed.size());
    for (const std::optional<double> &v : fixed)
        values.push_back(v ? *v : std::numeric_limits<double>::quiet_NaN());
    return values;
}

} // namespace

FitDocument::FitDocument(QObject *parent) : DocumentBase(parent), m_target(parseTarget(m_state.target)) {}

std::vector<double> FitDocument::fixedValues() const
{
    return toFixedValues(m_state.fixed);
}

klscope::FitObjective FitDocument::objective() const
{
    return klscope::FitObjective(m_target, m_state.family, fixedValues());
}

QString FitDocument::validate(const FitState &state)
{
    if (!(state.alpha >= 0.0 && state.alpha <= 1.0))
        return tr("α must lie in [0, 1], got %1.").arg(state.alpha);
    if (state.fixed.size() != klscope::fitParameters(state.family).size())
        return tr("The fixed values do not match the family's parameters.");
    if (!state.q.empty() && state.q.size() != state.fixed.size())
        return tr("The picked Q does not match the family's parameters.");
    try {
        const klscope::FitTarget target = parseTarget(state.target);
        klscope::FitObjective(target, state.family, toFixedValues(state.fixed));
    } catch (const std::exception &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

std::vector<std::optional<double>> FitDocument::defaultFixed(klscope::FitFamily family,
                                                             const klscope::FitTarget &target)
{
    const auto info = klscope::fitParameters(family);
    std::vector<std::optional<double>> fixed(info.size());
    for (std::size_t i = 0; i < info.size(); ++i)
        if (info[i].kind == klscope::ParameterKind::Count) {
            double n = 20;
            if (const auto *d = std::get_if<klscope::Distribution>(&target))
                n = double(std::max<std::int64_t>(1, klscope::support(*d).last));
            fixed[i] = n;
        }
    return fixed;
}

bool FitDocument::setTarget(const QString &spec, const QString &text)
{
    FitState next = m_state;
    next.target = spec.trimmed();
    next.preset.clear();
    try {
        const klscope::FitTarget target = parseTarget(next.target);
        if (discreteTarget(target) != klscope::isDiscrete(next.family)) {
            next.family = discreteTarget(target) ? klscope::FitFamily::Binomial : klscope::FitFamily::Normal;
            next.fixed = defaultFixed(next.family, target);
            next.q.clear();
        } else if (next.family == klscope::FitFamily::Binomial && !next.fixed.empty() &&
                   std::get_if<klscope::Distribution>(&target)) {
            // n follows P's support, so the binomial can reach every event of P.
            next.fixed.front() = defaultFixed(next.family, target).front();
        }
    } catch (const std::exception &e) {
        return refuse(QString::fromStdString(e.what()));
    }
    return push(std::move(next), text.isEmpty() ? tr("Change P") : text, TargetMerge);
}

bool FitDocument::setFamily(klscope::FitFamily family)
{
    if (family == m_state.family)
        return true;
    FitState next = m_state;
    next.family = family;
    next.fixed = defaultFixed(family, m_target);
    next.q.clear();
    next.preset.clear();
    return push(std::move(next), tr("Change family of Q"), -1);
}

bool FitDocument::setFixed(std::size_t index, std::optional<double> value)
{
    if (index >= m_state.fixed.size())
        return refuse(tr("Q has no parameter %1.").arg(index));
    FitState next = m_state;
    next.fixed[index] = value;
    next.preset.clear();
    return push(std::move(next), value ? tr("Fix parameter") : tr("Free parameter"), FixedMerge);
}

bool FitDocument::setAlpha(double alpha)
{
    FitState next = m_state;
    next.alpha = alpha;
    return push(std::move(next), tr("Change α"), AlphaMerge);
}

bool FitDocument::setQ(std::vector<double> q)
{
    FitState next = m_state;
    next.q = std::move(q);
    return push(std::move(next), tr("Set Q"), -1);
}

bool FitDocument::setState(const FitState &state, const QString &text)
{
    return push(state, text, -1);
}

bool FitDocument::resetState(const FitState &state)
{
    if (const QString why = validate(state); !why.isEmpty())
        return refuse(why);
    undoStack()->clear();
    apply(state);
    return true;
}

bool FitDocument::push(FitState next, const QString &text, int mergeId)
{
    if (next == m_state)
        return true;
    // A merged drag step compares against the state before the drag began (ChangeValueCommand's
    // obsolete rule), so a drag back to where it started leaves no step.
    auto *command = new ChangeValueCommand<FitState>(
        text, m_state, next, [this](const FitState &s) { apply(s); }, mergeId, currentDrag());
    return pushValidated(command, [&] { return validate(next); });
}

void FitDocument::apply(const FitState &state)
{
    m_target = parseTarget(state.target);
    m_state = state;
    emit stateChanged();
}
