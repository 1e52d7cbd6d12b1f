#pragma once

// The fitting lab's document: the target P (a spec, continuous or discrete), the model family Q is fitted
// from, the parameters held fixed, Minka's alpha and the Q the person picked on the landscape. Every edit
// is one ChangeValueCommand of the whole FitState (validate-then-push through DocumentBase), so undo and
// redo restore P and everything computed from it; edits carrying one drag id merge into one step.

#include "documentbase.h"

#include "fitfamily.h"
#include "fitobjective.h"

#include <QString>

#include <optional>
#include <vector>

/// Everything the fit page's document holds. Equal states are the same document.
struct FitState
{
    /// P as a spec ("gmm:w1=0.5,mu1=-3,...", "custom:0.1,0.2,...", "binomial:n=20,p=0.3").
    QString target = QStringLiteral("gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=3,sigma2=1");
    klscope::FitFamily family = klscope::FitFamily::Normal;
    /// One entry per fitParameters(family): the value it is held at, or empty when the fit frees it.
    std::vector<std::optional<double>> fixed = {std::nullopt, std::nullopt};
    /// Minka's alpha in [0, 1]: 0 is KL(Q||P) (mode-seeking), 1 is KL(P||Q) (mass-covering).
    double alpha = 0.5;
    /// The Q the person set (every parameter, fitParameters order) by clicking the landscape; empty: none.
    std::vector<double> q;
    /// The preset the state was loaded from ("" when none).
    QString preset;

    bool operator==(const FitState &) const = default;
};

class FitDocument : public DocumentBase
{
    Q_OBJECT

public:
    explicit FitDocument(QObject *parent = nullptr);

    const FitState &state() const { return m_state; }
    /// P parsed from state().target (always valid: a refused spec never gets in).
    const klscope::FitTarget &target() const { return m_target; }
    /// The fixed values as the core takes them: NaN where free.
    std::vector<double> fixedValues() const;
    /// The objective of the current state (P, the family, the fixed values).
    klscope::FitObjective objective() const;

    /// The sentence saying why `state` cannot be held ("" when it can): a spec that does not parse, a family
    /// of the other domain than P, a fixed value out of range, nothing left free, alpha outside [0, 1].
    static QString validate(const FitState &state);
    /// The fixed entries a family starts with: all free, except binomial n, held at the end of a discrete
    /// P's support (20 for a continuous P).
    static std::vector<std::optional<double>> defaultFixed(klscope::FitFamily family,
                                                           const klscope::FitTarget &target);

    // Edits: each pushes one undo command (or merges into the current drag) or is refused with editRefused.
    /// A new P. When P changes domain, the family moves to the other domain's default (normal, binomial).
    /// `text` names the undo step ("" for "Change P").
    bool setTarget(const QString &spec, const QString &text = {});
    /// A new family for Q: its fixed entries start from defaultFixed and the picked Q is cleared.
    bool setFamily(klscope::FitFamily family);
    /// Holds parameter `index` at `value`, or frees it (nullopt).
    bool setFixed(std::size_t index, std::optional<double> value);
    bool setAlpha(double alpha);
    /// The Q picked on the landscape (every parameter), or none (empty).
    bool setQ(std::vector<double> q);
    /// A whole state at once (a preset), one undo step named `text`.
    bool setState(const FitState &state, const QString &text);
    /// Replaces the state without an undo step (an opened session, a starting preset): the undo history is
    /// cleared and the document is clean. A state validate() refuses is refused with editRefused.
    bool resetState(const FitState &state);

signals:
    /// The state changed (an edit, an undo or a redo).
    void stateChanged();

private:
    bool push(FitState next, const QString &text, int mergeId);
    void apply(const FitState &state);

    FitState m_state;
    klscope::FitTarget m_target;
};
