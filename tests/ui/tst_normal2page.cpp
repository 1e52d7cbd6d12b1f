// The 2-D page on a real Normal2Document, driven by the mouse: dragging P's centre moves its mean and
// dragging an axis handle stretches and turns its covariance (still positive definite), each drag one undo
// step that undo and redo restore; the metrics panel shows the closed-form KL of the new pair and the
// cubature's JS and TV; a correlation of 1 typed into the editor is refused with its sentence; the
// mean-field fits follow P's correlation; the bimodal-2d preset's fits against mixture2 itself, a
// component's mean dragged, undone and redone with the fits following, the component editor; the 2-D
// presets in the window's Presets menu; the page laid out at two window sizes with each preset.

#include "eventreadout.h"
#include "gaussian2dplot.h"
#include "mainwindow.h"
#include "normal2document.h"
#include "normal2page.h"
#include "numberspinbox.h"
#include "palette.h"
#include "plotwidget.h"

#include <meanfield.h>
#include <mixture2.h>
#include <normal2comparison.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <cmath>

namespace {

constexpr int kTimeout = 60000; // two shared cores: the cubature normally takes well under a second

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::fabs(a - b) <= tolerance * std::max(1.0, std::fabs(b));
}

// Presses at `from`, moves there in steps and releases at `to`: one drag, as a person makes it.
void drag(QWidget *canvas, QPoint from, QPoint to)
{
    QTest::mousePress(canvas, Qt::LeftButton, {}, from);
    for (int k = 1; k <= 8; ++k)
        QTest::mouseMove(canvas, from + (to - from) * k / 8);
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
}

// Types `text` into a spin box as a person does: the old text selected, the new one typed, Enter.
void type(NumberSpinBox *spin, const QString &text)
{
    spin->findChild<QLineEdit *>()->selectAll();
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

QString klText(const Normal2Page &page, bool forward)
{
    const klscope::Normal2 p = page.document()->normal(Normal2Document::P);
    const klscope::Normal2 q = page.document()->normal(Normal2Document::Q);
    return klscope::formatValue(forward ? klscope::klNormal2(p, q) : klscope::klNormal2(q, p));
}

void showPage(Normal2Page &page, QSize size = QSize(1100, 700))
{
    page.resize(size);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(!page.densityPlot()->replotPending());
    QTRY_VERIFY(!page.integrandPlot()->replotPending());
}

} // namespace

class TestNormal2Page : public QObject
{
    Q_OBJECT

private slots:
    void dragMean();
    void dragAxisHandle_data();
    void dragAxisHandle();
    void metricsShowCubature();
    void editorRefusesSingularMatrix();
    void meanFieldFollowsCorrelation();
    void integrandDirection();
    void onlyChangedMapsResample();
    void bimodalFits();
    void dragComponentMean();
    void componentEditor();
    void presetsMenu();
    void layout_data();
    void layout();
};

void TestNormal2Page::dragMean()
{
    Normal2Page page;
    showPage(page);
    Gaussian2DPlot *plot = page.densityPlot();
    QUndoStack *stack = page.document()->undoStack();
    const Normal2State before = page.document()->state();
    const QPoint from = plot->handlePixel(0, 0);
    const QPoint to = from + QPoint(60, -40);
    // The centre keeps its offset from the point pressed.
    const QPointF offset = QPointF(before.p.mu1, before.p.mu2) - plot->valueAt(from);
    const QPointF expected = plot->valueAt(to) + offset;
    drag(plot->canvas(), from, to);

    QCOMPARE(stack->count(), 1);
    QCOMPARE(page.document()->currentDrag(), 0);
    const Normal2State after = page.document()->state();
    QVERIFY(near(after.p.mu1, expected.x()));
    QVERIFY(near(after.p.mu2, expected.y()));
    QVERIFY(after.p.mu1 > before.p.mu1 && after.p.mu2 > before.p.mu2); // up on screen is up the x₂ axis
    QCOMPARE(after.p.var1, before.p.var1);
    QCOMPARE(after.p.var2, before.p.var2);
    QCOMPARE(after.p.cov, before.p.cov);
    QVERIFY(after.q == before.q);
    QVERIFY2(page.metricsLabel()->text().contains(klText(page, true)),
             qPrintable(page.metricsLabel()->text()));
    QVERIFY(page.metricsLabel()->text().contains(klText(page, false)));

    stack->undo();
    QVERIFY(page.document()->state() == before);
    QVERIFY(page.metricsLabel()->text().contains(klText(page, true)));
    QCOMPARE(plot->handlePixel(0, 0), plot->pixelOf(before.p.mu1, before.p.mu2));
    stack->redo();
    QVERIFY(page.document()->state() == after);
    QVERIFY(page.metricsLabel()->text().contains(klText(page, true)));
}

void TestNormal2Page::dragAxisHandle_data()
{
    QTest::addColumn<int>("handle");
    QTest::addColumn<int>("part");
    QTest::addColumn<QPoint>("move");
    QTest::newRow("P major axis, turned and stretched") << 0 << 1 << QPoint(30, -50);
    QTest::newRow("P minor axis, shortened") << 0 << 2 << QPoint(5, 20);
    QTest::newRow("Q major axis, turned") << 1 << 1 << QPoint(-20, -60);
}

void TestNormal2Page::dragAxisHandle()
{
    QFETCH(int, handle);
    QFETCH(int, part);
    QFETCH(QPoint, move);
    Normal2Page page;
    showPage(page);
    Gaussian2DPlot *plot = page.densityPlot();
    QUndoStack *stack = page.document()->undoStack();
    const auto side = Normal2Document::Side(handle);
    const Normal2State before = page.document()->state();
    const Normal2Params n = page.document()->params(side);
    const QPoint from = plot->handlePixel(handle, part);
    const QPoint to = from + move;
    // The other axis keeps its variance: the one of the handle not dragged, at 1σ.
    const QPoint otherEnd = plot->handlePixel(handle, 3 - part);
    const QPointF o = plot->valueAt(otherEnd) - QPointF(n.mu1, n.mu2);
    const double otherVariance = std::hypot(o.x(), o.y()) * std::hypot(o.x(), o.y());
    const QPointF axis = plot->valueAt(to) - QPointF(n.mu1, n.mu2);
    double var1 = 0, var2 = 0, cov = 0;
    Gaussian2DPlot::covarianceFromAxis(axis, 1.0, otherVariance, var1, var2, cov);
    drag(plot->canvas(), from, to);

    QCOMPARE(stack->count(), 1);
    const Normal2State after = page.document()->state();
    const Normal2Params &m = page.document()->params(side);
    // The mean stays; the covariance is the one the handle asked for (the other axis is read back from
    // rounded pixels, hence the tolerance), and still positive definite.
    QCOMPARE(m.mu1, n.mu1);
    QCOMPARE(m.mu2, n.mu2);
    QVERIFY2(near(m.var1, var1, 0.05) && near(m.var2, var2, 0.05) && std::fabs(m.cov - cov) < 0.05,
             qPrintable(QStringLiteral("%1 %2 %3 vs %4 %5 %6")
                            .arg(m.var1)
                            .arg(m.var2)
                            .arg(m.cov)
                            .arg(var1)
                            .arg(var2)
                            .arg(cov)));
    QVERIFY(!(m == n));
    QVERIFY(m.var1 > 0 && m.var2 > 0 && m.var1 * m.var2 - m.cov * m.cov > 0);
    QVERIFY(page.metricsLabel()->text().contains(klText(page, true)));
    // The dragged axis ends where the mouse let go: its variance is exactly |axis|².
    const double half = (m.var1 + m.var2) / 2;
    const double root = std::sqrt(half * half - (m.var1 * m.var2 - m.cov * m.cov));
    const double length2 = axis.x() * axis.x() + axis.y() * axis.y();
    QVERIFY2(near(half + root, length2, 1e-9) || near(half - root, length2, 1e-9),
             qPrintable(QStringLiteral("%1 %2 vs %3").arg(half + root).arg(half - root).arg(length2)));

    stack->undo();
    QVERIFY(page.document()->state() == before);
    QVERIFY(page.metricsLabel()->text().contains(klText(page, true)));
    stack->redo();
    QVERIFY(page.document()->state() == after);
}

void TestNormal2Page::metricsShowCubature()
{
    Normal2Page page;
    QSignalSpy updated(&page, &Normal2Page::metricsUpdated);
    // A hidden page computes nothing; shown, it runs the cubature of its state.
    QVERIFY(!page.isBusy());
    QVERIFY(!page.cubature());
    page.show();
    QVERIFY(page.isBusy());
    QVERIFY(updated.wait(kTimeout));
    QVERIFY(page.cubature().has_value());
    const klscope::Summary expected = klscope::compareNormal2(page.document()->normal(Normal2Document::P),
                                                              page.document()->normal(Normal2Document::Q));
    QCOMPARE(page.cubature()->js.value, expected.js.value);
    const QString text = page.metricsLabel()->text();
    QVERIFY2(text.contains(klscope::formatValue(expected.js.value)), qPrintable(text));
    QVERIFY(text.contains(klscope::formatValue(expected.totalVariation.value)));
    QVERIFY(text.contains(QStringLiteral("cubature")));
    // Reference vector 26: KL(P‖Q) = 1 + ½ ln(7/4).
    QVERIFY(text.contains(klscope::formatValue(1.0 + 0.5 * std::log(7.0 / 4.0))));
}

void TestNormal2Page::editorRefusesSingularMatrix()
{
    Normal2Page page;
    showPage(page);
    const Normal2State before = page.document()->state();
    QSignalSpy messages(&page, &Page::statusMessage);
    NumberSpinBox *rho = page.spin(Normal2Document::P, Normal2Page::Rho);
    rho->findChild<QLineEdit *>()->selectAll();
    QTest::keyClicks(rho, QStringLiteral("1"));
    QTest::keyClick(rho, Qt::Key_Return);
    QCOMPARE(messages.count(), 1);
    QVERIFY2(messages.front().front().toString().contains(QStringLiteral("not positive definite")),
             qPrintable(messages.front().front().toString()));
    QVERIFY(page.document()->state() == before);
    QCOMPARE(page.document()->undoStack()->count(), 0);
    QCOMPARE(rho->value(), 0.0);
    // A correlation inside (−1, 1) is one step.
    rho->findChild<QLineEdit *>()->selectAll();
    QTest::keyClicks(rho, QStringLiteral("0.5"));
    QTest::keyClick(rho, Qt::Key_Return);
    QCOMPARE(page.document()->undoStack()->count(), 1);
    QVERIFY(near(page.document()->params(Normal2Document::P).correlation(), 0.5));
}

void TestNormal2Page::meanFieldFollowsCorrelation()
{
    Normal2Page page;
    QVERIFY(page.loadPreset(QStringLiteral("mean-field")));
    QVERIFY(page.meanFieldBox()->isChecked());
    const auto reverseVariance = [&page] {
        for (const PlotEllipse &e : page.densityPlot()->data().ellipses)
            if (e.name.startsWith(QStringLiteral("reverse")))
                return e.var1;
        return -1.0;
    };
    const auto forwardVariance = [&page] {
        for (const PlotEllipse &e : page.densityPlot()->data().ellipses)
            if (e.name.startsWith(QStringLiteral("forward")))
                return e.var1;
        return -1.0;
    };
    QVERIFY(near(reverseVariance(), 1 - 0.9 * 0.9, 1e-12));
    QCOMPARE(forwardVariance(), 1.0);
    QVERIFY(page.meanFieldLabel()->isVisibleTo(&page));
    QVERIFY(page.meanFieldLabel()->text().contains(klscope::formatValue(0.19)));
    double last = reverseVariance();
    for (double rho : {0.95, 0.99, 0.999}) {
        QVERIFY(page.document()->setSide(Normal2Document::P, {0.0, 0.0, 1.0, 1.0, rho}));
        const double v = reverseVariance();
        QVERIFY(near(v, 1 - rho * rho, 1e-9));
        QVERIFY(v < last);
        QCOMPARE(forwardVariance(), 1.0);
        last = v;
    }
    page.meanFieldBox()->click();
    QVERIFY(!page.document()->state().meanField);
    QCOMPARE(reverseVariance(), -1.0);
    page.document()->undoStack()->undo();
    QVERIFY(page.document()->state().meanField);
    QVERIFY(page.meanFieldBox()->isChecked());
}

void TestNormal2Page::integrandDirection()
{
    Normal2Page page;
    showPage(page);
    Gaussian2DPlot *plot = page.integrandPlot();
    QCOMPARE(plot->mapSize(), plot->mapSize().expandedTo(QSize(50, 50))); // sampled at pixel resolution
    const klscope::Normal2 p = page.document()->normal(Normal2Document::P);
    const klscope::Normal2 q = page.document()->normal(Normal2Document::Q);
    // At P's mean the integrand p·log(p/q) is the closed form there.
    const QPoint at = plot->pixelOf(0.0, 0.0);
    const QPointF x = plot->valueAt(at);
    const auto logDensity = [](const klscope::Normal2 &n, QPointF x) {
        const double det = n.determinant();
        const double dx = x.x() - n.mu1(), dy = x.y() - n.mu2();
        return -std::log(2 * M_PI) - 0.5 * std::log(det) -
               0.5 * (n.var2() * dx * dx - 2 * n.cov() * dx * dy + n.var1() * dy * dy) / det;
    };
    const double lp = logDensity(p, x), lq = logDensity(q, x);
    QVERIFY(near(plot->mapValueAt(at), std::exp(lp) * (lp - lq), 0.05));
    QVERIFY(plot->data().integrandName.contains(QStringLiteral("p·log(p/q)")));
    QTest::mouseClick(page.reverseBox(), Qt::LeftButton);
    QVERIFY(page.document()->state().reverseIntegrand);
    QVERIFY(plot->data().integrandName.contains(QStringLiteral("q·log(q/p)")));
    QTRY_VERIFY(!plot->replotPending());
    QVERIFY(near(plot->mapValueAt(at), std::exp(lq) * (lq - lp), 0.05));
    page.document()->undoStack()->undo();
    QVERIFY(plot->data().integrandName.contains(QStringLiteral("p·log(p/q)")));
}

void TestNormal2Page::onlyChangedMapsResample()
{
    Normal2Page page;
    showPage(page);
    Gaussian2DPlot *density = page.densityPlot(), *integrand = page.integrandPlot();
    const int densityBefore = density->samplings(), integrandBefore = integrand->samplings();
    // P edited: P's layer and the integrand are sampled again, Q's layer is kept.
    QVERIFY(page.document()->setSide(Normal2Document::P, {0.5, 0.0, 1.0, 1.0, 0.3}));
    QTRY_VERIFY(!density->replotPending() && !integrand->replotPending());
    // (the plane follows the new pair when no drag holds it, so both layers may be sampled again)
    const int densityAfterEdit = density->samplings();
    QVERIFY(densityAfterEdit > densityBefore);
    QCOMPARE(integrand->samplings(), integrandBefore + 1);
    // In a drag the plane stays: an edit of Q samples Q's layer alone.
    page.document()->beginDrag();
    QVERIFY(page.document()->setSide(Normal2Document::Q, {1.5, -1.0, 2.0, 1.0, 0.5}));
    QCOMPARE(density->samplings(), densityAfterEdit + 1);
    QCOMPARE(integrand->samplings(), integrandBefore + 2);
    page.document()->endDrag();
    // The integrand's direction changes nothing the density plot draws: it is neither sampled nor
    // replotted (the first change also lets the plane follow the pair the drag left).
    page.reverseBox()->click();
    QTRY_VERIFY(!density->replotPending() && !integrand->replotPending());
    const int densityNow = density->samplings(), integrandNow = integrand->samplings();
    QSignalSpy replotted(density, &PlotWidget::replotted);
    page.reverseBox()->click();
    QVERIFY(!page.document()->state().reverseIntegrand);
    QTRY_VERIFY(!integrand->replotPending());
    QCOMPARE(integrand->samplings(), integrandNow + 1);
    QCOMPARE(density->samplings(), densityNow);
    QVERIFY(!density->replotPending());
    QCOMPARE(replotted.count(), 0);
}

void TestNormal2Page::bimodalFits()
{
    Normal2Page page;
    QSignalSpy fitted(&page, &Normal2Page::fitsUpdated);
    QVERIFY(page.loadPreset(QStringLiteral("bimodal-2d")));
    const Normal2State &s = page.document()->state();
    QVERIFY(s.isMixture() && s.meanField);
    QVERIFY(fitted.wait(kTimeout));
    QVERIFY(page.mixtureFits().has_value());
    const Normal2MixtureFits &fits = *page.mixtureFits();
    QVERIFY(fits.mixture == s.mixture);
    const klscope::Mixture2 p = s.mixtureP();
    // The forward fit is the mixture's mean and covariance, worked out here from the components.
    double m1 = 0, m2 = 0, wsum = 0;
    for (const Normal2Component &c : s.mixture) {
        m1 += c.weight * c.n.mu1;
        m2 += c.weight * c.n.mu2;
        wsum += c.weight;
    }
    m1 /= wsum;
    m2 /= wsum;
    double s11 = 0, s22 = 0, s12 = 0;
    for (const Normal2Component &c : s.mixture) {
        const double w = c.weight / wsum, d1 = c.n.mu1 - m1, d2 = c.n.mu2 - m2;
        s11 += w * (c.n.var1 + d1 * d1);
        s22 += w * (c.n.var2 + d2 * d2);
        s12 += w * (c.n.cov + d1 * d2);
    }
    QVERIFY(near(fits.forward.mu1(), m1, 1e-12) && near(fits.forward.mu2(), m2, 1e-12));
    QVERIFY(near(fits.forward.var1(), s11, 1e-12) && near(fits.forward.var2(), s22, 1e-12));
    QVERIFY(near(fits.forward.cov(), s12, 1e-12));
    // The reverse fit is the core's search, run here again: one minimum on each mode, the heavier global.
    const klscope::Mixture2ReverseFit reverse = klscope::fitReverse(p);
    QCOMPARE(fits.reverse.minima.size(), reverse.minima.size());
    QVERIFY(reverse.minima.size() >= 2);
    for (std::size_t k = 0; k < reverse.minima.size(); ++k) {
        QCOMPARE(fits.reverse.minima[k].kl, reverse.minima[k].kl);
        QCOMPARE(fits.reverse.minima[k].q.mu1(), reverse.minima[k].q.mu1());
        QCOMPARE(fits.reverse.minima[k].q.var2(), reverse.minima[k].q.var2());
    }
    const klscope::Normal2 global = reverse.minima.front().q;
    QVERIFY(near(global.mu1(), s.mixture[0].n.mu1, 0.05) && near(global.mu2(), s.mixture[0].n.mu2, 0.05));
    // Drawn: the forward fit and the global reverse minimum solid, the other minima dashed, each at 1σ and
    // 2σ, over the mixture's density map.
    int forwardDrawn = 0, globalDrawn = 0, localDrawn = 0;
    for (const PlotEllipse &e : page.densityPlot()->data().ellipses) {
        if (e.colour == klscope::palette::klPQ() && e.mu1 == fits.forward.mu1() &&
            e.var1 == fits.forward.var1())
            forwardDrawn += e.style == Qt::SolidLine;
        if (e.colour == klscope::palette::klQP() && e.mu1 == global.mu1() && e.cov == global.cov())
            globalDrawn += e.style == Qt::SolidLine;
        if (e.colour == klscope::palette::klQP() && e.style == Qt::DashLine)
            ++localDrawn;
    }
    QCOMPARE(forwardDrawn, 2);
    QCOMPARE(globalDrawn, 2);
    QCOMPARE(localDrawn, 2 * int(reverse.minima.size() - 1));
    // KL both ways for each fit in the numbers, by the core's rule.
    const QString numbers = page.meanFieldLabel()->text();
    for (const QString &v : {klscope::formatValue(klscope::forwardKl(p, fits.forward)),
                             klscope::formatValue(klscope::reverseKl(fits.forward, p)),
                             klscope::formatValue(klscope::forwardKl(p, global)),
                             klscope::formatValue(reverse.minima.front().kl)})
        QVERIFY2(numbers.contains(v), qPrintable(v + QStringLiteral(" in ") + numbers));
    // The metrics are the mixture's KL against Q both ways.
    const klscope::Normal2 q = page.document()->normal(Normal2Document::Q);
    const QString metrics = page.metricsLabel()->text();
    QVERIFY2(metrics.contains(klscope::formatValue(klscope::forwardKl(p, q))), qPrintable(metrics));
    QVERIFY(metrics.contains(klscope::formatValue(klscope::reverseKl(q, p))));
}

void TestNormal2Page::dragComponentMean()
{
    Normal2Page page;
    QSignalSpy fitted(&page, &Normal2Page::fitsUpdated);
    QVERIFY(page.loadPreset(QStringLiteral("bimodal-2d")));
    showPage(page);
    // The fits may arrive while the page is being shown.
    QVERIFY(fitted.count() > 0 || fitted.wait(kTimeout));
    Gaussian2DPlot *plot = page.densityPlot();
    QTRY_VERIFY(!plot->replotPending());
    QUndoStack *stack = page.document()->undoStack();
    QCOMPARE(stack->count(), 1); // the preset
    const Normal2State before = page.document()->state();
    // At the first component's mean the map shows the mixture's density.
    const klscope::Mixture2 p0 = before.mixtureP();
    const Normal2Params c0 = before.mixture[0].n;
    const QPoint centre = plot->handlePixel(2, 0);
    QCOMPARE(centre, plot->pixelOf(c0.mu1, c0.mu2));
    const QPointF at = plot->valueAt(centre);
    QVERIFY(near(plot->mapValueAt(centre), std::exp(klscope::logpdf(p0, at.x(), at.y())), 0.05));

    const QPoint to = centre + QPoint(40, 30);
    const QPointF expected = plot->valueAt(to) + (QPointF(c0.mu1, c0.mu2) - plot->valueAt(centre));
    drag(plot->canvas(), centre, to);
    QCOMPARE(stack->count(), 2);
    const Normal2State after = page.document()->state();
    QVERIFY(near(after.mixture[0].n.mu1, expected.x()) && near(after.mixture[0].n.mu2, expected.y()));
    QVERIFY(after.mixture[0].n.mu2 < c0.mu2); // down on screen is down the x₂ axis
    QCOMPARE(after.mixture[0].n.var1, c0.var1);
    QCOMPARE(after.mixture[0].weight, before.mixture[0].weight);
    QVERIFY(after.mixture[1] == before.mixture[1]);
    QVERIFY(after.q == before.q);
    // The fits follow the new mixture.
    QTRY_VERIFY_WITH_TIMEOUT(page.mixtureFits() && page.mixtureFits()->mixture == after.mixture, kTimeout);
    const klscope::Normal2 forward = klscope::momentMatch(after.mixtureP());
    QCOMPARE(page.mixtureFits()->forward.mu1(), forward.mu1());

    stack->undo();
    QVERIFY(page.document()->state() == before);
    // Once the fits are back (the legend has their entries again) the component is where it was.
    QTRY_VERIFY_WITH_TIMEOUT(page.mixtureFits() && page.mixtureFits()->mixture == before.mixture, kTimeout);
    QTRY_VERIFY(!plot->replotPending());
    QCOMPARE(plot->handlePixel(2, 0), centre);
    stack->redo();
    QVERIFY(page.document()->state() == after);
    QTRY_VERIFY_WITH_TIMEOUT(page.mixtureFits() && page.mixtureFits()->mixture == after.mixture, kTimeout);
}

void TestNormal2Page::componentEditor()
{
    Normal2Page page;
    QVERIFY(!page.componentCombo()->isVisibleTo(&page));
    QVERIFY(page.loadPreset(QStringLiteral("bimodal-2d")));
    showPage(page);
    QVERIFY(page.componentCombo()->isVisibleTo(&page));
    QCOMPARE(page.componentCombo()->count(), 2);
    const Normal2State before = page.document()->state();
    // The second component chosen: the P box shows its numbers and edits it alone, one step each.
    page.componentCombo()->setCurrentIndex(1);
    emit page.componentCombo()->activated(1);
    QCOMPARE(page.spin(Normal2Document::P, Normal2Page::Mu1)->value(), before.mixture[1].n.mu1);
    QCOMPARE(page.weightSpin()->value(), before.mixture[1].weight);
    type(page.spin(Normal2Document::P, Normal2Page::Mu1), QStringLiteral("2.5"));
    QCOMPARE(page.document()->state().mixture[1].n.mu1, 2.5);
    QVERIFY(page.document()->state().mixture[0] == before.mixture[0]);
    type(page.weightSpin(), QStringLiteral("0.8"));
    QCOMPARE(page.document()->state().mixture[1].weight, 0.8);
    QCOMPARE(page.document()->undoStack()->count(), 3);
    // A singular covariance is refused and the box shows the component again.
    NumberSpinBox *rho = page.spin(Normal2Document::P, Normal2Page::Rho);
    const Normal2State edited = page.document()->state();
    type(rho, QStringLiteral("1"));
    QVERIFY(page.document()->state() == edited);
    QVERIFY(near(rho->value(), edited.mixture[1].n.correlation()));
    page.document()->undoStack()->undo();
    page.document()->undoStack()->undo();
    QVERIFY(page.document()->state().mixture == before.mixture);
}

void TestNormal2Page::presetsMenu()
{
    MainWindow window;
    QVERIFY(window.startUp(QString()));
    for (const Normal2Preset &preset : normal2Presets()) {
        window.showPage(QStringLiteral("compare"));
        auto *action = window.findChild<QAction *>(QStringLiteral("normal2Preset_") + preset.name);
        QVERIFY2(action, qPrintable(preset.name));
        QCOMPARE(action->text(), preset.name);
        action->trigger();
        QCOMPARE(window.currentPage(), static_cast<Page *>(window.normal2Page()));
        QCOMPARE(window.normal2Page()->document()->state().preset, preset.name);
        QVERIFY(window.normal2Page()->document()->state() == preset.state);
    }
}

void TestNormal2Page::layout_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("preset");
    for (const QString &preset :
         {QStringLiteral("kl-2d"), QStringLiteral("mean-field"), QStringLiteral("bimodal-2d")}) {
        QTest::addRow("1280x800 %s", qPrintable(preset)) << QSize(1280, 800) << preset;
        QTest::addRow("1024x700 %s", qPrintable(preset)) << QSize(1024, 700) << preset;
    }
}

void TestNormal2Page::layout()
{
    QFETCH(QSize, size);
    QFETCH(QString, preset);
    Normal2Page page;
    QVERIFY(page.loadPreset(preset));
    showPage(page, size);
    // The page takes the size it is given (the legends wrap rather than widen it).
    QCOMPARE(page.size(), size);
    // Both plots are wide and tall enough to read, and every spin box shows its whole number.
    for (Gaussian2DPlot *plot : {page.densityPlot(), page.integrandPlot()}) {
        QVERIFY2(plot->width() >= 300 && plot->height() >= 300,
                 qPrintable(QStringLiteral("%1x%2").arg(plot->width()).arg(plot->height())));
        QVERIFY2(plot->mapSize().width() > 150, qPrintable(QString::number(plot->mapSize().width())));
    }
    for (int side = 0; side < 2; ++side)
        for (int f = 0; f < Normal2Page::FieldCount; ++f) {
            NumberSpinBox *spin = page.spin(Normal2Document::Side(side), Normal2Page::Field(f));
            QVERIFY(spin->isVisibleTo(&page));
            QVERIFY(spin->width() >= spin->minimumSizeHint().width());
        }
    const QString dir = qEnvironmentVariable("KLSCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        page.grab().save(QStringLiteral("%1/normal2page-%2-%3x%4.png")
                             .arg(dir, preset)
                             .arg(size.width())
                             .arg(size.height()));
}

QTEST_MAIN(TestNormal2Page)
#include "tst_normal2page.moc"
