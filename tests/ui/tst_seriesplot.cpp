// SeriesPlot, the data-fed plot on a double x axis: it draws the series it is given, shows the owner's
// x range by default, zooms with the wheel and goes back, pans by dragging, keeps a log y axis sane
// with zeros and negative values, asks the owner for the read-out, records a figure, and keeps a
// negative integrand below the zero line.

#include "palette.h"
#include "seriesplot.h"

#include <QApplication>
#include <QPainter>
#include <QPicture>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <numbers>

namespace {

// n points of f on a..b.
PlotSeries sampled(const QString &name, PlotSeries::Kind kind, PlotSeries::Role role, double a, double b,
                   int n, double (*f)(double))
{
    PlotSeries s;
    s.name = name;
    s.kind = kind;
    s.role = role;
    for (int i = 0; i < n; ++i) {
        const double x = a + (b - a) * i / (n - 1);
        s.x.push_back(x);
        s.y.push_back(f(x));
    }
    return s;
}

double normalDensity(double x)
{
    return std::exp(-x * x / 2) / std::sqrt(2 * std::numbers::pi);
}

double sine(double x)
{
    return std::sin(x);
}

// Pixels within 40 of `colour` in every channel.
int countNear(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) <= 40 && std::abs(c.green() - colour.green()) <= 40 &&
                std::abs(c.blue() - colour.blue()) <= 40)
                ++count;
        }
    return count;
}

void wheel(QWidget *canvas, QPoint at, int delta, Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent event(QPointF(at), QPointF(canvas->mapToGlobal(at)), QPoint(), QPoint(0, delta), Qt::NoButton,
                      modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &event);
}

} // namespace

class TestSeriesPlot : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void drawsEverySeries_data();
    void drawsEverySeries();
    void defaultRangeIsTheOwners();
    void defaultRangeWithoutOneIsTheData();
    void wheelZoomsAndResetGoesBack();
    void dragPans();
    void logScaleWithZerosAndNegatives();
    void readoutAsksTheOwner();
    void figureIsDrawn();
    void negativeIntegrandBelowZero();

private:
    void waitForReplot();
    SeriesPlot *m_plot = nullptr;
};

void TestSeriesPlot::init()
{
    m_plot = new SeriesPlot;
    m_plot->resize(800, 500);
    m_plot->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_plot));
}

void TestSeriesPlot::cleanup()
{
    delete m_plot;
    m_plot = nullptr;
}

void TestSeriesPlot::waitForReplot()
{
    QTRY_VERIFY(!m_plot->replotPending());
}

void TestSeriesPlot::drawsEverySeries_data()
{
    QTest::addColumn<int>("lines");
    QTest::addColumn<int>("bars");
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("one density") << 1 << 0;
    QTest::newRow("densities and integrands") << 5 << 0;
    QTest::newRow("bars and lines") << 2 << 2;
}

void TestSeriesPlot::drawsEverySeries()
{
    QFETCH(int, lines);
    QFETCH(int, bars);
    QList<PlotSeries> series;
    for (int i = 0; i < lines; ++i)
        series.append(sampled(QStringLiteral("line %1").arg(i),
                              i % 2 ? PlotSeries::Kind::FilledCurve : PlotSeries::Kind::Line,
                              PlotSeries::Role(i % 6), -4, 4, 200, normalDensity));
    for (int i = 0; i < bars; ++i)
        series.append(sampled(QStringLiteral("bars %1").arg(i), PlotSeries::Kind::Bars, PlotSeries::Role::Q,
                              0, 10, 11, normalDensity));
    m_plot->setSeries(series);
    QCOMPARE(m_plot->seriesCount(), lines + bars);
    // Replacing the series replaces the graphs.
    m_plot->setSeries(series.mid(0, 1));
    QCOMPARE(m_plot->seriesCount(), series.isEmpty() ? 0 : 1);
    waitForReplot();
}

void TestSeriesPlot::defaultRangeIsTheOwners()
{
    m_plot->setSeries({sampled(QStringLiteral("p"), PlotSeries::Kind::FilledCurve, PlotSeries::Role::P, -10,
                               10, 400, normalDensity)});
    m_plot->setXRange(-3, 5);
    QCOMPARE(m_plot->visibleRange(), std::make_pair(-3.0, 5.0));
    // An invalid range is refused.
    m_plot->setXRange(2, 1);
    QCOMPARE(m_plot->visibleRange(), std::make_pair(-3.0, 5.0));
}

void TestSeriesPlot::defaultRangeWithoutOneIsTheData()
{
    m_plot->setSeries({sampled(QStringLiteral("p"), PlotSeries::Kind::Line, PlotSeries::Role::P, -2, 6, 100,
                               normalDensity)});
    QCOMPARE(m_plot->visibleRange(), std::make_pair(-2.0, 6.0));
}

void TestSeriesPlot::wheelZoomsAndResetGoesBack()
{
    m_plot->setSeries({sampled(QStringLiteral("p"), PlotSeries::Kind::FilledCurve, PlotSeries::Role::P, -10,
                               10, 400, normalDensity)});
    m_plot->setXRange(-4, 4);
    waitForReplot();
    QSignalSpy zoomed(m_plot, &PlotWidget::zoomed);
    QSignalSpy reset(m_plot, &PlotWidget::zoomReset);
    QWidget *canvas = m_plot->canvas();
    const QPoint centre(m_plot->axisLeft() + (canvas->width() - m_plot->axisLeft()) / 2,
                        canvas->height() / 2);
    wheel(canvas, centre, 240);
    QCOMPARE(zoomed.count(), 1);
    const auto [lo, hi] = m_plot->visibleRange();
    QVERIFY2(hi - lo < 8.0 * 0.7, qPrintable(QStringLiteral("%1..%2").arg(lo).arg(hi)));
    QVERIFY(lo > -4 && hi < 4);
    // Shift+wheel pans: the same width, moved.
    wheel(canvas, centre, 120, Qt::ShiftModifier);
    const auto [lo2, hi2] = m_plot->visibleRange();
    QVERIFY(std::fabs((hi2 - lo2) - (hi - lo)) < 1e-9);
    QVERIFY(lo2 != lo);
    // A new default view keeps the person's zoom; a double-click goes back to the default.
    m_plot->setXRange(-5, 5);
    QCOMPARE(m_plot->visibleRange(), std::make_pair(lo2, hi2));
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, centre);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_plot->visibleRange(), std::make_pair(-5.0, 5.0));
    wheel(canvas, centre, -120);
    QVERIFY(m_plot->visibleRange().second - m_plot->visibleRange().first > 10.0);
    m_plot->resetZoom();
    QCOMPARE(reset.count(), 2);
    QCOMPARE(m_plot->visibleRange(), std::make_pair(-5.0, 5.0));
}

void TestSeriesPlot::dragPans()
{
    m_plot->setSeries({sampled(QStringLiteral("p"), PlotSeries::Kind::Line, PlotSeries::Role::P, -10, 10, 400,
                               normalDensity)});
    m_plot->setXRange(-4, 4);
    waitForReplot();
    QWidget *canvas = m_plot->canvas();
    const QPoint from(m_plot->axisLeft() + 300, canvas->height() / 2);
    QTest::mousePress(canvas, Qt::LeftButton, {}, from);
    QTest::mouseMove(canvas, from + QPoint(100, 0));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, from + QPoint(100, 0));
    const auto [lo, hi] = m_plot->visibleRange();
    // Dragging right shows what was left of the view: the range moves down, its width stays.
    QVERIFY2(lo < -4.1 && hi < 3.9, qPrintable(QStringLiteral("%1..%2").arg(lo).arg(hi)));
    QVERIFY(std::fabs((hi - lo) - 8.0) < 1e-9);
}

void TestSeriesPlot::logScaleWithZerosAndNegatives()
{
    PlotSeries s;
    s.name = QStringLiteral("with zeros");
    s.x = {0, 1, 2, 3, 4, 5};
    s.y = {0.0, 1e-3, 0.5, 0.0, -0.2, 2.0};
    PlotSeries all;
    all.name = QStringLiteral("only zeros");
    all.kind = PlotSeries::Kind::FilledCurve;
    all.x = {0, 5};
    all.y = {0.0, 0.0};
    m_plot->setSeries({s, all});
    m_plot->setLogScale(true);
    QVERIFY(m_plot->logScale());
    const auto [low, high] = m_plot->valueAxisRange();
    QVERIFY2(low > 0 && std::isfinite(low), qPrintable(QString::number(low)));
    QVERIFY(low <= 1e-3);
    QVERIFY(high >= 2.0 && std::isfinite(high));
    waitForReplot();
    // Nothing positive at all: still a finite positive range.
    m_plot->setSeries({all});
    QVERIFY(m_plot->valueAxisRange().first > 0);
    QVERIFY(m_plot->valueAxisRange().second > m_plot->valueAxisRange().first);
    waitForReplot();
    // Back to linear: zero and the negative value in view.
    m_plot->setSeries({s});
    m_plot->setLogScale(false);
    QVERIFY(m_plot->valueAxisRange().first < -0.2);
}

void TestSeriesPlot::readoutAsksTheOwner()
{
    m_plot->setSeries({sampled(QStringLiteral("p"), PlotSeries::Kind::Line, PlotSeries::Role::P, -4, 4, 100,
                               normalDensity)});
    m_plot->setXRange(-4, 4);
    waitForReplot();
    QList<double> asked;
    m_plot->setReadout([&asked](double x) {
        asked.append(x);
        return QStringLiteral("x = %1").arg(x, 0, 'f', 2);
    });
    QWidget *canvas = m_plot->canvas();
    const int left = m_plot->axisLeft();
    const QPoint middle(left + (canvas->width() - 10 - left) / 2, canvas->height() / 2);
    const QString text = m_plot->readoutAt(middle);
    QCOMPARE(asked.size(), 1);
    QVERIFY2(std::fabs(asked.first()) < 0.3, qPrintable(QString::number(asked.first())));
    QCOMPARE(text, QStringLiteral("x = %1").arg(asked.first(), 0, 'f', 2));
    // Outside the axis rect there is nothing to read, and the owner is not asked.
    QCOMPARE(m_plot->readoutAt(QPoint(1, 1)), QString());
    QCOMPARE(asked.size(), 1);
}

void TestSeriesPlot::figureIsDrawn()
{
    m_plot->setSeries({sampled(QStringLiteral("p(x)"), PlotSeries::Kind::FilledCurve, PlotSeries::Role::P, -4,
                               4, 200, normalDensity)});
    m_plot->setAxisTitles(QStringLiteral("x"), QStringLiteral("density"));
    m_plot->setMarkers({{0.0, QStringLiteral("μ"), PlotSeries::Role::P}});
    waitForReplot();
    const QPicture picture = m_plot->figure(QSize(600, 400));
    QVERIFY(!picture.isNull());
    QVERIFY(!picture.boundingRect().isEmpty());
    QImage image(600, 400, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.drawPicture(0, 0, picture);
    }
    QVERIFY(countNear(image, klscope::palette::p()) > 200);
}

void TestSeriesPlot::negativeIntegrandBelowZero()
{
    m_plot->setSeries({sampled(QStringLiteral("p·log(p/q)"), PlotSeries::Kind::Line, PlotSeries::Role::KlPQ,
                               0, 2 * std::numbers::pi, 200, sine)});
    waitForReplot();
    const auto [low, high] = m_plot->valueAxisRange();
    QVERIFY2(low < -1.0, qPrintable(QString::number(low)));
    QVERIFY(high > 1.0);
    // The zero line sits between the extremes, the minimum below it.
    QVERIFY(low < 0 && 0 < high);
}

QTEST_MAIN(TestSeriesPlot)
#include "tst_seriesplot.moc"
