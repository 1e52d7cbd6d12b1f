#include "samplesdocument.h"

#include "changevaluecommand.h"

#include <cmath>
#include <optional>
#include <stdexcept>
#include <utility>

SamplesDocument::SamplesDocument(QObject *parent)
    : DocumentBase(parent), m_p(klscope::parseSampleModel(m_state.p.toStdString())),
      m_q(klscope::parseSampleModel(m_state.q.toStdString()))
{}

QString SamplesDocument::validate(const SamplesState &state)
{
    std::optional<klscope::SampleModel> p, q;
    try {
        p = klscope::parseSampleModel(state.p.toStdString());
    } catch (const std::invalid_argument &e) {
        return tr("P: %1").arg(QString::fromStdString(e.what()));
    }
    try {
        q = klscope::parseSampleModel(state.q.toStdString());
    } catch (const std::invalid_argument &e) {
        return tr("Q: %1").arg(QString::fromStdString(e.what()));
    }
    if (klscope::isContinuous(*p) != klscope::isContinuous(*q))
        return tr("P and Q must both be discrete or both continuous, so that their samples share bins.");
    if (state.n < 2 || state.n > kMaxSamples || state.m < 2 || state.m > kMaxSamples)
        return tr("The sample sizes must lie between 2 and %1.").arg(kMaxSamples);
    if (!(state.smoothing >= 0 && state.smoothing <= 1000))
        return tr("The smoothing pseudo-count must lie between 0 and 1000.");
    if (state.bootstrap < 0 || state.bootstrap > kMaxBootstrap)
        return tr("The bootstrap resamples must lie between 0 and %1.").arg(kMaxBootstrap);
    return {};
}

template <typename T>
bool SamplesDocument::change(T SamplesState::*field, T value, const QString &text, bool newPair)
{
    SamplesState next = m_state;
    next.*field = std::move(value);
    // A new P or Q is no longer the preset's pair; the other settings are variations of it.
    if (newPair)
        next.preset.clear();
    return push(std::move(next), text);
}

bool SamplesDocument::setP(const QString &spec)
{
    return change(&SamplesState::p, spec.trimmed(), tr("Change P"), true);
}

bool SamplesDocument::setQ(const QString &spec)
{
    return change(&SamplesState::q, spec.trimmed(), tr("Change Q"), true);
}

bool SamplesDocument::setN(int n)
{
    return change(&SamplesState::n, n, tr("Change n"));
}

bool SamplesDocument::setM(int m)
{
    return change(&SamplesState::m, m, tr("Change m"));
}

bool SamplesDocument::setSeed(quint64 seed)
{
    return change(&SamplesState::seed, seed, tr("Draw new samples"));
}

bool SamplesDocument::setSmoothing(double alpha)
{
    return change(&SamplesState::smoothing, alpha, tr("Change smoothing"));
}

bool SamplesDocument::setBootstrap(int resamples)
{
    return change(&SamplesState::bootstrap, resamples, tr("Change bootstrap resamples"));
}

bool SamplesDocument::setState(const SamplesState &state, const QString &text)
{
    return push(state, text);
}

bool SamplesDocument::resetState(const SamplesState &state)
{
    return resetWith(validate(state), [&] { apply(state); });
}

bool SamplesDocument::push(SamplesState next, const QString &text)
{
    if (next == m_state)
        return true;
    auto *command = new ChangeValueCommand<SamplesState>(text, m_state, next,
                                                         [this](const SamplesState &s) { apply(s); });
    return pushValidated(command, [&] { return validate(next); });
}

void SamplesDocument::apply(const SamplesState &state)
{
    m_p = klscope::parseSampleModel(state.p.toStdString());
    m_q = klscope::parseSampleModel(state.q.toStdString());
    m_state = state;
    emit stateChanged();
}
