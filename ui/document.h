#pragma once

// The comparison document (the first page's; Tiled's Document in spirit): it owns P and Q, in the
// discrete or the continuous domain, the unit and the options, and the comparison computed from them.
// The undo stack, drags and validate-then-push come from DocumentBase. Every user edit goes through one
// of the edit functions below, which validate it and push a ChangeValueCommand of the whole state;
// views listen to the typed signals and never change state behind the document's back.

#include "comparison.h"
#include "documentbase.h"
#include "documentstate.h"

#include <continuouscomparison.h>

#include <QString>

#include <memory>
#include <optional>
#include <span>
#include <string>

/// The per-event terms a plot can show. View state, not undoable.
enum class Term
{
    KlPQ,
    KlQP,
    Js
};

class Document : public DocumentBase
{
    Q_OBJECT

public:
    /// Starts on the seed example: binomial(15, 7/15) vs uniform 0..14 on the support 0..14.
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const DocumentState &state() const { return m_state; }
    bool isContinuous() const { return m_state.isContinuous(); }
    klscope::Unit unit() const { return m_state.unit; }
    QString presetName() const { return m_state.preset; }

    // The discrete pair. In the continuous domain these read an empty discrete pair's defaults, and the
    // discrete edits below are refused; discrete views are hidden then.
    const DiscretePair &discretePair() const;
    const klscope::Distribution &distribution(Side side) const { return discretePair().distribution(side); }
    std::optional<klscope::EventRange> support() const { return discretePair().support; }
    bool renormalize() const { return discretePair().renormalize; }
    double smoothing() const { return discretePair().smoothing; }
    /// The names of the events when a side came from labelled data: labels()[x] names event x. P's
    /// labels if P is a labelled custom distribution, else Q's, else empty (events are plain numbers).
    std::span<const std::string> eventLabels() const;
    /// Per-event locks of a custom side (empty for a parametric one).
    const QList<bool> &locks(Side side) const { return discretePair().locks(side); }
    bool isLocked(Side side, int event) const;

    /// The discrete comparison of the current state, in the current unit, with per-event terms (an empty
    /// comparison in the continuous domain).
    const klscope::Comparison &comparison() const { return *m_comparison; }
    /// The same comparison, shared (views that keep it, such as the event table, copy nothing).
    std::shared_ptr<const klscope::Comparison> sharedComparison() const { return m_comparison; }

    // The continuous pair (nullptr / an empty comparison in the discrete domain).
    const ContinuousPair *continuousPair() const { return m_state.continuous(); }
    const klscope::ContinuousComparison &continuousComparison() const { return *m_continuous; }
    std::shared_ptr<const klscope::ContinuousComparison> sharedContinuousComparison() const
    {
        return m_continuous;
    }
    /// The points of the continuous plotting grid (x from both sides' quantiles).
    static constexpr std::size_t kGridPoints = 801;

    /// Whether a term is drawn in the plots (view state, not undoable).
    bool isTermVisible(Term term) const;
    void setTermVisible(Term term, bool visible);

    /// Whether editing one custom mass rescales the other unlocked masses to keep the total (default on).
    bool keepsTotal() const { return m_keepTotal; }
    void setKeepTotal(bool keep) { m_keepTotal = keep; }

    // Edits. Each pushes one undo command; a refused edit (the core throws) changes nothing, emits
    // editRefused with the core's sentence and returns false.
    bool setDistribution(Side side, const klscope::Distribution &d, int drag = 0);
    /// Sets parameter `index` (in parameters(family) order) of a parametric side.
    bool setParameter(Side side, int index, double value, int drag = 0);
    /// Switches the family, keeping the support (or, for unbounded families, the mean) where it can. From
    /// the continuous domain, the pair moves back to the discrete one as one undo step: this side becomes
    /// `family`, the other its nearest discrete counterpart (domainSwitched says how).
    bool setFamily(Side side, klscope::Family family);
    /// Sets the mass of `event` (0-based) of a custom side. With keepsTotal(), the other unlocked
    /// masses are rescaled in proportion so the total stays; the mass is clamped to what is left.
    bool setCustomMass(Side side, int event, double mass, int drag = 0);
    bool setLocked(Side side, int event, bool locked);
    /// Appends an event with mass 0 to a custom side.
    bool addCustomEvent(Side side);
    /// Removes an event of a custom side (a custom distribution keeps at least one event).
    bool removeCustomEvent(Side side, int event);
    bool setSupport(std::optional<klscope::EventRange> support);
    bool setUnit(klscope::Unit unit);
    bool setRenormalize(bool on);
    bool setSmoothing(double epsilon, int drag = 0);

    // Continuous edits.
    /// Sets a continuous side (in the continuous domain only).
    bool setContinuous(Side side, const klscope::ContinuousDistribution &d, int drag = 0);
    /// Switches a side to a continuous family. From the discrete domain, the pair moves to the continuous
    /// one as one undo step: this side becomes `family` (matching the mean and variance where it can),
    /// the other its nearest continuous counterpart; domainSwitched says what was done.
    bool setContinuousFamily(Side side, klscope::ContinuousFamily family);
    /// Reports an edit a view refused before it reached the document (a value its family cannot hold, as
    /// the core's sentence says): emits editRefused(message), changes nothing and returns false.
    bool refuseEdit(const QString &message) { return refuse(message); }
    /// The width h at which the discretisation view bins both densities (0: off).
    bool setBinWidth(double h, int drag = 0);

    /// Exchanges P and Q (and their locks), in either domain.
    bool swap();
    /// Replaces the whole state in one undo step (presets): keeps the discrete options of the current
    /// state when both are discrete.
    bool loadState(const DocumentState &state, const QString &text);
    /// The discrete form of loadState: name, P, Q, support and unit; keeps the options.
    bool loadState(const QString &preset, const klscope::Distribution &p, const klscope::Distribution &q,
                   std::optional<klscope::EventRange> support, klscope::Unit unit, const QString &text);
    /// Replaces the whole state in one undo step, the discrete options and locks included, as given (a
    /// lesson step shows exactly the state it describes). Refused (editRefused) when it cannot be compared.
    bool setState(const DocumentState &state, const QString &text);
    /// Loads a state without an undo step and marks it clean (start-up, --preset, opening a session).
    bool resetState(const DocumentState &state);

signals:
    void distributionChanged(Side side);
    void supportChanged();
    void unitChanged();
    void optionsChanged(); ///< renormalize, smoothing or the bin width
    void locksChanged(Side side);
    void presetChanged();
    /// The pair moved between the discrete and the continuous domain (by an edit, an undo or a redo).
    void domainChanged();
    void comparisonChanged();
    void termVisibilityChanged();
    /// An edit moved the pair to the other domain; `message` says what became of each side.
    void domainSwitched(const QString &message);

private:
    bool pushState(const DocumentState &candidate, const QString &text, int mergeId = 0, int drag = 0);
    /// Computes the comparison of `state` into m_prepared; returns the refusal sentence, or "".
    QString prepare(const DocumentState &state);
    /// Makes `state` current and emits what changed (the undo commands' setter).
    void applyState(const DocumentState &state);
    static klscope::CompareOptions options(const DocumentState &state);

    DocumentState m_state;
    std::shared_ptr<const klscope::Comparison> m_comparison;
    std::shared_ptr<const klscope::ContinuousComparison> m_continuous;
    /// Computed while validating, used by the next apply.
    std::optional<std::variant<klscope::Comparison, klscope::ContinuousComparison>> m_prepared;
    bool m_termVisible[3] = {true, true, true};
    bool m_keepTotal = true;
};
