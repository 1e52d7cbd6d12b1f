// Marching squares (issue 11, the landscape's contours) on analytic fields: the circles of x^2 + y^2 (every
// segment end on the level to the grid's interpolation accuracy, every segment near the circle, the
// circle's whole length covered), a plane (straight lines, exact), the saddle cell resolved by its centre,
// NaN cells skipped, and the even levels.

#include "contours.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace klscope;

namespace {

std::vector<double> sample(const ContourGrid &g, double (*f)(double, double))
{
    std::vector<double> v(g.nx * g.ny);
    for (std::size_t j = 0; j < g.ny; ++j)
        for (std::size_t i = 0; i < g.nx; ++i) {
            const double x = g.xFrom + (g.xTo - g.xFrom) * double(i) / double(g.nx - 1);
            const double y = g.yFrom + (g.yTo - g.yFrom) * double(j) / double(g.ny - 1);
            v[j * g.nx + i] = f(x, y);
        }
    return v;
}

double radiusSquared(double x, double y)
{
    return x * x + y * y;
}

double plane(double x, double y)
{
    return 2.0 * x - 0.5 * y;
}

} // namespace

class TestContours : public QObject
{
    Q_OBJECT

private slots:
    void circles_data();
    void circles();
    void planeIsExact();
    void saddleCell_data();
    void saddleCell();
    void skipsUnknownCells();
    void evenLevels();
    void degenerateInput();
};

void TestContours::circles_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<double>("radius");
    QTest::newRow("65 nodes, r = 1") << 65 << 1.0;
    QTest::newRow("65 nodes, r = 2.5") << 65 << 2.5;
    QTest::newRow("129 nodes, r = 0.7") << 129 << 0.7;
    QTest::newRow("33 nodes, r = 2") << 33 << 2.0;
}

void TestContours::circles()
{
    QFETCH(int, nodes);
    QFETCH(double, radius);
    const ContourGrid g{std::size_t(nodes), std::size_t(nodes), -3.0, 3.0, -3.0, 3.0};
    const std::vector<double> v = sample(g, radiusSquared);
    const double level = radius * radius;
    const auto segments = contourSegments(v, g, level);
    QVERIFY(!segments.empty());
    const double h = 6.0 / (nodes - 1);
    // Linear interpolation of x^2 along an edge of length h errs by at most h^2 / 4 in the value.
    double worstLevel = 0.0, worstRadius = 0.0, length = 0.0;
    for (const ContourSegment &s : segments) {
        worstLevel = std::max({worstLevel, std::fabs(radiusSquared(s.x0, s.y0) - level),
                               std::fabs(radiusSquared(s.x1, s.y1) - level)});
        // The segment's midpoint lies inside the circle by at most the sagitta of a chord of length <= h
        // sqrt(2) plus the ends' error.
        worstRadius =
            std::max(worstRadius, std::fabs(std::hypot((s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2) - radius));
        length += std::hypot(s.x1 - s.x0, s.y1 - s.y0);
    }
    QVERIFY2(worstLevel <= h * h / 4 + 1e-12, qPrintable(QString::number(worstLevel)));
    QVERIFY2(worstRadius <= h, qPrintable(QString::number(worstRadius)));
    // The polygon inscribed in the circle is a little shorter than it, never longer, and covers all of it.
    const double circumference = 2 * M_PI * radius;
    QVERIFY2(length <= circumference * (1 + 1e-9) && length >= circumference * (1 - 2 * h / radius),
             qPrintable(QStringLiteral("%1 vs %2").arg(length).arg(circumference)));
    // A closed line: every end is shared with exactly one other segment's end.
    for (const ContourSegment &s : segments) {
        int meets = 0;
        for (const ContourSegment &t : segments)
            if (&t != &s)
                for (const auto &[x, y] : {std::pair{t.x0, t.y0}, std::pair{t.x1, t.y1}})
                    meets += std::hypot(x - s.x0, y - s.y0) < 1e-12;
        QCOMPARE(meets, 1);
    }
}

void TestContours::planeIsExact()
{
    const ContourGrid g{20, 30, -1.0, 1.0, -2.0, 2.0};
    const std::vector<double> v = sample(g, plane);
    for (const double level : {-1.3, 0.0, 0.77}) {
        const auto segments = contourSegments(v, g, level);
        QVERIFY(!segments.empty());
        for (const ContourSegment &s : segments) {
            QVERIFY(std::fabs(plane(s.x0, s.y0) - level) < 1e-12);
            QVERIFY(std::fabs(plane(s.x1, s.y1) - level) < 1e-12);
        }
    }
    // A level above everything has no line.
    QVERIFY(contourSegments(v, g, 100.0).empty());
}

void TestContours::saddleCell_data()
{
    QTest::addColumn<double>("level");
    QTest::addColumn<bool>("highJoin");
    // Corners 0 (0, 0) = 1 and 2 (1, 1) = 1 high, 1 and 3 = 0; centre 0.5.
    QTest::newRow("level 0.4: the high corners join across the centre") << 0.4 << true;
    QTest::newRow("level 0.6: the high corners are cut off") << 0.6 << false;
}

void TestContours::saddleCell()
{
    QFETCH(double, level);
    QFETCH(bool, highJoin);
    const ContourGrid g{2, 2, 0.0, 1.0, 0.0, 1.0};
    const std::vector<double> v = {1.0, 0.0, 0.0, 1.0}; // (0,0), (1,0), (0,1), (1,1)
    const auto segments = contourSegments(v, g, level);
    QCOMPARE(segments.size(), std::size_t(2));
    // Each segment cuts off one corner: the one its midpoint is nearest to. Joined high corners leave the
    // low corners (1, 0) and (0, 1) cut off.
    for (const ContourSegment &s : segments) {
        const double mx = (s.x0 + s.x1) / 2, my = (s.y0 + s.y1) / 2;
        const bool nearLowCorner = std::fabs(mx - my) > 0.25;
        QCOMPARE(nearLowCorner, highJoin);
    }
}

void TestContours::skipsUnknownCells()
{
    const ContourGrid g{33, 33, -3.0, 3.0, -3.0, 3.0};
    std::vector<double> v = sample(g, radiusSquared);
    const std::size_t full = contourSegments(v, g, 4.0).size();
    // The right half unknown: no segment reaches into it.
    for (std::size_t j = 0; j < g.ny; ++j)
        for (std::size_t i = g.nx / 2 + 1; i < g.nx; ++i)
            v[j * g.nx + i] =
                j % 2 ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
    const auto segments = contourSegments(v, g, 4.0);
    QVERIFY(!segments.empty());
    QVERIFY(segments.size() < full);
    for (const ContourSegment &s : segments)
        QVERIFY(s.x0 <= 0.0 + 1e-12 && s.x1 <= 0.0 + 1e-12);
}

void TestContours::evenLevels()
{
    const std::vector<double> v = {std::numeric_limits<double>::quiet_NaN(), 1.0, 5.0,
                                   std::numeric_limits<double>::infinity(), 3.0};
    const std::vector<double> levels = evenContourLevels(v, 3);
    QCOMPARE(levels, (std::vector<double>{2.0, 3.0, 4.0}));
    QVERIFY(evenContourLevels(std::vector<double>{2.0, 2.0}, 3).empty());
    QVERIFY(evenContourLevels(v, 0).empty());
}

void TestContours::degenerateInput()
{
    const std::vector<double> v = {1.0, 2.0, 3.0, 4.0};
    QVERIFY(contourSegments(v, ContourGrid{1, 4, 0, 1, 0, 1}, 2.5).empty());
    QVERIFY(contourSegments(v, ContourGrid{3, 3, 0, 1, 0, 1}, 2.5).empty()); // values too short
    QVERIFY(
        contourSegments(v, ContourGrid{2, 2, 0, 1, 0, 1}, std::numeric_limits<double>::quiet_NaN()).empty());
    QCOMPARE(contourSegments(v, ContourGrid{2, 2, 0, 1, 0, 1}, 2.5).size(), std::size_t(1));
}

QTEST_APPLESS_MAIN(TestContours)
#include "tst_contours.moc"
