// The Monte Carlo panel bound to a real document: a mixture pair starts a background run whose progress
// and points arrive (the window never waits), the run completes with the core's own numbers, the Stop
// button stops it, a new pair supersedes the run (none of the old run's points is ever shown), and a pair
// without a mixture runs nothing.

#include "continuousbinder.h"
#include "continuousstate.h"
#include "document.h"
#include "montecarlopanel.h"
#include "seriesplot.h"

#include <continuousspec.h>
#include <montecarloprogress.h>

#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace klscope;

namespace {

const char *const kMixture = "gmm:w1=0.5,mu1=-1.5,sigma1=1,w2=0.5,mu2=1.5,sigma2=1";

// The checkpoints the core gives for the pair, synchronously, with the panel's options.
std::vector<MonteCarloPoint> expectedPoints(const Document &d, std::size_t maxSamples)
{
    MonteCarloProgressOptions o;
    o.firstSamples = 1000;
    o.maxSamples = maxSamples;
    return progressiveMonteCarloKl(d.continuousPair()->p, d.continuousPair()->q, o).points;
}

void comparePoints(const std::vector<MonteCarloPoint> &shown, const std::vector<MonteCarloPoint> &expected)
{
    QVERIFY(shown.size() <= expected.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        QCOMPARE(shown[i].n, expected[i].n);
        QCOMPARE(shown[i].estimate, expected[i].estimate);
        QCOMPARE(shown[i].standardError, expected[i].standardError);
    }
}

} // namespace

class TestMonteCarloPanel : public QObject
{
    Q_OBJECT

private slots:
    void runsToTheEnd();
    void progressArrives();
    void stopButtonStops();
    void newPairSupersedesTheRun();
    void unitChangeKeepsTheRun();
    void noMixtureNoRun();
    void discreteDomainStopsTheRun();
};

void TestMonteCarloPanel::runsToTheEnd()
{
    Document document;
    QVERIFY(document.resetState(continuousState(kMixture, "normal:mu=0,sigma=2")));
    MonteCarloPanel panel;
    panel.setMaxSamples(64000);
    QSignalSpy finished(&panel, &MonteCarloPanel::finished);
    bindMonteCarloPanel(&document, &panel);
    QVERIFY(panel.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(!panel.isRunning());
    const std::vector<MonteCarloPoint> expected = expectedPoints(document, 64000);
    QCOMPARE(panel.points().size(), expected.size()); // 1000, 2000, ..., 64000: 7 checkpoints
    comparePoints(panel.points(), expected);
    QCOMPARE(panel.findChild<QProgressBar *>(QStringLiteral("monteCarloProgress"))->value(), 1000);
    // Estimate ± 2 SE (3 series), quadrature, variational and the two bounds.
    QCOMPARE(panel.plot()->seriesCount(), 7);
    // The estimate closes in on the quadrature value: within 4 standard errors at the end.
    const MonteCarloPoint &last = panel.points().back();
    QVERIFY(std::fabs(last.estimate - document.continuousComparison().klPQ.value) < 4 * last.standardError);
    // With KLSCOPE_GRAB_DIR set, the panel as a side panel of the window, to look at.
    if (const QByteArray dir = qgetenv("KLSCOPE_GRAB_DIR"); !dir.isEmpty()) {
        panel.resize(420, 320);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY(!panel.plot()->replotPending());
        QVERIFY(panel.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/montecarlo.png")));
    }
}

void TestMonteCarloPanel::progressArrives()
{
    Document document;
    QVERIFY(document.resetState(continuousState(kMixture, "normal:mu=0,sigma=2")));
    MonteCarloPanel panel; // the full 10^6 draws
    QSignalSpy added(&panel, &MonteCarloPanel::pointAdded);
    QSignalSpy finished(&panel, &MonteCarloPanel::finished);
    bindMonteCarloPanel(&document, &panel);
    // The binding returned at once, before any draw reached the GUI thread.
    QVERIFY(panel.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(added.count() >= 2, 30000);
    auto *progress = panel.findChild<QProgressBar *>(QStringLiteral("monteCarloProgress"));
    QVERIFY(progress->value() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(panel.points().back().n, std::size_t(1000000));
    QCOMPARE(progress->value(), 1000);
}

void TestMonteCarloPanel::stopButtonStops()
{
    Document document;
    QVERIFY(document.resetState(continuousState(kMixture, "normal:mu=0,sigma=2")));
    MonteCarloPanel panel;
    panel.setMaxSamples(1u << 30); // far more than the test waits for
    QSignalSpy added(&panel, &MonteCarloPanel::pointAdded);
    bindMonteCarloPanel(&document, &panel);
    auto *stop = panel.findChild<QPushButton *>(QStringLiteral("monteCarloStop"));
    QTRY_VERIFY(stop->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(added.count() >= 1, 30000);
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(!panel.isRunning());
    QVERIFY(!stop->isEnabled());
    const std::size_t kept = panel.points().size();
    QVERIFY(kept >= 1);
    // Nothing more arrives from the stopped run: a queued delivery would come with the next events.
    QCoreApplication::processEvents();
    QCOMPARE(panel.points().size(), kept);
}

void TestMonteCarloPanel::newPairSupersedesTheRun()
{
    Document document;
    QVERIFY(document.resetState(continuousState(kMixture, "normal:mu=0,sigma=2")));
    MonteCarloPanel panel;
    panel.setMaxSamples(256000);
    QSignalSpy added(&panel, &MonteCarloPanel::pointAdded);
    QSignalSpy finished(&panel, &MonteCarloPanel::finished);
    bindMonteCarloPanel(&document, &panel);
    QTRY_VERIFY_WITH_TIMEOUT(added.count() >= 1, 30000);
    // An edit while the first run goes on: its points are dropped at once, and none arrive later. (On a
    // loaded machine the first run may have finished in the same pass of the event loop as its first
    // point arrived: only the second run's end counts.)
    finished.clear();
    QVERIFY(document.setContinuous(Side::Q, parseContinuousSpec("normal:mu=1,sigma=1")));
    QVERIFY(panel.points().empty());
    QVERIFY(panel.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    comparePoints(panel.points(), expectedPoints(document, 256000));
    QCOMPARE(panel.points().size(), expectedPoints(document, 256000).size());
    // Undo is a new pair too: the run of the first pair again, from its start.
    finished.clear();
    document.undoStack()->undo();
    QVERIFY(panel.points().empty());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    comparePoints(panel.points(), expectedPoints(document, 256000));
}

void TestMonteCarloPanel::unitChangeKeepsTheRun()
{
    Document document;
    QVERIFY(document.resetState(continuousState(kMixture, "normal:mu=0,sigma=2")));
    MonteCarloPanel panel;
    panel.setMaxSamples(16000);
    QSignalSpy finished(&panel, &MonteCarloPanel::finished);
    bindMonteCarloPanel(&document, &panel);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const std::size_t points = panel.points().size();
    QVERIFY(document.setUnit(Unit::Bits));
    QVERIFY(!panel.isRunning());
    QCOMPARE(panel.points().size(), points);
    QCOMPARE(panel.plot()->valueAxisRange().second > 0, true);
}

void TestMonteCarloPanel::noMixtureNoRun()
{
    Document document;
    QVERIFY(document.resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5")));
    MonteCarloPanel panel;
    bindMonteCarloPanel(&document, &panel);
    QVERIFY(!MonteCarloPanel::appliesTo(*document.continuousPair()));
    QVERIFY(!panel.isRunning());
    QVERIFY(panel.points().empty());
    // A mixture edit starts one; back to a normal stops it.
    QVERIFY(document.setContinuous(Side::P, parseContinuousSpec(kMixture)));
    QVERIFY(panel.isRunning());
    document.undoStack()->undo();
    QVERIFY(!panel.isRunning());
    QVERIFY(panel.points().empty());
}

void TestMonteCarloPanel::discreteDomainStopsTheRun()
{
    Document document;
    QVERIFY(document.resetState(continuousState(kMixture, "normal:mu=0,sigma=2")));
    MonteCarloPanel panel;
    QSignalSpy added(&panel, &MonteCarloPanel::pointAdded);
    bindMonteCarloPanel(&document, &panel);
    QTRY_VERIFY_WITH_TIMEOUT(added.count() >= 1, 30000);
    QVERIFY(document.setFamily(Side::P, Family::Binomial));
    QVERIFY(!document.isContinuous());
    QVERIFY(!panel.isRunning());
    QVERIFY(panel.points().empty());
    // Undo brings the mixture back, and its run from the start.
    document.undoStack()->undo();
    QVERIFY(document.isContinuous());
    QVERIFY(panel.isRunning());
    QVERIFY(panel.points().empty());
}

QTEST_MAIN(TestMonteCarloPanel)
#include "tst_montecarlopanel.moc"
