// Estimators of KL and JS from samples (issue 13): the plug-in, Miller-Madow and kNN estimators on seeded
// samples of pairs whose truth is known in closed form (reference vectors 20 and the seed worked example),
// their bias, the bootstrap intervals' coverage, the empty-bin infinity and the smoothing that removes it,
// and the chunk approach to samples of different sizes.

#include "relativecompare.h"

#include "chunkcomparison.h"
#include "convergence.h"
#include "estimators.h"
#include "samplemodel.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace klscope;

Q_DECLARE_METATYPE(std::vector<double>)

class TestEstimators : public QObject
{
    Q_OBJECT

private slots:
    void truth_data();
    void truth();
    void convergesAtLargeN_data();
    void convergesAtLargeN();
    void pluginBiasIsPositive();
    void millerMadowByHand();
    void knnByHand();
    void knnSkipsZeroDistances();
    void knnCoverage();
    void emptyBinIsInfiniteWithItsReason();
    void smoothingMakesItFinite();
    void percentileInterval_data();
    void percentileInterval();
    void draws();
    void chunks();
    void convergenceLadder();
    void badInput();
};

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

} // namespace

void TestEstimators::truth_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<double>("klPQ");
    QTest::addColumn<double>("klQP");
    QTest::newRow("normals (vector 20)")
        << "normal:mu=0,sigma=1"
        << "normal:mu=1,sigma=2" << 0.44314718055994531 << 1.3068528194400547;
    QTest::newRow("binomial vs uniform 0..15") << "binomial:n=15,p=7/15"
                                               << "uniform:a=0,b=15" << 0.6955542620636594 << -1.0;
}

void TestEstimators::truth()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(double, klPQ);
    QFETCH(double, klQP);
    const TrueDivergences t =
        trueDivergences(parseSampleModel(p.toStdString()), parseSampleModel(q.toStdString()));
    KLSCOPE_COMPARE_REL(t.klPQ, klPQ, 1e-10);
    if (klQP >= 0)
        KLSCOPE_COMPARE_REL(t.klQP, klQP, 1e-10);
    QVERIFY(t.js > 0 && t.js < std::log(2.0));
}

void TestEstimators::convergesAtLargeN_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("m");
    QTest::addColumn<double>("bound");
    // At n = 10^5 the sampling error of each estimate is a few 1e-3 nats; the histograms of the normals add a
    // binning error of order h^2 with the Freedman-Diaconis width h ~ 0.1. The bound is 0.02 nats.
    QTest::newRow("normals, n = m = 1e5") << "normal:mu=0,sigma=1"
                                          << "normal:mu=1,sigma=2" << 100000 << 100000 << 0.02;
    QTest::newRow("normals, n = 1e5, m = 5e4") << "normal:mu=0,sigma=1"
                                               << "normal:mu=1,sigma=2" << 100000 << 50000 << 0.02;
    QTest::newRow("binomial vs uniform, n = m = 1e5") << "binomial:n=15,p=7/15"
                                                      << "uniform:a=0,b=15" << 100000 << 100000 << 0.02;
}

void TestEstimators::convergesAtLargeN()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(int, n);
    QFETCH(int, m);
    QFETCH(double, bound);
    const SampleModel mp = parseSampleModel(p.toStdString()), mq = parseSampleModel(q.toStdString());
    const TrueDivergences t = trueDivergences(mp, mq);
    std::mt19937_64 rng(2026);
    const std::vector<double> x = drawSamples(mp, static_cast<std::size_t>(n), rng);
    const std::vector<double> y = drawSamples(mq, static_cast<std::size_t>(m), rng);
    EstimatorOptions options;
    options.bootstrap = 0;
    options.knn = isContinuous(mp);
    const SampleEstimates e = estimateFromSamples(x, y, options);
    QCOMPARE(e.n, static_cast<std::size_t>(n));
    QCOMPARE(e.m, static_cast<std::size_t>(m));
    QVERIFY2(std::fabs(e.plugin.klPQ.value - t.klPQ) < bound,
             qPrintable(QString::number(e.plugin.klPQ.value)));
    QVERIFY2(std::fabs(e.millerMadow.klPQ.value - t.klPQ) < bound,
             qPrintable(QString::number(e.millerMadow.klPQ.value)));
    QVERIFY2(std::fabs(e.plugin.js.value - t.js) < bound, qPrintable(QString::number(e.plugin.js.value)));
    QVERIFY2(std::fabs(e.millerMadow.js.value - t.js) < bound,
             qPrintable(QString::number(e.millerMadow.js.value)));
    if (isContinuous(mp)) {
        QVERIFY(e.knn.applies());
        QVERIFY2(std::fabs(e.knn.klPQ.value - t.klPQ) < bound, qPrintable(QString::number(e.knn.klPQ.value)));
        // Not KL(Q||P) = 1.307: Q's samples reach far beyond P's, where the distance to P's outermost sample
        // says little about P's Gaussian tail, and the kNN estimate converges slowly (1.16 at n = 10^5).
        QVERIFY(e.knn.klQP.value > 0.5 * t.klQP && e.knn.klQP.value < t.klQP);
    } else {
        QVERIFY(!e.knn.applies());
    }
}

void TestEstimators::pluginBiasIsPositive()
{
    // n = 50 samples of binomial(15, 7/15) against m = 200 of uniform 0..15 (so Q's bins are all occupied):
    // the plug-in's bias (K_P - 1)/(2n) + (sum p/q - 1)/(2m) is about 0.1 nats, many times the standard error
    // of the mean of 200 repetitions (about 0.01). Miller-Madow removes most of it.
    const SampleModel p = parseSampleModel("binomial:n=15,p=7/15"), q = parseSampleModel("uniform:a=0,b=15");
    const double truth = trueDivergences(p, q).klPQ;
    EstimatorOptions options;
    options.bootstrap = 0;
    options.knn = false;
    double plugin = 0, corrected = 0;
    int finite = 0;
    for (int r = 0; r < 200; ++r) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(r) + 1);
        const std::vector<double> x = drawSamples(p, 50, rng), y = drawSamples(q, 200, rng);
        const SampleEstimates e = estimateFromSamples(x, y, options);
        if (!std::isfinite(e.plugin.klPQ.value))
            continue;
        plugin += e.plugin.klPQ.value - truth;
        corrected += e.millerMadow.klPQ.value - truth;
        ++finite;
    }
    QVERIFY(finite >= 190);
    plugin /= finite;
    corrected /= finite;
    QVERIFY2(plugin > 0.04, qPrintable(QString::number(plugin)));
    QVERIFY2(std::fabs(corrected) < plugin / 2, qPrintable(QString::number(corrected)));
}

void TestEstimators::millerMadowByHand()
{
    // P counts (6, 3, 1), n = 10; Q counts (2, 4, 4), m = 10. K_P = K_Q = 3.
    const std::vector<double> p = {6, 3, 1}, q = {2, 4, 4};
    const std::vector<double> ph = {0.6, 0.3, 0.1}, qh = {0.2, 0.4, 0.4};
    double kl = 0, klqp = 0, ratioPQ = 0, ratioQP = 0, js = 0, mixture = 0;
    for (int i = 0; i < 3; ++i) {
        kl += ph[i] * std::log(ph[i] / qh[i]);
        klqp += qh[i] * std::log(qh[i] / ph[i]);
        ratioPQ += ph[i] / qh[i];
        ratioQP += qh[i] / ph[i];
        const double mi = (ph[i] + qh[i]) / 2;
        js += 0.5 * ph[i] * std::log(ph[i] / mi) + 0.5 * qh[i] * std::log(qh[i] / mi);
        mixture += (ph[i] * (1 - ph[i]) / 10 + qh[i] * (1 - qh[i]) / 10) / (8 * mi);
    }
    const HistogramEstimate plug = pluginEstimate(p, q);
    KLSCOPE_COMPARE_REL(plug.klPQ, kl, 1e-13);
    KLSCOPE_COMPARE_REL(plug.js, js, 1e-13);
    const HistogramEstimate mm = millerMadowEstimate(p, q);
    KLSCOPE_COMPARE_REL(mm.klPQ, kl - 2.0 / 20 - (ratioPQ - 1) / 20, 1e-13);
    KLSCOPE_COMPARE_REL(mm.klQP, klqp - 2.0 / 20 - (ratioQP - 1) / 20, 1e-13);
    KLSCOPE_COMPARE_REL(mm.js, js - 2.0 / 40 - 2.0 / 40 + mixture, 1e-13);
    QVERIFY(mm.klPQ < plug.klPQ);
}

void TestEstimators::knnByHand()
{
    // x = 0, 1, 3 and y = 0.5, 2 with k = 1: rho = 1, 1, 2 and nu = 0.5, 0.5, 1, so
    // D = (1/3) 3 ln(1/2) + ln(2/2) = -ln 2.
    const std::vector<double> x = {3, 0, 1}, y = {2, 0.5};
    KLSCOPE_COMPARE_REL(knnKl(x, y, 1), -std::log(2.0), 1e-15);
    // k = 2: rho = 3, 2, 3 (0: 1, 3; 1: 0, 3; 3: 1, 0), nu = 2, 1, 2.5: D = (1/3) ln(2/3 * 1/2 * 2.5/3) +
    // ln(2/2).
    KLSCOPE_COMPARE_REL(knnKl(x, y, 2), std::log(2.0 / 3 * 1.0 / 2 * 2.5 / 3) / 3, 1e-14);
    // Too few values for k.
    QVERIFY(std::isnan(knnKl(x, y, 3)));
}

void TestEstimators::knnSkipsZeroDistances()
{
    // A repeated value (as in a bootstrap resample) is skipped: x = 0, 0, 1 gives rho = 1, 1, 1.
    const std::vector<double> x = {0, 0, 1}, y = {0.5, 4};
    // nu = 0.5, 0.5, 0.5: D = ln(0.5) + ln(2/2).
    KLSCOPE_COMPARE_REL(knnKl(x, y, 1), std::log(0.5), 1e-15);
    // A value of y equal to x_i is skipped too.
    const std::vector<double> y2 = {0, 0.5};
    // nu: 0 -> 0.5 (the 0 of y skipped), 0 -> 0.5, 1 -> 0.5.
    KLSCOPE_COMPARE_REL(knnKl(x, y2, 1), std::log(0.5), 1e-15);
    // Every value equal: no positive distance at all.
    const std::vector<double> same = {2, 2, 2};
    QVERIFY(std::isnan(knnKl(same, y, 1)));
}

void TestEstimators::knnCoverage()
{
    // 40 seeded repetitions of n = m = 2000 from N(0,1) and N(1, 2^2): the kNN estimate's 95 % percentile
    // bootstrap interval (B = 200) covers the truth 0.443 in at least 85 % of them (34 of 40).
    const SampleModel p = parseSampleModel("normal:mu=0,sigma=1"),
                      q = parseSampleModel("normal:mu=1,sigma=2");
    const double truth = trueDivergences(p, q).klPQ;
    EstimatorOptions options;
    options.bootstrap = 200;
    int covered = 0;
    for (int r = 0; r < 40; ++r) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(r) + 100);
        const std::vector<double> x = drawSamples(p, 2000, rng), y = drawSamples(q, 2000, rng);
        options.seed = static_cast<std::uint64_t>(r) + 7;
        const SampleEstimates e = estimateFromSamples(x, y, options);
        QVERIFY(e.knn.klPQ.ciLow <= e.knn.klPQ.ciHigh);
        if (e.knn.klPQ.ciLow <= truth && truth <= e.knn.klPQ.ciHigh)
            ++covered;
    }
    QVERIFY2(covered >= 34, qPrintable(QStringLiteral("covered %1 of 40").arg(covered)));
}

void TestEstimators::emptyBinIsInfiniteWithItsReason()
{
    const std::vector<double> p = {3, 2, 1}, q = {4, 0, 5};
    const std::vector<std::string> labels = {"0", "1", "2"};
    const HistogramEstimate e = pluginEstimate(p, q, 0, labels);
    QCOMPARE(e.klPQ, kInf);
    QCOMPARE(QString::fromStdString(e.infinitePQ),
             QStringLiteral("bin 1 holds 2 samples of P and none of Q"));
    QVERIFY(std::isfinite(e.klQP));
    QVERIFY(e.infiniteQP.empty());
    QVERIFY(std::isfinite(e.js));
    QCOMPARE(millerMadowEstimate(p, q, 0, labels).klPQ, kInf);

    // From samples: P's 5 lies in a bin where Q has nothing.
    const std::vector<double> x = {0, 1, 1, 2, 5}, y = {0, 0, 1, 2, 2, 3};
    EstimatorOptions options;
    options.knn = false;
    options.bootstrap = 50;
    const SampleEstimates s = estimateFromSamples(x, y, options);
    QCOMPARE(s.plugin.klPQ.value, kInf);
    QCOMPARE(QString::fromStdString(s.plugin.klPQ.infinite),
             QStringLiteral("bin 5 holds 1 sample of P and none of Q"));
    QCOMPARE(s.plugin.klPQ.ciHigh, kInf);
    // Q's 3 has no sample of P either.
    QCOMPARE(s.plugin.klQP.value, kInf);
    QVERIFY(QString::fromStdString(s.plugin.klQP.infinite)
                .startsWith(QStringLiteral("bin 3 holds 1 sample of Q")));
}

void TestEstimators::smoothingMakesItFinite()
{
    const std::vector<double> x = {0, 1, 1, 2, 5}, y = {0, 0, 1, 2, 2, 3};
    EstimatorOptions options;
    options.knn = false;
    options.bootstrap = 50;
    options.smoothing = 0.5;
    const SampleEstimates s = estimateFromSamples(x, y, options);
    QVERIFY(std::isfinite(s.plugin.klPQ.value));
    QVERIFY(s.plugin.klPQ.value > 0);
    QVERIFY(s.plugin.klPQ.infinite.empty());
    QVERIFY(std::isfinite(s.plugin.klPQ.ciHigh));
    QVERIFY(std::isfinite(s.millerMadow.klPQ.value));
    // The pseudo-count by hand: bins 0..5, P = (1,2,1,0,0,1)+0.5 over 8, Q = (2,1,2,1,0,0)+0.5 over 9.
    const std::vector<double> cp = {1, 2, 1, 0, 0, 1}, cq = {2, 1, 2, 1, 0, 0};
    double kl = 0;
    for (std::size_t i = 0; i < 6; ++i) {
        const double a = (cp[i] + 0.5) / 8, b = (cq[i] + 0.5) / 9;
        kl += a * std::log(a / b);
    }
    KLSCOPE_COMPARE_REL(s.plugin.klPQ.value, kl, 1e-13);
}

void TestEstimators::percentileInterval_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("0..100") << [] {
        std::vector<double> v;
        for (int i = 100; i >= 0; --i)
            v.push_back(i);
        return v;
    }() << 2.5 << 97.5;
    QTest::newRow("an infinity at the top") << std::vector<double>{1, 2, 3, kInf} << 1.075 << kInf;
    QTest::newRow("NaN dropped") << std::vector<double>{std::nan(""), 5.0} << 5.0 << 5.0;
}

void TestEstimators::percentileInterval()
{
    QFETCH(std::vector<double>, values);
    QFETCH(double, low);
    QFETCH(double, high);
    const auto [lo, hi] = klscope::percentileInterval(values, 0.95);
    KLSCOPE_COMPARE_REL(lo, low, 1e-12);
    KLSCOPE_COMPARE_REL(hi, high, 1e-12);
}

void TestEstimators::draws()
{
    const SampleModel b = parseSampleModel("binomial:n=15,p=7/15");
    std::mt19937_64 a(5), c(5);
    const std::vector<double> x = drawSamples(b, 20000, a);
    QCOMPARE(x, drawSamples(b, 20000, c));
    double mean = 0;
    for (const double v : x) {
        QCOMPARE(v, std::round(v));
        QVERIFY(v >= 0 && v <= 15);
        mean += v / 20000;
    }
    // The mean 7 within 5 standard errors (sd 1.93 / sqrt(20000) = 0.014).
    QVERIFY2(std::fabs(mean - 7) < 0.07, qPrintable(QString::number(mean)));
    const std::vector<double> g = drawSamples(parseSampleModel("normal:mu=3,sigma=2"), 20000, a);
    double gm = 0;
    for (const double v : g)
        gm += v / 20000;
    QVERIFY2(std::fabs(gm - 3) < 0.07, qPrintable(QString::number(gm)));
}

void TestEstimators::chunks()
{
    // P and Q the same normal: every difference the chunks see is noise. 1000 samples against 100: 10 chunks
    // of 100, each chunk KL inflated far above the KL of all the samples. A pseudo-count of 0.5 keeps every
    // chunk finite (without it a chunk with a sample in a bin the small set missed is +inf).
    const SampleModel model = parseSampleModel("binomial:n=15,p=7/15");
    std::mt19937_64 rng(3);
    const std::vector<double> x = drawSamples(model, 1050, rng), y = drawSamples(model, 100, rng);
    const ChunkComparison c = compareByChunks(x, y, {}, 0.5);
    QVERIFY(c.pIsLarger);
    QCOMPARE(c.chunkSize, std::size_t(100));
    QCOMPARE(c.chunkKl.size(), std::size_t(10));
    QCOMPARE(c.dropped, std::size_t(50));
    QCOMPARE(c.infiniteChunks, std::size_t(0));
    QVERIFY(c.gTest.applies);
    QVERIFY(c.gTest.pValue > 0.01);
    QVERIFY(c.chiSquare.applies);
    QVERIFY(!c.note.empty());
    QVERIFY2(c.mean > c.properKl, qPrintable(QStringLiteral("%1 %2").arg(c.mean).arg(c.properKl)));
    QVERIFY(c.sd > 0);
    // Without smoothing some chunks may be infinite; they are counted, and the mean is of the finite ones.
    const ChunkComparison raw = compareByChunks(x, y);
    QCOMPARE(raw.chunkKl.size(), std::size_t(10));
    std::size_t infinite = 0;
    for (const double kl : raw.chunkKl)
        infinite += std::isinf(kl) ? 1 : 0;
    QCOMPARE(raw.infiniteChunks, infinite);
    // Q the larger: the direction KL(P||Q) is kept.
    const ChunkComparison r = compareByChunks(y, x, {}, 0.5);
    QVERIFY(!r.pIsLarger);
    QCOMPARE(r.chunkKl.size(), std::size_t(10));
}

void TestEstimators::convergenceLadder()
{
    ConvergenceOptions options;
    options.sizes = {50, 500, 5000};
    options.repetitions = 8;
    const Convergence c = convergence(parseSampleModel("normal:mu=0,sigma=1"),
                                      parseSampleModel("normal:mu=1,sigma=2"), options);
    QCOMPARE(c.n.size(), std::size_t(3));
    QCOMPARE(c.curves.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(c.curves[2].name), QStringLiteral("kNN"));
    for (const ConvergenceCurve &curve : c.curves) {
        QCOMPARE(curve.median.size(), std::size_t(3));
        for (std::size_t i = 0; i < 3; ++i)
            QVERIFY(curve.low[i] <= curve.median[i] && curve.median[i] <= curve.high[i]);
    }
    // The band of the plug-in narrows and its median closes in on the truth.
    QVERIFY(c.curves[0].high[2] - c.curves[0].low[2] < c.curves[0].high[0] - c.curves[0].low[0]);
    QVERIFY(std::fabs(c.curves[0].median[2] - c.truth.klPQ) <
            std::fabs(c.curves[0].median[0] - c.truth.klPQ));
    const Convergence d =
        convergence(parseSampleModel("binomial:n=15,p=7/15"), parseSampleModel("uniform:a=0,b=15"), options);
    QCOMPARE(d.curves.size(), std::size_t(2));
    // A stop after the first size.
    const Convergence s =
        convergence(parseSampleModel("binomial:n=15,p=7/15"), parseSampleModel("uniform:a=0,b=15"), options,
                    [](double) { return true; });
    QCOMPARE(s.n.size(), std::size_t(1));
}

void TestEstimators::badInput()
{
    const std::vector<double> a = {1, 2}, b = {1, 2, 3};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pluginEstimate(a, b));
    const std::vector<double> zero = {0, 0};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pluginEstimate(zero, a));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pluginEstimate(a, a, -1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trueDivergences(parseSampleModel("binomial:n=4,p=0.5"),
                                                                    parseSampleModel("normal:mu=0,sigma=1")));
    EstimatorOptions options;
    options.confidence = 1.5;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, estimateFromSamples(a, b, options));
    const std::vector<double> empty;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, estimateFromSamples(empty, b, EstimatorOptions{}));
}

QTEST_APPLESS_MAIN(TestEstimators)
#include "tst_estimators.moc"
