// The one writer of every file (AtomicWriter) and the device that checks every write (CheckedDevice),
// on a device that fails on purpose: the failure is seen even when the producer (QTextStream,
// QSvgGenerator, QPdfWriter, QImageWriter) ignores it, and a failed write never replaces the old file.
// tst_fulldisk does the same on a real full disk.

#include "atomicwriter.h"
#include "checkeddevice.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtTest>

namespace {

// Accepts `budget` bytes, then fails like a full disk: a short write, then -1.
class FailingDevice : public QIODevice
{
public:
    explicit FailingDevice(qint64 budget) : m_budget(budget) { open(QIODevice::WriteOnly); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        const qint64 n = qMin(size, m_budget);
        m_budget -= n;
        if (n < size)
            setErrorString(QStringLiteral("No space left on device"));
        return n == 0 ? -1 : n;
    }

private:
    qint64 m_budget;
};

void drawSomething(QPaintDevice *device)
{
    QPainter painter(device);
    for (int i = 0; i < 200; ++i)
        painter.drawText(QPointF(10, 10 + i), QStringLiteral("a line of text that fills the page %1").arg(i));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool writeRaw(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestAtomicWriter : public QObject
{
    Q_OBJECT

private slots:
    void checkedDeviceSeesWhatProducersIgnore_data()
    {
        QTest::addColumn<QString>("producer");
        QTest::addColumn<qint64>("budget");
        for (const char *producer : {"text stream", "svg", "pdf", "png"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1, nothing fits").arg(producer)))
                << producer << qint64(0);
            QTest::newRow(qPrintable(QStringLiteral("%1, 100 bytes fit").arg(producer)))
                << producer << qint64(100);
        }
    }
    void checkedDeviceSeesWhatProducersIgnore()
    {
        QFETCH(QString, producer);
        QFETCH(qint64, budget);
        FailingDevice disk(budget);
        CheckedDevice checked(&disk);
        if (producer == QLatin1String("text stream")) {
            QTextStream out(&checked);
            for (int i = 0; i < 1000; ++i)
                out << "row " << i << '\n';
            out.flush();
        } else if (producer == QLatin1String("svg")) {
            QSvgGenerator svg;
            svg.setOutputDevice(&checked);
            svg.setSize(QSize(300, 300));
            drawSomething(&svg);
        } else if (producer == QLatin1String("pdf")) {
            QPdfWriter pdf(&checked);
            drawSomething(&pdf);
        } else {
            QImage image(300, 300, QImage::Format_RGB32);
            image.fill(Qt::white);
            drawSomething(&image);
            QImageWriter(&checked, "png").write(image);
        }
        QVERIFY(!checked.ok());
        QCOMPARE(checked.failure(), QStringLiteral("No space left on device"));
        QCOMPARE(checked.written(), budget);
    }

    void shortWriteWithoutAReasonIsNamed()
    {
        // A device that takes half and says nothing: the message still says what happened.
        class Half : public QIODevice
        {
        public:
            Half() { open(QIODevice::WriteOnly); }

        protected:
            qint64 readData(char *, qint64) override { return -1; }
            qint64 writeData(const char *, qint64 size) override { return size / 2; }
        } half;
        CheckedDevice checked(&half);
        QCOMPARE(checked.write("0123456789"), qint64(-1));
        QCOMPARE(checked.failure(), QStringLiteral("only 5 of 10 bytes could be written"));
        // After a failure nothing more goes through, so no gap can be hidden by a later success.
        QCOMPARE(checked.write("x"), qint64(-1));
        QCOMPARE(checked.written(), qint64(5));
    }

    void failedProducerKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.json"));
        QVERIFY(writeRaw(path, "old content"));
        const QString error = writeFileAtomically(path, [](QIODevice *device) {
            device->write("half of the new ");
            return QStringLiteral("the figure could not be encoded");
        });
        QCOMPARE(error, QStringLiteral("Cannot write file %1:\nthe figure could not be encoded")
                            .arg(QDir::toNativeSeparators(path)));
        QCOMPARE(readAll(path), QByteArray("old content"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"old.json"});
    }

    void unopenablePathSaysWhy()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("blocker"));
        QVERIFY(writeRaw(blocker, "x"));
        const QString path = blocker + QStringLiteral("/x.svg");
        bool produced = false;
        const QString error = writeFileAtomically(path, [&](QIODevice *) {
            produced = true;
            return QString();
        });
        QVERIFY2(
            error.startsWith(QStringLiteral("Cannot write file %1:\n").arg(QDir::toNativeSeparators(path))),
            qPrintable(error));
        QVERIFY(!produced);
    }

    void successReplacesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.csv"));
        QVERIFY(writeRaw(path, "old"));
        AtomicWriter writer(path);
        QCOMPARE(writer.open(), QString());
        QVERIFY(writer.write(QByteArray("a,b\n1,2\n")));
        QCOMPARE(writer.commit(), QString());
        QCOMPARE(readAll(path), QByteArray("a,b\n1,2\n"));
    }

    void droppedWriterKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept.klscope"));
        QVERIFY(writeRaw(path, "old"));
        {
            AtomicWriter writer(path);
            QCOMPARE(writer.open(), QString());
            QVERIFY(writer.write(QByteArray("never committed")));
        }
        QCOMPARE(readAll(path), QByteArray("old"));
    }
};

QTEST_MAIN(TestAtomicWriter)
#include "tst_atomicwriter.moc"
