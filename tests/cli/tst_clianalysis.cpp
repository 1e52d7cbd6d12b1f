// klscope-cli sweep, test and bench --sweep (issue 13): the JSON keys, every sweep value against compute at
// that point, CSV output, and the exit codes and messages of bad input.

#include "clirun.h"
#include "clitesthelpers.h"
#include "relativecompare.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using klscope::test::checkRefused;
using klscope::test::closeRelative;
using klscope::test::computeJson;
using klscope::test::jsonNumber;
using klscope::test::jsonOf;
using klscope::test::runCli;
using klscope::test::writeTextFile;

class TestCliAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sweepAgainstCompute_data();
    void sweepAgainstCompute();
    void sweepAgainstAFile();
    void sweepCsv();
    void sweepFigure_data();
    void sweepFigure();
    void sweepRefused_data();
    void sweepRefused();
    void tests_data();
    void tests();
    void welchNumbers();
    void testRefused_data();
    void testRefused();
    void benchSweep();

private:
    QTemporaryDir m_dir;
    QString m_a, m_b, m_counts;
};

void TestCliAnalysis::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Wikipedia's first Welch example, one sample per line.
    m_a = m_dir.filePath("a.csv");
    m_b = m_dir.filePath("b.csv");
    m_counts = m_dir.filePath("counts.csv");
    writeTextFile(
        m_a, "x\n27.5\n21.0\n19.0\n23.6\n17.0\n17.9\n16.9\n20.1\n21.9\n22.6\n23.1\n19.6\n19.0\n21.7\n21.4\n");
    writeTextFile(
        m_b, "x\n27.1\n22.0\n20.8\n23.4\n23.4\n23.5\n25.8\n22.0\n24.8\n20.2\n21.9\n22.1\n22.9\n20.5\n24.4\n");
    // Mendel's peas as counts of four categories 0..3.
    writeTextFile(m_counts, "0,315\n1,108\n2,101\n3,32\n");
}

void TestCliAnalysis::sweepAgainstCompute_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("vary");
    QTest::addColumn<int>("steps");
    QTest::addColumn<double>("rel");
    QTest::newRow("binomial q.p, the issue's example") << "binomial:n=15,p=0.4"
                                                       << "binomial:n=15,p=%1"
                                                       << "q.p=0.05..0.95" << 91 << 1e-12;
    QTest::newRow("point masses at the ends: inf") << "binomial:n=15,p=0.4"
                                                   << "binomial:n=15,p=%1"
                                                   << "q.p=0..1" << 5 << 1e-12;
    QTest::newRow("poisson p.lambda against a binomial: inf one way") << "poisson:lambda=%1"
                                                                      << "binomial:n=20,p=0.2"
                                                                      << "p.lambda=0.5..8" << 7 << 1e-12;
    QTest::newRow("normal q.sigma") << "normal:mu=0,sigma=1"
                                    << "normal:mu=0.5,sigma=%1"
                                    << "q.sigma=0.25..4" << 9 << 1e-10;
    QTest::newRow("normal against student t, q.nu (quadrature)") << "normal:mu=0,sigma=1"
                                                                 << "student_t:nu=%1"
                                                                 << "q.nu=1..10" << 4 << 1e-10;
}

void TestCliAnalysis::sweepAgainstCompute()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, vary);
    QFETCH(int, steps);
    QFETCH(double, rel);
    const bool onP = vary.startsWith(QLatin1Char('p'));
    const QString first = vary.section(QLatin1Char('='), 1).section(QLatin1String(".."), 0, 0);
    const QString pBase = onP ? p.arg(first) : p;
    const QString qBase = onP ? q : q.arg(first);
    const auto run = runCli(
        {"sweep", "--p", pBase, "--q", qBase, "--vary", vary, "--steps", QString::number(steps), "--json"});
    QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
    const QJsonObject o = jsonOf(run);
    QCOMPARE(o.value("parameter").toString(), vary.section(QLatin1Char('='), 0, 0));
    const QJsonArray values = o.value("values").toArray();
    QCOMPARE(values.size(), steps);
    for (const char *key : {"kl_pq", "kl_qp", "js"})
        QCOMPARE(o.value(key).toArray().size(), steps);
    for (int i = 0; i < steps; ++i) {
        const QString v = QString::number(values[i].toDouble(), 'g', 17);
        const QJsonObject c =
            computeJson({"--p", onP ? p.arg(v) : p, "--q", onP ? q : q.arg(v), "--summary"});
        QVERIFY(!c.isEmpty());
        for (const char *key : {"kl_pq", "kl_qp", "js"}) {
            const double swept = jsonNumber(o.value(key).toArray()[i]);
            const double computed = jsonNumber(c.value(key));
            QVERIFY2(closeRelative(swept, computed, rel),
                     qPrintable(QStringLiteral("%1 at %2: sweep %3, compute %4")
                                    .arg(key, v, QString::number(swept, 'g', 17),
                                         QString::number(computed, 'g', 17))));
        }
    }
}

void TestCliAnalysis::sweepAgainstAFile()
{
    // A family swept against counts from a file (Mendel's peas on 0..3): each value as compute gives it.
    const QString counts = "file:" + m_counts + ",as=counts";
    const auto run = runCli({"sweep", "--p", counts, "--q", "binomial:n=3,p=0.5", "--vary", "q.p=0.1..0.9",
                             "--steps", "5", "--json"});
    QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
    const QJsonObject o = jsonOf(run);
    const QJsonArray values = o.value("values").toArray();
    QCOMPARE(values.size(), 5);
    for (int i = 0; i < 5; ++i) {
        const QString v = QString::number(values[i].toDouble(), 'g', 17);
        const QJsonObject c = computeJson({"--p", counts, "--q", "binomial:n=3,p=" + v, "--summary"});
        QVERIFY(
            closeRelative(jsonNumber(o.value("kl_pq").toArray()[i]), jsonNumber(c.value("kl_pq")), 1e-12));
        QVERIFY(closeRelative(jsonNumber(o.value("js").toArray()[i]), jsonNumber(c.value("js")), 1e-12));
    }
}

void TestCliAnalysis::sweepCsv()
{
    const QString file = m_dir.filePath("sweep.csv");
    const auto run = runCli({"sweep", "--p", "binomial:n=15,p=0.4", "--q", "binomial:n=15,p=0.5", "--vary",
                             "q.p=0..1", "--steps", "11", "--out", file});
    QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 12);
    QCOMPARE(lines[0], QByteArray("q.p,kl_pq,kl_qp,js"));
    QVERIFY(lines[1].startsWith("0,inf,")); // Q a point mass at 0: KL(P||Q) infinite
    QVERIFY(lines[11].startsWith("1,inf,"));
    QCOMPARE(lines[6].split(',').size(), 4);
}

void TestCliAnalysis::sweepFigure_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("start"); // the file's first bytes
    QTest::newRow("png") << "sweep.png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "sweep.svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << "sweep.pdf" << QByteArray("%PDF");
}

void TestCliAnalysis::sweepFigure()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, start);
    const QString file = m_dir.filePath(name);
    // Infinite values at the ends leave gaps; the figure is still drawn.
    const auto run = runCli({"sweep", "--p", "binomial:n=15,p=0.4", "--q", "binomial:n=15,p=0.5", "--vary",
                             "q.p=0..1", "--steps", "41", "--out", file});
    QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith(start));
    if (name.endsWith(".svg"))
        QVERIFY(bytes.contains("<svg"));
    if (name.endsWith(".png")) {
        const QImage image(file);
        QCOMPARE(image.size(), QSize(900, 600));
        // Not a blank page: the curves put colour on it.
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) {
                const QColor c = image.pixelColor(x, y);
                coloured += c.saturation() > 80;
            }
        QVERIFY2(coloured > 100, qPrintable(QString::number(coloured)));
    }
}

void TestCliAnalysis::sweepRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("fragment");
    const QStringList pair{"--p", "binomial:n=15,p=0.4", "--q", "binomial:n=15,p=0.5"};
    QTest::newRow("unknown parameter")
        << pair + QStringList{"--vary", "q.lambda=1..2"} << 2 << "unknown parameter q.lambda";
    QTest::newRow("A >= B") << pair + QStringList{"--vary", "q.p=0.9..0.1"} << 2 << "A < B";
    QTest::newRow("A = B") << pair + QStringList{"--vary", "q.p=0.5..0.5"} << 2 << "A < B";
    QTest::newRow("one step") << pair + QStringList{"--vary", "q.p=0.1..0.9", "--steps", "1"} << 2
                              << "--steps must be a whole number from 2 to 1000000";
    QTest::newRow("ten million steps") << pair + QStringList{"--vary", "q.p=0.1..0.9", "--steps", "10000000"}
                                       << 2 << "--steps must be a whole number from 2 to 1000000";
    QTest::newRow("p out of range")
        << pair + QStringList{"--vary", "q.p=0.5..1.2"} << 2
        << "q.p = 1.2 is out of range: p (success probability) of a binomial lies in "
           "[0, 1]";
    QTest::newRow("mixed domains") << QStringList{"--p",    "normal:mu=0,sigma=1",
                                                  "--q",    "binomial:n=3,p=0.5",
                                                  "--vary", "q.p=0.1..0.9"}
                                   << 2 << "two discrete or two continuous";
    QTest::newRow("no range") << pair + QStringList{"--vary", "q.p"} << 2 << "p.NAME=A..B";
    QTest::newRow("no --vary") << pair << 2 << "--vary";
    QTest::newRow("other suffix") << pair + QStringList{"--vary", "q.p=0.1..0.9", "--out", "sweep.txt"} << 2
                                  << "--out must end in .csv, .png, .jpg, .pdf or .svg";
    QTest::newRow("bad spec") << QStringList{"--p",    "binomial:n=15,p=abc", "--q", "binomial:n=15,p=0.5",
                                             "--vary", "q.p=0.1..0.9"}
                              << 1 << "p='abc' is not a number";
    QTest::newRow("a file side swept")
        << QStringList{"--p", "file:COUNTS,as=counts", "--q", "binomial:n=3,p=0.5", "--vary", "p.p=0.1..0.9"}
        << 2 << "cannot sweep p.p: --p is read from a file";
    QTest::newRow("bad unit") << pair + QStringList{"--vary", "q.p=0.1..0.9", "--unit", "furlongs"} << 2
                              << "--unit must be nats, bits or bans";
}

void TestCliAnalysis::sweepRefused()
{
    QFETCH(QStringList, arguments);
    arguments.replaceInStrings("COUNTS", m_counts);
    QFETCH(int, exitCode);
    QFETCH(QString, fragment);
    const auto run = runCli(QStringList{"sweep"} + arguments);
    QVERIFY(!run.crashed);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(fragment), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCliAnalysis::tests_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("design");
    QTest::addColumn<QStringList>("applies");    // the tests with statistic and p_value
    QTest::addColumn<QString>("reasonFragment"); // in the first test that does not apply
    QTest::newRow("samples both sides")
        << "samples:A"
        << "samples:B"
        << "homogeneity of A and B" << QStringList{"g_test", "chi_square", "z_test", "welch_t"} << QString();
    QTest::newRow("counts against a family")
        << "file:COUNTS,as=counts"
        << "custom:9/16,3/16,3/16,1/16"
        << "goodness of fit of A to B" << QStringList{"g_test", "chi_square"}
        << "the Z-test needs samples on both sides; A is counts from";
    QTest::newRow("a family against samples")
        << "normal:mu=21,sigma=3"
        << "samples:B"
        << "goodness of fit of B to A" << QStringList{"g_test", "chi_square"}
        << "the Z-test needs samples on both sides; A is a continuous "
           "distribution, normal(mu=21, sigma=3)";
    QTest::newRow("two families") << "binomial:n=15,p=7/15"
                                  << "uniform:a=0,b=15" << QString() << QStringList{}
                                  << "need counts or samples on at least one side; A is a distribution, "
                                     "binomial(n=15";
}

void TestCliAnalysis::tests()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, design);
    QFETCH(QStringList, applies);
    QFETCH(QString, reasonFragment);
    const auto fill = [&](QString s) {
        return s.replace("COUNTS", m_counts).replace(":A", ":" + m_a).replace(":B", ":" + m_b);
    };
    const auto run = runCli({"test", "--a", fill(a), "--b", fill(b), "--json"});
    QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
    const QJsonObject o = jsonOf(run);
    QCOMPARE(o.value("design").toString(), design);
    bool reasonChecked = reasonFragment.isEmpty();
    for (const char *key : {"g_test", "chi_square", "z_test", "welch_t"}) {
        const QJsonObject t = o.value(key).toObject();
        QVERIFY2(!t.isEmpty(), key);
        if (applies.contains(key)) {
            QVERIFY2(t.value("statistic").isDouble() && t.value("p_value").isDouble(), key);
            const double p = t.value("p_value").toDouble();
            QVERIFY(p >= 0 && p <= 1);
            QCOMPARE(t.contains("df"), QByteArray(key) != "z_test");
            QVERIFY(!t.value("sentence").toString().isEmpty());
            QVERIFY(!t.contains("reason"));
        } else {
            QVERIFY2(t.keys() == QStringList{"reason"}, key);
            if (!reasonChecked) {
                QVERIFY2(t.value("reason").toString().contains(reasonFragment),
                         qPrintable(t.value("reason").toString()));
                reasonChecked = true;
            }
        }
    }
    QVERIFY(reasonChecked);
    // The text form names every test.
    const auto text = runCli({"test", "--a", fill(a), "--b", fill(b)});
    QCOMPARE(text.exitCode, 0);
    for (const char *title : {"G-test", "Pearson's chi-square test", "Two-sample Z-test", "Welch's t-test"})
        QVERIFY(text.out.contains(title));
}

void TestCliAnalysis::welchNumbers()
{
    // SciPy ttest_ind(equal_var=False): t = -2.455356398286006, p = 0.021378001462866985; df (mpmath)
    // 24.988529290231414; Mendel's peas: X^2 = 0.47002398081534772, p = 0.92542589510361597 (chisquare).
    auto run = runCli({"test", "--a", "samples:" + m_a, "--b", "samples:" + m_b, "--json"});
    QCOMPARE(run.exitCode, 0);
    QJsonObject o = jsonOf(run);
    const QJsonObject t = o.value("welch_t").toObject();
    QVERIFY(closeRelative(t.value("statistic").toDouble(), -2.455356398286006, 1e-12));
    QVERIFY(closeRelative(t.value("df").toDouble(), 24.988529290231414, 1e-12));
    QVERIFY(closeRelative(t.value("p_value").toDouble(), 0.021378001462866985, 1e-10));
    const QJsonObject z = o.value("z_test").toObject();
    QCOMPARE(z.value("reading").toString(), QStringLiteral("marginally different"));
    QVERIFY(closeRelative(z.value("p_value").toDouble(), 0.014074497281146455, 1e-10));
    run = runCli(
        {"test", "--a", "file:" + m_counts + ",as=counts", "--b", "custom:9/16,3/16,3/16,1/16", "--json"});
    QCOMPARE(run.exitCode, 0);
    o = jsonOf(run);
    const QJsonObject x2 = o.value("chi_square").toObject();
    QVERIFY(closeRelative(x2.value("statistic").toDouble(), 0.47002398081534772, 1e-12));
    QVERIFY(closeRelative(x2.value("p_value").toDouble(), 0.92542589510361597, 1e-10));
    QCOMPARE(x2.value("df").toDouble(), 3.0);
    QCOMPARE(x2.value("n").toDouble(), 556.0);
    const QJsonObject g = o.value("g_test").toObject();
    QVERIFY(closeRelative(g.value("statistic").toDouble(), 0.47544523899826315, 1e-12));
}

void TestCliAnalysis::testRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("no --b") << QStringList{"--a", "binomial:n=3,p=0.5"}
                            << "test needs both --a SPEC and --b SPEC";
    QTest::newRow("missing file") << QStringList{"--a", "samples:/nonexistent/klscope.csv", "--b",
                                                 "poisson:lambda=1"}
                                  << "--a:";
    QTest::newRow("bad spec") << QStringList{"--a", "binomial:n=3,p=2", "--b", "poisson:lambda=1"}
                              << "--a: binomial";
    QTest::newRow("unknown option") << QStringList{"--a", "binomial:n=3,p=0.5", "--b", "poisson:lambda=1",
                                                   "--frob"}
                                    << "frob";
}

void TestCliAnalysis::testRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, fragment);
    checkRefused(QStringLiteral("test"), arguments, fragment);
}

void TestCliAnalysis::benchSweep()
{
    // A benchmark measures; this only checks that it runs and reports its keys.
    const auto run = runCli({"bench", "--sweep", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = jsonOf(run);
    QCOMPARE(o.value("benchmark").toString(), QStringLiteral("sweep"));
    QVERIFY(o.value("sweep_ms").toDouble() > 0);
    QCOMPARE(o.value("steps").toInt(), 1000);
    QCOMPARE(o.value("events").toInt(), 100);
}

QTEST_APPLESS_MAIN(TestCliAnalysis)
#include "tst_clianalysis.moc"
