// klscope-cli export with continuous specs (issue 10): the continuous page's figure (densities, integrands,
// running integrals) in every format and for every --plot word, an infinite KL still exported, the
// caption read from the continuous comparison, mixed domains and discrete-only options refused with exit 2,
// and a failed write leaving the old file as it was.

#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using klscope::test::runCli;

namespace {

QStringList exportArgs(const QStringList &arguments)
{
    return QStringList{QStringLiteral("export")} + arguments;
}

QStringList normalVsT5()
{
    return {QStringLiteral("--p"), QStringLiteral("normal:mu=0,sigma=1"), QStringLiteral("--q"),
            QStringLiteral("student_t:nu=5")};
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The share of pixels that are not white: 0 for a blank figure.
double inkedShare(const QImage &image)
{
    qint64 inked = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if ((image.pixel(x, y) & 0xffffff) != 0xffffff)
                ++inked;
    return double(inked) / (double(image.width()) * image.height());
}

// The x of the y axis in rows top..bottom of `image`: the column left of the middle with the most dark grey
// or black pixels (the axis line is the only long dark vertical line; text is short, curves are coloured).
int yAxisColumn(const QImage &image, int top, int bottom)
{
    int best = -1, bestCount = 0;
    for (int x = 0; x < image.width() / 2; ++x) {
        int count = 0;
        for (int y = top; y < bottom; ++y)
            if (const QRgb c = image.pixel(x, y);
                qMax(qRed(c), qMax(qGreen(c), qBlue(c))) < 100 &&
                qMax(qRed(c), qMax(qGreen(c), qBlue(c))) - qMin(qRed(c), qMin(qGreen(c), qBlue(c))) < 16)
                ++count;
        if (count > bestCount) {
            bestCount = count;
            best = x;
        }
    }
    return best;
}

} // namespace

class TestCliExportContinuous : public QObject
{
    Q_OBJECT

private slots:
    void formatsAndPlots_data();
    void formatsAndPlots();
    void stackedPlotsShareTheYAxis();
    void infiniteKlStillExports();
    void captionReadsTheContinuousComparison();
    void renormalizedMixture();
    void refused_data();
    void refused();
    void failedWriteKeepsTheOldFile_data();
    void failedWriteKeepsTheOldFile();

private:
    QTemporaryDir m_dir;
};

void TestCliExportContinuous::formatsAndPlots_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("plot");
    // Text only that plot draws: its y-axis title (SVG keeps text as text).
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QStringList>("absent");
    const QString density = QStringLiteral(">density<"), integrand = QStringLiteral("integrand (nats)"),
                  running = QStringLiteral("running integral (nats)");
    for (const char *ext : {"png", "jpg", "pdf", "svg"}) {
        QTest::addRow("%s all", ext) << QStringLiteral("all.%1").arg(QLatin1String(ext)) << "all"
                                     << QStringList{density, integrand, running} << QStringList{};
        QTest::addRow("%s distributions", ext)
            << QStringLiteral("densities.%1").arg(QLatin1String(ext)) << "distributions"
            << QStringList{density} << QStringList{integrand, running};
        QTest::addRow("%s contributions", ext)
            << QStringLiteral("integrands.%1").arg(QLatin1String(ext)) << "contributions"
            << QStringList{integrand} << QStringList{density, running};
        QTest::addRow("%s cumulative", ext)
            << QStringLiteral("running.%1").arg(QLatin1String(ext)) << "cumulative" << QStringList{running}
            << QStringList{density, integrand};
    }
}

void TestCliExportContinuous::formatsAndPlots()
{
    QFETCH(QString, name);
    QFETCH(QString, plot);
    QFETCH(QStringList, texts);
    QFETCH(QStringList, absent);
    const QString path = m_dir.filePath(name);
    const auto run = runCli(exportArgs(normalVsT5() + QStringList{"--plot", plot, "--out", path, "--width",
                                                                  "640", "--height", "400", "--scale", "2"}));
    QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
    const QByteArray bytes = readAll(path);
    if (name.endsWith(QLatin1String(".png")) || name.endsWith(QLatin1String(".jpg"))) {
        const QImage image = QImage::fromData(bytes);
        QCOMPARE(image.size(), QSize(1280, 800));
        // Filled densities or curves and axes: far from a blank page, far from a solid block.
        const double inked = inkedShare(image);
        QVERIFY2(inked > 0.02 && inked < 0.9, qPrintable(QString::number(inked)));
    } else if (name.endsWith(QLatin1String(".pdf"))) {
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        // One page the size of the figure: 640 × 400 logical pixels.
        QVERIFY(bytes.contains("/MediaBox"));
    } else {
        QVERIFY(bytes.startsWith("<?xml"));
        QVERIFY(bytes.trimmed().endsWith("</svg>"));
        const QString svg = QString::fromUtf8(bytes);
        for (const QString &text : texts)
            QVERIFY2(svg.contains(text), qPrintable(text));
        for (const QString &text : absent)
            QVERIFY2(!svg.contains(text), qPrintable(text));
        // The legend names the curves of the continuous page, not the discrete one's bars.
        if (plot == QLatin1String("distributions"))
            QVERIFY(svg.contains(QStringLiteral("p(x)")) && svg.contains(QStringLiteral("q(x)")));
        if (plot == QLatin1String("cumulative"))
            QVERIFY(svg.contains(QStringLiteral("∫ p·log(p/q)")));
    }
}

void TestCliExportContinuous::stackedPlotsShareTheYAxis()
{
    // The three plots stacked 4:3:3 line their y axes up, though they were never shown: each margin is
    // measured at the plot's size in the figure. (Their tick labels differ in width: 0.4, -0.02, 0.125.)
    const QString path = m_dir.filePath(QStringLiteral("aligned.png"));
    const auto run = runCli(exportArgs(normalVsT5() + QStringList{"--out", path}));
    QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
    const QImage image = QImage::fromData(readAll(path));
    QCOMPARE(image.size(), QSize(1200, 800));
    const int density = yAxisColumn(image, 0, 320);
    const int integrand = yAxisColumn(image, 320, 560);
    const int running = yAxisColumn(image, 560, 800);
    QVERIFY2(density > 20, qPrintable(QString::number(density)));
    QCOMPARE(integrand, density);
    QCOMPARE(running, density);
}

void TestCliExportContinuous::infiniteKlStillExports()
{
    // A normal P against an exponential Q: Q = 0 for x < 0, where P holds half its mass, so KL(P‖Q) = ∞;
    // KL(Q‖P) is finite. The figure says so instead of drawing a running integral.
    const QString path = m_dir.filePath(QStringLiteral("infinite.svg"));
    const auto run = runCli(exportArgs({"--p", "normal:mu=0,sigma=1", "--q", "exponential:rate=1", "--plot",
                                        "all", "--out", path, "--caption"}));
    QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
    const QString svg = QString::fromUtf8(readAll(path));
    QVERIFY(svg.contains(QStringLiteral("KL(P‖Q) = +∞: no running integral")));
    QVERIFY(svg.contains(QStringLiteral("∫ q·log(q/p)")));
    QVERIFY(svg.contains(QStringLiteral("KL(P‖Q) = ∞ nats")));

    // The other way round the same pair is finite one way and infinite the other: a PNG all the same.
    const QString png = m_dir.filePath(QStringLiteral("infinite.png"));
    const auto swapped = runCli(exportArgs({"--p", "exponential:rate=1", "--q", "normal:mu=0,sigma=1",
                                            "--out", png, "--width", "400", "--height", "300"}));
    QVERIFY2(!swapped.crashed && swapped.exitCode == 0, qPrintable(swapped.err));
    QCOMPARE(QImage::fromData(readAll(png)).size(), QSize(400, 300));
}

void TestCliExportContinuous::captionReadsTheContinuousComparison()
{
    // The caption's numbers are the core's (the same comparison `compute --json` prints), in the unit.
    const QJsonObject core = klscope::test::computeJson(normalVsT5() + QStringList{"--unit", "bits"});
    const double klPQ = core.value(QStringLiteral("kl_pq")).toDouble();
    QVERIFY2(klPQ > 0.001 && klPQ < 1, qPrintable(QString::number(klPQ)));
    const QString path = m_dir.filePath(QStringLiteral("caption.svg"));
    const auto run = runCli(exportArgs(
        normalVsT5() + QStringList{"--unit", "bits", "--title", "Heavy tails", "--caption", "--out", path}));
    QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
    const QString svg = QString::fromUtf8(readAll(path));
    QVERIFY(svg.contains(QStringLiteral("Heavy tails")));
    const QString expected = QStringLiteral("KL(P‖Q) = %1 bits").arg(QString::number(klPQ, 'g', 4));
    QVERIFY2(svg.contains(expected), qPrintable(expected));
    QVERIFY(svg.contains(QStringLiteral("running integral (bits)")));
}

void TestCliExportContinuous::renormalizedMixture()
{
    // Mixture weights that do not sum to 1 are refused (see refused) unless --renormalize, which says so
    // on stderr; the density plot marks each component's mean as in the window.
    const QString path = m_dir.filePath(QStringLiteral("mixture.svg"));
    const auto run = runCli(
        exportArgs({"--p", "gmm:w1=1,mu1=-2,sigma1=1,w2=1,mu2=2,sigma2=1", "--q", "normal:mu=0,sigma=2",
                    "--renormalize", "--plot", "distributions", "--out", path}));
    QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("note: ")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    const QString svg = QString::fromUtf8(readAll(path));
    QVERIFY(svg.contains(QStringLiteral(">P1<")) && svg.contains(QStringLiteral(">P2<")));
}

void TestCliExportContinuous::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("message");
    QTest::newRow("continuous p, discrete q")
        << QStringList{"--p", "normal:mu=0,sigma=1", "--q", "poisson:lambda=3", "--out", "x.png"} << 2
        << QStringList{"--p normal:mu=0,sigma=1 is continuous", "--q poisson:lambda=3 is discrete"};
    QTest::newRow("discrete p, continuous q")
        << QStringList{"--p", "binomial:n=15,p=7/15", "--q", "student_t:nu=5", "--out", "x.svg"} << 2
        << QStringList{"--p binomial:n=15,p=7/15 is discrete", "--q student_t:nu=5 is continuous"};
    QTest::newRow("discrete uniform against continuous uniform")
        << QStringList{"--p", "uniform:a=0,b=3", "--q", "continuous_uniform:a=0,b=3", "--out", "x.pdf"} << 2
        << QStringList{"is discrete", "continuous_uniform:a=0,b=3 is continuous"};
    QTest::newRow("support") << (normalVsT5() + QStringList{"--support", "0..5", "--out", "x.png"}) << 2
                             << QStringList{"--support A..B is for discrete distributions"};
    // The discrete export writes figures only (the data go through compute), and so does the continuous.
    QTest::newRow("csv") << (normalVsT5() + QStringList{"--out", "x.csv"}) << 2 << QStringList{"'.csv'"};
    QTest::newRow("bad plot") << (normalVsT5() + QStringList{"--out", "x.png", "--plot", "bars"}) << 2
                              << QStringList{"'bars'"};
    QTest::newRow("bad unit") << (normalVsT5() + QStringList{"--out", "x.png", "--unit", "hartleys"}) << 2
                              << QStringList{"--unit"};
    QTest::newRow("invalid p") << QStringList{"--p",   "normal:mu=0,sigma=-1",
                                              "--q",   "cauchy:x0=0,gamma=1",
                                              "--out", "x.png"}
                               << 1 << QStringList{"--p: ", "sigma"};
    QTest::newRow("invalid q") << QStringList{"--p",   "normal:mu=0,sigma=1",
                                              "--q",   "gamma:shape=0,rate=1",
                                              "--out", "x.png"}
                               << 1 << QStringList{"--q: ", "shape"};
    QTest::newRow("mixture weights") << QStringList{"--p",
                                                    "gmm:w1=0.5,mu1=0,sigma1=1,w2=0.2,mu2=2,sigma2=1",
                                                    "--q",
                                                    "normal:mu=0,sigma=1",
                                                    "--out",
                                                    "x.png"}
                                     << 1 << QStringList{"--p: "};
}

void TestCliExportContinuous::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, message);
    const int out = int(arguments.indexOf(QStringLiteral("--out")));
    arguments[out + 1] = m_dir.filePath(arguments.at(out + 1));
    const auto run = runCli(exportArgs(arguments));
    QVERIFY(!run.crashed);
    QCOMPARE(run.exitCode, exitCode);
    for (const QString &part : message)
        QVERIFY2(run.err.contains(part), qPrintable(run.err));
    QVERIFY(!QFile::exists(arguments.at(out + 1)));
}

void TestCliExportContinuous::failedWriteKeepsTheOldFile_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"full.png", "full.jpg", "full.pdf", "full.svg"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestCliExportContinuous::failedWriteKeepsTheOldFile()
{
    // The process may write no file beyond 2 KiB (RLIMIT_FSIZE, with SIGXFSZ ignored so the write fails
    // with EFBIG instead of killing it): every figure is larger, so its write fails part way, as on a full
    // disk, even as root. The old file stays as it was.
    QFETCH(QString, name);
    const QString path = m_dir.filePath(name);
    const QByteArray old = "old figure " + name.toUtf8();
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(old), old.size());
    }
    QProcess process;
    process.setChildProcessModifier([] {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{2048, 2048};
        setrlimit(RLIMIT_FSIZE, &limit);
    });
    process.start(QStringLiteral(KLSCOPE_CLI),
                  exportArgs(normalVsT5() + QStringList{"--out", path, "--width", "600", "--height", "400"}));
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    const QString stdErr = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(stdErr.contains(QStringLiteral("Cannot write file %1:").arg(QDir::toNativeSeparators(path))),
             qPrintable(stdErr));
    QCOMPARE(readAll(path), old);
    // No temporary file left beside it.
    QCOMPARE(QDir(m_dir.path()).entryList({name + QStringLiteral("*")}, QDir::Files | QDir::Hidden),
             QStringList{name});
}

QTEST_MAIN(TestCliExportContinuous)
#include "tst_cliexportcontinuous.moc"
