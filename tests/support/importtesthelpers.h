#pragma once

// What the import tests (tst_import, tst_imageimport) share: writing and reading a test file, dropping a
// file on a widget as a file manager does, and answering the modal dialog that opens.

#include <QApplication>
#include <QByteArray>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include <memory>

namespace klscope::test {

/// Writes `bytes` to `path`; false when it cannot.
inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// The bytes of `path` (empty when it cannot be read).
inline QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Drags the file `path` onto `target` and drops it there; false when the target refuses the drag. A
/// dialog the drop opens runs inside this call (answer it with answerNextDialog).
inline bool dropFile(QWidget *target, const QString &path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return true;
}

/// Answers the next modal dialog of type Dialog: a timer looks for it every 10 ms and calls `answer` on it
/// once. Keep the returned timer alive until the dialog has been answered.
template <typename Dialog, typename Answer> std::unique_ptr<QTimer> answerNextDialog(Answer answer)
{
    auto timer = std::make_unique<QTimer>();
    QTimer *t = timer.get();
    t->setInterval(10);
    QObject::connect(t, &QTimer::timeout, t, [t, answer] {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        t->stop();
        answer(dialog);
    });
    t->start();
    return timer;
}

} // namespace klscope::test
