// The samples page (issue 13): drawing fills the estimates, the tests and the chunk line; an edit of n is one
// undo step and redraws; the convergence plot has one series per estimator and the truth line; an empty bin
// of Q shows its explanation with the smoothing offered right there, and the offered pseudo-count removes the
// infinity (and undoes).

#include "document.h"
#include "mainwindow.h"
#include "numberspinbox.h"
#include "samplesdocument.h"
#include "samplespage.h"
#include "seriesplot.h"

#include <spec.h>

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <cmath>

class TestSamplesPage : public QObject
{
    Q_OBJECT

private slots:
    void drawsAndEstimates();
    void changingNIsOneUndoStep();
    void convergencePlot_data();
    void convergencePlot();
    void emptyBinExplainedAndSmoothed();
    void refusedSpec();
    void takesTheComparePair();
};

namespace {

// Waits for the estimates of the page's current state.
bool waitForEstimates(SamplesPage &page, QSignalSpy &spy)
{
    return QTest::qWaitFor([&] { return !page.isBusy() && spy.count() > 0 && page.outcome().has_value(); },
                           30000);
}

QString text(QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

void TestSamplesPage::drawsAndEstimates()
{
    SamplesPage page;
    page.resize(1280, 800);
    page.show();
    QSignalSpy spy(&page, &SamplesPage::estimatesUpdated);
    QVERIFY(waitForEstimates(page, spy));
    const SamplesOutcome &o = *page.outcome();
    QVERIFY(o.error.isEmpty());
    QCOMPARE(o.estimates.n, std::size_t(1000));
    // The default pair is two normals: every estimator applies, the truth is vector 20.
    QCOMPARE(text(page.estimatesTable(), 3, 0), QString::number(0.44314718055994531, 'g', 4));
    QVERIFY(!text(page.estimatesTable(), 2, 0).isEmpty());
    QVERIFY(text(page.estimatesTable(), 2, 0).contains(QLatin1Char('[')));
    QVERIFY(o.tests.gTest.applies);
    QVERIFY(o.tests.zTest.applies);
    QVERIFY(o.tests.welchT.applies);
    QVERIFY(!text(page.testsTable(), 0, 2).isEmpty());
    QVERIFY(page.chunksLabel()->text().contains(QLatin1String("The proper way")));
    QCOMPARE(page.histogramPlot()->seriesCount(), 2);
    // Draw takes the next seed: new samples, one undo step.
    const double before = o.estimates.knn.klPQ.value;
    spy.clear();
    QTest::mouseClick(page.drawButton(), Qt::LeftButton);
    QCOMPARE(page.document()->state().seed, quint64(2));
    QVERIFY(waitForEstimates(page, spy));
    QVERIFY(page.outcome()->estimates.knn.klPQ.value != before);
    page.document()->undoStack()->undo();
    QCOMPARE(page.document()->state().seed, quint64(1));
}

void TestSamplesPage::changingNIsOneUndoStep()
{
    SamplesPage page;
    page.show();
    QSignalSpy spy(&page, &SamplesPage::estimatesUpdated);
    QVERIFY(waitForEstimates(page, spy));
    spy.clear();
    page.nSpin()->setFocus();
    QTest::keyClick(page.nSpin(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(page.nSpin(), QStringLiteral("400"));
    QTest::keyClick(page.nSpin(), Qt::Key_Return);
    QCOMPARE(page.document()->state().n, 400);
    QCOMPARE(page.document()->undoStack()->count(), 1);
    QVERIFY(waitForEstimates(page, spy));
    QCOMPARE(page.outcome()->estimates.n, std::size_t(400));
    QCOMPARE(page.outcome()->estimates.m, std::size_t(1000));
    spy.clear();
    page.document()->undoStack()->undo();
    QCOMPARE(page.nSpin()->value(), 1000);
    QVERIFY(waitForEstimates(page, spy));
    QCOMPARE(page.outcome()->estimates.n, std::size_t(1000));
    page.document()->undoStack()->redo();
    QCOMPARE(page.nSpin()->value(), 400);
}

void TestSamplesPage::convergencePlot_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QStringList>("legend");
    QTest::newRow("continuous") << "two-normals" << QStringList{"plug-in", "Miller–Madow", "kNN", "truth"};
    QTest::newRow("discrete") << "binomial-uniform" << QStringList{"plug-in", "Miller–Madow", "truth"};
}

void TestSamplesPage::convergencePlot()
{
    QFETCH(QString, preset);
    QFETCH(QStringList, legend);
    SamplesPage page;
    page.show();
    QSignalSpy spy(&page, &SamplesPage::convergenceUpdated);
    QVERIFY(page.loadPreset(preset));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return !page.isBusy() && page.convergence() &&
                   page.convergence()->curves.size() + 1 == std::size_t(legend.size());
        },
        60000));
    QCOMPARE(page.convergencePlot()->legendEntries(), legend);
    // Each estimator draws its median and its two band edges; the truth one line.
    QCOMPARE(page.convergencePlot()->seriesCount(), 3 * (int(legend.size()) - 1) + 1);
    QCOMPARE(page.convergence()->n.size(), std::size_t(6));
}

void TestSamplesPage::emptyBinExplainedAndSmoothed()
{
    SamplesPage page;
    page.show();
    QSignalSpy spy(&page, &SamplesPage::estimatesUpdated);
    QVERIFY(page.loadPreset(QStringLiteral("empty-bins")));
    QVERIFY(QTest::qWaitFor(
        [&] { return !page.isBusy() && page.outcome() && page.outcome()->estimates.m == 30; }, 30000));
    QVERIFY(std::isinf(page.outcome()->estimates.plugin.klPQ.value));
    QVERIFY(page.infinityBox()->isVisible());
    QVERIFY2(page.infinityLabel()->text().contains(QLatin1String("and none of Q")),
             qPrintable(page.infinityLabel()->text()));
    QVERIFY(text(page.estimatesTable(), 0, 0).startsWith(QStringLiteral("∞")));
    const int steps = page.document()->undoStack()->count();
    QTest::mouseClick(page.smoothButton(), Qt::LeftButton);
    QCOMPARE(page.document()->state().smoothing, 0.5);
    QCOMPARE(page.document()->undoStack()->count(), steps + 1);
    QVERIFY(QTest::qWaitFor(
        [&] { return !page.isBusy() && std::isfinite(page.outcome()->estimates.plugin.klPQ.value); }, 30000));
    QVERIFY(!page.infinityBox()->isVisible());
    QVERIFY(!text(page.estimatesTable(), 0, 0).startsWith(QStringLiteral("∞")));
    page.document()->undoStack()->undo();
    QVERIFY(QTest::qWaitFor(
        [&] { return !page.isBusy() && std::isinf(page.outcome()->estimates.plugin.klPQ.value); }, 30000));
    QVERIFY(page.infinityBox()->isVisible());
}

void TestSamplesPage::refusedSpec()
{
    SamplesDocument document;
    QSignalSpy refused(&document, &DocumentBase::editRefused);
    QVERIFY(!document.setQ(QStringLiteral("binomial:n=4,p=0.5")));
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.first().first().toString().contains(
        QLatin1String("must both be discrete or both continuous")));
    QVERIFY(!document.setN(1));
    QVERIFY(!document.setP(QStringLiteral("normal:mu=0,sigma=-1")));
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(document.setM(50));
    QCOMPARE(document.state().m, 50);
}

void TestSamplesPage::takesTheComparePair()
{
    QStandardPaths::setTestModeEnabled(true);
    MainWindow window;
    QVERIFY(window.openPreset(QStringLiteral("seed")));
    SamplesPage *page = window.samplesPage();
    QVERIFY(!page->fromCompareButton()->isHidden());
    SamplesDocument *document = page->document();
    const SamplesState before = document->state();
    const int index = document->undoStack()->index();
    QTest::mouseClick(page->fromCompareButton(), Qt::LeftButton);
    // The Compare page's binomial(15, 7/15) and uniform, as specs that parse back to them; n, m and the
    // seed stay.
    const SamplesState &s = document->state();
    QVERIFY(klscope::parseSpec(s.p.toStdString()) == window.document()->discretePair().p);
    QVERIFY(klscope::parseSpec(s.q.toStdString()) == window.document()->discretePair().q);
    QCOMPARE(s.n, before.n);
    QCOMPARE(s.seed, before.seed);
    QCOMPARE(document->undoStack()->index(), index + 1);
    document->undoStack()->undo();
    QVERIFY(document->state() == before);

    // A continuous pair on the Compare page comes over as continuous specs.
    QVERIFY(window.openPreset(QStringLiteral("normal-vs-t5")));
    QVERIFY(page->takeComparePair());
    QVERIFY(document->state().p.startsWith(QStringLiteral("normal:")));
    QVERIFY(document->state().q.startsWith(QStringLiteral("student_t:")));
}

QTEST_MAIN(TestSamplesPage)
#include "tst_samplespage.moc"
