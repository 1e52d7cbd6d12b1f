#pragma once

// The one way klscope writes a file: sessions, the autosave, figures (PNG, JPG, PDF, SVG, from the
// window and from klscope-cli), the event table (CSV), the metrics (JSON) and screenshots. After Qt's
// application example: the bytes go to a QSaveFile, every write is checked (through a CheckedDevice,
// since image and vector writers ignore their own write errors), the buffer is flushed and checked,
// and only then does commit() replace the old file. If any step fails the old file stays as it was and
// the caller gets "Cannot write file <native path>:\n<reason>".

#include <QSaveFile>
#include <QString>

#include <functional>
#include <memory>

class CheckedDevice;
class QIODevice;

class AtomicWriter
{
public:
    /// Prepares to replace `fileName`; nothing is touched until open().
    explicit AtomicWriter(const QString &fileName);
    /// Discards the temporary file unless commit() succeeded.
    ~AtomicWriter();
    AtomicWriter(const AtomicWriter &) = delete;
    AtomicWriter &operator=(const AtomicWriter &) = delete;

    /// Creates the temporary file beside `fileName`. On failure returns the message, else "".
    QString open();
    /// Where the content goes (valid after a successful open()): a write-only device whose every
    /// write is checked.
    QIODevice *device() const;
    /// Writes `bytes`; false when the write failed (commit() then reports why).
    bool write(const char *bytes, qint64 size);
    bool write(const QByteArray &bytes) { return write(bytes.constData(), bytes.size()); }
    /// Flushes, checks that every byte reached the file, and atomically replaces `fileName`. Returns
    /// "" on success, else the message; the old file is then intact.
    QString commit();
    /// Gives up (the old file stays) and returns the message for `reason`, or for the first failed
    /// write when there was one (it explains more than a producer's "could not encode").
    QString abandon(const QString &reason);

    /// "Cannot write file <native path>:\n<reason>".
    static QString cannotWrite(const QString &fileName, const QString &reason);

private:
    QString m_fileName;
    QSaveFile m_file;
    std::unique_ptr<CheckedDevice> m_device;
    bool m_committed = false;
};

/// Writes `fileName` through an AtomicWriter: opens it, calls `produce` with the device, which
/// returns "" or why it could not produce the content, then commits. Returns "" or the message.
QString writeFileAtomically(const QString &fileName, const std::function<QString(QIODevice *)> &produce);
