// The fitting lab's animation (issue 11), driven through the real page: with "Click sets: animation start"
// a click on the landscape sets the start of both descents without an undo step (and without touching Q),
// Step pressed by mouse and by keyboard advances both paths one point at a time with falling losses, the
// paths and the current Qs are drawn, Play starts the timer and Pause stops it, the contours are on the map,
// changing the method starts over, and "Export frames" writes numbered files that differ and refuses a
// missing folder and a folder that already holds frames.

#include "fitanimation.h"
#include "fitdocument.h"
#include "fitpage.h"
#include "fitpagewait.h"
#include "landscapeplot.h"
#include "numberspinbox.h"
#include "seriesplot.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

#include <cmath>

namespace {

using fitpagewait::kTimeout;

// The page at 1280x800 with its fits and its landscape at full resolution.
bool waitReady(FitPage &page)
{
    page.resize(1280, 800);
    return fitpagewait::waitFirstFit(page) && fitpagewait::waitLandscape(page);
}

// Chooses "animation start" in the click-mode combo with the keyboard.
void clickSetsStart(FitAnimation *animation)
{
    QComboBox *combo = animation->clickModeCombo();
    combo->setFocus();
    if (combo->currentIndex() != 1)
        QTest::keyClick(combo, Qt::Key_Down);
}

} // namespace

class TestFitAnimation : public QObject
{
    Q_OBJECT

private slots:
    void clickStartAndStep();
    void playAndPause();
    void methodChangeStartsOver();
    void exportFrames();
};

void TestFitAnimation::clickStartAndStep()
{
    FitPage page;
    QVERIFY(waitReady(page));
    FitAnimation *animation = page.animation();
    LandscapePlot *pq = page.landscapePlot(0);
    LandscapePlot *qp = page.landscapePlot(1);
    QVERIFY(pq->isMap());
    QVERIFY(pq->contourSegmentCount() > 50); // iso-lines over the colour map
    QVERIFY(qp->contourSegmentCount() > 50);
    QTRY_VERIFY(!qp->replotPending());
    const int seriesBefore = page.fitPlot()->seriesCount();

    clickSetsStart(animation);
    QVERIFY(animation->clickSetsStart());
    QUndoStack *stack = page.document()->undoStack();
    const int steps = stack->count();
    const QPoint at = qp->pixelOf(-1.5, 2.0);
    QTest::mouseClick(qp->canvas(), Qt::LeftButton, {}, at);
    // The start is view state: no undo step, Q untouched.
    QCOMPARE(stack->count(), steps);
    QVERIFY(page.document()->state().q.empty());
    for (int direction = 0; direction < 2; ++direction) {
        const klscope::Descent *d = animation->descent(direction);
        QVERIFY(d);
        QCOMPARE(d->path().size(), std::size_t(1));
        const QPointF expected = qp->valueAt(at);
        QCOMPARE(d->state().parameters[0], expected.x());
        QCOMPARE(d->state().parameters[1], expected.y());
        QCOMPARE(page.landscapePlot(direction)->path().size(), 1);
    }
    const double startPQ = animation->descent(0)->state().loss;
    const double startQP = animation->descent(1)->state().loss;

    // Step three times: twice with the mouse, once with the keyboard.
    QTest::mouseClick(animation->stepButton(), Qt::LeftButton);
    QTest::mouseClick(animation->stepButton(), Qt::LeftButton);
    animation->stepButton()->setFocus();
    QTest::keyClick(animation->stepButton(), Qt::Key_Space);
    for (int direction = 0; direction < 2; ++direction) {
        const klscope::Descent *d = animation->descent(direction);
        QCOMPARE(d->path().size(), std::size_t(4));
        QCOMPARE(page.landscapePlot(direction)->path().size(), 4);
        // The path drawn is the descent's, in the landscape's parameters.
        const QPointF last = page.landscapePlot(direction)->path().back();
        QCOMPARE(last.x(), d->state().parameters[0]);
        QCOMPARE(last.y(), d->state().parameters[1]);
    }
    QVERIFY(animation->descent(0)->state().loss < startPQ);
    QVERIFY(animation->descent(1)->state().loss < startQP);
    QVERIFY(animation->statusLabel()->text().startsWith(QStringLiteral("Step 3")));
    // The current Q of each direction is drawn over P.
    QCOMPARE(page.fitPlot()->seriesCount(), seriesBefore + 2);
    QCOMPARE(stack->count(), steps);

    // "Click sets: Q" again: a click is an edit of Q once more, the animation stays where it is.
    animation->clickModeCombo()->setFocus();
    QTest::keyClick(animation->clickModeCombo(), Qt::Key_Up);
    QVERIFY(!animation->clickSetsStart());
    QTest::mouseClick(qp->canvas(), Qt::LeftButton, {}, qp->pixelOf(2.0, 1.5));
    QCOMPARE(stack->count(), steps + 1);
    QCOMPARE(page.document()->state().q.size(), std::size_t(2));
    QCOMPARE(animation->descent(1)->path().size(), std::size_t(4));
}

void TestFitAnimation::playAndPause()
{
    FitPage page;
    QVERIFY(waitReady(page));
    FitAnimation *animation = page.animation();
    // 60 steps a second, typed.
    NumberSpinBox *speed = animation->speedSpin();
    speed->setFocus();
    speed->selectAll();
    QTest::keyClicks(speed, QStringLiteral("60"));
    QTest::keyClick(speed, Qt::Key_Return);
    QCOMPARE(speed->value(), 60.0);
    QCOMPARE(animation->timer()->interval(), 17);
    QVERIFY(!animation->isPlaying());
    QTest::mouseClick(animation->playButton(), Qt::LeftButton);
    QVERIFY(animation->isPlaying());
    QCOMPARE(animation->playButton()->text(), QStringLiteral("Pause"));
    // Without a picked start it plays from the fallback start, and the paths grow while it plays.
    QTRY_VERIFY_WITH_TIMEOUT(animation->descent(1) && animation->descent(1)->path().size() >= 5, kTimeout);
    QTest::mouseClick(animation->playButton(), Qt::LeftButton);
    QVERIFY(!animation->isPlaying());
    QVERIFY(!animation->timer()->isActive());
    QCOMPARE(animation->playButton()->text(), QStringLiteral("Play"));
    // Step pauses a playing animation too.
    QTest::mouseClick(animation->playButton(), Qt::LeftButton);
    QVERIFY(animation->timer()->isActive());
    QTest::mouseClick(animation->stepButton(), Qt::LeftButton);
    QVERIFY(!animation->timer()->isActive());
}

void TestFitAnimation::methodChangeStartsOver()
{
    FitPage page;
    QVERIFY(waitReady(page));
    FitAnimation *animation = page.animation();
    for (int i = 0; i < 3; ++i)
        QVERIFY(animation->step());
    QCOMPARE(animation->descent(0)->path().size(), std::size_t(4));
    const std::vector<double> start = animation->descent(0)->path().front().parameters;
    animation->methodCombo()->setCurrentIndex(1);
    QCOMPARE(animation->descent(0)->options().method, klscope::DescentMethod::Adam);
    QCOMPARE(animation->descent(0)->path().size(), std::size_t(1));
    QCOMPARE(animation->descent(0)->state().parameters, start);
    QCOMPARE(page.landscapePlot(0)->path().size(), 1);
}

void TestFitAnimation::exportFrames()
{
    FitPage page;
    QVERIFY(waitReady(page));
    FitAnimation *animation = page.animation();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(animation->exportFrames(dir.path(), 5, QStringLiteral("png")), QString());
    const QStringList files =
        QDir(dir.path()).entryList({QStringLiteral("frame-*.png")}, QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{QStringLiteral("frame-0001.png"), QStringLiteral("frame-0002.png"),
                                 QStringLiteral("frame-0003.png"), QStringLiteral("frame-0004.png"),
                                 QStringLiteral("frame-0005.png")}));
    QSet<QByteArray> hashes;
    for (const QString &name : files) {
        QFile file(QDir(dir.path()).filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\x89PNG"));
        hashes.insert(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
    }
    QCOMPARE(hashes.size(), 5); // every frame differs: the descents moved between them
    QCOMPARE(animation->descent(0)->path().size(), std::size_t(5));

    // Never overwrites: a folder holding frames is refused and left as it was.
    const QString again = animation->exportFrames(dir.path(), 3, QStringLiteral("png"));
    QVERIFY(again.contains(QStringLiteral("frame-0001.png")));
    QCOMPARE(animation->descent(0)->path().size(), std::size_t(5));
    // SVG frames in the same folder are another set.
    QCOMPARE(animation->exportFrames(dir.path(), 2, QStringLiteral("svg")), QString());
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("frame-*.svg")}, QDir::Files).size(), 2);
    // A missing folder and an unknown format are refused with a sentence.
    const QString missing = dir.filePath(QStringLiteral("no/such/folder"));
    QVERIFY(animation->exportFrames(missing, 2, QStringLiteral("png"))
                .contains(QStringLiteral("no such folder")));
    QVERIFY(
        animation->exportFrames(dir.path(), 2, QStringLiteral("gif")).contains(QStringLiteral("png or svg")));
}

QTEST_MAIN(TestFitAnimation)
#include "tst_fitanimation.moc"
