// The bounds on total variation from KL (core/bounds.h): Pinsker TV ≤ √(KL/2) and Bretagnolle–Huber
// TV ≤ √(1 − e^(−KL)), from KL(P‖Q) and KL(Q‖P) in nats. They equal their formulas, read KL in nats
// whatever the summary's unit, give the trivial bound 1 for an infinite KL, and hold on seeded random
// discrete pairs (many) and on a few continuous pairs.

#include "continuouscomparison.h"
#include "continuousspec.h"
#include "continuoussummary.h"

#include <bounds.h>
#include <comparison.h>
#include <custom.h>
#include <summary.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace klscope;

class TestTvBounds : public QObject
{
    Q_OBJECT

private slots:
    void formulas_data();
    void formulas();
    void unitsAreConvertedToNats_data();
    void unitsAreConvertedToNats();
    void holdOnRandomDiscretePairs();
    void holdOnContinuousPairs_data();
    void holdOnContinuousPairs();
};

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Every bound must hold up to the rounding of the sums behind TV and KL.
constexpr double kSlack = 1e-12;

bool holds(const Summary &s, const TotalVariationBounds &b)
{
    const double tv = s.totalVariation.value;
    return tv <= b.pinskerPQ + kSlack && tv <= b.pinskerQP + kSlack && tv <= b.bretagnolleHuberPQ + kSlack &&
           tv <= b.bretagnolleHuberQP + kSlack;
}

} // namespace

void TestTvBounds::formulas_data()
{
    QTest::addColumn<double>("kl");
    QTest::addColumn<double>("pinsker");
    QTest::addColumn<double>("bretagnolleHuber");
    QTest::newRow("zero") << 0.0 << 0.0 << 0.0;
    QTest::newRow("rounding below zero") << -1e-17 << 0.0 << 0.0;
    QTest::newRow("tiny") << 1e-12 << std::sqrt(0.5e-12) << std::sqrt(1e-12 - 0.5e-24);
    QTest::newRow("0.1") << 0.1 << std::sqrt(0.05) << std::sqrt(1 - std::exp(-0.1));
    QTest::newRow("ln 2") << std::log(2.0) << std::sqrt(std::log(2.0) / 2) << std::sqrt(0.5);
    QTest::newRow("1") << 1.0 << std::sqrt(0.5) << std::sqrt(1 - std::exp(-1.0));
    QTest::newRow("2: Pinsker reaches 1") << 2.0 << 1.0 << std::sqrt(1 - std::exp(-2.0));
    QTest::newRow("10: Pinsker trivial") << 10.0 << 1.0 << std::sqrt(1 - std::exp(-10.0));
    QTest::newRow("infinite") << kInf << 1.0 << 1.0;
}

void TestTvBounds::formulas()
{
    QFETCH(double, kl);
    QFETCH(double, pinsker);
    QFETCH(double, bretagnolleHuber);
    QVERIFY(std::abs(pinskerBound(kl) - pinsker) <= 1e-15 * std::max(1.0, pinsker));
    QVERIFY2(std::abs(bretagnolleHuberBound(kl) - bretagnolleHuber) <= 1e-14 * bretagnolleHuber + 1e-300,
             qPrintable(QString::number(bretagnolleHuberBound(kl), 'g', 17)));
    QVERIFY(std::isnan(pinskerBound(std::nan(""))));
    QVERIFY(std::isnan(bretagnolleHuberBound(std::nan(""))));
}

void TestTvBounds::unitsAreConvertedToNats_data()
{
    QTest::addColumn<int>("unit");
    QTest::newRow("nats") << int(Unit::Nats);
    QTest::newRow("bits") << int(Unit::Bits);
    QTest::newRow("bans") << int(Unit::Bans);
}

// The same pair in any unit has the same bounds: the formulas take KL in nats.
void TestTvBounds::unitsAreConvertedToNats()
{
    QFETCH(int, unit);
    CompareOptions nats, other;
    other.unit = static_cast<Unit>(unit);
    const Distribution p = Custom({0.5, 0.3, 0.2}), q = Custom({0.2, 0.2, 0.6});
    const TotalVariationBounds a = totalVariationBounds(summarize(compare(p, q, nats)));
    const TotalVariationBounds b = totalVariationBounds(summarize(compare(p, q, other)));
    const Summary s = summarize(compare(p, q, nats));
    QVERIFY(std::abs(a.pinskerPQ - std::sqrt(s.klPQ.value / 2)) < 1e-15);
    QVERIFY(std::abs(a.bretagnolleHuberQP - std::sqrt(1 - std::exp(-s.klQP.value))) < 1e-15);
    QVERIFY(std::abs(a.pinskerPQ - b.pinskerPQ) < 1e-14);
    QVERIFY(std::abs(a.pinskerQP - b.pinskerQP) < 1e-14);
    QVERIFY(std::abs(a.bretagnolleHuberPQ - b.bretagnolleHuberPQ) < 1e-14);
    QVERIFY(std::abs(a.bretagnolleHuberQP - b.bretagnolleHuberQP) < 1e-14);
    QVERIFY(a.tightest() < 1);
}

// 2000 seeded random pairs on 2..12 events, some with zeros (an infinite KL gives the bound 1).
void TestTvBounds::holdOnRandomDiscretePairs()
{
    std::mt19937_64 rng(20261201);
    std::uniform_int_distribution<int> size(2, 12);
    std::uniform_real_distribution<double> mass(0.0, 1.0);
    std::bernoulli_distribution zero(0.1);
    int infinite = 0, pinskerTighter = 0, huberTighter = 0;
    for (int trial = 0; trial < 2000; ++trial) {
        const int n = size(rng);
        std::vector<double> p(n), q(n);
        // A power of the uniform spreads the pairs from near-equal to far apart.
        const double spread = 1.0 + 6.0 * mass(rng);
        for (int i = 0; i < n; ++i) {
            p[i] = zero(rng) ? 0.0 : std::pow(mass(rng), spread);
            q[i] = zero(rng) ? 0.0 : std::pow(mass(rng), spread);
        }
        p[0] += 1e-3;
        q[n - 1] += 1e-3;
        double sp = 0, sq = 0;
        for (int i = 0; i < n; ++i) {
            sp += p[i];
            sq += q[i];
        }
        for (int i = 0; i < n; ++i) {
            p[i] /= sp;
            q[i] /= sq;
        }
        const Summary s = summarize(compare(Distribution(Custom(p)), Distribution(Custom(q))));
        const TotalVariationBounds b = totalVariationBounds(s);
        QVERIFY2(holds(s, b), qPrintable(QStringLiteral("trial %1: TV %2, bounds %3 %4 %5 %6")
                                             .arg(trial)
                                             .arg(s.totalVariation.value, 0, 'g', 17)
                                             .arg(b.pinskerPQ)
                                             .arg(b.pinskerQP)
                                             .arg(b.bretagnolleHuberPQ)
                                             .arg(b.bretagnolleHuberQP)));
        QCOMPARE(b.pinskerPQ, pinskerBound(s.klPQ.value));
        QCOMPARE(b.bretagnolleHuberQP, bretagnolleHuberBound(s.klQP.value));
        if (std::isinf(s.klPQ.value)) {
            ++infinite;
            QCOMPARE(b.pinskerPQ, 1.0);
            QCOMPARE(b.bretagnolleHuberPQ, 1.0);
        } else if (b.pinskerPQ < b.bretagnolleHuberPQ)
            ++pinskerTighter;
        else
            ++huberTighter;
    }
    // The sample covers both regimes and infinite KL, or the test proves less than it says.
    QVERIFY(infinite > 50);
    QVERIFY(pinskerTighter > 50);
    QVERIFY(huberTighter > 50);
}

void TestTvBounds::holdOnContinuousPairs_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::newRow("near normals") << "normal:mu=0,sigma=1"
                                  << "normal:mu=0.1,sigma=1";
    QTest::newRow("far normals") << "normal:mu=0,sigma=1"
                                 << "normal:mu=4,sigma=1";
    QTest::newRow("widths") << "normal:mu=0,sigma=0.1"
                            << "normal:mu=0,sigma=0.2";
    QTest::newRow("normal, student t") << "normal:mu=0,sigma=1"
                                       << "student_t:nu=5";
}

void TestTvBounds::holdOnContinuousPairs()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    ContinuousCompareOptions o;
    o.samples = 0;
    o.gridPoints = 0;
    const Summary s = summarize(
        compareContinuous(parseContinuousSpec(p.toStdString()), parseContinuousSpec(q.toStdString()), o));
    QVERIFY(std::isfinite(s.totalVariation.value));
    const TotalVariationBounds b = totalVariationBounds(s);
    // Quadrature errors are far below this slack.
    const double tv = s.totalVariation.value - 1e-9;
    QVERIFY(tv <= b.pinskerPQ && tv <= b.pinskerQP && tv <= b.bretagnolleHuberPQ &&
            tv <= b.bretagnolleHuberQP);
    QCOMPARE(b.pinskerPQ, pinskerBound(s.klPQ.value));
    QCOMPARE(b.bretagnolleHuberQP, bretagnolleHuberBound(s.klQP.value));
}

QTEST_APPLESS_MAIN(TestTvBounds)
#include "tst_tvbounds.moc"
