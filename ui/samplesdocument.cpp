#include "samplesdocument.h"

#include "changevaluecommand.h"

#include <cmath>
#include <optional>
#include <stdexcept>

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

bool SamplesDocument::setP(const QString &spec)
{
    SamplesState next = m_state;
    next.p = spec.trimmed();
    next.preset.clear();
    return push(std::move(next), tr("Change P"));
}

bool SamplesDocument::setQ(const QString &spec)
{
    SamplesState next = m_state;
    next.q = spec.trimmed();
    next.preset.clear();
    return push(std::move(next), tr("Change Q"));
}

bool SamplesDocument::setN(int n)
{
    SamplesState next = m_state;
    next.n = n;
    return push(std::move(next), tr("Change n"));
}

bool SamplesDocument::setM(int m)
{
    SamplesState next = m_state;
    next.m = m;
    return push(std::move(next), tr("Change m"));
}

bool SamplesDocument::setSeed(quint64 seed)
{
    SamplesState next = m_state;
    next.seed = seed;
    return push(std::move(next), tr("Draw new samples"));
}

bool SamplesDocument::setSmoothing(double alpha)
{
    SamplesState next = m_state;
    next.smoothing = alpha;
    return push(std::move(next), tr("Change smoothing"));
}

bool SamplesDocument::setBootstrap(int resamples)
{
    SamplesState next = m_state;
    next.bootstrap = resamples;
    return push(std::move(next), tr("Change bootstrap resamples"));
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
