#include "checkeddevice.h"

CheckedDevice::CheckedDevice(QIODevice *target, QObject *parent) : QIODevice(parent), m_target(target)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 CheckedDevice::readData(char *, qint64)
{
    return -1;
}

qint64 CheckedDevice::writeData(const char *data, qint64 size)
{
    // After one failure nothing more is written: the file is already lost, and a later write that
    // happens to succeed must not hide the gap.
    if (!ok())
        return -1;
    const qint64 n = m_target->write(data, size);
    m_written += qMax<qint64>(n, 0);
    if (n != size) {
        const QString why = m_target->errorString();
        m_failure = why.isEmpty() || why == QLatin1String("Unknown error")
                        ? tr("only %1 of %2 bytes could be written").arg(qMax<qint64>(n, 0)).arg(size)
                        : why;
        setErrorString(m_failure);
        return -1;
    }
    return n;
}
