#pragma once

// What every page's document shares (Tiled's Document in spirit): the QUndoStack, the modified flag,
// drag merging and validate-then-push. A page's document derives from it, keeps its own state value and
// pushes ChangeValueCommands of that value; views listen to its signals and never change state behind
// its back.

#include <QObject>
#include <QString>

#include <functional>

class QUndoCommand;
class QUndoStack;

class DocumentBase : public QObject
{
    Q_OBJECT

public:
    ~DocumentBase() override;

    QUndoStack *undoStack() const { return m_undoStack; }
    /// True when the undo stack is away from its clean state.
    bool isModified() const;

    // Drags: edits carrying the same non-zero drag id merge into one undo step.
    /// Starts a continuous edit (slider press, bar press) and returns its id.
    int beginDrag();
    /// Ends the current drag; later edits start a new undo step.
    void endDrag();
    /// The current drag id, 0 when no drag is going on.
    int currentDrag() const { return m_drag; }

signals:
    void modifiedChanged(bool modified);
    /// endDrag() ended a drag (work deferred while it went on can run now).
    void dragFinished();
    /// An edit was refused; `message` says why in a sentence.
    void editRefused(const QString &message);

protected:
    explicit DocumentBase(QObject *parent = nullptr);

    /// Validate-then-push: runs `validate` (which emits nothing itself and returns the refusal sentence,
    /// "" when the edit is fine); a refused edit deletes `command`, emits editRefused and returns false,
    /// an accepted one is pushed (QUndoStack::push runs its redo() at once, or merges it).
    bool pushValidated(QUndoCommand *command, const std::function<QString()> &validate);
    /// Emits editRefused(message) and returns false, for edits refused before any command exists.
    bool refuse(const QString &message);
    /// For resetState(): refuses when `refusal` is not "" (nothing changes); else clears the undo history
    /// (the document is clean) and runs `apply`, which sets the new state without an undo step.
    bool resetWith(const QString &refusal, const std::function<void()> &apply);

private:
    QUndoStack *m_undoStack;
    int m_drag = 0;
    int m_lastDrag = 0;
};
