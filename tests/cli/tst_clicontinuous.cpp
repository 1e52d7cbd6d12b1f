// Runs klscope-cli compute with continuous specs as a user would (QProcess): the JSON fields of the
// discrete pair plus methods, error_estimates, explanations, mixture and grid; reference numbers; text
// output; --summary; exit codes (bad spec 1 naming the part, discrete against continuous 2); --renormalize;
// the keys of bench --continuous --json.

#include "clirun.h"
#include "relativecompare.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cmath>

using klscope::test::closeRelative;

namespace {

using Run = klscope::test::CliRun;
using klscope::test::computeJson;
using klscope::test::runCli;

double number(const QJsonValue &v)
{
    if (v.isString() && v.toString() == QLatin1String("inf"))
        return INFINITY;
    return v.isDouble() ? v.toDouble() : NAN;
}

} // namespace

class TestCliContinuous : public QObject
{
    Q_OBJECT

private slots:
    void referenceNumbers_data()
    {
        QTest::addColumn<QString>("p");
        QTest::addColumn<QString>("q");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("expected");
        QTest::addColumn<QString>("method");
        QTest::newRow("row 20") << "normal:mu=0,sigma=1"
                                << "normal:mu=1,sigma=2"
                                << "nats"
                                << "kl_pq" << 0.44314718055994531 << "closed_form";
        QTest::newRow("row 22 reverse") << "exponential:rate=2"
                                        << "exponential:rate=1"
                                        << "nats"
                                        << "kl_qp" << 0.30685281944005469 << "closed_form";
        QTest::newRow("row 28") << "normal:mu=0,sigma=1"
                                << "student_t:nu=5"
                                << "nats"
                                << "kl_pq" << 0.033376682350607800 << "quadrature";
        QTest::newRow("row 28 reverse") << "normal:mu=0,sigma=1"
                                        << "student_t:nu=5,mu=0,sigma=1"
                                        << "nats"
                                        << "kl_qp" << 0.12476919412361009 << "quadrature";
        QTest::newRow("row 29 inf") << "normal:mu=0,sigma=1"
                                    << "cauchy:x0=0,gamma=1"
                                    << "nats"
                                    << "kl_qp" << qInf() << "closed_form";
        QTest::newRow("row 30") << "gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1"
                                << "normal:mu=0,sigma=1.4142135623730951"
                                << "nats"
                                << "kl_pq" << 0.0097427699331410427 << "quadrature";
        QTest::newRow("row 31 bits") << "normal:mu=0,sigma=1"
                                     << "normal:mu=1,sigma=1"
                                     << "bits"
                                     << "js_distance" << 0.40093293678172272 << "quadrature";
        QTest::newRow("row 27 fractions") << "normal:mu=0,sigma=4/2"
                                          << "normal:mu=0,sigma=1"
                                          << "nats"
                                          << "h_p" << 2.1120857137646181 << "closed_form";
    }

    void referenceNumbers()
    {
        QFETCH(QString, p);
        QFETCH(QString, q);
        QFETCH(QString, unit);
        QFETCH(QString, key);
        QFETCH(double, expected);
        QFETCH(QString, method);
        const QJsonObject o =
            computeJson({"--p", p, "--q", q, "--unit", unit, "--summary", "--samples", "1000"});
        QVERIFY(!o.isEmpty());
        KLSCOPE_COMPARE_REL(number(o.value(key)), expected, 1e-10);
        QCOMPARE(o.value("methods").toObject().value(key).toString(), method);
        QVERIFY(o.value("error_estimates").toObject().contains(key));
        QCOMPARE(o.value("unit").toString(), unit);
        // The fields of the discrete pair are all there; the grid is left out with --summary.
        for (const char *k : {"support", "p_mass", "q_mass", "kl_pq", "kl_qp", "js", "js_distance", "h_p",
                              "h_q", "cross_entropy_pq", "cross_entropy_qp", "total_variation", "hellinger",
                              "methods", "infinite_at", "warnings"})
            QVERIFY2(o.contains(k), k);
        QVERIFY(!o.contains("grid"));
        QVERIFY(!o.contains("events"));
    }

    // Without --summary a grid of x, p, q and the three integrands; for a mixture the mixture object.
    void gridAndMixture()
    {
        const QJsonObject o =
            computeJson({"--p", "gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1", "--q",
                         "normal:mu=0,sigma=1.4142135623730951", "--samples", "20000", "--seed", "5"});
        const QJsonObject grid = o.value("grid").toObject();
        for (const char *k : {"x", "p", "q", "kl_pq", "kl_qp", "js"})
            QCOMPARE(grid.value(k).toArray().size(), 201);
        const QJsonObject m = o.value("mixture").toObject();
        QCOMPARE(m.value("samples").toInt(), 20000);
        QCOMPARE(m.value("seed").toInt(), 5);
        const QJsonObject pq = m.value("kl_pq").toObject();
        KLSCOPE_COMPARE_REL(pq.value("variational").toDouble(), -0.21964557923700016, 1e-12);
        const double mc = pq.value("monte_carlo").toDouble(), se = pq.value("standard_error").toDouble();
        QVERIFY(se > 0 && std::fabs(mc - 0.0097427699331410427) <= 4 * se);
        QVERIFY(pq.value("lower_bound").toDouble() <= 0.0097427699331410427);
        QVERIFY(pq.value("upper_bound").toDouble() >= 0.0097427699331410427);
        QVERIFY(o.value("mixture").toObject().value("kl_qp").toObject().contains("monte_carlo"));
    }

    void infinityExplained()
    {
        const QJsonObject o = computeJson(
            {"--p", "continuous_uniform:a=0,b=2", "--q", "continuous_uniform:a=0,b=1", "--summary"});
        QCOMPARE(o.value("kl_pq").toString(), QStringLiteral("inf"));
        QVERIFY(o.value("explanations").toObject().value("kl_pq").toString().contains("support rule"));
        QCOMPARE(o.value("infinite_at").toObject().value("kl_pq").toArray().at(0).toArray().at(0).toDouble(),
                 1.0);
        KLSCOPE_COMPARE_REL(number(o.value("kl_qp")), std::log(2.0), 1e-14);
    }

    void text()
    {
        const Run run =
            runCli({"compute", "--p", "normal:mu=0,sigma=1", "--q", "student_t:nu=5", "--summary"});
        QCOMPARE(run.exitCode, 0);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY(out.contains("P: normal(mu=0, sigma=1)"));
        QVERIFY(out.contains("0.0333766823506078"));
        QVERIFY(out.contains("quadrature"));
    }

    void renormalize()
    {
        const QStringList args{"compute",
                               "--p",
                               "gmm:w1=1,mu1=0,sigma1=1,w2=1,mu2=2,sigma2=1",
                               "--q",
                               "normal:mu=1,sigma=1",
                               "--summary",
                               "--samples",
                               "0"};
        const Run refused = runCli(args);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("sum to 2"), qPrintable(refused.err));
        const Run done = runCli(args + QStringList{"--renormalize", "--json"});
        QCOMPARE(done.exitCode, 0);
        QVERIFY(QString::fromUtf8(done.out).contains("rescaled to sum to 1"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("sigma 0") << QStringList{"--p", "normal:mu=0,sigma=0", "--q", "normal:mu=0,sigma=1"}
                                 << 1 << "--p: normal: sigma";
        QTest::newRow("nu negative") << QStringList{"--p", "normal:mu=0,sigma=1", "--q", "student_t:nu=-2"}
                                     << 1 << "--q: student_t: nu";
        QTest::newRow("a >= b") << QStringList{"--p", "continuous_uniform:a=1,b=1", "--q",
                                               "normal:mu=0,sigma=1"}
                                << 1 << "a must be less than b";
        QTest::newRow("gap") << QStringList{"--p", "gmm:mu1=0,sigma1=1,mu3=0,sigma3=1", "--q",
                                            "normal:mu=0,sigma=1"}
                             << 1 << "component 2 is missing";
        QTest::newRow("17 components")
            << QStringList{"--p", "gmm:mu17=0,sigma17=1", "--q", "normal:mu=0,sigma=1"} << 1 << "at most 16";
        QTest::newRow("repeated key")
            << QStringList{"--p", "laplace:mu=0,mu=1,b=1", "--q", "normal:mu=0,sigma=1"} << 1
            << "given twice";
        QTest::newRow("discrete vs continuous")
            << QStringList{"--p", "poisson:lambda=3", "--q", "normal:mu=0,sigma=1"} << 2
            << "--q is a continuous distribution and --p a discrete one";
        QTest::newRow("discrete uniform vs continuous")
            << QStringList{"--p", "continuous_uniform:a=0,b=3", "--q", "uniform:a=0,b=3"} << 2 << "discrete";
        QTest::newRow("support option")
            << QStringList{"--p", "normal:mu=0,sigma=1", "--q", "normal:mu=0,sigma=2", "--support", "0..3"}
            << 2 << "--support";
        QTest::newRow("bad samples") << QStringList{"--p",       "normal:mu=0,sigma=1",
                                                    "--q",       "normal:mu=0,sigma=2",
                                                    "--samples", "x"}
                                     << 2 << "--samples";
        QTest::newRow("missing q") << QStringList{"--p", "normal:mu=0,sigma=1"} << 2 << "--q";
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, fragment);
        const Run run = runCli(QStringList{"compute"} + arguments);
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(fragment), qPrintable(run.err));
    }

    // bench --continuous --json prints the four figures (measured, not judged: a test does not time things).
    void benchKeys()
    {
        const Run run = runCli({"bench", "--continuous", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o.value("benchmark").toString(), QStringLiteral("continuous"));
        for (const char *k :
             {"closed_form_us", "quadrature_us", "mixture_us", "evaluator_us", "monte_carlo_1e6_ms"})
            QVERIFY2(o.value(k).toDouble() > 0.0, k);
    }

    // The discrete uniform keeps its meaning.
    void discreteUniformUnchanged()
    {
        const QJsonObject o = computeJson({"--p", "uniform:a=0,b=3", "--q", "uniform:a=0,b=7", "--summary"});
        KLSCOPE_COMPARE_REL(number(o.value("kl_pq")), std::log(2.0), 1e-14);
        QVERIFY(!o.contains("error_estimates"));
    }
};

QTEST_APPLESS_MAIN(TestCliContinuous)
#include "tst_clicontinuous.moc"
