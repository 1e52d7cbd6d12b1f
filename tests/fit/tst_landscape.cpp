// The loss landscape (issue 11): values against compute at sampled nodes, curves for one free parameter,
// cancellation and the coarse-to-fine levels.

#include "relativecompare.h"

#include "binomial.h"
#include "continuouscomparison.h"
#include "continuousspec.h"
#include "divergence.h"
#include "landscape.h"
#include "spec.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <limits>

using namespace klscope;
using klscope::test::closeMixed;

class TestLandscape : public QObject
{
    Q_OBJECT

private slots:
    void againstCompute_data();
    void againstCompute();
    void discreteCurveAgainstCompute();
    void cancel();
    void progressive();
    void badAxes();
};

void TestLandscape::againstCompute_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("qPrefix");
    QTest::newRow("bimodal, normal Q") << "gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=3,sigma2=1"
                                       << int(FitFamily::Normal) << "normal:mu=%1,sigma=%2";
    QTest::newRow("normal, laplace Q")
        << "normal:mu=0.5,sigma=1.5" << int(FitFamily::Laplace) << "laplace:mu=%1,b=%2";
    QTest::newRow("gamma, lognormal Q")
        << "gamma:shape=3,rate=2" << int(FitFamily::LogNormal) << "lognormal:mu=%1,sigma=%2";
}

void TestLandscape::againstCompute()
{
    QFETCH(QString, p);
    QFETCH(int, family);
    QFETCH(QString, qPrefix);
    const ContinuousDistribution pd = parseContinuousSpec(p.toStdString());
    const FitObjective objective(pd, static_cast<FitFamily>(family));
    const double base[2] = {0.0, 1.0};
    const LandscapeAxis x{0, -2.0, 2.0, 17};
    const LandscapeAxis y{1, 0.5, 3.0, 13};
    const Landscape l = computeLandscape(objective, base, x, y);
    QVERIFY(!l.cancelled);
    QCOMPARE(l.klPQ.size(), std::size_t(17 * 13));
    ContinuousCompareOptions options;
    options.samples = 0;
    options.gridPoints = 0;
    for (const auto &[i, j] :
         {std::pair<std::size_t, std::size_t>{0, 0}, {16, 12}, {5, 7}, {8, 3}, {13, 11}}) {
        const QString q = qPrefix.arg(x.at(i), 0, 'g', 17).arg(y.at(j), 0, 'g', 17);
        const ContinuousComparison c = compareContinuous(pd, parseContinuousSpec(q.toStdString()), options);
        QVERIFY2(closeMixed(l.klPQ[j * 17 + i], c.klPQ.value, 1e-6, 1e-9),
                 qPrintable(QStringLiteral("%1: KL(P||Q) %2 against compute %3")
                                .arg(q)
                                .arg(l.klPQ[j * 17 + i], 0, 'g', 12)
                                .arg(c.klPQ.value, 0, 'g', 12)));
        QVERIFY2(closeMixed(l.klQP[j * 17 + i], c.klQP.value, 1e-6, 1e-9),
                 qPrintable(QStringLiteral("%1: KL(Q||P) %2 against compute %3")
                                .arg(q)
                                .arg(l.klQP[j * 17 + i], 0, 'g', 12)
                                .arg(c.klQP.value, 0, 'g', 12)));
    }
}

void TestLandscape::discreteCurveAgainstCompute()
{
    const Distribution pd = parseSpec("binomial:n=20,p=0.3");
    const double fixed[2] = {20.0, std::numeric_limits<double>::quiet_NaN()};
    const FitObjective objective(pd, FitFamily::Binomial, fixed);
    const double base[2] = {20.0, 0.5};
    const LandscapeAxis x{1, 0.05, 0.95, 19};
    const Landscape l = computeLandscape(objective, base, x);
    QVERIFY(!l.y);
    QCOMPARE(l.klPQ.size(), std::size_t(19));
    std::vector<double> pm(21), pl(21), qm(21), ql(21);
    evaluate(pd, {0, 20}, pm, pl);
    for (std::size_t i = 0; i < 19; ++i) {
        evaluate(Binomial(20, x.at(i)), {0, 20}, qm, ql);
        const DivergenceTotals t = divergences(pm, qm, Unit::Nats, {}, pl, ql);
        QVERIFY(closeMixed(l.klPQ[i], t.klPQ, 1e-10, 1e-13));
        QVERIFY(closeMixed(l.klQP[i], t.klQP, 1e-10, 1e-13));
    }
}

void TestLandscape::cancel()
{
    const FitObjective objective(parseContinuousSpec("normal:mu=0,sigma=1"), FitFamily::Normal);
    const double base[2] = {0.0, 1.0};
    std::atomic<int> asked{0};
    const Landscape l = computeLandscape(objective, base, {0, -1, 1, 8}, LandscapeAxis{1, 0.5, 2, 64},
                                         [&] { return ++asked > 4; });
    QVERIFY(l.cancelled);
    // Rows after the cancel stay NaN; the first rows were computed.
    QVERIFY(std::isfinite(l.klPQ.front()));
    QVERIFY(std::isnan(l.klPQ.back()));
    const Landscape full = computeLandscape(objective, base, {0, -1, 1, 8}, LandscapeAxis{1, 0.5, 2, 64});
    QVERIFY(!full.cancelled);
    for (const double v : full.klQP)
        QVERIFY(std::isfinite(v));
}

void TestLandscape::progressive()
{
    const FitObjective objective(parseContinuousSpec("normal:mu=0,sigma=1"), FitFamily::Normal);
    const double base[2] = {0.0, 1.0};
    std::vector<std::size_t> sizes;
    Landscape last;
    computeLandscapeProgressively(objective, base, {0, -1, 1, 32}, LandscapeAxis{1, 0.5, 2, 16},
                                  [&](const Landscape &l) {
                                      sizes.push_back(l.klPQ.size());
                                      last = l;
                                  });
    QCOMPARE(sizes, (std::vector<std::size_t>{4 * 2, 8 * 4, 16 * 8, 32 * 16}));
    const Landscape direct = computeLandscape(objective, base, {0, -1, 1, 32}, LandscapeAxis{1, 0.5, 2, 16});
    QCOMPARE(last.klPQ, direct.klPQ);
}

void TestLandscape::badAxes()
{
    const FitObjective objective(parseContinuousSpec("normal:mu=0,sigma=1"), FitFamily::Normal);
    const double base[2] = {0.0, 1.0};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computeLandscape(objective, base, {0, 1, 1, 8}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computeLandscape(objective, base, {0, 2, 1, 8}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computeLandscape(objective, base, {5, 0, 1, 8}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             computeLandscape(objective, base, {0, 0, 1, 8}, LandscapeAxis{0, 0, 1, 8}));
}

QTEST_APPLESS_MAIN(TestLandscape)
#include "tst_landscape.moc"
