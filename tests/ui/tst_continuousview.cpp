// The continuous figure bound to a real document: the series drawn, the running integral reaching the
// comparison's KL, the hover read-out against the grid, undo and redo reaching the plots, an infinite KL
// drawn honestly, shared zoom, and a mixture component's mean dragged by mouse as one undo step.

#include "continuousbinder.h"
#include "continuousstate.h"
#include "continuousview.h"
#include "document.h"
#include "eventreadout.h"
#include "figureexport.h"
#include "palette.h"
#include "seriesplot.h"

#include <continuouscomparison.h>
#include <continuousspec.h>
#include <gaussianmixture.h>

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace klscope;

namespace {

double mixtureMean(const Document &d, Side side, std::size_t component)
{
    return std::get<GaussianMixture>(d.continuousPair()->distribution(side)).components()[component].mu;
}

} // namespace

class TestContinuousView : public QObject
{
    Q_OBJECT

private slots:
    void seriesCounts_data();
    void seriesCounts();
    void runningIntegralReachesKl_data();
    void runningIntegralReachesKl();
    void readoutShowsGridValues();
    void undoRedoReachPlots();
    void zoomIsShared();
    void heavyTailsViewTheCentre();
    void componentDragByMouse();
    void plotsForExport();
    void infiniteIntegrandBands_data();
    void infiniteIntegrandBands();
    void compactRunningLegend();
    void noteReachesExportedSvg();
    void rendersAtWindowSizes_data();
    void rendersAtWindowSizes();
};

void TestContinuousView::seriesCounts_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<bool>("klPQ");
    QTest::addColumn<bool>("klQP");
    QTest::addColumn<bool>("js");
    QTest::addColumn<int>("integrands");
    QTest::addColumn<int>("running");
    QTest::addColumn<int>("markers");
    QTest::addColumn<QString>("note"); // a part of the note under the plots ("": no note)
    // Running: a curve and the exact value per finite term; one legend entry per infinite one. t5's tails
    // carry part of KL(Q‖P) beyond the plotted range: the note says how much.
    QTest::newRow("normal vs t5") << "normal:mu=0,sigma=1"
                                  << "student_t:nu=5" << true << true << true << 3 << 6 << 0
                                  << "carry the remaining";
    QTest::newRow("only KL(P‖Q)") << "normal:mu=0,sigma=1"
                                  << "student_t:nu=5" << true << false << false << 1 << 2 << 0 << "";
    QTest::newRow("cauchy vs normal")
        << "cauchy:x0=0,gamma=1"
        << "normal:mu=0,sigma=1" << true << true << true << 3 << 5 << 0 << "KL(P‖Q) = ∞ (tail rule)";
    QTest::newRow("gmm vs normal") << "gmm:w1=0.5,mu1=-1.5,sigma1=1,w2=0.5,mu2=1.5,sigma2=1"
                                   << "normal:mu=0,sigma=2" << true << true << true << 3 << 6 << 2
                                   << "carry the remaining";
}

void TestContinuousView::seriesCounts()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(bool, klPQ);
    QFETCH(bool, klQP);
    QFETCH(bool, js);
    QFETCH(int, integrands);
    QFETCH(int, running);
    QFETCH(int, markers);
    QFETCH(QString, note);
    Document document;
    QVERIFY(document.resetState(continuousState(p.toUtf8().constData(), q.toUtf8().constData())));
    document.setTermVisible(Term::KlPQ, klPQ);
    document.setTermVisible(Term::KlQP, klQP);
    document.setTermVisible(Term::Js, js);
    ContinuousView view;
    bindContinuousView(&document, &view);
    QCOMPARE(view.densityPlot()->seriesCount(), 2);
    QCOMPARE(view.integrandPlot()->seriesCount(), integrands);
    QCOMPARE(view.runningPlot()->seriesCount(), running);
    QCOMPARE(view.note().isEmpty(), note.isEmpty());
    QVERIFY2(view.note().contains(note), qPrintable(view.note()));
    QCOMPARE(view.componentMarkerCount(), markers);
}

void TestContinuousView::runningIntegralReachesKl_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<double>("tolerance"); // relative, of the running integral's end against the KL
    // The grid covers both sides' 1e-3..1-1e-3 quantiles widened by 10%: what lies beyond is left out.
    QTest::newRow("normal vs t5") << "normal:mu=0,sigma=1"
                                  << "student_t:nu=5" << 1e-3;
    QTest::newRow("vae term") << "normal:mu=1,sigma=0.5"
                              << "normal:mu=0,sigma=1" << 1e-3;
    QTest::newRow("gmm vs normal") << "gmm:w1=0.5,mu1=-1.5,sigma1=1,w2=0.5,mu2=1.5,sigma2=1"
                                   << "normal:mu=0,sigma=2" << 1e-3;
}

void TestContinuousView::runningIntegralReachesKl()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(double, tolerance);
    Document document;
    QVERIFY(document.resetState(continuousState(p.toUtf8().constData(), q.toUtf8().constData())));
    const ContinuousComparison &c = document.continuousComparison();
    QCOMPARE(c.grid.x.size(), Document::kGridPoints);
    const std::vector<double> running = ContinuousView::runningIntegral(c.grid.x, c.grid.klPQ);
    QCOMPARE(running.size(), c.grid.x.size());
    QCOMPARE(running.front(), 0.0);
    const double end = running.back();
    qInfo("running integral end %.12g, KL(P||Q) %.12g, relative difference %.2e", end, c.klPQ.value,
          std::fabs(end - c.klPQ.value) / c.klPQ.value);
    QVERIFY2(std::fabs(end - c.klPQ.value) <= tolerance * c.klPQ.value,
             qPrintable(QStringLiteral("end %1, KL %2").arg(end, 0, 'g', 12).arg(c.klPQ.value, 0, 'g', 12)));
}

void TestContinuousView::readoutShowsGridValues()
{
    Document document;
    QVERIFY(document.resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5")));
    ContinuousView view;
    bindContinuousView(&document, &view);
    const ContinuousGrid &g = document.continuousComparison().grid;
    for (std::size_t i : {std::size_t(100), std::size_t(400), std::size_t(650)}) {
        const QString text = view.readout(g.x[i]);
        for (double v : {g.x[i], g.p[i], g.q[i], g.klPQ[i], g.klQP[i], g.js[i]})
            QVERIFY2(text.contains(formatValue(v)), qPrintable(text + " lacks " + formatValue(v)));
    }
    // Between two grid points: the linear interpolation.
    const double mid = (g.x[400] + g.x[401]) / 2;
    QVERIFY(view.readout(mid).contains(QStringLiteral("p(x) = ") + formatValue((g.p[400] + g.p[401]) / 2)));
    // Hovering the canvas asks the view.
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(!view.densityPlot()->replotPending());
    const QWidget *canvas = view.densityPlot()->canvas();
    const QPoint at(canvas->width() / 2, canvas->height() / 2);
    const double x = view.densityPlot()->xAtPixel(at.x());
    QCOMPARE(view.densityPlot()->readoutAt(at), view.readout(x));
    QVERIFY(view.densityPlot()->readoutAt(at).contains(QStringLiteral("q·log(q/p)")));
}

void TestContinuousView::undoRedoReachPlots()
{
    Document document;
    QVERIFY(document.resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5")));
    ContinuousView view;
    bindContinuousView(&document, &view);
    const double x0 = 0.0;
    const QString before = view.readout(x0);
    const double peakBefore = view.densityPlot()->valueAxisRange().second;
    QVERIFY(document.setContinuous(Side::P, Normal(0.0, 0.5)));
    const QString edited = view.readout(x0);
    QVERIFY(edited != before);
    const ContinuousGrid &g = document.continuousComparison().grid;
    QVERIFY(view.readout(g.x[400]).contains(QStringLiteral("p(x) = ") + formatValue(g.p[400])));
    QVERIFY(view.densityPlot()->valueAxisRange().second > peakBefore * 1.5);
    document.undoStack()->undo();
    QCOMPARE(view.readout(x0), before);
    QCOMPARE(view.densityPlot()->valueAxisRange().second, peakBefore);
    document.undoStack()->redo();
    QCOMPARE(view.readout(x0), edited);
}

void TestContinuousView::zoomIsShared()
{
    Document document;
    QVERIFY(document.resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5")));
    ContinuousView view;
    bindContinuousView(&document, &view);
    const auto full = view.runningPlot()->visibleRange();
    emit view.densityPlot()->zoomed(-1.0, 1.0);
    QCOMPARE(view.integrandPlot()->visibleRange().first, -1.0);
    QCOMPARE(view.runningPlot()->visibleRange().second, 1.0);
    view.integrandPlot()->resetZoom();
    QCOMPARE(view.densityPlot()->visibleRange(), full);
    QCOMPARE(view.runningPlot()->visibleRange(), full);
    // The default view is the grid's range.
    const ContinuousGrid &g = document.continuousComparison().grid;
    QCOMPARE(full.first, g.x.front());
    QCOMPARE(full.second, g.x.back());
}

void TestContinuousView::heavyTailsViewTheCentre()
{
    Document document;
    QVERIFY(document.resetState(continuousState("cauchy:x0=0,gamma=1", "normal:mu=0,sigma=1")));
    ContinuousView view;
    bindContinuousView(&document, &view);
    const ContinuousGrid &g = document.continuousComparison().grid;
    const auto [lo, hi] = view.densityPlot()->visibleRange();
    // Cauchy's 1% and 99% quantiles are ±31.8, widened by 10%; the grid reaches ±350.
    QVERIFY2(lo > g.x.front() / 3 && hi < g.x.back() / 3,
             qPrintable(QStringLiteral("%1..%2").arg(lo).arg(hi)));
    QVERIFY(lo < -31 && hi > 31);
    QCOMPARE(view.runningPlot()->visibleRange(), view.densityPlot()->visibleRange());
}

void TestContinuousView::componentDragByMouse()
{
    Document document;
    QVERIFY(document.resetState(
        continuousState("gmm:w1=0.5,mu1=-1.5,sigma1=1,w2=0.5,mu2=1.5,sigma2=1", "normal:mu=0,sigma=2")));
    ContinuousView view;
    bindContinuousView(&document, &view);
    view.resize(1000, 760);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(!view.densityPlot()->replotPending());
    SeriesPlot *plot = view.densityPlot();
    QWidget *canvas = plot->canvas();
    const int y = canvas->height() / 2;
    const int from = int(std::lround(plot->pixelOfX(1.5)));
    const int to = int(std::lround(plot->pixelOfX(2.5)));
    const double target = plot->xAtPixel(to);
    const auto rangeBefore = plot->visibleRange();
    QSignalSpy started(&view, &ContinuousView::componentDragStarted);
    const int steps = document.undoStack()->count();

    QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(from, y));
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().first().value<Side>(), Side::P);
    for (int px = from + 10; px < to; px += 10)
        QTest::mouseMove(canvas, QPoint(px, y));
    QTest::mouseMove(canvas, QPoint(to, y));
    // Under the drag the axis stays put and the plot does not pan.
    QCOMPARE(plot->visibleRange(), rangeBefore);
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(to, y));

    QCOMPARE(mixtureMean(document, Side::P, 1), target);
    QCOMPARE(mixtureMean(document, Side::P, 0), -1.5);
    QCOMPARE(document.undoStack()->count(), steps + 1);
    QCOMPARE(document.currentDrag(), 0);
    document.undoStack()->undo();
    QCOMPARE(mixtureMean(document, Side::P, 1), 1.5);
    document.undoStack()->redo();
    QCOMPARE(mixtureMean(document, Side::P, 1), target);

    // A press away from every marker pans instead, and edits nothing.
    const int away = int(std::lround(plot->pixelOfX(-0.2)));
    QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(away, y));
    QTest::mouseMove(canvas, QPoint(away + 40, y));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(away + 40, y));
    QCOMPARE(started.count(), 1);
    QCOMPARE(document.undoStack()->count(), steps + 1);
}

void TestContinuousView::plotsForExport()
{
    ContinuousView view;
    const QList<PlotWidget *> plots = view.plots();
    QCOMPARE(plots.size(), 3);
    QCOMPARE(plots[0], static_cast<PlotWidget *>(view.densityPlot()));
    QCOMPARE(plots[2], static_cast<PlotWidget *>(view.runningPlot()));
    const double before = view.runningPlot()->textPointSize();
    view.setTextScale(2.0);
    for (PlotWidget *p : plots)
        QVERIFY(p->textPointSize() > before * 1.5);
}

void TestContinuousView::infiniteIntegrandBands_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<int>("bands"); // over all three integrands
    // exponential vs normal: q·log(q/p) is +∞ for x < 0; uniform(0,2) vs uniform(0,1): p·log(p/q) for
    // 1 < x < 2; normal vs t5: nowhere.
    QTest::newRow("exponential vs normal") << "exponential:rate=1"
                                           << "normal:mu=0,sigma=1" << 1;
    QTest::newRow("uniform(0,2) vs uniform(0,1)") << "continuous_uniform:a=0,b=2"
                                                  << "continuous_uniform:a=0,b=1" << 1;
    QTest::newRow("normal vs t5") << "normal:mu=0,sigma=1"
                                  << "student_t:nu=5" << 0;
}

// A hatched band in the term's colour lies over exactly the grid's x where that integrand is +∞.
void TestContinuousView::infiniteIntegrandBands()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(int, bands);
    Document document;
    QVERIFY(document.resetState(continuousState(p.toUtf8().constData(), q.toUtf8().constData())));
    ContinuousView view;
    bindContinuousView(&document, &view);
    const ContinuousGrid &g = document.continuousComparison().grid;
    const QList<PlotBand> drawn = view.integrandPlot()->bands();
    QCOMPARE(int(drawn.size()), bands);
    const struct
    {
        PlotSeries::Role role;
        const std::vector<double> *values;
    } terms[] = {
        {PlotSeries::Role::KlPQ, &g.klPQ}, {PlotSeries::Role::KlQP, &g.klQP}, {PlotSeries::Role::Js, &g.js}};
    int infinite = 0;
    for (const auto &term : terms)
        for (std::size_t i = 0; i < g.x.size(); ++i) {
            const bool isInfinite = (*term.values)[i] == std::numeric_limits<double>::infinity();
            infinite += isInfinite;
            const bool covered = std::any_of(drawn.begin(), drawn.end(), [&](const PlotBand &b) {
                return b.role == term.role && b.lo <= g.x[i] && g.x[i] <= b.hi;
            });
            QVERIFY2(covered == isInfinite,
                     qPrintable(QStringLiteral("x = %1, value %2").arg(g.x[i]).arg((*term.values)[i])));
        }
    QCOMPARE(infinite > 0, bands > 0);
    for (const PlotBand &b : drawn)
        QVERIFY2(b.label.startsWith(QStringLiteral("+∞")), qPrintable(b.label));
    // Turning the term off takes its band away.
    document.setTermVisible(Term::KlPQ, false);
    document.setTermVisible(Term::KlQP, false);
    QTRY_VERIFY(view.integrandPlot()->bands().isEmpty());
}

// One legend entry per metric: the running integral's entry names the exact value, the dashed line has
// none.
void TestContinuousView::compactRunningLegend()
{
    Document document;
    QVERIFY(document.resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5")));
    ContinuousView view;
    bindContinuousView(&document, &view);
    const ContinuousComparison &c = document.continuousComparison();
    QCOMPARE(view.runningPlot()->seriesCount(), 6);
    const QStringList entries = view.runningPlot()->legendEntries();
    QCOMPARE(entries.size(), 3);
    QVERIFY2(entries[0].contains(QStringLiteral("KL(P‖Q) = %1").arg(formatValue(c.klPQ.value))),
             qPrintable(entries[0]));
    QVERIFY2(entries[1].contains(QStringLiteral("KL(Q‖P) = %1").arg(formatValue(c.klQP.value))),
             qPrintable(entries[1]));
    QVERIFY2(entries[2].contains(QStringLiteral("JS = %1").arg(formatValue(c.js.value))),
             qPrintable(entries[2]));
}

// The note (here: how much of KL(Q‖P) lies beyond the plotted range) is drawn in the running-integral
// plot, so an exported figure carries it: every word of it is in the SVG.
void TestContinuousView::noteReachesExportedSvg()
{
    Document document;
    QVERIFY(document.resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5")));
    ContinuousView view;
    bindContinuousView(&document, &view);
    const QString note = view.note();
    QVERIFY(note.contains(QStringLiteral("carry the remaining")));
    QVERIFY(!view.runningPlot()->footnoteText().isEmpty());
    QList<const PlotWidget *> plots;
    for (PlotWidget *plot : view.plots())
        plots.append(plot);
    const FigureExport figure(plots, {4, 3, 3});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (FigureExport::Plot which : {FigureExport::Plot::All, FigureExport::Plot::Cumulative}) {
        const QString file = dir.filePath(QStringLiteral("figure.svg"));
        QCOMPARE(figure.write(file, which, QSize(1200, 800)), QString());
        QFile svg(file);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(svg.readAll());
        for (const QString &word : note.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
            QVERIFY2(text.contains(word.toHtmlEscaped()), qPrintable(word));
    }
    // The window's plot keeps its note after the export.
    QVERIFY(!view.runningPlot()->footnoteText().isEmpty());
}

void TestContinuousView::rendersAtWindowSizes_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QSize>("size");
    const struct
    {
        const char *name, *p, *q;
    } pairs[] = {
        {"normal-vs-t5", "normal:mu=0,sigma=1", "student_t:nu=5"},
        {"cauchy-vs-normal", "cauchy:x0=0,gamma=1", "normal:mu=0,sigma=1"},
        {"support-mismatch", "exponential:rate=1", "normal:mu=0,sigma=1"},
        {"gmm-vs-normal", "gmm:w1=0.5,mu1=-1.5,sigma1=1,w2=0.5,mu2=1.5,sigma2=1", "normal:mu=0,sigma=2"},
    };
    for (const auto &pair : pairs)
        for (QSize size : {QSize(1280, 800), QSize(1024, 700)})
            QTest::addRow("%s %dx%d", pair.name, size.width(), size.height()) << pair.p << pair.q << size;
}

// Draws the view at the window's sizes (the figure gets about two thirds of the window); with
// KLSCOPE_GRAB_DIR set, saves the PNGs there to look at.
void TestContinuousView::rendersAtWindowSizes()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QSize, size);
    Document document;
    QVERIFY(document.resetState(continuousState(p.toUtf8().constData(), q.toUtf8().constData())));
    ContinuousView view;
    bindContinuousView(&document, &view);
    view.resize(size.width() * 2 / 3, size.height() - 120);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (SeriesPlot *plot : {view.densityPlot(), view.integrandPlot(), view.runningPlot()})
        QTRY_VERIFY(!plot->replotPending());
    // The y axes line up.
    QTRY_COMPARE(view.densityPlot()->axisLeft(), view.runningPlot()->axisLeft());
    QCOMPARE(view.integrandPlot()->axisLeft(), view.runningPlot()->axisLeft());
    const QImage image = view.grab().toImage();
    if (const QByteArray dir = qgetenv("KLSCOPE_GRAB_DIR"); !dir.isEmpty())
        image.save(QStringLiteral("%1/%2.png")
                       .arg(QString::fromLocal8Bit(dir),
                            QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_')));
    // The densities are drawn: P's fill colour covers a visible part of the density plot.
    const QImage density = view.densityPlot()->grab().toImage();
    const QColor fill = palette::p();
    int near = 0;
    for (int y = 0; y < density.height(); ++y)
        for (int x = 0; x < density.width(); ++x) {
            const QColor c = density.pixelColor(x, y);
            if (std::abs(c.red() - fill.red()) <= 40 && std::abs(c.green() - fill.green()) <= 40 &&
                std::abs(c.blue() - fill.blue()) <= 40)
                ++near;
        }
    QVERIFY2(near > 50, qPrintable(QString::number(near)));
}

QTEST_MAIN(TestContinuousView)
#include "tst_continuousview.moc"
