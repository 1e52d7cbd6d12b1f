#pragma once

// A write-only QIODevice in front of another one that remembers the first write that failed or fell
// short. QSvgGenerator, QPdfWriter and QTextStream ignore the result of their writes, so a full disk
// would otherwise go unseen; behind this device every byte they write is accounted for.

#include <QIODevice>
#include <QString>

class CheckedDevice : public QIODevice
{
    Q_OBJECT

public:
    /// Forwards writes to `target`, which must be open for writing and outlive this device. The
    /// device opens itself write-only and unbuffered.
    explicit CheckedDevice(QIODevice *target, QObject *parent = nullptr);

    /// True when every write so far reached the target in full.
    bool ok() const { return m_failure.isEmpty(); }
    /// Why the first failed write failed ("" while ok()).
    QString failure() const { return m_failure; }
    /// Bytes the target accepted.
    qint64 written() const { return m_written; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QIODevice *m_target;
    QString m_failure;
    qint64 m_written = 0;
};
