// Editing P on the fitting lab's page without its editor: the mouse wheel over a mixture component scales
// that component's σ (one gesture, one undo step; undo and redo restore and re-apply it, and both fits
// follow), the wheel elsewhere zooms as on every plot, and "Import P…" reads a data file through the
// comparison page's importer into custom bars in one undo step, refusing a bad file by name and line.

#include "fitdocument.h"
#include "fitpage.h"
#include "fitpagewait.h"
#include "seriesplot.h"

#include "continuousspec.h"
#include "fitter.h"
#include "spec.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>

#include <cmath>

namespace {

using fitpagewait::kBimodal;
using fitpagewait::kTimeout;
using fitpagewait::refit;

// The page at the size the wheel tests use, with its first fits.
bool showAndFit(FitPage &page)
{
    page.resize(1280, 760);
    return fitpagewait::waitFirstFit(page);
}

// The σ of mixture component `k` of P.
double sigmaOf(const FitPage &page, std::size_t k)
{
    const auto &c = std::get<klscope::ContinuousDistribution>(page.document()->target());
    return std::get<klscope::GaussianMixture>(c).components()[k].sigma;
}

void wheel(QWidget *canvas, QPoint at, int eighths)
{
    QWheelEvent event(QPointF(at), QPointF(canvas->mapToGlobal(at)), QPoint(), QPoint(0, eighths),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &event);
}

// A canvas row whose y value lies in (lo, hi).
int rowAtValue(const SeriesPlot *plot, double lo, double hi)
{
    for (int py = plot->canvas()->height() - 1; py >= 0; --py)
        if (const double y = plot->yAtPixel(py); y > lo && y < hi)
            return py;
    return -1;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

class TestFitPageEdits : public QObject
{
    Q_OBJECT

private slots:
    void wheelScalesComponentSigma_data();
    void wheelScalesComponentSigma();
    void wheelAboveTheCurveZooms();
    void importP_data();
    void importP();
    void badFileChangesNothing_data();
    void badFileChangesNothing();
    void twoFitsShowBeforeTheAlphaFits();
    void dragFitsWarmThenInFull();
    void minimaInView_data();
    void minimaInView();
};

void TestFitPageEdits::wheelScalesComponentSigma_data()
{
    QTest::addColumn<int>("component");
    QTest::addColumn<int>("eighths"); // per tick; 3 ticks
    QTest::addColumn<double>("factor");
    QTest::newRow("component 1 wider") << 0 << 120 << std::pow(1.1, 3);
    QTest::newRow("component 2 narrower") << 1 << -120 << std::pow(1.1, -3);
}

void TestFitPageEdits::wheelScalesComponentSigma()
{
    QFETCH(int, component);
    QFETCH(int, eighths);
    QFETCH(double, factor);
    FitPage page;
    QVERIFY(showAndFit(page));
    SeriesPlot *plot = page.fitPlot();
    QTRY_VERIFY(!plot->replotPending());
    QWidget *canvas = plot->canvas();
    // Inside P's filled area half a σ beside the component's mean (not on its marker): P there is about 0.18.
    const double mu = component == 0 ? -3.0 : 3.0;
    const int px = int(std::lround(plot->pixelOfX(mu + 0.5)));
    const int py = rowAtValue(plot, 0.02, 0.08);
    QVERIFY(py >= 0);
    const QPoint at(px, py);
    QUndoStack *stack = page.document()->undoStack();
    const int steps = stack->count();
    const double forwardSigma = page.outcome()->forward->best.parameters[1];
    const std::vector<double> reverseBest = page.outcome()->reverse->best.parameters;

    QVERIFY(refit(page, [&] {
        for (int tick = 0; tick < 3; ++tick)
            wheel(canvas, at, eighths);
    }));
    QVERIFY(std::fabs(sigmaOf(page, std::size_t(component)) - factor) < 1e-12);
    QCOMPARE(sigmaOf(page, std::size_t(1 - component)), 1.0);
    // The ticks merge while the gesture goes on and end it after a pause: one undo step.
    QTRY_COMPARE(page.document()->currentDrag(), 0);
    QCOMPARE(stack->count(), steps + 1);
    QVERIFY(stack->undoText().contains(QStringLiteral("σ%1").arg(component + 1)));
    // Both fits moved: moment matching gives σ² = ½(σ1² + σ2²) + 9, and the reverse fit follows the mode.
    const double expected = std::sqrt(0.5 * (factor * factor + 1) + 9);
    QVERIFY(std::fabs(page.outcome()->forward->best.parameters[1] - expected) < 1e-8);
    QVERIFY(std::fabs(page.outcome()->forward->best.parameters[1] - forwardSigma) > 1e-3);
    const std::vector<double> &reverse = page.outcome()->reverse->best.parameters;
    QVERIFY(std::fabs(reverse[0] - reverseBest[0]) + std::fabs(reverse[1] - reverseBest[1]) > 1e-3);

    QVERIFY(refit(page, [&] { stack->undo(); }));
    QCOMPARE(page.document()->state().target, kBimodal);
    QVERIFY(std::fabs(page.outcome()->forward->best.parameters[1] - std::sqrt(10.0)) < 1e-8);
    QVERIFY(refit(page, [&] { stack->redo(); }));
    QVERIFY(std::fabs(sigmaOf(page, std::size_t(component)) - factor) < 1e-12);
    QVERIFY(std::fabs(page.outcome()->forward->best.parameters[1] - expected) < 1e-8);

    // A second gesture is a second step.
    QVERIFY(refit(page, [&] { wheel(canvas, at, eighths); }));
    QTRY_COMPARE(page.document()->currentDrag(), 0);
    QCOMPARE(stack->count(), steps + 2);
}

void TestFitPageEdits::wheelAboveTheCurveZooms()
{
    FitPage page;
    QVERIFY(showAndFit(page));
    SeriesPlot *plot = page.fitPlot();
    QTRY_VERIFY(!plot->replotPending());
    // Above P's curve half a σ beside a mode (P is 0.176 there): the wheel zooms the plot and edits nothing.
    const int py = rowAtValue(plot, 0.19, 10.0);
    QVERIFY(py >= 0);
    const QPoint at(int(std::lround(plot->pixelOfX(-3.0 + 0.5))), py);
    const int steps = page.document()->undoStack()->count();
    const auto before = plot->visibleRange();
    wheel(plot->canvas(), at, 120);
    QCOMPARE(page.document()->undoStack()->count(), steps);
    QCOMPARE(page.document()->state().target, kBimodal);
    QCOMPARE(page.document()->currentDrag(), 0);
    QVERIFY(plot->visibleRange() != before);
}

void TestFitPageEdits::importP_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("samples");
    QTest::addColumn<int>("kind"); // klscope::import::ValueKind when not samples
    QTest::addColumn<QList<double>>("masses");
    using VK = klscope::import::ValueKind;
    QTest::newRow("probabilities") << QByteArray("0.1\n0.2\n0.3\n0.4\n") << false << int(VK::Probabilities)
                                   << QList<double>{0.1, 0.2, 0.3, 0.4};
    QTest::newRow("counts with events") << QByteArray("event,count\n0,2\n1,6\n2,2\n") << false
                                        << int(VK::Counts) << QList<double>{0.2, 0.6, 0.2};
    QTest::newRow("integer samples") << QByteArray("1\n2\n2\n3\n3\n3\n") << true << 0
                                     << QList<double>{1.0 / 6, 2.0 / 6, 3.0 / 6};
}

void TestFitPageEdits::importP()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, samples);
    QFETCH(int, kind);
    QFETCH(QList<double>, masses);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data.csv"));
    QVERIFY(writeFile(path, content));
    FitPage page;
    QVERIFY(showAndFit(page));
    QVERIFY(page.importButton());
    QVERIFY(page.importButton()->isVisible());
    QUndoStack *stack = page.document()->undoStack();
    const int steps = stack->count();
    ImportChoice choice;
    choice.samples = samples;
    choice.kind = klscope::import::ValueKind(kind);
    QString error;
    QVERIFY(refit(page, [&] { QVERIFY2(page.importTarget(path, choice, &error), qPrintable(error)); }));
    QCOMPARE(stack->count(), steps + 1);
    QVERIFY(stack->undoText().contains(QStringLiteral("data.csv")));
    // P is custom bars of the file's masses, and Q moved to the discrete default, a binomial.
    const auto *d = std::get_if<klscope::Distribution>(&page.document()->target());
    QVERIFY(d);
    const klscope::EventRange range = klscope::support(*d);
    std::vector<double> got;
    for (std::int64_t k = 0; k <= range.last; ++k)
        got.push_back(std::exp(klscope::logpmf(*d, k)));
    // Integer samples 1..3 stand at events 1..3 (their labels), so mass 0 at event 0.
    if (samples)
        got.erase(got.begin());
    QCOMPARE(qsizetype(got.size()), masses.size());
    double mean = 0;
    for (qsizetype i = 0; i < masses.size(); ++i) {
        QVERIFY2(std::fabs(got[std::size_t(i)] - masses[i]) < 1e-12, qPrintable(QString::number(got[i])));
        mean += masses[i] * double(i + (samples ? 1 : 0));
    }
    QCOMPARE(page.document()->state().family, klscope::FitFamily::Binomial);
    // The forward binomial fit is p = mean(P) / n, n at the end of P's support.
    const std::vector<double> &forward = page.outcome()->forward->best.parameters;
    QVERIFY(std::fabs(forward[1] - mean / forward[0]) < 1e-12);

    QVERIFY(refit(page, [&] { stack->undo(); }));
    QCOMPARE(page.document()->state().target, kBimodal);
    QCOMPARE(page.document()->state().family, klscope::FitFamily::Normal);
}

void TestFitPageEdits::badFileChangesNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("where");
    QTest::newRow("text in a number") << QByteArray("0.1\nabc\n0.3\n") << QStringLiteral("line 2");
    QTest::newRow("negative mass") << QByteArray("0.5\n0.7\n-0.2\n") << QStringLiteral("line 3");
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestFitPageEdits::badFileChangesNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, where);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.csv"));
    QVERIFY(writeFile(path, content));
    FitPage page;
    QVERIFY(showAndFit(page));
    QUndoStack *stack = page.document()->undoStack();
    const int steps = stack->count();
    const FitState before = page.document()->state();
    QString error;
    QVERIFY(!page.importTarget(path, ImportChoice{}, &error));
    QVERIFY2(error.contains(QStringLiteral("bad.csv")), qPrintable(error));
    QVERIFY2(error.contains(where), qPrintable(error));
    QVERIFY(page.document()->state() == before);
    QCOMPARE(stack->count(), steps);
    // A file that is not there is named too.
    QVERIFY(!page.importTarget(dir.filePath(QStringLiteral("missing.csv")), ImportChoice{}, &error));
    QVERIFY2(error.contains(QStringLiteral("missing.csv")), qPrintable(error));
    QVERIFY(page.document()->state() == before);
}

// An edit's forward and reverse fits are drawn as soon as they are found, with the previous α fit; the new α
// fit (a search over a quadrature, most of a round's time) follows, and only then is the round complete.
void TestFitPageEdits::twoFitsShowBeforeTheAlphaFits()
{
    FitPage page;
    QVERIFY(showAndFit(page));
    const std::vector<double> alphaBefore = page.outcome()->alpha->best.parameters;
    QSignalSpy early(&page, &FitPage::forwardAndReverseUpdated);
    QSignalSpy done(&page, &FitPage::fitsUpdated);
    QVERIFY(page.document()->setTarget(QStringLiteral("gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=5,sigma2=1")));
    QVERIFY(early.wait(kTimeout));
    QVERIFY(page.outcome() && page.outcome()->forward && page.outcome()->reverse);
    QVERIFY(std::fabs(page.outcome()->forward->best.parameters[0] - 1.0) < 1e-8); // the mean of −3 and 5
    if (done.isEmpty()) {
        QVERIFY(page.outcome()->alpha);
        QVERIFY(page.outcome()->alpha->best.parameters == alphaBefore);
        QVERIFY(page.isBusy());
    }
    QVERIFY(!done.isEmpty() || done.wait(kTimeout));
    QVERIFY(page.outcome()->alpha->best.parameters != alphaBefore);
    QCOMPARE(early.count(), 1);
    // The first round of a page shows whole: no early signal before it.
    FitPage fresh;
    QSignalSpy freshEarly(&fresh, &FitPage::forwardAndReverseUpdated);
    QVERIFY(showAndFit(fresh));
    QVERIFY(fresh.outcome()->alpha);
    QCOMPARE(freshEarly.count(), 0);
}

// While P is dragged, each round's reverse fit starts from the previous round's minima and its α fit from the
// previous round's α fit and the fresh forward and reverse fits (warm), and both find the multistart's
// global minimum; the drag's end refits once with the multistart.
void TestFitPageEdits::dragFitsWarmThenInFull()
{
    FitPage page;
    QVERIFY(showAndFit(page));
    QVERIFY(!page.outcome()->warm);
    FitDocument *document = page.document();
    const int steps = document->undoStack()->count();
    document->beginDrag();
    QString spec;
    for (const double mu2 : {3.2, 3.4}) {
        spec = QStringLiteral("gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=%1,sigma2=1").arg(mu2);
        QVERIFY(refit(page, [&] { QVERIFY(document->setTarget(spec)); }));
        QVERIFY(page.outcome()->warm && page.outcome()->alpha);
    }
    // The warm α fit is the multistart's, computed here by the core.
    const klscope::FitObjective objective(klscope::parseContinuousSpec(spec.toStdString()),
                                          klscope::FitFamily::Normal);
    klscope::FitOptions options;
    options.alpha = document->state().alpha;
    const klscope::FitResult full = klscope::fit(objective, klscope::FitDirection::Alpha, options);
    const klscope::FitPoint &warm = page.outcome()->alpha->best;
    QVERIFY(std::fabs(warm.value - full.best.value) < 1e-10);
    for (std::size_t k = 0; k < 2; ++k)
        QVERIFY2(
            std::fabs(warm.parameters[k] - full.best.parameters[k]) <
                1e-6 * std::max(1.0, std::fabs(full.best.parameters[k])),
            qPrintable(QStringLiteral("%1 against %2").arg(warm.parameters[k]).arg(full.best.parameters[k])));
    // The warm reverse fit (from the previous round's minima and the forward fit) keeps the global minimum.
    const klscope::FitResult reverse = klscope::fit(objective, klscope::FitDirection::Reverse);
    QVERIFY(std::fabs(page.outcome()->reverse->best.value - reverse.best.value) < 1e-10);
    // The drag's end: one undo step, and the multistart's round (every minimum it finds).
    QVERIFY(refit(page, [&] { document->endDrag(); }));
    QCOMPARE(document->undoStack()->count(), steps + 1);
    QVERIFY(!page.outcome()->warm);
    QCOMPARE(page.outcome()->alpha->minima.size(), full.minima.size());
    for (std::size_t k = 0; k < 2; ++k)
        QVERIFY(std::fabs(page.outcome()->alpha->best.parameters[k] - full.best.parameters[k]) < 1e-9);
    // A drag that changed nothing (a press and release) refits nothing.
    QSignalSpy fits(&page, &FitPage::fitsUpdated);
    document->beginDrag();
    document->endDrag();
    QVERIFY(!page.isFitting());
    QCOMPARE(fits.count(), 0);
}

void TestFitPageEdits::minimaInView_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("preset");
    for (const QSize size : {QSize(1280, 800), QSize(1024, 700)})
        for (const FitPreset &p : fitPresets())
            QTest::addRow("%dx%d %s", size.width(), size.height(), qPrintable(p.name)) << size << p.name;
}

// Issue 11: the minima table, the page's answer, is in view whole under the controls (which scroll), at the
// two window sizes and for every preset: every row, every column, and the method line.
void TestFitPageEdits::minimaInView()
{
    QFETCH(QSize, size);
    QFETCH(QString, preset);
    FitPage page;
    page.resize(size);
    QVERIFY(fitpagewait::waitFirstFit(page));
    if (preset != page.document()->state().preset)
        QVERIFY(refit(page, [&] { QVERIFY(page.loadPreset(preset)); }));
    QTableWidget *table = page.minimaTable();
    QVERIFY(table->rowCount() >= 2);
    const auto inView = [&page](const QWidget *w) {
        return w->isVisible() && w->visibleRegion().boundingRect().size() == w->size() &&
               page.rect().contains(QRect(w->mapTo(&page, QPoint(0, 0)), w->size()));
    };
    QTRY_VERIFY2(inView(table), qPrintable(QStringLiteral("table %1x%2 visible %3x%4")
                                               .arg(table->width())
                                               .arg(table->height())
                                               .arg(table->visibleRegion().boundingRect().width())
                                               .arg(table->visibleRegion().boundingRect().height())));
    QTRY_VERIFY(inView(page.methodLabel()));
    // No row or column is cut: the table needs no scroll bar for up to six rows, each row is one line, and
    // the numbers show whole.
    QTRY_VERIFY(!table->verticalScrollBar()->isVisible() && !table->horizontalScrollBar()->isVisible());
    const int line = table->fontMetrics().lineSpacing();
    for (int r = 0; r < table->rowCount(); ++r) {
        QVERIFY2(table->rowHeight(r) < 2 * line, qPrintable(QString::number(table->rowHeight(r))));
        for (int c : {0, 2, 3})
            QVERIFY(table->columnWidth(c) >=
                    table->fontMetrics().horizontalAdvance(table->item(r, c)->text()));
    }
    // The controls above are whole at their right edge (the spec line is as wide as P's box).
    QCOMPARE(page.targetEdit()->visibleRegion().boundingRect().width(), page.targetEdit()->width());
    const QString dir = qEnvironmentVariable("KLSCOPE_SCREENSHOTS");
    if (!dir.isEmpty())
        QVERIFY(page.grab().save(QDir(dir).filePath(
            QStringLiteral("fitpage-%1x%2-%3.png").arg(size.width()).arg(size.height()).arg(preset))));
}

QTEST_MAIN(TestFitPageEdits)
#include "tst_fitpageedits.moc"
