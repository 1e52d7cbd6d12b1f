#pragma once

// The 2-D page's document: the bivariate normals P and Q (five numbers each: the means, the variances and
// the covariance) and the view options (the mean-field fits drawn or not, which direction's integrand the
// map shows). Every edit is one ChangeValueCommand of the whole Normal2State (validate-then-push through
// DocumentBase), so undo and redo restore both sides and the view; edits carrying one drag id merge into one
// step. A side whose covariance matrix is not positive definite never gets in: the edit is refused with the
// core's sentence and nothing changes.

#include "documentbase.h"

#include <mixture2.h>
#include <normal2.h>

#include <QString>

/// A bivariate normal as five plain numbers, which may not (yet) make a valid Normal2.
struct Normal2Params
{
    double mu1 = 0.0, mu2 = 0.0;
    double var1 = 1.0, var2 = 1.0; ///< the variances (> 0)
    double cov = 0.0;              ///< the covariance; var1 var2 - cov^2 must be > 0

    /// The Normal2 of these numbers; throws std::invalid_argument with a sentence when they make none.
    klscope::Normal2 normal() const { return klscope::Normal2(mu1, mu2, var1, var2, cov); }
    /// cov / sqrt(var1 var2).
    double correlation() const;
    static Normal2Params of(const klscope::Normal2 &n);

    bool operator==(const Normal2Params &) const = default;
};

/// One component of a mixture P: its weight (> 0; the weights are normalised) and its Gaussian.
struct Normal2Component
{
    double weight = 0.5;
    Normal2Params n;

    bool operator==(const Normal2Component &) const = default;
};

/// Everything the 2-D page's document holds. Equal states are the same document.
struct Normal2State
{
    /// P, unless `mixture` holds components.
    Normal2Params p{0.0, 0.0, 1.0, 1.0, 0.0};
    /// When not empty, P is this mixture of bivariate normals (the bimodal lesson, PRML fig. 10.3) and `p`
    /// is kept but not shown; the fits of P are then the single Gaussians of mixture2.h.
    QList<Normal2Component> mixture;
    /// Reference vector 26's Q: mean (1, -1), covariance [[2, .5], [.5, 1]].
    Normal2Params q{1.0, -1.0, 2.0, 1.0, 0.5};
    /// P's fits are drawn over P: the mean-field fits of a bivariate normal P, the Gaussian fits (moment
    /// match and the reverse minima) of a mixture P.
    bool meanField = false;
    /// The integrand map shows q log(q/p) (KL(Q‖P)) instead of p log(p/q) (KL(P‖Q)).
    bool reverseIntegrand = false;
    /// The preset the state was loaded from ("" when none).
    QString preset;

    bool isMixture() const { return !mixture.isEmpty(); }
    /// The mixture P; throws std::invalid_argument with a sentence when `mixture` makes none (it is empty,
    /// a component is not positive definite or a weight is not positive).
    klscope::Mixture2 mixtureP() const;

    bool operator==(const Normal2State &) const = default;
};

class Normal2Document : public DocumentBase
{
    Q_OBJECT

public:
    /// The two sides.
    enum Side
    {
        P = 0,
        Q = 1
    };

    explicit Normal2Document(QObject *parent = nullptr);

    const Normal2State &state() const { return m_state; }
    const Normal2Params &params(Side side) const { return side == P ? m_state.p : m_state.q; }
    /// The side as a Normal2 (always valid: a refused edit never gets in).
    klscope::Normal2 normal(Side side) const { return params(side).normal(); }

    /// The sentence saying why `state` cannot be held ("" when it can): a side that is not a bivariate
    /// normal with a positive definite covariance, named "P: ..." or "Q: ...", or a mixture P that is not
    /// one ("P, component 2: ...").
    static QString validate(const Normal2State &state);

    // Edits: each pushes one undo command (or merges into the current drag) or is refused with editRefused.
    /// A new side (numbers, a mean drag, an ellipse drag).
    bool setSide(Side side, const Normal2Params &params);
    /// A new component `k` of a mixture P (numbers, a drag of its mean or axes); refused when P is not a
    /// mixture or has no component k.
    bool setComponent(int k, const Normal2Component &component);
    /// Draws or hides the mean-field fits.
    bool setMeanField(bool shown);
    /// Which direction's integrand the map shows.
    bool setReverseIntegrand(bool reverse);
    /// A whole state at once (a preset), one undo step named `text`.
    bool setState(const Normal2State &state, const QString &text);
    /// Replaces the state without an undo step (a starting preset): the undo history is cleared and the
    /// document is clean. A state validate() refuses is refused with editRefused.
    bool resetState(const Normal2State &state);

signals:
    /// The state changed (an edit, an undo or a redo).
    void stateChanged();

private:
    bool push(Normal2State next, const QString &text, int mergeId);
    void apply(const Normal2State &state);

    Normal2State m_state;
};
