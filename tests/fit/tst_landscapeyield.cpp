// LandscapeYield (landscape.h): while foreground work holds one, a landscape computes its rows one at a time;
// the values are the same bit for bit as without it, and it stops yielding when the last one goes.

#include "continuousspec.h"
#include "landscape.h"

#include <QTest>

#include <cstring>
#include <optional>

using namespace klscope;

class TestLandscapeYield : public QObject
{
    Q_OBJECT

private slots:
    void sameValues_data()
    {
        QTest::addColumn<int>("yields");
        QTest::newRow("none") << 0;
        QTest::newRow("one") << 1;
        QTest::newRow("two") << 2;
    }
    void sameValues()
    {
        QFETCH(int, yields);
        const FitObjective objective(parseContinuousSpec("gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=3,sigma2=1"),
                                     FitFamily::Normal);
        const double base[2] = {0.0, 1.0};
        const LandscapeAxis x{0, -6.0, 6.0, 24};
        const LandscapeAxis y{1, 0.3, 6.0, 20};
        const Landscape free = computeLandscape(objective, base, x, y);
        QVERIFY(!LandscapeYield::active());
        Landscape held;
        {
            std::optional<LandscapeYield> a, b;
            if (yields > 0)
                a.emplace();
            if (yields > 1)
                b.emplace();
            QCOMPARE(LandscapeYield::active(), yields > 0);
            held = computeLandscape(objective, base, x, y);
        }
        QVERIFY(!LandscapeYield::active());
        QVERIFY(!held.cancelled);
        QCOMPARE(held.klPQ.size(), free.klPQ.size());
        QVERIFY(std::memcmp(held.klPQ.data(), free.klPQ.data(), free.klPQ.size() * sizeof(double)) == 0);
        QVERIFY(std::memcmp(held.klQP.data(), free.klQP.data(), free.klQP.size() * sizeof(double)) == 0);
        // Every node was computed.
        for (double v : held.klQP)
            QVERIFY(!std::isnan(v));
    }
};

QTEST_APPLESS_MAIN(TestLandscapeYield)
#include "tst_landscapeyield.moc"
