// klscope-cli export, run as a process under QT_QPA_PLATFORM=offscreen: every format is written with
// its magic bytes and size, file: specs work, and usage errors exit 2 and invalid data 1 with a message.

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

struct Run
{
    int exitCode = -1;
    QString stdErr;
};

Run runCli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KLSCOPE_CLI), QStringList{QStringLiteral("export")} + arguments);
    Run run;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.stdErr = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QStringList pair()
{
    return {QStringLiteral("--p"), QStringLiteral("binomial:n=15,p=7/15"), QStringLiteral("--q"),
            QStringLiteral("uniform:a=0,b=14")};
}

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT

private slots:
    void formats_data();
    void formats();
    void fileSpec();
    void physicalSize_data();
    void physicalSize();
    void errors_data();
    void errors();

private:
    QTemporaryDir m_dir;
};

void TestCliExport::formats_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("plot");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "f.png"
                         << "all" << QByteArray("\x89PNG\r\n\x1a\n", 8);
    QTest::newRow("jpg") << "f.jpg"
                         << "distributions" << QByteArray("\xff\xd8\xff", 3);
    QTest::newRow("pdf") << "f.pdf"
                         << "contributions" << QByteArray("%PDF-");
    QTest::newRow("svg") << "f.svg"
                         << "cumulative" << QByteArray("<?xml");
}

void TestCliExport::formats()
{
    QFETCH(QString, name);
    QFETCH(QString, plot);
    QFETCH(QByteArray, magic);
    const QString path = m_dir.filePath(name);
    const Run run = runCli(pair() + QStringList{QStringLiteral("--plot"), plot, QStringLiteral("--out"), path,
                                                QStringLiteral("--width"), QStringLiteral("640"),
                                                QStringLiteral("--height"), QStringLiteral("400"),
                                                QStringLiteral("--scale"), QStringLiteral("2")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith(magic));
    if (name.endsWith(QLatin1String(".png")) || name.endsWith(QLatin1String(".jpg")))
        QCOMPARE(QImage::fromData(bytes).size(), QSize(1280, 800));
    if (name.endsWith(QLatin1String(".svg")))
        QVERIFY(bytes.contains("running sum (nats)"));
}

void TestCliExport::fileSpec()
{
    const QString data = m_dir.filePath(QStringLiteral("p.csv"));
    QFile csv(data);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("0.1\n0.2\n0.3\n0.4\n");
    csv.close();
    const QString path = m_dir.filePath(QStringLiteral("file.svg"));
    const Run run =
        runCli({QStringLiteral("--p"), QStringLiteral("file:") + data, QStringLiteral("--q"),
                QStringLiteral("uniform:a=0,b=3"), QStringLiteral("--unit"), QStringLiteral("bits"),
                QStringLiteral("--plot"), QStringLiteral("contributions"), QStringLiteral("--out"), path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("term (bits)"));
}

void TestCliExport::physicalSize_data()
{
    // A figure for a two-column paper: 85 × 60 mm, 8 pt text, a title and the caption.
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("dpi");
    QTest::addColumn<QSize>("pixels");
    QTest::newRow("png 300 dpi") << "paper.png"
                                 << "300" << QSize(1004, 709);
    QTest::newRow("png 150 dpi") << "paper150.png"
                                 << "150" << QSize(502, 354);
    QTest::newRow("jpg 600 dpi") << "paper.jpg"
                                 << "600" << QSize(2008, 1417);
    QTest::newRow("pdf") << "paper.pdf"
                         << "300" << QSize();
    QTest::newRow("svg") << "paper.svg"
                         << "300" << QSize();
}

void TestCliExport::physicalSize()
{
    QFETCH(QString, name);
    QFETCH(QString, dpi);
    QFETCH(QSize, pixels);
    const QString path = m_dir.filePath(name);
    const Run run =
        runCli(pair() + QStringList{QStringLiteral("--plot"), QStringLiteral("distributions"),
                                    QStringLiteral("--out"), path, QStringLiteral("--width-mm"),
                                    QStringLiteral("85"), QStringLiteral("--height-mm"), QStringLiteral("60"),
                                    QStringLiteral("--dpi"), dpi, QStringLiteral("--font-pt"),
                                    QStringLiteral("8"), QStringLiteral("--title"),
                                    QStringLiteral("Seed pair"), QStringLiteral("--caption")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (pixels.isValid()) {
        const QImage image = QImage::fromData(bytes);
        QCOMPARE(image.size(), pixels);
        // The image says its resolution, so it prints at 85 mm.
        QVERIFY(std::fabs(image.dotsPerMeterX() * 0.0254 - dpi.toDouble()) < 0.5);
    } else if (name.endsWith(QLatin1String(".pdf"))) {
        // The page is 85 × 60 mm: 240.94 × 170.08 points.
        const auto box =
            QRegularExpression(QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([\\d.]+)\\s+([\\d.]+)"))
                .match(QString::fromLatin1(bytes));
        QVERIFY(box.hasMatch());
        QVERIFY2(std::fabs(box.captured(1).toDouble() - 85 / 25.4 * 72) < 0.6, qPrintable(box.captured(1)));
        QVERIFY2(std::fabs(box.captured(2).toDouble() - 60 / 25.4 * 72) < 0.6, qPrintable(box.captured(2)));
    } else {
        // The SVG declares its size in millimetres, and carries the title and the caption as text.
        const auto size =
            QRegularExpression(QStringLiteral("width=\"([\\d.]+)mm\"\\s+height=\"([\\d.]+)mm\""))
                .match(QString::fromUtf8(bytes));
        QVERIFY(size.hasMatch());
        QVERIFY2(std::fabs(size.captured(1).toDouble() - 85) < 0.5, qPrintable(size.captured(1)));
        QVERIFY2(std::fabs(size.captured(2).toDouble() - 60) < 0.5, qPrintable(size.captured(2)));
        QVERIFY(bytes.contains("Seed pair"));
        QVERIFY(QString::fromUtf8(bytes).contains(QStringLiteral("KL(P‖Q) = ∞ nats")));
    }
}

void TestCliExport::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown extension") << (pair() + QStringList{"--out", "x.bmp"}) << 2 << "'.bmp'";
    QTest::newRow("no extension") << (pair() + QStringList{"--out", "figure"}) << 2 << "no extension";
    QTest::newRow("bad plot") << (pair() + QStringList{"--out", "x.png", "--plot", "bars"}) << 2 << "'bars'";
    QTest::newRow("bad width") << (pair() + QStringList{"--out", "x.png", "--width", "wide"}) << 2
                               << "--width";
    QTest::newRow("bad scale") << (pair() + QStringList{"--out", "x.png", "--scale", "0"}) << 2 << "--scale";
    QTest::newRow("no out") << pair() << 2 << "--out";
    // Issue 8: refused before the document is built or anything drawn (it used to segfault).
    QTest::newRow("image too large")
        << (pair() + QStringList{"--out", "x.png", "--width", "20000", "--height", "20000", "--scale", "2.4"})
        << 2 << "an image of 48000 × 48000 pixels is too large: the limit is 32767 pixels a side";
    QTest::newRow("jpg too many pixels")
        << (pair() + QStringList{"--out", "x.jpg", "--width", "20000", "--height", "20000", "--scale", "1"})
        << 2 << "an image of 20000 × 20000 pixels is too large";
    QTest::newRow("width-mm alone") << (pair() + QStringList{"--out", "x.png", "--width-mm", "85"}) << 2
                                    << "--height-mm";
    QTest::newRow("dpi alone") << (pair() + QStringList{"--out", "x.png", "--dpi", "300"}) << 2 << "--dpi";
    QTest::newRow("huge print") << (pair() + QStringList{"--out", "x.png", "--width-mm", "1000",
                                                         "--height-mm", "1000", "--dpi", "2400"})
                                << 2 << "pixels";
    QTest::newRow("bad font") << (pair() + QStringList{"--out", "x.png", "--font-pt", "0"}) << 2
                              << "--font-pt";
    QTest::newRow("no q") << QStringList{"--p", "poisson:lambda=3", "--out", "x.png"} << 2 << "--q";
    QTest::newRow("invalid distribution")
        << QStringList{"--p", "binomial:n=5,p=1.5", "--q", "poisson:lambda=3", "--out", "x.png"} << 1 << "p";
    QTest::newRow("missing file") << QStringList{"--p",   "file:/nonexistent/p.csv",
                                                 "--q",   "poisson:lambda=3",
                                                 "--out", "x.png"}
                                  << 1 << "p.csv";
}

void TestCliExport::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    // Relative --out names land in the test's folder if anything were written.
    const int out = int(arguments.indexOf(QStringLiteral("--out")));
    if (out >= 0)
        arguments[out + 1] = m_dir.filePath(arguments.at(out + 1));
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.stdErr.contains(message), qPrintable(run.stdErr));
    if (out >= 0)
        QVERIFY(!QFile::exists(arguments.at(out + 1)));
}

QTEST_MAIN(TestCliExport)
#include "tst_cliexport.moc"
