// klscope-cli estimate (issue 13): the JSON keys of every estimator, the truth against compute, the same seed
// giving the same numbers, samples from files, the empty-bin infinity as the string "inf" with its reason and
// smoothing removing it, and exit code 2 with a message on bad input.

#include "clirun.h"
#include "clitesthelpers.h"
#include "relativecompare.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using klscope::test::checkRefused;
using klscope::test::closeRelative;
using klscope::test::computeJson;
using klscope::test::jsonNumber;
using klscope::test::writeTextFile;

class TestCliEstimate : public QObject
{
    Q_OBJECT

private slots:
    void keysAndTruth_data();
    void keysAndTruth();
    void sameSeedSameNumbers();
    void emptyBinAndSmoothing();
    void fromFiles();
    void refused_data();
    void refused();
};

namespace {

QJsonObject estimateJson(const QStringList &arguments)
{
    return klscope::test::commandJson(QStringLiteral("estimate"), arguments);
}

} // namespace

void TestCliEstimate::keysAndTruth_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<bool>("continuous");
    QTest::newRow("normals") << "normal:mu=0,sigma=1"
                             << "normal:mu=1,sigma=2" << true;
    QTest::newRow("binomial vs uniform") << "binomial:n=15,p=7/15"
                                         << "uniform:a=0,b=15" << false;
}

void TestCliEstimate::keysAndTruth()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(bool, continuous);
    const QJsonObject o =
        estimateJson({"--p", p, "--q", q, "--n", "3000", "--m", "2000", "--bootstrap", "50", "--seed", "4"});
    QCOMPARE(o.value("n").toInt(), 3000);
    QCOMPARE(o.value("m").toInt(), 2000);
    QCOMPARE(o.value("bootstrap").toInt(), 50);
    const QJsonObject truth = o.value("truth").toObject();
    const QJsonObject computed = computeJson({"--p", p, "--q", q});
    QVERIFY(closeRelative(jsonNumber(truth.value("kl_pq")), computed.value("kl_pq").toDouble(), 1e-9));
    for (const char *name : {"plugin", "miller_madow", "knn"}) {
        const QJsonObject e = o.value(QLatin1String(name)).toObject();
        if (QLatin1String(name) == QLatin1String("knn") && !continuous) {
            QVERIFY(e.contains("reason"));
            continue;
        }
        const double value = jsonNumber(e.value("kl_pq")), low = jsonNumber(e.value("ci_low")),
                     high = jsonNumber(e.value("ci_high"));
        QVERIFY2(std::isfinite(value), name);
        QVERIFY2(low <= high, name);
        // n = 3000: every estimate within 0.15 nats of the truth.
        QVERIFY2(std::fabs(value - jsonNumber(truth.value("kl_pq"))) < 0.15,
                 qPrintable(QString::number(value)));
        QVERIFY(e.contains("kl_qp"));
    }
}

void TestCliEstimate::sameSeedSameNumbers()
{
    const QStringList arguments = {"--p",         "normal:mu=0,sigma=1",
                                   "--q",         "normal:mu=1,sigma=2",
                                   "--n",         "500",
                                   "--bootstrap", "20",
                                   "--seed",      "9"};
    const QJsonObject a = estimateJson(arguments), b = estimateJson(arguments);
    QVERIFY(!a.isEmpty());
    QCOMPARE(a, b);
    const QJsonObject c = estimateJson(QStringList(arguments.mid(0, 8)) + QStringList{"--seed", "10"});
    QVERIFY(a.value("knn").toObject().value("kl_pq") != c.value("knn").toObject().value("kl_pq"));
}

void TestCliEstimate::emptyBinAndSmoothing()
{
    // 30 samples of the uniform on 0..15 leave bins empty where 200 binomial samples fall.
    const QStringList arguments = {
        "--p", "binomial:n=15,p=7/15", "--q", "uniform:a=0,b=15", "--n", "200", "--m",
        "30",  "--bootstrap",          "20"};
    const QJsonObject raw = estimateJson(arguments);
    const QJsonObject plugin = raw.value("plugin").toObject();
    QCOMPARE(plugin.value("kl_pq").toString(), QStringLiteral("inf"));
    QVERIFY2(plugin.value("why_infinite").toString().contains(QLatin1String("and none of Q")),
             qPrintable(plugin.value("why_infinite").toString()));
    const QJsonObject smoothed = estimateJson(arguments + QStringList{"--smoothing", "0.5"});
    QVERIFY(smoothed.value("plugin").toObject().value("kl_pq").isDouble());
    QVERIFY(!smoothed.value("plugin").toObject().contains("why_infinite"));
}

void TestCliEstimate::fromFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &name, int from, int count) {
        QByteArray text = "x\n";
        for (int i = 0; i < count; ++i)
            text += QByteArray::number(from + 0.37 * i) + "\n";
        writeTextFile(dir.filePath(name), text);
    };
    write("a.csv", 0, 60);
    write("b.csv", 3, 40);
    const QJsonObject o = estimateJson({"--a", "samples:" + dir.filePath("a.csv"), "--b",
                                        "samples:" + dir.filePath("b.csv"), "--bootstrap", "10"});
    QCOMPARE(o.value("n").toInt(), 60);
    QCOMPARE(o.value("m").toInt(), 40);
    QVERIFY(o.value("truth").isNull());
    QVERIFY(o.value("knn").toObject().contains("kl_pq"));
}

void TestCliEstimate::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("nothing") << QStringList{} << "estimate needs either --p SPEC and --q SPEC";
    QTest::newRow("only --p") << QStringList{"--p", "normal:mu=0,sigma=1"} << "estimate needs either";
    QTest::newRow("both kinds") << QStringList{"--p", "normal:mu=0,sigma=1", "--q", "normal:mu=0,sigma=1",
                                               "--a", "samples:x.csv",       "--b", "samples:y.csv"}
                                << "estimate needs either";
    QTest::newRow("bad spec") << QStringList{"--p", "normal:mu=0,sigma=-1", "--q", "normal:mu=0,sigma=1"}
                              << "--p:";
    QTest::newRow("mixed domains") << QStringList{"--p", "normal:mu=0,sigma=1", "--q", "binomial:n=4,p=0.5"}
                                   << "must both be discrete or both continuous";
    QTest::newRow("n too small") << QStringList{"--p", "normal:mu=0,sigma=1",
                                                "--q", "normal:mu=0,sigma=1",
                                                "--n", "1"}
                                 << "--n must be a whole number";
    QTest::newRow("negative smoothing")
        << QStringList{"--p", "normal:mu=0,sigma=1", "--q", "normal:mu=0,sigma=1", "--smoothing", "-1"}
        << "--smoothing";
    QTest::newRow("missing file") << QStringList{"--a", "samples:/nonexistent/klscope.csv", "--b",
                                                 "samples:/nonexistent/b.csv"}
                                  << "--a:";
    QTest::newRow("not samples") << QStringList{"--a", "binomial:n=3,p=0.5", "--b", "binomial:n=3,p=0.5"}
                                 << "samples:PATH";
}

void TestCliEstimate::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, fragment);
    checkRefused(QStringLiteral("estimate"), arguments, fragment);
}

QTEST_APPLESS_MAIN(TestCliEstimate)
#include "tst_cliestimate.moc"
