#pragma once

// The samples lab's document: the two known distributions samples are drawn from, the sample sizes n and m,
// the seed, the plug-in's smoothing pseudo-count and the number of bootstrap resamples. Every edit is one
// ChangeValueCommand of the whole SamplesState (validate-then-push through DocumentBase), so undo and redo
// restore the samples and everything estimated from them.

#include "documentbase.h"

#include "samplemodel.h"

#include <QString>

/// Everything the samples page's document holds. Equal states are the same document.
struct SamplesState
{
    QString p = QStringLiteral("normal:mu=0,sigma=1"); ///< P's spec (discrete or continuous)
    QString q = QStringLiteral("normal:mu=1,sigma=2"); ///< Q's spec, of the same domain as P
    int n = 1000;                                      ///< samples of P, 2..kMaxSamples
    int m = 1000;                                      ///< samples of Q, 2..kMaxSamples
    quint64 seed = 1;                                  ///< of the draws and the bootstrap
    double smoothing = 0.0;                            ///< pseudo-count per bin, 0..1000
    int bootstrap = 200;                               ///< resamples, 0..kMaxBootstrap
    QString preset;                                    ///< the preset it was loaded from ("" when none)

    bool operator==(const SamplesState &) const = default;
};

class SamplesDocument : public DocumentBase
{
    Q_OBJECT

public:
    static constexpr int kMaxSamples = 1'000'000;
    static constexpr int kMaxBootstrap = 5000;

    explicit SamplesDocument(QObject *parent = nullptr);

    const SamplesState &state() const { return m_state; }
    /// P and Q parsed from the state (always valid: a refused spec never gets in).
    const klscope::SampleModel &p() const { return m_p; }
    const klscope::SampleModel &q() const { return m_q; }

    /// The sentence saying why `state` cannot be held ("" when it can): a spec that does not parse, P and Q
    /// of different domains, a size, smoothing or bootstrap count out of range.
    static QString validate(const SamplesState &state);

    // Edits: each pushes one undo command or is refused with editRefused.
    bool setP(const QString &spec);
    bool setQ(const QString &spec);
    bool setN(int n);
    bool setM(int m);
    bool setSeed(quint64 seed);
    bool setSmoothing(double alpha);
    bool setBootstrap(int resamples);
    /// A whole state at once (a preset), one undo step named `text`.
    bool setState(const SamplesState &state, const QString &text);
    /// Replaces the state without an undo step (an opened session): the history is cleared and the document
    /// is clean. A state validate() refuses is refused with editRefused.
    bool resetState(const SamplesState &state);

signals:
    /// The state changed (an edit, an undo or a redo).
    void stateChanged();

private:
    /// Sets one field of the state as one undo step; a new P or Q (`newPair`) also drops the preset's name.
    template <typename T>
    bool change(T SamplesState::*field, T value, const QString &text, bool newPair = false);
    bool push(SamplesState next, const QString &text);
    void apply(const SamplesState &state);

    SamplesState m_state;
    klscope::SampleModel m_p, m_q;
};
