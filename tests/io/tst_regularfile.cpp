// The one check every loader runs before opening a file (checkRegularFile): anything that is not a
// regular file is refused before it is opened, so a FIFO with no writer never blocks; a symbolic link
// loop says so; a file one byte over the limit gives both sizes in exact bytes. Data files, file: specs
// and (in tests/files) sessions all go through it.

#include "delimitedtext.h"
#include "filespec.h"
#include "textcheck.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace klscope::import;

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

} // namespace

class TestRegularFile : public QObject
{
    Q_OBJECT

private slots:
    void refusedBeforeOpening_data();
    void refusedBeforeOpening();
    void fileAtTheLimitPasses();
    void cliRefusesAFifo();
    void byteLimitText_data();
    void byteLimitText();

private:
    QTemporaryDir m_dir;
};

void TestRegularFile::refusedBeforeOpening_data()
{
    QVERIFY(m_dir.isValid());
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");

    const QString fifo = m_dir.filePath(QStringLiteral("pipe.csv"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QTest::newRow("fifo with no writer") << fifo << "pipe.csv: is a named pipe (FIFO), not a regular file";

    const QString a = m_dir.filePath(QStringLiteral("loop-a.csv"));
    const QString b = m_dir.filePath(QStringLiteral("loop-b.csv"));
    QVERIFY(QFile::link(b, a));
    QVERIFY(QFile::link(a, b));
    QTest::newRow("symbolic link loop")
        << a << "loop-a.csv: is a symbolic link loop (too many levels of symbolic links)";

    const QString dangling = m_dir.filePath(QStringLiteral("dangling.csv"));
    QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("gone.csv")), dangling));
    QTest::newRow("dangling symbolic link")
        << dangling << "dangling.csv: is a symbolic link to a missing file";

    QTest::newRow("missing") << m_dir.filePath(QStringLiteral("missing.csv")) << "missing.csv: no such file";
    QTest::newRow("folder") << m_dir.path() + QStringLiteral("/")
                            << m_dir.path() + "/: is a folder, not a file";
    if (QFile::exists(QStringLiteral("/dev/null")))
        QTest::newRow("device") << "/dev/null"
                                << "null: is a device, not a regular file";

    // Sparse: no disk space is used, and nothing may read it.
    const QString big = m_dir.filePath(QStringLiteral("big.csv"));
    {
        QFile file(big);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(qint64(kMaxFileBytes) + 1));
    }
    QTest::newRow("one byte over the limit")
        << big << "big.csv: is 1073741825 bytes, larger than the limit of 1073741824 bytes (1 GiB)";
}

void TestRegularFile::refusedBeforeOpening()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const auto refused = checkRegularFile(utf8(path));
    QVERIFY(refused.has_value());
    QCOMPARE(QString::fromStdString(refused->message), expected);
    QCOMPARE(refused->line, std::size_t(0));
    // Every reader refuses it with the same sentence, and none of them opens it (a FIFO would block
    // here forever, and the test would time out).
    const auto table = readDelimitedFile(utf8(path));
    QVERIFY(!table.ok());
    QCOMPARE(QString::fromStdString(table.error().message), expected);
    const auto spec = resolveSpec("file:" + utf8(path));
    QVERIFY(!spec.ok());
    QVERIFY2(QString::fromStdString(spec.error().message).contains(expected.section(QStringLiteral(": "), 1)),
             spec.error().message.c_str());
}

void TestRegularFile::fileAtTheLimitPasses()
{
    const QString path = m_dir.filePath(QStringLiteral("limit.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(qint64(kMaxFileBytes)));
    file.close();
    QVERIFY(!checkRegularFile(utf8(path)).has_value());
    // A smaller limit (sessions have their own) is honoured, to the byte.
    const auto refused = checkRegularFile(utf8(path), kMaxFileBytes - 1);
    QVERIFY(refused.has_value());
    QCOMPARE(QString::fromStdString(refused->message),
             QStringLiteral("limit.csv: is 1073741824 bytes, larger than the limit of 1073741823 bytes "
                            "(1073741823 bytes)"));
}

// `klscope-cli compute --p file:FIFO` used to block forever; it now exits 1 with the reason.
void TestRegularFile::cliRefusesAFifo()
{
    const QString fifo = m_dir.filePath(QStringLiteral("cli-pipe.csv"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QProcess cli;
    cli.start(QStringLiteral(KLSCOPE_CLI),
              {QStringLiteral("compute"), QStringLiteral("--p"), QStringLiteral("file:") + fifo,
               QStringLiteral("--q"), QStringLiteral("custom:1")});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 1);
    const QString stdErr = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(stdErr.contains(QStringLiteral("cli-pipe.csv: is a named pipe (FIFO), not a regular file")),
             qPrintable(stdErr));
}

void TestRegularFile::byteLimitText_data()
{
    QTest::addColumn<qulonglong>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("1 GiB") << (qulonglong(1) << 30) << "1 GiB";
    QTest::newRow("512 MiB") << qulonglong(512) * 1024 * 1024 << "512 MiB";
    QTest::newRow("1 GiB + 1 MiB") << (qulonglong(1025) << 20) << "1025 MiB";
    QTest::newRow("odd") << qulonglong(1000) << "1000 bytes";
    QTest::newRow("1 GiB + 1") << (qulonglong(1) << 30) + 1 << "1073741825 bytes";
}

void TestRegularFile::byteLimitText()
{
    QFETCH(qulonglong, bytes);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(klscope::import::byteLimitText(bytes)), expected);
}

QTEST_APPLESS_MAIN(TestRegularFile)
#include "tst_regularfile.moc"
