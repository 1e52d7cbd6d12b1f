#pragma once

// The session side of the window, after Qt's application example (mainwindow.cpp): New, Open, Save,
// Save As, Open Recent, asking before unsaved changes are dropped, the autosave, and dropping files on
// the window (a session opens here; a data file goes to the ImportController). MainWindow only adds its
// actions to the menus and asks it before closing.
//
// Every operation has a function that shows no dialog and reports failure through `error`, so tests
// drive them directly; the dialogs live only in the action slots. A refused file leaves the document
// exactly as it was: same state, same undo index, same modified flag.

#include "documentstate.h"
#include "sessionpagebinding.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class Document;
class ImportController;
class QAction;
class QDropEvent;
class QLabel;
class QLockFile;
class QMainWindow;
class QMenu;
class QMimeData;
class QTimer;
class QWidget;

class SessionController : public QObject
{
    Q_OBJECT

public:
    /// Most entries of File > Open Recent.
    static constexpr int kMaxRecentFiles = 8;

    SessionController(Document *document, QMainWindow *window);
    ~SessionController() override;

    /// Adds New, Open..., Open Recent, Save and Save As... to `file`.
    void addFileActions(QMenu *file);
    /// The other pages (sessionpages.h), saved under "pages" and restored with the session, and how to read
    /// and set the page showing (by the names of sessionPageNames()).
    void setPages(SessionPageBindings pages, std::function<QString()> currentPage,
                  std::function<void(const QString &)> showPage);
    /// True when any page's document has unsaved changes.
    bool isModified() const;
    /// Where dropped data files go (a session file opens here).
    void setImportController(ImportController *imports) { m_imports = imports; }
    /// Accepts dropped files on `widget`: a .klscope file opens as a session; a data file opens the
    /// import dialog, for `side` when given (an editor) or the side chosen in the dialog.
    void acceptDrops(QWidget *widget, std::optional<Side> side = std::nullopt);

    /// The session file being edited ("" for an untitled session).
    QString currentFile() const { return m_currentFile; }
    /// The file name for the title ("untitled.klscope" without a file).
    QString displayName() const;

    // Sessions, without dialogs.
    /// Starts an untitled session on the seed example (not undoable; the caller asked first).
    void newSession();
    /// Opens a session file. On failure `error` gets the message (naming the file and, for a syntax
    /// error, the line) and the document is untouched.
    bool openSession(const QString &path, QString *error);
    /// Saves to `path` atomically and marks the document clean. On failure `error` gets "Cannot write
    /// file <native path>:\n<reason>" and the document stays modified.
    bool saveSession(const QString &path, QString *error);

    /// Existing recent session files, newest first (entries whose file is gone are dropped).
    QStringList recentFiles() const;

    // Autosave. Each window has its own file, AppDataLocation/autosave-<pid>-<n>.klscope, guarded by a
    // lock file (QLockFile, "<file>.lock") held while the window lives. Only autosaves whose owner is
    // gone (no lock, or a lock left by a process that no longer runs) are offered for recovery, so a
    // second window never offers, or discards, the first one's work.
    /// This window's autosave file.
    QString autosavePath() const { return m_autosavePath; }
    /// Milliseconds between autosaves while there are unsaved changes (default 60 s).
    void setAutosaveInterval(int ms);
    int autosaveInterval() const;
    /// True while the autosave timer runs (there are unsaved changes).
    bool isAutosaveRunning() const;
    /// Writes the autosave now (empty string on success, else the message).
    QString writeAutosave();
    /// True when this window's autosave exists.
    bool hasAutosave() const;
    /// Autosaves left by windows that are gone (crashed), newest first.
    static QStringList orphanedAutosaves();
    /// Loads the newest orphaned autosave as unsaved changes (of its session file, if it had one) and
    /// removes that file; false with `error` when there is none or it cannot be read.
    bool restoreAutosave(QString *error);
    /// Removes this window's autosave file.
    void discardAutosave();
    /// Removes every orphaned autosave.
    static void discardOrphanedAutosaves();

    // With dialogs (action slots).
    /// Asks whether to save unsaved changes; false when the user cancels.
    bool maybeSave();
    bool save();
    bool saveAs();
    void open();
    /// Offers to restore an autosave left by a crash (a message box).
    void offerAutosaveRestore();
    /// Called when the window closes for good: the autosave is no longer needed.
    void windowClosed();

signals:
    void currentFileChanged(const QString &path);
    /// isModified() may have changed.
    void modifiedChanged(bool modified);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool handleDrop(const QMimeData *mime, std::optional<Side> side);
    void setCurrentFile(const QString &path);
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void warn(const QString &message);
    bool resetDocument(const DocumentState &state, QString *refusal);
    void updateAutosaveTimer();
    QByteArray sessionJson(const QString &autosaveOf) const;
    /// Loads the session at `path` into the document with its view state, or leaves both untouched and
    /// sets `error`. `autosaveOf` receives the file an autosave belongs to.
    bool adoptSession(const QString &path, QString *error, QString *autosaveOf = nullptr);

    /// Calls visit(codec, binding) for each page that has a binding.
    template <typename Visit> void forEachBoundPage(Visit &&visit) const;

    Document *m_document;
    SessionPageBindings m_pages;
    std::function<QString()> m_currentPage;
    std::function<void(const QString &)> m_showPage;
    QMainWindow *m_window;
    QString m_currentFile;
    QTimer *m_autosaveTimer;
    QString m_autosavePath;
    std::unique_ptr<QLockFile> m_autosaveLock;
    bool m_autosaveDue = false; ///< an edit happened since the last autosave
    QMenu *m_recentMenu = nullptr;
    ImportController *m_imports = nullptr;
    std::vector<std::pair<QWidget *, std::optional<Side>>> m_dropTargets;
};
