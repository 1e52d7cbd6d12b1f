#include "atomicwriter.h"

#include "checkeddevice.h"

#include <QDir>
#include <QObject>

AtomicWriter::AtomicWriter(const QString &fileName) : m_fileName(fileName), m_file(fileName) {}

AtomicWriter::~AtomicWriter()
{
    if (!m_committed && m_file.isOpen())
        m_file.cancelWriting();
}

QString AtomicWriter::cannotWrite(const QString &fileName, const QString &reason)
{
    return QObject::tr("Cannot write file %1:\n%2").arg(QDir::toNativeSeparators(fileName), reason);
}

QString AtomicWriter::open()
{
    if (!m_file.open(QIODevice::WriteOnly))
        return cannotWrite(m_fileName, m_file.errorString());
    m_device = std::make_unique<CheckedDevice>(&m_file);
    return {};
}

QIODevice *AtomicWriter::device() const
{
    return m_device.get();
}

bool AtomicWriter::write(const char *bytes, qint64 size)
{
    return m_device && m_device->write(bytes, size) == size;
}

QString AtomicWriter::abandon(const QString &reason)
{
    const QString why = m_device && !m_device->ok() ? m_device->failure() : reason;
    if (m_file.isOpen())
        m_file.cancelWriting();
    return cannotWrite(m_fileName, why);
}

QString AtomicWriter::commit()
{
    if (!m_device)
        return cannotWrite(m_fileName, QObject::tr("the file was never opened"));
    if (!m_device->ok())
        return abandon(m_device->failure());
    // QSaveFile::commit() flushes its buffer while closing but does not look at the result, so the last
    // (or, for a small file, the only) block could fail on a full disk and the rename would still
    // replace the old file with a short one. Flush first and check.
    if (!m_file.flush() || m_file.error() != QFileDevice::NoError)
        return abandon(m_file.errorString());
    if (!m_file.commit())
        return cannotWrite(m_fileName, m_file.errorString());
    m_committed = true;
    return {};
}

QString writeFileAtomically(const QString &fileName, const std::function<QString(QIODevice *)> &produce)
{
    AtomicWriter writer(fileName);
    if (QString error = writer.open(); !error.isEmpty())
        return error;
    if (const QString reason = produce(writer.device()); !reason.isEmpty())
        return writer.abandon(reason);
    return writer.commit();
}
