// The fitting lab's page on a real FitDocument: the bimodal target's moment-matched forward fit and three
// reverse minima, refits after edits of P (through the document, the parameter editor and a mouse drag of a
// component mean on the plot), undo and redo restoring P and the fits, a click on the landscape setting Q in
// one undo step, a fixed σ giving pure mode-seeking in μ, the α slider's ends matching the forward and
// reverse fits, every preset, and the page laid out at two window sizes.

#include "continuouseditor.h"
#include "eventreadout.h"
#include "fitdocument.h"
#include "fitpage.h"
#include "fitpagewait.h"
#include "landscapeplot.h"
#include "numberspinbox.h"
#include "seriesplot.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <cmath>

namespace {

using fitpagewait::kBimodal;
using fitpagewait::refit;
using fitpagewait::waitFirstFit;
using fitpagewait::waitLandscape;

double forwardMu(const FitPage &page)
{
    return page.outcome()->forward->best.parameters[0];
}

} // namespace

class TestFitPage : public QObject
{
    Q_OBJECT

private slots:
    void bimodalFits();
    void editsOfPRefit();
    void editorEditRefits();
    void componentDragByMouse();
    void landscapeClickSetsQ();
    void fixedSigmaSeeksModes();
    void alphaEnds_data();
    void alphaEnds();
    void presets_data();
    void presets();
    void layoutAtWindowSizes_data();
    void layoutAtWindowSizes();
};

void TestFitPage::bimodalFits()
{
    FitPage page;
    QCOMPARE(page.document()->state().target, kBimodal);
    // Hidden, the page computes nothing (the window builds it on a tab nobody may open).
    QVERIFY(!page.isBusy());
    QVERIFY(!page.outcome());
    QVERIFY(waitFirstFit(page));
    const FitOutcome &o = *page.outcome();
    QVERIFY(o.forward && o.reverse);
    // Moment matching: μ = 0, σ² = 1 + 9 = 10, said to be a closed form.
    QCOMPARE(o.forward->method, std::string("closed_form"));
    QVERIFY(std::fabs(o.forward->best.parameters[0]) < 1e-8);
    QVERIFY(std::fabs(o.forward->best.parameters[1] * o.forward->best.parameters[1] - 10) < 1e-7);
    // Reverse: one minimum near each mode and the broad one at μ = 0; the saddles are not listed.
    QCOMPARE(o.reverse->minima.size(), std::size_t(3));
    int nearModes = 0, broad = 0;
    for (const klscope::FitPoint &m : o.reverse->minima) {
        if (std::fabs(std::fabs(m.parameters[0]) - 3) < 0.1 && std::fabs(m.parameters[1] - 1) < 0.1)
            ++nearModes;
        if (std::fabs(m.parameters[0]) < 1e-4 && m.parameters[1] > 2)
            ++broad;
    }
    QCOMPARE(nearModes, 2);
    QCOMPARE(broad, 1);
    // The table lists each minimum with KL both ways, then the α fit; the method line says "closed form".
    QCOMPARE(page.minimaTable()->rowCount(), 1 + 3 + 1);
    QVERIFY(page.minimaTable()->item(0, 0)->text().contains(QStringLiteral("closed form")));
    QCOMPARE(page.minimaTable()->item(0, 2)->text().isEmpty(), false);
    QVERIFY(page.methodLabel()->text().contains(QStringLiteral("moment matching")));
    // P, the forward fit, three reverse minima (one solid, two dashed) and the α fit.
    QCOMPARE(page.fitPlot()->seriesCount(), 1 + 1 + 3 + 1);
}

void TestFitPage::editsOfPRefit()
{
    FitPage page;
    QVERIFY(waitFirstFit(page));
    QUndoStack *stack = page.document()->undoStack();
    const int steps = stack->count();
    const QString moved = QStringLiteral("gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=5,sigma2=1");
    QVERIFY(refit(page, [&] { QVERIFY(page.document()->setTarget(moved)); }));
    QCOMPARE(stack->count(), steps + 1);
    QVERIFY(std::fabs(forwardMu(page) - 1.0) < 1e-8); // the mean of −3 and 5

    QVERIFY(refit(page, [&] { stack->undo(); }));
    QCOMPARE(page.document()->state().target, kBimodal);
    QVERIFY(std::fabs(forwardMu(page)) < 1e-8);
    QCOMPARE(page.outcome()->reverse->minima.size(), std::size_t(3));

    QVERIFY(refit(page, [&] { stack->redo(); }));
    QCOMPARE(page.document()->state().target, moved);
    QVERIFY(std::fabs(forwardMu(page) - 1.0) < 1e-8);

    // A spec that does not parse is refused and changes nothing.
    QSignalSpy refused(page.document(), &DocumentBase::editRefused);
    QVERIFY(!page.document()->setTarget(QStringLiteral("gmm:w1=2")));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(stack->count(), steps + 1);
}

void TestFitPage::editorEditRefits()
{
    FitPage page;
    QVERIFY(waitFirstFit(page));
    NumberSpinBox *mu2 = page.continuousEditor()->componentSpinBox(1, 1);
    QVERIFY(mu2);
    const int steps = page.document()->undoStack()->count();
    QVERIFY(refit(page, [&] {
        mu2->setFocus();
        QTest::keyClick(mu2, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(mu2, QStringLiteral("7"));
        QTest::keyClick(mu2, Qt::Key_Return);
    }));
    QVERIFY(page.document()->state().target.contains(QStringLiteral("mu2=7")));
    QVERIFY(std::fabs(forwardMu(page) - 2.0) < 1e-8);
    QCOMPARE(page.document()->undoStack()->count(), steps + 1);
}

void TestFitPage::componentDragByMouse()
{
    FitPage page;
    page.resize(1280, 760);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(waitFirstFit(page));
    QTRY_VERIFY(!page.fitPlot()->replotPending());
    SeriesPlot *plot = page.fitPlot();
    QWidget *canvas = plot->canvas();
    const int y = canvas->height() / 2;
    const int from = int(std::lround(plot->pixelOfX(3.0)));
    const int to = int(std::lround(plot->pixelOfX(5.0)));
    const double target = plot->xAtPixel(to);
    const auto rangeBefore = plot->visibleRange();
    QUndoStack *stack = page.document()->undoStack();
    const int steps = stack->count();

    QVERIFY(refit(page, [&] {
        QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(from, y));
        for (int px = from + 10; px < to; px += 10)
            QTest::mouseMove(canvas, QPoint(px, y));
        QTest::mouseMove(canvas, QPoint(to, y));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(to, y));
    }));
    // One undo step; the plot did not pan; the forward fit moved to the new mean.
    QCOMPARE(stack->count(), steps + 1);
    QCOMPARE(page.document()->currentDrag(), 0);
    QVERIFY(std::fabs(forwardMu(page) - (target - 3) / 2) < 1e-6);
    QVERIFY(std::fabs(plot->visibleRange().first - rangeBefore.first) > 0 ||
            plot->visibleRange() == rangeBefore); // the default view follows P, never a pan
    QVERIFY(refit(page, [&] { stack->undo(); }));
    QVERIFY(std::fabs(forwardMu(page)) < 1e-8);
    QCOMPARE(page.document()->state().target, kBimodal);
}

void TestFitPage::landscapeClickSetsQ()
{
    FitPage page;
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(waitFirstFit(page));
    QVERIFY(waitLandscape(page));
    LandscapePlot *plot = page.landscapePlot(1);
    QVERIFY(plot->isMap());
    QCOMPARE(plot->data().xCount, std::size_t(128));
    QCOMPARE(plot->data().values.size(), std::size_t(128 * 128));
    QTRY_VERIFY(!plot->replotPending());
    // The landscape's values are the objective's at its nodes.
    const klscope::FitObjective objective = page.document()->objective();
    const LandscapeData &data = plot->data();
    for (std::size_t k : {std::size_t(0), std::size_t(128 * 64 + 17), std::size_t(128 * 128 - 1)}) {
        const std::size_t i = k % 128, j = k / 128;
        const double mu = data.xFrom + (data.xTo - data.xFrom) * double(i) / 127;
        const double sigma = data.yFrom + (data.yTo - data.yFrom) * double(j) / 127;
        const double expected = objective.kl(std::vector<double>{mu, sigma}).qp;
        QVERIFY2(std::fabs(data.values[k] - expected) <= 1e-9 * std::max(1.0, std::fabs(expected)),
                 qPrintable(QStringLiteral("node %1: %2 vs %3").arg(k).arg(data.values[k]).arg(expected)));
    }

    QUndoStack *stack = page.document()->undoStack();
    const int steps = stack->count();
    const QPoint at = plot->pixelOf(2.0, 1.5);
    QTest::mouseClick(plot->canvas(), Qt::LeftButton, {}, at);
    const std::vector<double> q = page.document()->state().q;
    QCOMPARE(q.size(), std::size_t(2));
    const QPointF expected = plot->valueAt(at);
    QCOMPARE(q[0], expected.x());
    QCOMPARE(q[1], expected.y());
    QVERIFY(std::fabs(q[0] - 2.0) < 0.1 && std::fabs(q[1] - 1.5) < 0.1);
    QCOMPARE(stack->count(), steps + 1);
    // The picked Q is drawn and listed with its KL both ways.
    const int last = page.minimaTable()->rowCount() - 1;
    QCOMPARE(page.minimaTable()->item(last, 0)->text(), QStringLiteral("Picked Q"));
    const klscope::KlPair kl = objective.kl(q);
    QCOMPARE(page.minimaTable()->item(last, 2)->text(), klscope::formatValue(kl.pq));
    QCOMPARE(page.minimaTable()->item(last, 3)->text(), klscope::formatValue(kl.qp));
    QCOMPARE(page.fitPlot()->seriesCount(), 1 + 1 + 3 + 1 + 1);
    stack->undo();
    QVERIFY(page.document()->state().q.empty());
    QCOMPARE(page.fitPlot()->seriesCount(), 1 + 1 + 3 + 1);
}

void TestFitPage::fixedSigmaSeeksModes()
{
    FitPage page;
    QVERIFY(waitFirstFit(page));
    QUndoStack *stack = page.document()->undoStack();
    const int steps = stack->count();
    // The fix box holds σ where the forward fit has it: one undo step.
    QVERIFY(refit(page, [&] { page.fixBox(1)->click(); }));
    QCOMPARE(stack->count(), steps + 1);
    QVERIFY(page.document()->state().fixed[1].has_value());
    QVERIFY(std::fabs(*page.document()->state().fixed[1] - std::sqrt(10.0)) < 1e-6);

    // σ held at 1: reverse KL in μ alone has one minimum per mode and nothing between them.
    QVERIFY(refit(page, [&] { QVERIFY(page.document()->setFixed(1, 1.0)); }));
    const FitOutcome &o = *page.outcome();
    QCOMPARE(o.reverse->minima.size(), std::size_t(2));
    for (const klscope::FitPoint &m : o.reverse->minima) {
        QVERIFY(std::fabs(std::fabs(m.parameters[0]) - 3) < 0.05);
        QCOMPARE(m.parameters[1], 1.0);
    }
    QVERIFY(std::fabs(o.forward->best.parameters[0]) < 1e-8); // forward still takes the mean
    // The landscape is a curve over μ.
    QVERIFY(waitLandscape(page));
    QVERIFY(!page.landscapePlot(0)->isMap());
}

void TestFitPage::alphaEnds_data()
{
    QTest::addColumn<int>("slider");
    QTest::addColumn<bool>("forward"); // true: compare with the forward fit, false: the reverse one
    QTest::newRow("alpha 1") << 100 << true;
    QTest::newRow("alpha 0") << 0 << false;
}

void TestFitPage::alphaEnds()
{
    QFETCH(int, slider);
    QFETCH(bool, forward);
    FitPage page;
    QVERIFY(waitFirstFit(page));
    QVERIFY(refit(page, [&] { page.alphaSlider()->setValue(slider); }));
    QCOMPARE(page.document()->state().alpha, slider / 100.0);
    const FitOutcome &o = *page.outcome();
    QVERIFY(o.alpha);
    const std::vector<double> &a = o.alpha->best.parameters;
    const std::vector<double> &b = (forward ? o.forward : o.reverse)->best.parameters;
    for (std::size_t i = 0; i < a.size(); ++i)
        QVERIFY2(std::fabs(std::fabs(a[i]) - std::fabs(b[i])) < 1e-4,
                 qPrintable(QString::number(a[i] - b[i])));

    // Near 0 the α fit seeks a mode too: it sits near one of them.
    QVERIFY(refit(page, [&] { page.alphaSlider()->setValue(2); }));
    QVERIFY(std::fabs(std::fabs(page.outcome()->alpha->best.parameters[0]) - 3) < 0.3);
}

void TestFitPage::presets_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("bimodal-fit") << "bimodal-fit";
    QTest::newRow("heavy-tail-fit") << "heavy-tail-fit";
    QTest::newRow("discrete-bimodal-fit") << "discrete-bimodal-fit";
    QTest::newRow("minka-alpha") << "minka-alpha";
}

void TestFitPage::presets()
{
    QFETCH(QString, name);
    FitPage page;
    QVERIFY(waitFirstFit(page));
    if (name != QLatin1String("bimodal-fit"))
        QVERIFY(refit(page, [&] { QVERIFY(page.loadPreset(name)); }));
    QCOMPARE(page.document()->state().preset, name);
    QVERIFY(!page.lessonLabel()->text().isEmpty());
    const FitOutcome &o = *page.outcome();
    QVERIFY(o.forward && o.reverse);
    if (name == QLatin1String("heavy-tail-fit")) {
        // A normal takes the t3's variance, 3.
        QVERIFY(std::fabs(std::pow(o.forward->best.parameters[1], 2) - 3) < 1e-6);
        QVERIFY(o.reverse->best.parameters[1] < o.forward->best.parameters[1]);
    } else if (name == QLatin1String("discrete-bimodal-fit")) {
        QCOMPARE(o.forward->best.parameters[0], 20.0);
        QVERIFY(std::fabs(o.forward->best.parameters[1] - 0.5) < 1e-12);
        QCOMPARE(o.reverse->minima.size(), std::size_t(2));
        double low = 1, high = 0;
        for (const klscope::FitPoint &m : o.reverse->minima) {
            low = std::min(low, m.parameters[1]);
            high = std::max(high, m.parameters[1]);
        }
        QVERIFY(std::fabs(low - 0.2) < 0.05 && std::fabs(high - 0.8) < 0.05);
    } else if (name == QLatin1String("minka-alpha")) {
        // Several α fits overlaid, spreading out as α grows.
        QCOMPARE(o.alphaSweep.size(), qsizetype(4));
        QVERIFY(o.alphaSweep.front().second[1] < o.alphaSweep.back().second[1]);
        // The α = 0.5 fit of the slider is one of the four, drawn once.
        QCOMPARE(page.fitPlot()->seriesCount(), 1 + 1 + 3 + 4);
    }
}

void TestFitPage::layoutAtWindowSizes_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("preset");
    for (const FitPreset &p : fitPresets())
        QTest::addRow("1280x800 %s", qPrintable(p.name)) << QSize(1280, 800) << p.name;
    QTest::newRow("1024x700 bimodal-fit") << QSize(1024, 700) << "bimodal-fit";
    // The page in a 1280x800 window under a lesson bar.
    QTest::newRow("1280x620 bimodal-fit") << QSize(1280, 620) << "bimodal-fit";
}

void TestFitPage::layoutAtWindowSizes()
{
    QFETCH(QSize, size);
    QFETCH(QString, preset);
    FitPage page;
    page.resize(size);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(waitFirstFit(page));
    if (preset != page.document()->state().preset)
        QVERIFY(refit(page, [&] { QVERIFY(page.loadPreset(preset)); }));
    QVERIFY(waitLandscape(page));
    // Nothing of the left panel is cut off at its right edge: the spec line, as wide as P's box, shows whole.
    QCOMPARE(page.targetEdit()->visibleRegion().boundingRect().width(), page.targetEdit()->width());
    QTRY_VERIFY(!page.fitPlot()->replotPending() && !page.landscapePlot(0)->replotPending() &&
                !page.landscapePlot(1)->replotPending());
    // The fit plot gets the larger share, the two landscapes sit side by side and are wide enough to read.
    QVERIFY(page.fitPlot()->height() > page.landscapePlot(0)->height());
    QVERIFY(page.landscapePlot(0)->width() > 200);
    QCOMPARE(page.landscapePlot(0)->y(), page.landscapePlot(1)->y());
    QVERIFY(page.fitPlot()->width() > size.width() / 2);
    // The landscapes stay tall enough to read, and each value box shows its value whole (its size hint
    // follows the text shown: a fitted σ of 3.1622776601683795 was cut off).
    QVERIFY2(page.landscapePlot(0)->height() >= 180,
             qPrintable(QString::number(page.landscapePlot(0)->height())));
    for (int i = 0; page.fixSpin(i); ++i)
        QVERIFY2(page.fixSpin(i)->width() >= page.fixSpin(i)->sizeHint().width(),
                 qPrintable(QStringLiteral("%1: %2 < %3")
                                .arg(page.fixSpin(i)->text())
                                .arg(page.fixSpin(i)->width())
                                .arg(page.fixSpin(i)->sizeHint().width())));
    // KLSCOPE_SCREENSHOTS=DIR keeps a picture of the page for a person to look at.
    const QString dir = qEnvironmentVariable("KLSCOPE_SCREENSHOTS");
    if (!dir.isEmpty())
        QVERIFY(page.grab().save(QDir(dir).filePath(
            QStringLiteral("fitpage-%1x%2-%3.png").arg(size.width()).arg(size.height()).arg(preset))));
}

QTEST_MAIN(TestFitPage)
#include "tst_fitpage.moc"
