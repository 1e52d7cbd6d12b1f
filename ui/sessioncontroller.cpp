#include "sessioncontroller.h"

#include "document.h"
#include "importcontroller.h"
#include "session.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QLockFile>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>

namespace {

const QString kRecentFilesKey = QStringLiteral("recentFiles");
const QString kSessionSuffix = QStringLiteral("klscope");

QString autosaveFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace

SessionController::SessionController(Document *document, QMainWindow *window)
    : QObject(window), m_document(document), m_window(window), m_autosaveTimer(new QTimer(this))
{
    // This window's autosave and its lock, held as long as the window lives.
    static int instances = 0;
    m_autosavePath =
        autosaveFolder() +
        QStringLiteral("/autosave-%1-%2.klscope").arg(QCoreApplication::applicationPid()).arg(++instances);
    QDir().mkpath(autosaveFolder());
    m_autosaveLock = std::make_unique<QLockFile>(m_autosavePath + QStringLiteral(".lock"));
    m_autosaveLock->setStaleLockTime(0);
    m_autosaveLock->tryLock(0);
    m_autosaveTimer->setInterval(60'000);
    connect(m_autosaveTimer, &QTimer::timeout, this, [this] {
        if (isModified() && m_autosaveDue)
            writeAutosave();
    });
    // The timer runs only while there are unsaved changes.
    connect(m_document, &Document::modifiedChanged, this, &SessionController::updateAutosaveTimer);
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, [this] { m_autosaveDue = true; });

    acceptDrops(window);
}

SessionController::~SessionController() = default;

template <typename Visit> void SessionController::forEachBoundPage(Visit &&visit) const
{
    forEachSessionPage(
        [&](const auto &codec, const auto &binding) {
            if (binding.document)
                visit(codec, binding);
        },
        m_pages);
}

void SessionController::setPages(SessionPageBindings pages, std::function<QString()> currentPage,
                                 std::function<void(const QString &)> showPage)
{
    m_pages = std::move(pages);
    m_currentPage = std::move(currentPage);
    m_showPage = std::move(showPage);
    // An edit on any page marks the session modified; undoing back to the saved state clears it.
    forEachBoundPage([this](const auto &, const auto &binding) {
        connect(binding.document, &DocumentBase::modifiedChanged, this,
                &SessionController::updateAutosaveTimer);
        connect(binding.document->undoStack(), &QUndoStack::indexChanged, this,
                [this] { m_autosaveDue = true; });
    });
}

bool SessionController::isModified() const
{
    bool modified = m_document->isModified();
    forEachBoundPage(
        [&](const auto &, const auto &binding) { modified = modified || binding.document->isModified(); });
    return modified;
}

void SessionController::updateAutosaveTimer()
{
    // The timer runs only while there are unsaved changes.
    if (isModified())
        m_autosaveTimer->start();
    else
        m_autosaveTimer->stop();
    emit modifiedChanged(isModified());
}

QByteArray SessionController::sessionJson(const QString &autosaveOf) const
{
    SessionPages pages;
    forEachSessionPage(
        [](const auto &, auto &state, const auto &binding) {
            if (binding.document)
                state = binding.state();
        },
        pages, m_pages);
    return sessionToJson(m_document->state(), autosaveOf, pages,
                         m_currentPage ? m_currentPage() : QStringLiteral("compare"));
}

void SessionController::addFileActions(QMenu *file)
{
    QAction *newAction = file->addAction(tr("&New"), this, [this] {
        if (maybeSave())
            newSession();
    });
    newAction->setShortcut(QKeySequence::New);
    newAction->setStatusTip(tr("Start an untitled session on the seed example."));

    QAction *openAction = file->addAction(tr("&Open…"), this, &SessionController::open);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setStatusTip(tr("Open a .klscope session."));

    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    // A disabled submenu never shows, so the parent menu refreshes it.
    connect(file, &QMenu::aboutToShow, this, &SessionController::updateRecentMenu);
    updateRecentMenu();

    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), this, &SessionController::save);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setStatusTip(tr("Save the session (both distributions, the support, the unit, the view)."));
    QAction *saveAsAction = file->addAction(tr("Save &As…"), this, &SessionController::saveAs);
    // The platform's Save As key where it has one (GNOME, macOS), else the usual Ctrl+Shift+S.
    const QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
    saveAsAction->setShortcuts(saveAsKeys.isEmpty()
                                   ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}
                                   : saveAsKeys);
    saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    saveAsAction->setStatusTip(tr("Save the session under a new name."));
}

void SessionController::acceptDrops(QWidget *widget, std::optional<Side> side)
{
    widget->setAcceptDrops(true);
    widget->installEventFilter(this);
    m_dropTargets.emplace_back(widget, side);
}

QString SessionController::displayName() const
{
    return m_currentFile.isEmpty() ? tr("untitled.klscope") : QFileInfo(m_currentFile).fileName();
}

bool SessionController::resetDocument(const DocumentState &state, QString *refusal)
{
    const auto connection =
        connect(m_document, &Document::editRefused, this, [refusal](const QString &m) { *refusal = m; });
    const bool ok = m_document->resetState(state);
    disconnect(connection);
    return ok;
}

void SessionController::newSession()
{
    // A fresh document starts on the seed example.
    const Document seed;
    QString refusal;
    resetDocument(seed.state(), &refusal);
    forEachBoundPage([](const auto &, const auto &binding) { binding.restore(binding.defaults); });
    applySessionView(*m_document, SessionView{});
    setCurrentFile(QString());
}

bool SessionController::adoptSession(const QString &path, QString *error, QString *autosaveOf)
{
    auto result = loadSession(path);
    if (const QString *e = std::get_if<QString>(&result)) {
        if (error)
            *error = *e;
        return false;
    }
    const SessionContents &contents = std::get<SessionContents>(result);
    // The other pages' states were checked as the file was read, so once the comparison page takes its
    // state every page opens: a refusal leaves every page as it was.
    QString refusal;
    if (!resetDocument(contents.state, &refusal)) {
        if (error)
            *error = tr("Cannot read file %1:\n%2").arg(QDir::toNativeSeparators(path), refusal);
        return false;
    }
    forEachSessionPage(
        [](const auto &, const auto &state, const auto &binding) {
            if (binding.document)
                binding.restore(state.value_or(binding.defaults));
        },
        contents.pages, m_pages);
    if (m_showPage)
        m_showPage(contents.page);
    if (contents.legacyView)
        applySessionView(*m_document, *contents.legacyView);
    if (autosaveOf)
        *autosaveOf = contents.autosaveOf;
    return true;
}

bool SessionController::openSession(const QString &path, QString *error)
{
    if (!adoptSession(path, error))
        return false;
    setCurrentFile(path);
    addRecentFile(path);
    return true;
}

bool SessionController::saveSession(const QString &path, QString *error)
{
    const QString e = writeSessionFile(sessionJson(QString()), path);
    if (!e.isEmpty()) {
        if (error)
            *error = e;
        return false;
    }
    m_document->undoStack()->setClean();
    forEachBoundPage([](const auto &, const auto &binding) { binding.document->undoStack()->setClean(); });
    setCurrentFile(path);
    addRecentFile(path);
    discardAutosave();
    return true;
}

QStringList SessionController::recentFiles() const
{
    QSettings settings;
    const QStringList stored = settings.value(kRecentFilesKey).toStringList();
    QStringList existing;
    for (const QString &f : stored)
        if (QFileInfo::exists(f) && !existing.contains(f))
            existing.append(f);
    if (existing.size() > kMaxRecentFiles)
        existing.resize(kMaxRecentFiles);
    if (existing != stored)
        settings.setValue(kRecentFilesKey, existing);
    return existing;
}

void SessionController::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    if (files.size() > kMaxRecentFiles)
        files.resize(kMaxRecentFiles);
    QSettings().setValue(kRecentFilesKey, files);
    updateRecentMenu();
}

void SessionController::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    int n = 0;
    for (const QString &f : files) {
        QAction *a = m_recentMenu->addAction(tr("&%1 %2").arg(++n).arg(QFileInfo(f).fileName()));
        a->setStatusTip(QDir::toNativeSeparators(f));
        connect(a, &QAction::triggered, this, [this, f] {
            if (!maybeSave())
                return;
            QString error;
            if (!openSession(f, &error))
                warn(error);
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void SessionController::setCurrentFile(const QString &path)
{
    m_currentFile = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    emit currentFileChanged(m_currentFile);
}

void SessionController::setAutosaveInterval(int ms)
{
    m_autosaveTimer->setInterval(ms);
}

int SessionController::autosaveInterval() const
{
    return m_autosaveTimer->interval();
}

bool SessionController::isAutosaveRunning() const
{
    return m_autosaveTimer->isActive();
}

QString SessionController::writeAutosave()
{
    const QString path = autosavePath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return tr("Cannot write file %1:\nits folder cannot be created").arg(QDir::toNativeSeparators(path));
    const QString error = writeSessionFile(sessionJson(m_currentFile), path);
    if (error.isEmpty())
        m_autosaveDue = false;
    else
        m_window->statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 10000);
    return error;
}

bool SessionController::hasAutosave() const
{
    return QFileInfo::exists(m_autosavePath);
}

QStringList SessionController::orphanedAutosaves()
{
    QDir folder(autosaveFolder());
    const QFileInfoList files =
        folder.entryInfoList({QStringLiteral("autosave*.klscope")}, QDir::Files, QDir::Time);
    QStringList orphans;
    for (const QFileInfo &file : files) {
        // The owner is gone when its lock can be taken: no lock file, or one whose process has ended.
        QLockFile probe(file.absoluteFilePath() + QStringLiteral(".lock"));
        probe.setStaleLockTime(0);
        if (probe.tryLock(0)) {
            probe.unlock();
            orphans.append(file.absoluteFilePath());
        }
    }
    return orphans;
}

bool SessionController::restoreAutosave(QString *error)
{
    const QStringList orphans = orphanedAutosaves();
    if (orphans.isEmpty()) {
        if (error)
            *error = tr("There is no autosave to restore.");
        return false;
    }
    QString autosaveOf;
    if (!adoptSession(orphans.constFirst(), error, &autosaveOf))
        return false;
    QFile::remove(orphans.constFirst());
    setCurrentFile(autosaveOf);
    // The restored state was never saved: leave the clean state so the title shows it and close asks.
    m_document->undoStack()->resetClean();
    return true;
}

void SessionController::discardAutosave()
{
    QFile::remove(m_autosavePath);
}

void SessionController::discardOrphanedAutosaves()
{
    for (const QString &path : orphanedAutosaves())
        QFile::remove(path);
}

void SessionController::warn(const QString &text)
{
    QMessageBox::warning(m_window, QGuiApplication::applicationDisplayName(), text);
}

bool SessionController::maybeSave()
{
    if (!isModified())
        return true;
    const auto answer =
        QMessageBox::warning(m_window, QGuiApplication::applicationDisplayName(),
                             tr("%1 has unsaved changes.\nDo you want to save them?").arg(displayName()),
                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool SessionController::save()
{
    if (m_currentFile.isEmpty())
        return saveAs();
    QString error;
    if (!saveSession(m_currentFile, &error)) {
        warn(error);
        return false;
    }
    m_window->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_currentFile)), 5000);
    return true;
}

bool SessionController::saveAs()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Session"),
                                                m_currentFile.isEmpty() ? displayName() : m_currentFile,
                                                tr("klscope sessions (*.klscope)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".") + kSessionSuffix;
    QString error;
    if (!saveSession(path, &error)) {
        warn(error);
        return false;
    }
    m_window->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void SessionController::open()
{
    if (!maybeSave())
        return;
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open Session"), QFileInfo(m_currentFile).path(),
                                     tr("klscope sessions (*.klscope);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openSession(path, &error))
        warn(error);
}

void SessionController::offerAutosaveRestore()
{
    const QStringList orphans = orphanedAutosaves();
    if (orphans.isEmpty())
        return;
    const QDateTime when = QFileInfo(orphans.constFirst()).lastModified();
    const auto answer = QMessageBox::question(
        m_window, QGuiApplication::applicationDisplayName(),
        tr("klscope did not close normally. Restore the unsaved session autosaved at %1?")
            .arg(QLocale().toString(when, QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        discardOrphanedAutosaves();
        return;
    }
    QString error;
    if (!restoreAutosave(&error))
        warn(error);
}

void SessionController::windowClosed()
{
    m_autosaveTimer->stop();
    discardAutosave();
}

bool SessionController::handleDrop(const QMimeData *mime, std::optional<Side> side)
{
    if (!mime->hasUrls() || mime->urls().isEmpty() || !mime->urls().constFirst().isLocalFile())
        return false;
    const QString path = mime->urls().constFirst().toLocalFile();
    // Dialogs wait until the drop has finished.
    QTimer::singleShot(0, this, [this, path, side] {
        if (QFileInfo(path).suffix().compare(kSessionSuffix, Qt::CaseInsensitive) == 0) {
            if (!maybeSave())
                return;
            QString error;
            if (!openSession(path, &error))
                warn(error);
            return;
        }
        if (m_imports)
            m_imports->importFile(path, side);
    });
    return true;
}

bool SessionController::eventFilter(QObject *watched, QEvent *event)
{
    const auto target = std::find_if(m_dropTargets.begin(), m_dropTargets.end(),
                                     [watched](const auto &t) { return t.first == watched; });
    if (target == m_dropTargets.end())
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (drag->mimeData()->hasUrls() && drag->mimeData()->urls().value(0).isLocalFile()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        if (handleDrop(drop->mimeData(), target->second)) {
            drop->acceptProposedAction();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}
