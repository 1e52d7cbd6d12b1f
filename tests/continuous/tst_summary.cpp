// summarize() gives both domains one shape: every value, error and method equal to the comparison's, the
// infinity sentences (discrete events and tails; continuous support and tail rules, both directions),
// negative differential entropies carried as they are, and the reports' metric block read from it.

#include "continuousreport.h"
#include "continuousspec.h"
#include "continuoussummary.h"
#include "relativecompare.h"

#include <comparison.h>
#include <report.h>
#include <spec.h>
#include <summary.h>

#include <QTest>

#include <cmath>

using namespace klscope;

namespace {

ContinuousComparison densities(const QString &p, const QString &q, Unit unit = Unit::Nats)
{
    ContinuousCompareOptions o;
    o.unit = unit;
    o.samples = 0;
    o.gridPoints = 0;
    return compareContinuous(parseContinuousSpec(p.toStdString()), parseContinuousSpec(q.toStdString()), o);
}

Comparison masses(const QString &p, const QString &q, const char *support = nullptr)
{
    CompareOptions o;
    if (support)
        o.support = parseSupport(support);
    return compare(parseSpec(p.toStdString()), parseSpec(q.toStdString()), o);
}

// The metric of `s` and the comparison's, side by side.
bool same(const Metric &m, double value)
{
    return (std::isnan(value) && std::isnan(m.value)) || m.value == value;
}

} // namespace

class TestSummary : public QObject
{
    Q_OBJECT

private slots:
    void discreteValuesAndMethods_data();
    void discreteValuesAndMethods();
    void discreteInfinity_data();
    void discreteInfinity();
    void continuousValuesAndMethods_data();
    void continuousValuesAndMethods();
    void continuousInfinity_data();
    void continuousInfinity();
    void negativeEntropiesCarried();
    void reportsReadTheSummary();
};

void TestSummary::discreteValuesAndMethods_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("klMethod");
    QTest::newRow("poisson pair: closed form") << "poisson:lambda=4"
                                               << "poisson:lambda=4.05"
                                               << "closed_form";
    QTest::newRow("poisson vs geometric: sum") << "poisson:lambda=3"
                                               << "geometric:p=0.25"
                                               << "sum";
    QTest::newRow("custom: sum") << "custom:0.2,0.5,0.3"
                                 << "custom:0.3,0.3,0.4"
                                 << "sum";
}

void TestSummary::discreteValuesAndMethods()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, klMethod);
    const Comparison c = masses(p, q);
    const Summary s = summarize(c);
    QCOMPARE(s.domain, Domain::Discrete);
    QCOMPARE(s.unit, c.unit);
    const DivergenceTotals &t = c.totals;
    const std::pair<const Metric &, double> pairs[] = {{s.klPQ, t.klPQ},
                                                       {s.klQP, t.klQP},
                                                       {s.js, t.js},
                                                       {s.jsDistance, t.jsDistance},
                                                       {s.entropyP, t.entropyP},
                                                       {s.entropyQ, t.entropyQ},
                                                       {s.crossEntropyPQ, t.crossEntropyPQ},
                                                       {s.crossEntropyQP, t.crossEntropyQP},
                                                       {s.totalVariation, t.totalVariation},
                                                       {s.hellinger, t.hellinger}};
    for (const auto &[m, value] : pairs) {
        QVERIFY(same(m, value));
        QCOMPARE(m.error, 0.0);
        QVERIFY(m.method == "sum" || m.method == "closed_form");
    }
    QCOMPARE(QString::fromStdString(s.klPQ.method), klMethod);
    QCOMPARE(s.js.method, std::string("sum"));
    QCOMPARE(s.events, c.support.size());
    QCOMPARE(s.context, "summed over x = " + std::to_string(c.support.first) + ".." +
                            std::to_string(c.support.last) + " (" + std::to_string(c.support.size()) +
                            " events)");
    QVERIFY(s.infinitePQ.empty() && s.infiniteQP.empty());
}

void TestSummary::discreteInfinity_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("support");
    QTest::addColumn<QString>("pq");
    QTest::addColumn<QString>("qp");
    QTest::newRow("one event") << "binomial:n=15,p=7/15"
                               << "uniform:a=0,b=14"
                               << "0..15"
                               << "KL(P‖Q) = ∞ because Q = 0 at x = 15 where P = 1.1e-05."
                               << "";
    QTest::newRow("both ways")
        << "custom:0.5,0.5,0,0"
        << "custom:0,0,0.5,0.5"
        << ""
        << "KL(P‖Q) = ∞ because Q = 0 where P > 0: at x = 0 (P = 0.5), x = 1 (P = 0.5)."
        << "KL(Q‖P) = ∞ because P = 0 where Q > 0: at x = 2 (Q = 0.5), x = 3 (Q = 0.5).";
    QTest::newRow("many")
        << "binomial:n=20,p=0.5"
        << "uniform:a=5,b=15"
        << ""
        << "KL(P‖Q) = ∞ because Q = 0 where P > 0: at x = 0 (P = 9.5e-07), x = 1 (P = 1.9e-05), "
           "x = 2 (P = 0.00018) and 7 more."
        << "";
    QTest::newRow("tail beyond the support") << "poisson:lambda=3"
                                             << "uniform:a=0,b=20"
                                             << ""
                                             << "KL(P‖Q) = ∞ because Q = 0 for every x ≥ 21, where P > 0 (P "
                                                "has 1.2e-11 of its mass there; the plot "
                                                "stops where that tail falls below 1e-16)."
                                             << "";
}

void TestSummary::discreteInfinity()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, support);
    QFETCH(QString, pq);
    QFETCH(QString, qp);
    const Comparison c = masses(p, q, support.isEmpty() ? nullptr : qPrintable(support));
    const Summary s = summarize(c);
    QCOMPARE(QString::fromStdString(s.infinitePQ), pq);
    QCOMPARE(QString::fromStdString(s.infiniteQP), qp);
    QCOMPARE(std::isinf(s.klPQ.value), !pq.isEmpty());
    const QString both = QString::fromStdString(infinityText(s));
    QCOMPARE(both, pq.isEmpty() || qp.isEmpty() ? pq + qp : pq + "\n" + qp);
}

void TestSummary::continuousValuesAndMethods_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("klMethod");
    QTest::addColumn<int>("unit");
    QTest::newRow("VAE term") << "normal:mu=1,sigma=1/2"
                              << "normal:mu=0,sigma=1"
                              << "closed_form" << 0;
    QTest::newRow("normal vs t5") << "normal:mu=0,sigma=1"
                                  << "student_t:nu=5"
                                  << "quadrature" << 0;
    QTest::newRow("normal vs t5 in bits") << "normal:mu=0,sigma=1"
                                          << "student_t:nu=5"
                                          << "quadrature" << 1;
    QTest::newRow("gmm vs normal") << "gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1"
                                   << "normal:mu=0,sigma=1.4142135623730951"
                                   << "quadrature" << 0;
}

void TestSummary::continuousValuesAndMethods()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, klMethod);
    QFETCH(int, unit);
    const ContinuousComparison c = densities(p, q, static_cast<Unit>(unit));
    const Summary s = summarize(c);
    QCOMPARE(s.domain, Domain::Continuous);
    QCOMPARE(s.unit, c.unit);
    const std::pair<const Metric &, const MetricValue &> pairs[] = {{s.klPQ, c.klPQ},
                                                                    {s.klQP, c.klQP},
                                                                    {s.js, c.js},
                                                                    {s.jsDistance, c.jsDistance},
                                                                    {s.entropyP, c.entropyP},
                                                                    {s.entropyQ, c.entropyQ},
                                                                    {s.crossEntropyPQ, c.crossEntropyPQ},
                                                                    {s.crossEntropyQP, c.crossEntropyQP},
                                                                    {s.totalVariation, c.totalVariation},
                                                                    {s.hellinger, c.hellinger}};
    for (const auto &[m, v] : pairs) {
        QVERIFY(same(m, v.value));
        QCOMPARE(m.error, v.error);
        QCOMPARE(m.method, std::string(methodName(v.method)));
    }
    QCOMPARE(QString::fromStdString(s.klPQ.method), klMethod);
    QCOMPARE(s.warnings, c.warnings);
    QCOMPARE(s.events, std::size_t(0));
    QVERIFY(QString::fromStdString(s.context).startsWith("integrated over P's support "));
}

void TestSummary::continuousInfinity_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("pq");
    QTest::addColumn<QString>("qp");
    QTest::newRow("support, one side")
        << "normal:mu=0,sigma=1"
        << "exponential:rate=1"
        << "KL(P‖Q) = ∞ (support rule). Q = 0 for x < 0, where P holds 0.5 of its mass."
        << "";
    QTest::newRow("support, right end")
        << "continuous_uniform:a=0,b=2"
        << "continuous_uniform:a=0,b=1"
        << "KL(P‖Q) = ∞ (support rule). Q = 0 for x > 1, where P holds 0.5 of its mass."
        << "";
    QTest::newRow("support, both ends")
        << "normal:mu=0,sigma=1"
        << "continuous_uniform:a=-1,b=2"
        << "KL(P‖Q) = ∞ (support rule). Q = 0 for x < -1, where P holds 0.16 of its mass, and for x > 2, "
           "where P holds 0.023 of its mass."
        << "";
    QTest::newRow("support, reverse direction")
        << "beta:a=2,b=2"
        << "lognormal:mu=0,sigma=1"
        << ""
        << "KL(Q‖P) = ∞ (support rule). P = 0 for x > 1, where Q holds 0.5 of its mass.";
    QTest::newRow("tails")
        << "cauchy:x0=0,gamma=1"
        << "normal:mu=0,sigma=1"
        << "KL(P‖Q) = ∞ (tail rule). P's tails are heavier: a Cauchy has no variance, so E_P[−log q] "
           "diverges against a normal Q."
        << "";
    QTest::newRow("tails, reverse direction")
        << "normal:mu=0,sigma=1"
        << "cauchy:x0=0,gamma=1"
        << ""
        << "KL(Q‖P) = ∞ (tail rule). Q's tails are heavier: a Cauchy has no variance, so E_Q[−log p] "
           "diverges against a normal P.";
    QTest::newRow("tails, no mean against a Laplace")
        << "cauchy:x0=0,gamma=1"
        << "laplace:mu=0,b=1"
        << "KL(P‖Q) = ∞ (tail rule). P's tails are heavier: a Cauchy has no mean, so E_P[−log q] diverges "
           "against a Laplace Q."
        << "";
}

void TestSummary::continuousInfinity()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, pq);
    QFETCH(QString, qp);
    const ContinuousComparison c = densities(p, q);
    const Summary s = summarize(c);
    QCOMPARE(QString::fromStdString(s.infinitePQ), pq);
    QCOMPARE(QString::fromStdString(s.infiniteQP), qp);
    QCOMPARE(std::isinf(s.klPQ.value), !pq.isEmpty());
    QCOMPARE(std::isinf(s.klQP.value), !qp.isEmpty());
    // The comparison repeats its infinity sentences among the warnings; the summary says them once.
    QCOMPARE(s.warnings.size() + (pq.isEmpty() ? 0 : 1) + (qp.isEmpty() ? 0 : 1), c.warnings.size());
    for (const std::string &w : s.warnings)
        QVERIFY(w != s.infinitePQ && w != s.infiniteQP);
}

void TestSummary::negativeEntropiesCarried()
{
    // h(N(0, 0.1^2)) = 1/2 ln(2 pi e 0.01) < 0, exact in closed form.
    const Summary s = summarize(densities("normal:mu=0,sigma=0.1", "normal:mu=0,sigma=0.2"));
    KLSCOPE_COMPARE_REL(s.entropyP.value, 0.5 * std::log(2 * M_PI * std::exp(1.0) * 0.01), 1e-14);
    QVERIFY(s.entropyP.value < 0 && s.entropyQ.value < 0);
    QCOMPARE(s.entropyP.method, std::string("closed_form"));
    // H(P,Q) = h(P) + KL(P||Q) stays negative here: 1/2 ln(2 pi 0.04) + 0.01/0.08.
    KLSCOPE_COMPARE_REL(s.crossEntropyPQ.value, 0.5 * std::log(2 * M_PI * 0.04) + 0.125, 1e-12);
    QVERIFY(s.crossEntropyPQ.value < 0);
}

void TestSummary::reportsReadTheSummary()
{
    // Discrete: the JSON's metric block is the summary's, its methods the four-key object.
    const Comparison c = masses("poisson:lambda=4", "poisson:lambda=4.05");
    const std::string json = toJson(c, false);
    QVERIFY(json.find("\"kl_pq\":" + jsonNumber(summarize(c).klPQ.value)) != std::string::npos);
    QVERIFY(
        json.find(R"("methods":{"kl_pq":"closed_form","kl_qp":"closed_form","js":"sum","entropy":"sum"})") !=
        std::string::npos);
    QVERIFY(json.find("error_estimates") == std::string::npos);
    QVERIFY(toText(c, false).find("(closed form)") != std::string::npos);

    // Continuous: every metric's method and error.
    const ContinuousComparison d = densities("normal:mu=0,sigma=1", "student_t:nu=5");
    const Summary s = summarize(d);
    JsonObject block;
    addMetricBlock(block, s);
    const std::string metricJson = block.close();
    QVERIFY(metricJson.find("\"error_estimates\":{\"kl_pq\":" + jsonNumber(s.klPQ.error)) !=
            std::string::npos);
    std::string body = metricJson.substr(1, metricJson.size() - 2);
    QVERIFY2(toJson(d, false).find(body) != std::string::npos, metricJson.c_str());
    QVERIFY(toText(d, false).find(metricLines(s)) != std::string::npos);
    QVERIFY(metricLines(s).find("quadrature  +- ") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestSummary)
#include "tst_summary.moc"
