#pragma once

// A data file a page's state was read from, as a session remembers it: its absolute path, its size and
// its modification time when it was read. A page that re-reads the file when a session opens compares the
// stamps to say whether the file is gone or has changed since.

#include <QDateTime>
#include <QFileInfo>
#include <QString>

struct FileStamp
{
    QString path;       ///< absolute; "" when the state comes from no file
    qint64 size = -1;   ///< bytes, -1 when unknown
    QDateTime modified; ///< the last modification, invalid when unknown

    bool operator==(const FileStamp &) const = default;
    bool isEmpty() const { return path.isEmpty(); }

    /// The stamp of the file at `path` as it is now (size -1 and an invalid time when it does not exist).
    static FileStamp of(const QString &path)
    {
        const QFileInfo info(path);
        FileStamp stamp;
        stamp.path = info.absoluteFilePath();
        if (info.exists()) {
            stamp.size = info.size();
            stamp.modified = info.lastModified().toUTC();
        }
        return stamp;
    }
};
