// IdentityBar draws H(P,Q) = H(P) + KL(P||Q) on a number line: the entropy segment from the zero line to
// H(P) (left of it when H(P) < 0, as a differential entropy can be), the divergence segment from H(P) on,
// an infinite divergence filling the rest of the bar. The geometry is checked exactly, then painted.

#include "identitybar.h"

#include <QImage>
#include <QTest>

#include <limits>

class TestIdentityBar : public QObject
{
    Q_OBJECT

private slots:
    void segments_data();
    void segments();
    void paintsNegativeEntropyLeftOfZero();
};

void TestIdentityBar::segments_data()
{
    QTest::addColumn<double>("entropy");
    QTest::addColumn<double>("divergence");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<double>("zeroX");
    QTest::addColumn<double>("entropyLeft");
    QTest::addColumn<double>("entropyRight");
    QTest::addColumn<double>("divergenceLeft");
    QTest::addColumn<double>("divergenceRight");
    const double inf = std::numeric_limits<double>::infinity();
    // The area is x = 0..200 (a bar 200 wide): value v of [low, high] sits at 200 (v - low) / (high - low).
    QTest::newRow("positive") << 1.0 << 0.5 << 0.0 << 2.0 << 0.0 << 0.0 << 100.0 << 100.0 << 150.0;
    QTest::newRow("negative entropy, negative cross entropy")
        << -1.0 << 0.5 << -1.0 << 1.0 << 100.0 << 0.0 << 100.0 << 0.0 << 50.0;
    QTest::newRow("negative entropy, cross entropy above zero")
        << -0.5 << 1.0 << -1.0 << 1.0 << 100.0 << 50.0 << 100.0 << 50.0 << 150.0;
    QTest::newRow("range widened to hold the terms")
        << -2.0 << 1.0 << 0.0 << 0.0 << 200.0 << 0.0 << 200.0 << 0.0 << 100.0;
    QTest::newRow("infinite divergence keeps 35 %")
        << 1.0 << inf << 0.0 << 1.0 << 0.0 << 0.0 << 130.0 << 130.0 << 200.0;
    QTest::newRow("negative divergence is empty")
        << 1.0 << -0.25 << 0.0 << 2.0 << 0.0 << 0.0 << 100.0 << 100.0 << 100.0;
}

void TestIdentityBar::segments()
{
    QFETCH(double, entropy);
    QFETCH(double, divergence);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(double, zeroX);
    QFETCH(double, entropyLeft);
    QFETCH(double, entropyRight);
    QFETCH(double, divergenceLeft);
    QFETCH(double, divergenceRight);
    IdentityBar bar;
    bar.setTerms(entropy, divergence, low, high);
    const IdentityBar::Segments s = bar.segments(QRectF(0, 0, 200, 20));
    QCOMPARE(s.zeroX, zeroX);
    QCOMPARE(s.entropy.left(), entropyLeft);
    QCOMPARE(s.entropy.right(), entropyRight);
    QCOMPARE(s.divergence.left(), divergenceLeft);
    QCOMPARE(s.divergence.right(), divergenceRight);
    // A negative entropy and its divergence share the line, so they take one lane each.
    QCOMPARE(s.entropy.top(), 0.0);
    QCOMPARE(s.entropy.bottom(), entropy < 0 ? 10.0 : 20.0);
    QCOMPARE(s.divergence.top(), entropy < 0 ? 10.0 : 0.0);
    QCOMPARE(s.divergence.bottom(), 20.0);
}

// The painted bar: the entropy colour lies left of the zero line, the divergence colour from the entropy
// end on, and nothing coloured right of the (negative) cross entropy.
void TestIdentityBar::paintsNegativeEntropyLeftOfZero()
{
    IdentityBar bar;
    bar.setColours(QColor(0, 0, 255), QColor(255, 0, 0));
    bar.setTerms(-1.0, 0.5, -1.0, 1.0);
    bar.resize(202, 30);
    QImage image(bar.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    bar.render(&image);
    // Area x = 1..201, y = 1..29: zero at 101, H = -1 at 1, H + KL = -0.5 at 51; the entropy lane is
    // y = 1..15, the divergence lane y = 15..29. Pixels near the lanes' edges, clear of the numbers.
    const int top = 2, bottom = 27;
    QCOMPARE(image.pixelColor(5, top), QColor(0, 0, 255));     // H runs from -1 ...
    QCOMPARE(image.pixelColor(97, top), QColor(0, 0, 255));    // ... to the zero line
    QVERIFY(image.pixelColor(105, top) != QColor(0, 0, 255));  // and not past it
    QCOMPARE(image.pixelColor(5, bottom), QColor(255, 0, 0));  // KL from H = -1 ...
    QCOMPARE(image.pixelColor(47, bottom), QColor(255, 0, 0)); // ... to H(P,Q) = -0.5
    QVERIFY(image.pixelColor(55, bottom) != QColor(255, 0, 0));
    QVERIFY(image.pixelColor(150, bottom) != QColor(255, 0, 0));
}

QTEST_MAIN(TestIdentityBar)
#include "tst_identitybar.moc"
