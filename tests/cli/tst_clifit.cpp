// klscope-cli fit and landscape (issue 11): the JSON contract, the CSV, and exit code 2 with a message
// naming the problem for each kind of bad input.

#include "clirun.h"
#include "relativecompare.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using klscope::test::closeMixed;
using klscope::test::runCli;

namespace {

const QString kBimodal = QStringLiteral("gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=3,sigma2=1");

QJsonObject fitJson(const QStringList &arguments)
{
    const auto run =
        runCli(QStringList{QStringLiteral("fit")} + arguments + QStringList{QStringLiteral("--json")});
    if (run.crashed || run.exitCode != 0) {
        qWarning("fit %s: exit %d: %s", qPrintable(arguments.join(QLatin1Char(' '))), run.exitCode,
                 qPrintable(run.err));
        return {};
    }
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

class TestCliFit : public QObject
{
    Q_OBJECT

private slots:
    void bimodalJson();
    void discreteJson();
    void alphaJson();
    void text();
    void landscapeCsv();
    void badInput_data();
    void badInput();
};

void TestCliFit::bimodalJson()
{
    const QJsonObject o =
        fitJson({QStringLiteral("--p"), kBimodal, QStringLiteral("--family"), QStringLiteral("normal")});
    QCOMPARE(o.value("family").toString(), QStringLiteral("normal"));
    const QJsonObject forward = o.value("forward").toObject();
    QCOMPARE(forward.value("method").toString(), QStringLiteral("closed_form"));
    QCOMPARE(forward.value("iterations").toInt(), 0);
    const QJsonObject best = forward.value("best").toObject();
    QVERIFY(std::fabs(best.value("mu").toDouble()) < 1e-12);
    KLSCOPE_COMPARE_REL(best.value("sigma").toDouble() * best.value("sigma").toDouble(), 10.0, 1e-8);
    QVERIFY(best.value("kl_pq").toDouble() > 0.0);
    QVERIFY(best.value("kl_qp").toDouble() > 0.0);

    const QJsonObject reverse = o.value("reverse").toObject();
    QCOMPARE(reverse.value("method").toString(), QStringLiteral("nlopt_bobyqa"));
    QVERIFY(reverse.value("iterations").toInt() > 16);
    const QJsonArray minima = reverse.value("minima").toArray();
    QCOMPARE(minima.size(), 3);
    for (qsizetype i = 0; i < minima.size(); ++i) {
        const QJsonObject m = minima[i].toObject();
        for (const char *key : {"mu", "sigma", "kl_pq", "kl_qp"})
            QVERIFY2(m.value(key).isDouble(), key);
        if (i > 0)
            QVERIFY(minima[i - 1].toObject().value("kl_qp").toDouble() <= m.value("kl_qp").toDouble());
    }
    // The broad minimum at mu = 0 is the last (highest); the best one sits on a mode.
    QVERIFY(std::fabs(minima[2].toObject().value("mu").toDouble()) < 1e-6);
    QVERIFY(std::fabs(std::fabs(reverse.value("best").toObject().value("mu").toDouble()) - 3.0) < 0.05);
    QCOMPARE(reverse.value("best").toObject(), minima[0].toObject());
}

void TestCliFit::discreteJson()
{
    // 1/2 Bin(20, .2) + 1/2 Bin(20, .8) as custom masses: its mean is 10, so the forward p is 0.5 exactly.
    QStringList masses;
    for (int k = 0; k <= 20; ++k) {
        const double a = std::exp(std::lgamma(21.0) - std::lgamma(k + 1.0) - std::lgamma(21.0 - k) +
                                  k * std::log(0.2) + (20 - k) * std::log(0.8));
        const double b = std::exp(std::lgamma(21.0) - std::lgamma(k + 1.0) - std::lgamma(21.0 - k) +
                                  k * std::log(0.8) + (20 - k) * std::log(0.2));
        masses << QString::number(0.5 * a + 0.5 * b, 'g', 17);
    }
    const QString p = QStringLiteral("custom:") + masses.join(QLatin1Char(','));
    const QJsonObject o =
        fitJson({QStringLiteral("--p"), p, QStringLiteral("--family"), QStringLiteral("binomial"),
                 QStringLiteral("--fix"), QStringLiteral("n=20")});
    const QJsonObject forward = o.value("forward").toObject();
    QCOMPARE(forward.value("method").toString(), QStringLiteral("closed_form"));
    QVERIFY(closeMixed(forward.value("best").toObject().value("p").toDouble(), 0.5, 1e-12, 1e-12));
    QCOMPARE(forward.value("best").toObject().value("n").toDouble(), 20.0);
    const QJsonArray minima = o.value("reverse").toObject().value("minima").toArray();
    QCOMPARE(minima.size(), 2);
    QVERIFY(std::fabs(minima[0].toObject().value("p").toDouble() - 0.5) > 0.25);
    QVERIFY(std::fabs(minima[1].toObject().value("p").toDouble() - 0.5) > 0.25);

    const QJsonObject only =
        fitJson({QStringLiteral("--p"), p, QStringLiteral("--family"), QStringLiteral("binomial"),
                 QStringLiteral("--fix"), QStringLiteral("n=20"), QStringLiteral("--direction"),
                 QStringLiteral("reverse")});
    QVERIFY(!only.contains("forward"));
    QVERIFY(only.contains("reverse"));
}

void TestCliFit::alphaJson()
{
    const QJsonObject o = fitJson({QStringLiteral("--p"), kBimodal, QStringLiteral("--family"),
                                   QStringLiteral("normal"), QStringLiteral("--alpha"), QStringLiteral("0.5"),
                                   QStringLiteral("--starts"), QStringLiteral("8")});
    const QJsonObject a = o.value("alpha").toObject();
    QCOMPARE(a.value("alpha").toDouble(), 0.5);
    QVERIFY(!a.value("minima").toArray().isEmpty());
    QVERIFY(a.value("best").toObject().value("divergence").toDouble() > 0.0);
    QVERIFY(!o.contains("forward"));
}

void TestCliFit::text()
{
    const auto run = runCli({QStringLiteral("fit"), QStringLiteral("--p"), kBimodal,
                             QStringLiteral("--family"), QStringLiteral("normal")});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY(out.contains(QStringLiteral("forward fit, minimising KL(P||Q)")));
    QVERIFY(out.contains(QStringLiteral("reverse fit, minimising KL(Q||P)")));
    QVERIFY(out.contains(QStringLiteral("every local minimum (3")));
    QVERIFY(out.contains(QStringLiteral("closed form")));
}

void TestCliFit::landscapeCsv()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("l.csv"));
    const auto run =
        runCli({QStringLiteral("landscape"), QStringLiteral("--p"), kBimodal, QStringLiteral("--family"),
                QStringLiteral("normal"), QStringLiteral("--x"), QStringLiteral("mu=-4..4"),
                QStringLiteral("--y"), QStringLiteral("sigma=0.5..4.5"), QStringLiteral("--size"),
                QStringLiteral("5x3"), QStringLiteral("--out"), file});
    QCOMPARE(run.exitCode, 0);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 1 + 5 * 3);
    QCOMPARE(lines[0], QStringLiteral("mu,sigma,kl_pq,kl_qp"));
    // Node (mu = 2, sigma = 2.5) against compute.
    const QStringList row = lines[1 + 1 * 5 + 3].split(QLatin1Char(','));
    QCOMPARE(row[0].toDouble(), 2.0);
    QCOMPARE(row[1].toDouble(), 2.5);
    const QJsonObject c = klscope::test::computeJson(
        {QStringLiteral("--p"), kBimodal, QStringLiteral("--q"), QStringLiteral("normal:mu=2,sigma=2.5"),
         QStringLiteral("--samples"), QStringLiteral("0"), QStringLiteral("--summary")});
    QVERIFY(closeMixed(row[2].toDouble(), c.value("kl_pq").toDouble(), 1e-6, 1e-9));
    QVERIFY(closeMixed(row[3].toDouble(), c.value("kl_qp").toDouble(), 1e-6, 1e-9));
}

void TestCliFit::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString p = kBimodal;
    QTest::newRow("unknown family") << QStringList{"fit", "--p", p, "--family", "gumbel"}
                                    << "unknown family 'gumbel'";
    QTest::newRow("every parameter fixed")
        << QStringList{"fit", "--p", p, "--family", "normal", "--fix", "mu=0", "--fix", "sigma=1"}
        << "every parameter is fixed";
    QTest::newRow("unknown parameter")
        << QStringList{"fit", "--p", p, "--family", "normal", "--fix", "nu=3"} << "has no parameter 'nu'";
    QTest::newRow("normal forward to cauchy")
        << QStringList{"fit", "--p", "cauchy:x0=0,gamma=1", "--family", "normal", "--direction", "forward"}
        << "infinite for every normal Q";
    QTest::newRow("density against mass function")
        << QStringList{"fit", "--p", "binomial:n=10,p=0.5", "--family", "normal"} << "is a continuous family";
    QTest::newRow("binomial without n")
        << QStringList{"fit", "--p", "binomial:n=10,p=0.5", "--family", "binomial"} << "needs n fixed";
    QTest::newRow("alpha out of range")
        << QStringList{"fit", "--p", p, "--family", "normal", "--alpha", "2"} << "--alpha must lie in [0, 1]";
    QTest::newRow("bad direction") << QStringList{"fit", "--p", p, "--family", "normal", "--direction", "up"}
                                   << "--direction must be forward, reverse or both";
    QTest::newRow("range with A >= B")
        << QStringList{"landscape", "--p",        p,       "--family",      "normal", "--x", "mu=3..3",
                       "--y",       "sigma=1..2", "--out", "/tmp/never.csv"}
        << "needs A < B";
    QTest::newRow("landscape unknown parameter")
        << QStringList{"landscape", "--p",    p,       "--family",      "normal",
                       "--x",       "b=0..1", "--out", "/tmp/never.csv"}
        << "has no parameter 'b'";
    QTest::newRow("landscape figure")
        << QStringList{"landscape", "--p",     p,       "--family",      "normal",
                       "--x",       "mu=0..1", "--out", "/tmp/never.png"}
        << "comes with the fitting page";
}

void TestCliFit::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const auto run = runCli(arguments);
    QVERIFY(!run.crashed);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

QTEST_APPLESS_MAIN(TestCliFit)
#include "tst_clifit.moc"
