// klscope-cli with normal2 pairs, fit --family normal2_diagonal and vae (issue 12): JSON keys and values,
// exit codes and messages.

#include "clirun.h"
#include "relativecompare.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using klscope::test::CliRun;
using klscope::test::computeJson;
using klscope::test::runCli;

namespace {

QJsonObject jsonOf(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

class TestCliMultivariate : public QObject
{
    Q_OBJECT

private slots:
    void computeNormal2Json()
    {
        const QJsonObject o = computeJson({"--p", "normal2:mu1=0,mu2=0,var1=1,var2=1,cov=0", "--q",
                                           "normal2:mu1=1,mu2=-1,var1=2,var2=1,cov=0.5"});
        // Reference vector 26.
        KLSCOPE_COMPARE_REL(o.value("kl_pq").toDouble(), 1.2798078939677113, 1e-12);
        for (const char *key : {"kl_pq", "kl_qp", "js", "js_distance", "h_p", "h_q", "cross_entropy_pq",
                                "cross_entropy_qp", "total_variation", "hellinger"}) {
            QVERIFY2(o.value(key).isDouble(), key);
            QVERIFY2(o.value("methods").toObject().value(key).isString(), key);
            QVERIFY2(o.value("error_estimates").toObject().value(key).isDouble(), key);
        }
        QCOMPARE(o.value("methods").toObject().value("kl_pq").toString(), QStringLiteral("closed_form"));
        QCOMPARE(o.value("methods").toObject().value("js").toString(), QStringLiteral("cubature"));
        QCOMPARE(o.value("dimensions").toInt(), 2);
        QCOMPARE(o.value("unit").toString(), QStringLiteral("nats"));
        // h(P) of N(0, I) = 1 + ln 2 pi; H(P, Q) = h(P) + KL(P || Q).
        KLSCOPE_COMPARE_REL(o.value("h_p").toDouble(), 1.0 + std::log(2.0 * M_PI), 1e-14);
        KLSCOPE_COMPARE_REL(o.value("cross_entropy_pq").toDouble(),
                            o.value("h_p").toDouble() + o.value("kl_pq").toDouble(), 1e-14);
        QVERIFY(o.value("error_estimates").toObject().value("js").toDouble() < 1e-8);
    }

    void computeInBits()
    {
        const QJsonObject o = computeJson(
            {"--p", "normal2:", "--q", "normal2:mu1=1,mu2=-1,var1=2,var2=1,cov=0.5", "--unit", "bits"});
        KLSCOPE_COMPARE_REL(o.value("kl_pq").toDouble(), 1.2798078939677113 / std::log(2.0), 1e-12);
        QCOMPARE(o.value("unit").toString(), QStringLiteral("bits"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("not positive definite")
            << QStringList{"compute", "--p", "normal2:var1=1,var2=1,cov=2", "--q", "normal2:"} << 1
            << "--p: normal2: the covariance matrix [[1, 2], [2, 1]] is not positive definite";
        QTest::newRow("2-D against 1-D")
            << QStringList{"compute", "--p", "normal2:", "--q", "normal:mu=0,sigma=1"} << 2
            << "different dimensions is not defined";
        QTest::newRow("1-D against 2-D")
            << QStringList{"compute", "--p", "binomial:n=3,p=0.5", "--q", "normal2:"} << 2
            << "--q is a two-dimensional";
        QTest::newRow("bad unit") << QStringList{"compute",  "--p",    "normal2:", "--q",
                                                 "normal2:", "--unit", "x"}
                                  << 2 << "--unit must be";
        QTest::newRow("fit other family")
            << QStringList{"fit", "--p", "normal2:cov=0.5", "--family", "normal"} << 2
            << "fitted by the family normal2_diagonal";
        QTest::newRow("fit 1-D target")
            << QStringList{"fit", "--p", "normal:mu=0,sigma=1", "--family", "normal2_diagonal"} << 2
            << "fits a normal2 target";
        QTest::newRow("fit with alpha")
            << QStringList{"fit", "--p", "normal2:", "--family", "normal2_diagonal", "--alpha", "0.5"} << 2
            << "not available for normal2_diagonal";
        QTest::newRow("fit bad target")
            << QStringList{"fit", "--p", "normal2:var1=-1", "--family", "normal2_diagonal"} << 1
            << "--p: normal2:";
        QTest::newRow("vae without file") << QStringList{"vae"} << 2 << "vae needs --file";
        QTest::newRow("vae missing file") << QStringList{"vae", "--file", "/nonexistent/enc.csv"} << 1
                                          << "/nonexistent/enc.csv: cannot open";
        QTest::newRow("vae bad threshold") << QStringList{"vae", "--file", "x.csv", "--collapse-below", "-1"}
                                           << 2 << "--collapse-below must";
    }
    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliRun run = runCli(arguments);
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void meanFieldFit()
    {
        const CliRun run = runCli({"fit", "--p", "normal2:mu1=1,mu2=-2,var1=1,var2=4,cov=1.8", "--family",
                                   "normal2_diagonal", "--direction", "both", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = jsonOf(run);
        QCOMPARE(o.value("family").toString(), QStringLiteral("normal2_diagonal"));
        const QJsonObject forward = o.value("forward").toObject(), reverse = o.value("reverse").toObject();
        QCOMPARE(forward.value("method").toString(), QStringLiteral("closed_form"));
        QCOMPARE(reverse.value("method").toString(), QStringLiteral("closed_form"));
        const QJsonObject f = forward.value("best").toObject(), r = reverse.value("best").toObject();
        QCOMPARE(f.value("mu1").toDouble(), 1.0);
        QCOMPARE(r.value("mu2").toDouble(), -2.0);
        QCOMPARE(f.value("var1").toDouble(), 1.0);
        QCOMPARE(f.value("var2").toDouble(), 4.0);
        // 1/Lambda_ii = det/Sigma_jj, det = 4 - 3.24 = 0.76.
        KLSCOPE_COMPARE_REL(r.value("var1").toDouble(), 0.76 / 4.0, 1e-12);
        KLSCOPE_COMPARE_REL(r.value("var2").toDouble(), 0.76 / 1.0, 1e-12);
        QCOMPARE(forward.value("minima").toArray().size(), 1);
        QVERIFY(f.value("kl_pq").toDouble() < r.value("kl_pq").toDouble());
        QVERIFY(r.value("kl_qp").toDouble() < f.value("kl_qp").toDouble());
        // One direction only.
        const QJsonObject only = jsonOf(runCli({"fit", "--p", "normal2:cov=0.5", "--family",
                                                "normal2_diagonal", "--direction", "reverse", "--json"}));
        QVERIFY(only.contains("reverse") && !only.contains("forward"));
    }

    void meanFieldFitOfTheIssue()
    {
        // The issue's command: each fit's mu1, mu2, var1, var2 in the 1-D fit command's JSON layout.
        const CliRun run = runCli({"fit", "--p", "normal2:mu1=0,mu2=0,var1=1,var2=1,cov=0.9", "--family",
                                   "normal2_diagonal", "--direction", "both", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = jsonOf(run);
        const QJsonObject oneD = jsonOf(runCli(
            {"fit", "--p", "normal:mu=0,sigma=1", "--family", "normal", "--direction", "both", "--json"}));
        // Sigma = [[1, .9], [.9, 1]]; Lambda = Sigma^-1 = [[1, -.9], [-.9, 1]] / det, det = 1 - .81.
        const double det = 1.0 - 0.9 * 0.9;
        const double lambda11 = 1.0 / det, lambda22 = 1.0 / det;
        for (const char *direction : {"forward", "reverse"}) {
            const QJsonObject fit = o.value(direction).toObject();
            QCOMPARE(fit.keys(), oneD.value(direction).toObject().keys());
            QCOMPARE(fit.value("method").toString(), QStringLiteral("closed_form"));
            const QJsonObject best = fit.value("best").toObject();
            QCOMPARE(best.keys(), (QStringList{"kl_pq", "kl_qp", "mu1", "mu2", "var1", "var2"}));
            QCOMPARE(fit.value("minima").toArray(), QJsonArray{best});
            QCOMPARE(best.value("mu1").toDouble(), 0.0);
            QCOMPARE(best.value("mu2").toDouble(), 0.0);
            const bool forward = QLatin1String(direction) == QLatin1String("forward");
            // Forward: the marginal variances Sigma_ii; reverse: 1/Lambda_ii, too narrow.
            KLSCOPE_COMPARE_REL(best.value("var1").toDouble(), forward ? 1.0 : 1.0 / lambda11, 1e-14);
            KLSCOPE_COMPARE_REL(best.value("var2").toDouble(), forward ? 1.0 : 1.0 / lambda22, 1e-14);
        }
    }

    void vaeReferenceVector21()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath("enc.csv"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("mu,logvar\n1,") + QByteArray::number(std::log(0.25), 'g', 17) + "\n0,0.001\n");
        file.close();
        const CliRun run = runCli({"vae", "--file", file.fileName(), "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = jsonOf(run);
        const QJsonArray terms = o.value("terms").toArray();
        QCOMPARE(terms.size(), 2);
        KLSCOPE_COMPARE_REL(terms.at(0).toObject().value("kl").toDouble(), 0.81814718055994531, 1e-15);
        QCOMPARE(o.value("layout").toString(), QStringLiteral("per_dimension"));
        QCOMPARE(o.value("collapsed").toArray(), QJsonArray{2});
        KLSCOPE_COMPARE_REL(o.value("total_bits").toDouble(),
                            o.value("total_nats").toDouble() / std::log(2.0), 1e-15);
        // In bits, and a threshold that collapses nothing.
        const QJsonObject bits = jsonOf(
            runCli({"vae", "--file", file.fileName(), "--unit", "bits", "--collapse-below", "0", "--json"}));
        KLSCOPE_COMPARE_REL(bits.value("total").toDouble(), o.value("total_nats").toDouble() / std::log(2.0),
                            1e-15);
        QVERIFY(bits.value("collapsed").toArray().isEmpty());
        // Text names the collapsed dimension.
        const CliRun text = runCli({"vae", "--file", file.fileName()});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("collapsed (KL below 0.01 nats): 1 of 2 dimensions: 2"));
    }

    void vaeBadFile()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath("bad.csv"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("mu_1,mu_2,logvar_1,logvar_2\n0,0,0,0\n0,x,0,0\n");
        file.close();
        const CliRun run = runCli({"vae", "--file", file.fileName()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(file.fileName() + ", line 3: 'x' is not a number (column 2)"),
                 qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestCliMultivariate)
#include "tst_climultivariate.moc"
