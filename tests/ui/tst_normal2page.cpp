// The 2-D page on a real Normal2Document, driven by the mouse: dragging P's centre moves its mean and
// dragging an axis handle stretches and turns its covariance (still positive definite), each drag one undo
// step that undo and redo restore; the metrics panel shows the closed-form KL of the new pair and the
// cubature's JS and TV; a correlation of 1 typed into the editor is refused with its sentence; the
// mean-field fits follow P's correlation; the page laid out at two window sizes.

#include "eventreadout.h"
#include "gaussian2dplot.h"
#include "normal2document.h"
#include "normal2page.h"
#include "numberspinbox.h"

#include <meanfield.h>
#include <normal2comparison.h>

#include <QCheckBox>
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

void TestNormal2Page::layout_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x800") << QSize(1280, 800);
    QTest::newRow("1024x700") << QSize(1024, 700);
}

void TestNormal2Page::layout()
{
    QFETCH(QSize, size);
    Normal2Page page;
    QVERIFY(page.loadPreset(QStringLiteral("mean-field")));
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
        page.grab().save(
            QStringLiteral("%1/normal2page-%2x%3.png").arg(dir).arg(size.width()).arg(size.height()));
}

QTEST_MAIN(TestNormal2Page)
#include "tst_normal2page.moc"
