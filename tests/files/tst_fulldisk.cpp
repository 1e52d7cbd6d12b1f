// Every writer on a real full disk: a 64 KiB tmpfs mounted by the test (which needs root; CI runs as
// root) and filled up. Session Save, the metrics JSON, the event table CSV and klscope-cli export of
// SVG, PNG and PDF must all fail with "Cannot write file ...", leave the old file exactly as it was, keep
// the document modified and never say "Saved". (QSaveFile::commit() does not check the flush it does
// while closing, so a small file used to "succeed" as 0 bytes over the old one.)

#include "dataexport.h"
#include "document.h"
#include "mainwindow.h"
#include "session.h"
#include "sessioncontroller.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cerrno>
#include <cstring>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool writeRaw(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.flush();
}

} // namespace

class TestFullDisk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("klscope-test-fulldisk"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_fulldisk"));
        if (::geteuid() != 0)
            QSKIP(
                "mounting a tmpfs needs root (CI runs as root); the failing-device half is tst_atomicwriter");
        QVERIFY(m_dir.isValid());
        m_mount = m_dir.filePath(QStringLiteral("disk"));
        QVERIFY(QDir().mkpath(m_mount));
        if (::mount("tmpfs", QFile::encodeName(m_mount).constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs here: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno)))));
        m_mounted = true;
    }

    void cleanupTestCase()
    {
        if (m_mounted)
            QCOMPARE(::umount2(QFile::encodeName(m_mount).constData(), MNT_DETACH), 0);
    }

    // Every test starts on a disk with the old files in place and no byte free.
    void init() { QVERIFY(fill(0)); }

    void sessionSaveFailsAndKeepsEverything()
    {
        MainWindow w;
        // Saved once while there was room, so File → Save writes to it again.
        QFile::remove(filler());
        const QString session = path("lecture.klscope");
        QString error;
        QVERIFY2(w.sessions()->saveSession(session, &error), qPrintable(error));
        const QByteArray before = readAll(session);
        QVERIFY(before.contains("klscope-session"));
        QVERIFY(fill(0));

        QVERIFY(w.document()->setUnit(klscope::Unit::Bits));
        QVERIFY(w.document()->isModified());
        QString warning;
        // File → Save shows a modal warning; read and close it from the event loop it runs.
        QTimer::singleShot(0, this, [&warning] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                warning = box->text();
                box->close();
            }
        });
        QVERIFY(!w.sessions()->save());
        QVERIFY2(warning.startsWith(
                     QStringLiteral("Cannot write file %1:\n").arg(QDir::toNativeSeparators(session))),
                 qPrintable(warning));
        QVERIFY(!w.statusBar()->currentMessage().contains(QStringLiteral("Saved")));
        QVERIFY(w.document()->isModified());
        QVERIFY(w.isWindowModified());
        QCOMPARE(readAll(session), before);
        // The autosave goes through the same writer.
        const QString autosaveError = writeSessionFile(sessionToJson(w.document()->state()), session);
        QVERIFY(!autosaveError.isEmpty());
        QCOMPARE(readAll(session), before);
        QCOMPARE(leftovers(), QStringList({"filler", "lecture.klscope"}));
    }

    void dataExportsFailAndKeepTheOldFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("metrics json") << "metrics.json";
        QTest::newRow("table csv") << "table.csv";
    }
    void dataExportsFailAndKeepTheOldFile()
    {
        QFETCH(QString, name);
        const QString file = path(name);
        QFile::remove(filler());
        QVERIFY(writeRaw(file, "old " + name.toUtf8()));
        QVERIFY(fill(0));
        Document document;
        const QString error = name.endsWith(QLatin1String(".json"))
                                  ? dataexport::writeMetricsJson(document.comparison(), file)
                                  : dataexport::writeEventTableCsv(document.sharedComparison(), file);
        QVERIFY2(
            error.startsWith(QStringLiteral("Cannot write file %1:\n").arg(QDir::toNativeSeparators(file))),
            qPrintable(error));
        QCOMPARE(readAll(file), "old " + name.toUtf8());
    }

    // A full disk, and one with 8 KiB free, less than any of these figures (18 to 120 KiB): then the
    // first writes succeed and a later one falls short, which is how an SVG used to end up truncated.
    void cliExportFailsAndKeepsTheOldFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("free");
        for (const char *name : {"fig.svg", "fig.png", "fig.pdf", "fig.jpg"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1, full").arg(name))) << name << 0;
            QTest::newRow(qPrintable(QStringLiteral("%1, 8 KiB free").arg(name))) << name << 8192;
        }
    }
    void cliExportFailsAndKeepsTheOldFile()
    {
        QFETCH(QString, name);
        QFETCH(int, free);
        const QString file = path(name);
        QFile::remove(filler());
        QVERIFY(writeRaw(file, "old " + name.toUtf8()));
        QVERIFY(fill(free));
        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        cli.setProcessEnvironment(environment);
        cli.start(QStringLiteral(KLSCOPE_CLI),
                  {QStringLiteral("export"), QStringLiteral("--p"), QStringLiteral("binomial:n=15,p=7/15"),
                   QStringLiteral("--q"), QStringLiteral("uniform:a=0,b=14"), QStringLiteral("--out"), file,
                   QStringLiteral("--width"), QStringLiteral("600"), QStringLiteral("--height"),
                   QStringLiteral("400")});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        const QString stdErr = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(stdErr.contains(QStringLiteral("Cannot write file %1:").arg(QDir::toNativeSeparators(file))),
                 qPrintable(stdErr));
        QCOMPARE(readAll(file), "old " + name.toUtf8());
    }

private:
    // Fills the disk, then frees `free` bytes (whole pages) again. False when that did not work.
    bool fill(qint64 free)
    {
        QFile::remove(filler());
        QFile filler(this->filler());
        if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return false;
        const QByteArray block(4096, 'f');
        while (filler.write(block) == block.size()) {
        }
        if (free > 0 && !filler.resize(filler.size() - free))
            return false;
        filler.close();
        struct statvfs fs = {};
        if (::statvfs(QFile::encodeName(m_mount).constData(), &fs) != 0)
            return false;
        return qint64(fs.f_bavail * fs.f_bsize) == free;
    }
    QString path(const QString &name) const { return m_mount + QLatin1Char('/') + name; }
    QString filler() const { return path(QStringLiteral("filler")); }
    QStringList leftovers() const
    {
        return QDir(m_mount).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    }

    QTemporaryDir m_dir;
    QString m_mount;
    bool m_mounted = false;
};

QTEST_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
