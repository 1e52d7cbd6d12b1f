// Progressive Monte Carlo KL: the estimate within 4 standard errors of the closed form (normal pair) and of
// quadrature (mixture against normal), the standard error shrinking like 1/sqrt(n), a cancel that stops
// the run at the point it saw, the same numbers for the same seed, and no estimate of an infinite KL.

#include "continuouscomparison.h"
#include "continuousspec.h"
#include "mixturekl.h"
#include "montecarloprogress.h"

#include <QTest>

#include <cmath>

using namespace klscope;

class TestMonteCarloProgress : public QObject
{
    Q_OBJECT

private slots:
    void withinFourStandardErrors_data()
    {
        QTest::addColumn<QString>("p");
        QTest::addColumn<QString>("q");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("normal pair") << "normal:mu=0,sigma=1"
                                     << "normal:mu=1,sigma=2" << quint64(1);
        QTest::newRow("normal pair reversed") << "normal:mu=1,sigma=2"
                                              << "normal:mu=0,sigma=1" << quint64(7);
        QTest::newRow("vae term") << "normal:mu=1,sigma=0.5"
                                  << "normal:mu=0,sigma=1" << quint64(3);
        QTest::newRow("gmm vs normal") << "gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1"
                                       << "normal:mu=0,sigma=1.4142135623730951" << quint64(11);
        QTest::newRow("normal vs gmm")
            << "normal:mu=0,sigma=1"
            << "gmm:w1=0.3,mu1=-2,sigma1=0.5,w2=0.7,mu2=1,sigma2=1.5" << quint64(5);
        QTest::newRow("normal vs t5") << "normal:mu=0.5,sigma=2"
                                      << "student_t:nu=5" << quint64(2);
    }

    void withinFourStandardErrors()
    {
        QFETCH(QString, p);
        QFETCH(QString, q);
        QFETCH(quint64, seed);
        const auto dp = parseContinuousSpec(p.toStdString());
        const auto dq = parseContinuousSpec(q.toStdString());
        ContinuousCompareOptions compareOptions;
        compareOptions.samples = 0;
        compareOptions.gridPoints = 0;
        // The closed form for the normal pairs, adaptive quadrature otherwise.
        const double reference = compareContinuous(dp, dq, compareOptions).klPQ.value;
        MonteCarloProgressOptions options;
        options.maxSamples = 256000;
        options.seed = seed;
        const MonteCarloRun run = progressiveMonteCarloKl(dp, dq, options);
        QVERIFY(run.infinite.empty());
        QVERIFY(!run.cancelled);
        QCOMPARE(run.points.size(), std::size_t(9)); // 1000, 2000, ..., 256000
        for (const MonteCarloPoint &point : run.points) {
            QVERIFY2(std::fabs(point.estimate - reference) <= 4.0 * point.standardError,
                     qPrintable(QStringLiteral("n = %1: %2 +- %3 against %4")
                                    .arg(point.n)
                                    .arg(point.estimate, 0, 'g', 10)
                                    .arg(point.standardError, 0, 'g', 3)
                                    .arg(reference, 0, 'g', 10)));
            QVERIFY(point.standardError > 0.0);
        }
    }

    void standardErrorShrinksLikeOneOverSqrtN()
    {
        const auto p = parseContinuousSpec("gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1");
        const auto q = parseContinuousSpec("normal:mu=0,sigma=1");
        MonteCarloProgressOptions options;
        options.maxSamples = 1024000;
        const MonteCarloRun run = progressiveMonteCarloKl(p, q, options);
        QCOMPARE(run.points.size(), std::size_t(11));
        QCOMPARE(run.points.front().n, std::size_t(1000));
        QCOMPARE(run.points.back().n, std::size_t(1024000));
        // se sqrt(n) estimates the standard deviation of ln p - ln q, the same at every n.
        const double sd = run.points.back().standardError * std::sqrt(double(run.points.back().n));
        for (const MonteCarloPoint &point : run.points) {
            const double ratio = point.standardError * std::sqrt(double(point.n)) / sd;
            QVERIFY2(ratio > 0.85 && ratio < 1.15,
                     qPrintable(QStringLiteral("n = %1: ratio %2").arg(point.n).arg(ratio)));
        }
        QVERIFY(run.points.back().standardError < run.points.front().standardError / 25.0);
    }

    void lastCheckpointIsMaxSamples()
    {
        MonteCarloProgressOptions options;
        options.maxSamples = 1000000;
        std::vector<std::size_t> seen;
        const MonteCarloRun run = progressiveMonteCarloKl(parseContinuousSpec("normal:mu=0,sigma=1"),
                                                          parseContinuousSpec("normal:mu=1,sigma=1"), options,
                                                          [&](const MonteCarloPoint &point) {
                                                              seen.push_back(point.n);
                                                              return true;
                                                          });
        const std::vector<std::size_t> expected{1000,  2000,   4000,   8000,   16000,  32000,
                                                64000, 128000, 256000, 512000, 1000000};
        QCOMPARE(seen, expected);
        QCOMPARE(run.points.size(), expected.size());
    }

    void cancelStopsEarly()
    {
        const auto p = parseContinuousSpec("normal:mu=0,sigma=1");
        const auto q = parseContinuousSpec("laplace:mu=0,b=1");
        int calls = 0;
        const MonteCarloRun run = progressiveMonteCarloKl(p, q, {}, [&](const MonteCarloPoint &point) {
            ++calls;
            return point.n < 4000;
        });
        QVERIFY(run.cancelled);
        QCOMPARE(calls, 3);
        QCOMPARE(run.points.size(), std::size_t(3));
        QCOMPARE(run.points.back().n, std::size_t(4000));
    }

    // The stop predicate is polled between checkpoints: a run stops within kMonteCarloPollDraws draws.
    void stopPredicateStopsBetweenCheckpoints()
    {
        const auto p = parseContinuousSpec("gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1");
        const auto q = parseContinuousSpec("normal:mu=0,sigma=1");
        std::size_t polls = 0;
        bool stopNow = false;
        const MonteCarloRun run = progressiveMonteCarloKl(
            p, q, {},
            [&](const MonteCarloPoint &point) {
                stopNow = point.n == 256000; // asked at a checkpoint, seen at the next poll
                return true;
            },
            [&] {
                ++polls;
                return stopNow;
            });
        QVERIFY(run.cancelled);
        QCOMPARE(run.points.size(), std::size_t(9));
        QCOMPARE(run.points.back().n, std::size_t(256000));
        // Polled every 4096 draws up to the stop, once more after the last checkpoint, and no further.
        QCOMPARE(polls, std::size_t(256000 / kMonteCarloPollDraws + 1));
        // A predicate that never fires changes nothing.
        MonteCarloProgressOptions options;
        options.maxSamples = 64000;
        const MonteCarloRun plain = progressiveMonteCarloKl(p, q, options);
        const MonteCarloRun polled = progressiveMonteCarloKl(p, q, options, {}, [] { return false; });
        QVERIFY(!polled.cancelled);
        QCOMPARE(polled.points.size(), plain.points.size());
        QCOMPARE(polled.points.back().estimate, plain.points.back().estimate);
    }

    void sameSeedSameNumbers()
    {
        const auto p = parseContinuousSpec("gmm:w1=0.3,mu1=-2,sigma1=0.5,w2=0.7,mu2=1,sigma2=1.5");
        const auto q = parseContinuousSpec("student_t:nu=5");
        MonteCarloProgressOptions options;
        options.maxSamples = 64000;
        options.seed = 42;
        const MonteCarloRun a = progressiveMonteCarloKl(p, q, options);
        const MonteCarloRun b = progressiveMonteCarloKl(p, q, options);
        QCOMPARE(a.points.size(), b.points.size());
        for (std::size_t i = 0; i < a.points.size(); ++i) {
            QCOMPARE(a.points[i].estimate, b.points[i].estimate);
            QCOMPARE(a.points[i].standardError, b.points[i].standardError);
        }
        // The checkpoint at n is monteCarloKl() with n draws of the same stream.
        const MonteCarloEstimate direct = monteCarloKl(p, q, 16000, 42);
        QCOMPARE(a.points[4].n, std::size_t(16000));
        QCOMPARE(a.points[4].estimate, direct.value);
        QCOMPARE(a.points[4].standardError, direct.standardError);
        options.seed = 43;
        const MonteCarloRun c = progressiveMonteCarloKl(p, q, options);
        QVERIFY(c.points.back().estimate != a.points.back().estimate);
    }

    void infiniteKlIsNotEstimated_data()
    {
        QTest::addColumn<QString>("p");
        QTest::addColumn<QString>("q");
        QTest::newRow("cauchy vs normal") << "cauchy:x0=0,gamma=1"
                                          << "normal:mu=0,sigma=1";
        QTest::newRow("normal vs exponential") << "normal:mu=0,sigma=1"
                                               << "exponential:rate=1";
    }

    void infiniteKlIsNotEstimated()
    {
        QFETCH(QString, p);
        QFETCH(QString, q);
        bool called = false;
        const MonteCarloRun run = progressiveMonteCarloKl(
            parseContinuousSpec(p.toStdString()), parseContinuousSpec(q.toStdString()), {},
            [&](const MonteCarloPoint &) { return called = true; });
        QVERIFY(!run.infinite.empty());
        QVERIFY(run.points.empty());
        QVERIFY(!called);
    }

    void badCheckpointsThrow()
    {
        const auto d = parseContinuousSpec("normal:mu=0,sigma=1");
        MonteCarloProgressOptions options;
        options.firstSamples = 1;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, progressiveMonteCarloKl(d, d, options));
        options.firstSamples = 100;
        options.maxSamples = 50;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, progressiveMonteCarloKl(d, d, options));
    }
};

QTEST_APPLESS_MAIN(TestMonteCarloProgress)
#include "tst_montecarloprogress.moc"
