#pragma once

// The document of the window (Tiled's Document in spirit): it owns P, Q, the support, the unit and
// the options, the comparison computed from them, and the QUndoStack. Every user edit goes through
// one of the edit functions below, which validate it and push an undo command; views listen to the
// typed signals and never change state behind the document's back.

#include "comparison.h"
#include "documentstate.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <span>
#include <string>

class QUndoCommand;
class QUndoStack;

/// The per-event terms a plot can show. View state, not undoable.
enum class Term
{
    KlPQ,
    KlQP,
    Js
};

class Document : public QObject
{
    Q_OBJECT

public:
    /// Starts on the seed example: binomial(15, 7/15) vs uniform 0..14 on the support 0..14.
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const DocumentState &state() const { return m_state; }
    const klscope::Distribution &distribution(Side side) const { return m_state.distribution(side); }
    std::optional<klscope::EventRange> support() const { return m_state.support; }
    klscope::Unit unit() const { return m_state.unit; }
    bool renormalize() const { return m_state.renormalize; }
    double smoothing() const { return m_state.smoothing; }
    QString presetName() const { return m_state.preset; }
    /// The names of the events when a side came from labelled data: labels()[x] names event x. P's
    /// labels if P is a labelled custom distribution, else Q's, else empty (events are plain numbers).
    std::span<const std::string> eventLabels() const;
    /// Per-event locks of a custom side (empty for a parametric one).
    const QList<bool> &locks(Side side) const { return m_state.locks(side); }
    bool isLocked(Side side, int event) const;

    /// The comparison of the current state, in the current unit, with per-event terms.
    const klscope::Comparison &comparison() const { return *m_comparison; }
    /// The same comparison, shared (views that keep it, such as the event table, copy nothing).
    std::shared_ptr<const klscope::Comparison> sharedComparison() const { return m_comparison; }

    QUndoStack *undoStack() const { return m_undoStack; }
    /// True when the undo stack is away from its clean state.
    bool isModified() const;

    /// Whether a term is drawn in the plots (view state, not undoable).
    bool isTermVisible(Term term) const;
    void setTermVisible(Term term, bool visible);

    /// Whether editing one custom mass rescales the other unlocked masses to keep the total (default on).
    bool keepsTotal() const { return m_keepTotal; }
    void setKeepTotal(bool keep) { m_keepTotal = keep; }

    // Drags: edits carrying the same non-zero drag id merge into one undo step.
    /// Starts a continuous edit (slider press, bar press) and returns its id.
    int beginDrag();
    /// Ends the current drag; later edits start a new undo step.
    void endDrag();
    /// The current drag id, 0 when no drag is going on.
    int currentDrag() const { return m_drag; }

    // Edits. Each pushes one undo command; a refused edit (the core throws) changes nothing, emits
    // editRefused with the core's sentence and returns false.
    bool setDistribution(Side side, const klscope::Distribution &d, int drag = 0);
    /// Sets parameter `index` (in parameters(family) order) of a parametric side.
    bool setParameter(Side side, int index, double value, int drag = 0);
    /// Switches the family, keeping the support (or, for unbounded families, the mean) where it can.
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
    /// Exchanges P and Q (and their locks).
    bool swap();
    /// Replaces the whole state in one undo step (presets): name, P, Q, support and unit;
    /// keeps the options.
    bool loadState(const QString &preset, const klscope::Distribution &p, const klscope::Distribution &q,
                   std::optional<klscope::EventRange> support, klscope::Unit unit, const QString &text);
    /// Loads a state without an undo step and marks it clean (start-up, --preset).
    bool resetState(const DocumentState &state);

    /// Called by the undo commands only: makes `state` current and emits what changed.
    void applyState(const DocumentState &state);

signals:
    void distributionChanged(Side side);
    void supportChanged();
    void unitChanged();
    void optionsChanged(); ///< renormalize or smoothing
    void locksChanged(Side side);
    void presetChanged();
    void comparisonChanged();
    void termVisibilityChanged();
    void modifiedChanged(bool modified);
    /// An edit was refused; `message` is the core's sentence.
    void editRefused(const QString &message);

private:
    bool push(QUndoCommand *command, const DocumentState &candidate);
    bool pushState(const DocumentState &candidate, const QString &text, int mergeId = 0, int drag = 0);
    std::optional<klscope::Comparison> tryCompare(const DocumentState &state);
    static klscope::CompareOptions options(const DocumentState &state);

    DocumentState m_state;
    std::shared_ptr<const klscope::Comparison> m_comparison;
    std::optional<klscope::Comparison> m_prepared; ///< computed while validating, used by the next apply
    QString m_lastError;                           ///< the core's sentence for the last refused compare
    QUndoStack *m_undoStack;
    bool m_termVisible[3] = {true, true, true};
    bool m_keepTotal = true;
    int m_drag = 0;
    int m_lastDrag = 0;
};
