// The guided lessons (issue 13) in the real window: every lesson of resources/lessons.json steps from its
// first step to its last and back, each step showing its page and preset, its sentence and the widget it
// points at; the numbers the sentences quote are the ones the window shows; Back and Next are enabled only
// where there is a step to go to; a step is one undo step; a broken step shows its sentence and the lesson
// stays; `klscope --lesson` refuses an unknown name by listing the names.

#include "document.h"
#include "fitdocument.h"
#include "fitpage.h"
#include "highlightframe.h"
#include "imagesdocument.h"
#include "imagespage.h"
#include "lessonbar.h"
#include "lessoncontroller.h"
#include "lessons.h"
#include "mainwindow.h"
#include "samplesdocument.h"
#include "samplespage.h"

#include <estimators.h>
#include <hypothesistests.h>

#include <QAction>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <iterator>
#include <limits>

namespace {

// Every page's document state that a lesson step can set.
struct WindowStates
{
    DocumentState compare;
    FitState fit;
    SamplesState samples;
    ImagesState images;
    bool operator==(const WindowStates &) const = default;
};

WindowStates states(MainWindow &window)
{
    return {window.document()->state(), window.fitPage()->document()->state(),
            window.samplesPage()->document()->state(), window.imagesPage()->document()->state()};
}

// The undo stack of the page `page` shows.
QUndoStack *stackOf(MainWindow &window, const QString &page)
{
    if (page == QLatin1String("fit"))
        return window.fitPage()->document()->undoStack();
    if (page == QLatin1String("samples"))
        return window.samplesPage()->document()->undoStack();
    if (page == QLatin1String("images"))
        return window.imagesPage()->document()->undoStack();
    return window.document()->undoStack();
}

} // namespace

class TestLessons : public QObject
{
    Q_OBJECT

private:
    // Checks that the window shows step `index` of `lesson` as the JSON describes it.
    static void checkStep(MainWindow &window, const Lesson &lesson, int index);
    static double shown(MainWindow &window, const QString &objectName);

private slots:
    void initTestCase();
    void fileHasTheLessons();
    void everyLessonStepsThroughAndBack_data();
    void everyLessonStepsThroughAndBack();
    void sentencesQuoteTheWindow_data();
    void sentencesQuoteTheWindow();
    void backNextEnabledAtTheEnds();
    void stepIsOneUndoStep_data();
    void stepIsOneUndoStep();
    void brokenStepShowsWhyAndStays_data();
    void brokenStepShowsWhyAndStays();
    void imageCaveatShowsZeroWhilePicturesDiffer();
    void zgTestShowsGAsTwoNKL();
    void menuStartsALesson();
    void closeEndsTheLesson();
    void badJsonIsRefusedWithItsPlace_data();
    void badJsonIsRefusedWithItsPlace();
    void commandLineErrors_data();
    void commandLineErrors();
    void appRefusesUnknownLesson_data();
    void appRefusesUnknownLesson();
};

void TestLessons::initTestCase()
{
    // QSettings go to a throw-away location, so no test reads or writes a person's settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("klscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_lessons"));
}

double TestLessons::shown(MainWindow &window, const QString &objectName)
{
    const auto *label = window.findChild<QLabel *>(objectName);
    return label ? label->property("fullValue").toDouble() : std::numeric_limits<double>::quiet_NaN();
}

void TestLessons::checkStep(MainWindow &window, const Lesson &lesson, int index)
{
    LessonController *lessons = window.lessons();
    const LessonStep &step = lesson.steps.at(index);
    const QString where = QStringLiteral("%1, step %2").arg(lesson.name).arg(index + 1);
    QVERIFY2(lessons->lastError().isEmpty(), qPrintable(where + QStringLiteral(": ") + lessons->lastError()));
    QCOMPARE(lessons->stepIndex(), index);
    QCOMPARE(window.currentPageName(), step.page);
    if (!step.preset.isEmpty())
        QCOMPARE(lessons->currentPreset(step.page), step.preset);
    LessonBar *bar = lessons->bar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->textLabel()->text(), step.text);
    QVERIFY2(bar->lookLabel()->text().contains(step.look), qPrintable(where));
    QCOMPARE(bar->stepLabel()->text(),
             QStringLiteral("step %1 of %2").arg(index + 1).arg(lesson.steps.size()));
    QVERIFY(!bar->errorLabel()->isVisible());
    if (step.highlight.isEmpty()) {
        QVERIFY(!lessons->highlight()->isVisible());
        return;
    }
    // The widget pointed at exists on the step's page, shows, and the frame surrounds it.
    QWidget *target = LessonController::highlightTarget(&window, step.highlight);
    QVERIFY2(target, qPrintable(where + QStringLiteral(": no widget called ") + step.highlight));
    QVERIFY2(window.currentPage()->isAncestorOf(target),
             qPrintable(where + QStringLiteral(": ") + step.highlight));
    QCOMPARE(lessons->highlight()->target(), target);
    QTRY_VERIFY2(target->isVisible(), qPrintable(where + QStringLiteral(": ") + step.highlight));
    QTRY_VERIFY2(lessons->highlight()->isVisible(), qPrintable(where));
    const QPoint centre = HighlightFrame::visibleRect(target, &window).center();
    QTRY_VERIFY2(lessons->highlight()->geometry().contains(centre), qPrintable(where));
}

void TestLessons::fileHasTheLessons()
{
    const QList<Lesson> lessons = loadLessons();
    // The eight lessons of the issue, each with a title and at least two steps.
    QVERIFY(lessons.size() >= 8);
    for (const char *name : {"worked-example", "entropy", "mean-vs-mode", "heavy-tails", "js-ceiling",
                             "pinsker", "image-caveat", "z-g-test"}) {
        const Lesson *lesson = findLesson(lessons, QString::fromLatin1(name));
        QVERIFY2(lesson, name);
        QVERIFY(!lesson->title.isEmpty());
        QVERIFY(lesson->steps.size() >= 2);
    }
}

void TestLessons::everyLessonStepsThroughAndBack_data()
{
    QTest::addColumn<QString>("name");
    for (const Lesson &lesson : loadLessons())
        QTest::newRow(qPrintable(lesson.name)) << lesson.name;
}

void TestLessons::everyLessonStepsThroughAndBack()
{
    QFETCH(QString, name);
    MainWindow window;
    window.startUp();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LessonController *lessons = window.lessons();
    const Lesson lesson = *findLesson(lessons->lessons(), name);
    QSignalSpy shownSteps(lessons, &LessonController::stepShown);
    QSignalSpy failures(lessons, &LessonController::stepFailed);
    QVERIFY2(lessons->start(name), qPrintable(lessons->lastError()));
    checkStep(window, lesson, 0);
    for (int k = 1; k < lesson.steps.size(); ++k) {
        QTest::mouseClick(lessons->bar()->nextButton(), Qt::LeftButton);
        checkStep(window, lesson, k);
    }
    for (int k = int(lesson.steps.size()) - 2; k >= 0; --k) {
        QTest::mouseClick(lessons->bar()->backButton(), Qt::LeftButton);
        checkStep(window, lesson, k);
    }
    QCOMPARE(shownSteps.count(), 2 * lesson.steps.size() - 1);
    QCOMPARE(failures.count(), 0);
}

void TestLessons::sentencesQuoteTheWindow_data()
{
    // The numbers a step's sentence quotes, as the metrics panel holds them (every digit).
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("value");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("tolerance");
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("worked 1") << "worked-example" << 0 << "klPQValue" << 0.6311103254079738 << 1e-12;
    QTest::newRow("worked 3: infinite") << "worked-example" << 2 << "klPQValue" << inf << 0.0;
    QTest::newRow("worked 4") << "worked-example" << 3 << "klPQValue" << 0.6955542620636594 << 1e-12;
    QTest::newRow("entropy H(P)") << "entropy" << 0 << "entropyPValue" << 2.0769 << 1e-4;
    QTest::newRow("entropy H(P,Q)") << "entropy" << 0 << "crossEntropyPQValue" << 2.7080208409417055 << 1e-12;
    QTest::newRow("entropy KL(Q||P)") << "entropy" << 1 << "klQPValue" << 1.5229614975927144 << 1e-12;
    QTest::newRow("entropy near") << "entropy" << 2 << "klPQValue" << 0.00031 << 0.005;
    QTest::newRow("entropy one-hot") << "entropy" << 3 << "klPQValue" << -std::log(0.7) << 1e-12;
    QTest::newRow("entropy one-hot H(P)") << "entropy" << 3 << "entropyPValue" << 0.0 << 0.0;
    QTest::newRow("tails N||t5") << "heavy-tails" << 0 << "klPQValue" << 0.033376682350607800 << 1e-9;
    QTest::newRow("tails t5||N") << "heavy-tails" << 0 << "klQPValue" << 0.12476919412361009 << 1e-9;
    QTest::newRow("tails cauchy") << "heavy-tails" << 1 << "klPQValue" << inf << 0.0;
    QTest::newRow("tails normal||cauchy") << "heavy-tails" << 1 << "klQPValue" << 0.25924453248886226 << 1e-9;
    QTest::newRow("js disjoint") << "js-ceiling" << 0 << "jsValue" << 1.0 << 1e-12;
    QTest::newRow("js half: KL") << "js-ceiling" << 1 << "klPQValue" << inf << 0.0;
    QTest::newRow("js half") << "js-ceiling" << 1 << "jsValue" << 0.5 << 1e-12;
    QTest::newRow("js p-wider: KL") << "js-ceiling" << 2 << "klPQValue" << inf << 0.0;
    QTest::newRow("js p-wider") << "js-ceiling" << 2 << "jsValue" << 0.06583408650490172 << 1e-9;
    QTest::newRow("pinsker near TV") << "pinsker" << 0 << "totalVariationValue" << 0.009767329611535546
                                     << 1e-6;
    QTest::newRow("pinsker far TV") << "pinsker" << 1 << "totalVariationValue" << 0.49612048123246105 << 1e-6;
    QTest::newRow("pinsker far KL(Q||P)") << "pinsker" << 1 << "klQPValue" << 1.9084910440806762 << 1e-9;
    QTest::newRow("pinsker disjoint TV") << "pinsker" << 2 << "totalVariationValue" << 1.0 << 1e-12;
    QTest::newRow("images: KL(A||B)") << "image-caveat" << 0 << "images_klPQValue" << 1.2168 << 5e-4;
    QTest::newRow("images: KL(B||A)") << "image-caveat" << 0 << "images_klQPValue" << inf << 0.0;
    QTest::newRow("images: shuffled") << "image-caveat" << 1 << "images_klPQValue" << 0.0 << 0.0;
    QTest::newRow("images: shuffled, red") << "image-caveat" << 2 << "images_jsValue" << 0.0 << 0.0;
}

void TestLessons::sentencesQuoteTheWindow()
{
    QFETCH(QString, lesson);
    QFETCH(int, step);
    QFETCH(QString, value);
    QFETCH(double, expected);
    QFETCH(double, tolerance);
    MainWindow window;
    window.startUp();
    QVERIFY2(window.lessons()->start(lesson, step), qPrintable(window.lessons()->lastError()));
    const double v = shown(window, value);
    if (std::isinf(expected))
        QCOMPARE(v, expected);
    else
        QVERIFY2(
            std::fabs(v - expected) <= tolerance * std::max(1.0, std::fabs(expected)),
            qPrintable(QStringLiteral("%1 = %2, expected %3").arg(value).arg(v, 0, 'g', 17).arg(expected)));
}

void TestLessons::backNextEnabledAtTheEnds()
{
    MainWindow window;
    window.startUp();
    LessonController *lessons = window.lessons();
    LessonBar *bar = lessons->bar();
    const Lesson lesson = *findLesson(lessons->lessons(), QStringLiteral("worked-example"));
    const int last = int(lesson.steps.size()) - 1;
    QVERIFY(lessons->start(lesson.name));
    QVERIFY(!bar->backButton()->isEnabled());
    QVERIFY(bar->nextButton()->isEnabled());
    QVERIFY(!lessons->back()); // nothing before the first step; the lesson stays there
    QCOMPARE(lessons->stepIndex(), 0);
    QVERIFY(lessons->next());
    QVERIFY(bar->backButton()->isEnabled());
    QVERIFY(bar->nextButton()->isEnabled());
    QVERIFY(lessons->showStep(last));
    QVERIFY(bar->backButton()->isEnabled());
    QVERIFY(!bar->nextButton()->isEnabled());
    QVERIFY(!lessons->next());
    QCOMPARE(lessons->stepIndex(), last);

    // A lesson of one step has nowhere to go.
    Lesson single;
    single.name = QStringLiteral("single");
    single.title = QStringLiteral("One step");
    single.steps.append({QStringLiteral("compare"),
                         QStringLiteral("seed"),
                         {},
                         QStringLiteral("Only."),
                         QStringLiteral("this"),
                         {}});
    lessons->setLessons({single});
    QVERIFY(lessons->start(QStringLiteral("single")));
    QVERIFY(!bar->backButton()->isEnabled());
    QVERIFY(!bar->nextButton()->isEnabled());
    QCOMPARE(bar->stepLabel()->text(), QStringLiteral("step 1 of 1"));
}

void TestLessons::stepIsOneUndoStep_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("page");
    QTest::newRow("compare: support extended") << "worked-example" << 2 << "compare";
    QTest::newRow("compare: preset") << "entropy" << 2 << "compare";
    QTest::newRow("compare: specs, no preset") << "js-ceiling" << 1 << "compare";
    QTest::newRow("fit: preset") << "mean-vs-mode" << 1 << "fit";
    QTest::newRow("images: shuffle") << "image-caveat" << 1 << "images";
    QTest::newRow("samples: state") << "z-g-test" << 1 << "samples";
}

void TestLessons::stepIsOneUndoStep()
{
    QFETCH(QString, lesson);
    QFETCH(int, step);
    QFETCH(QString, page);
    MainWindow window;
    window.startUp();
    LessonController *lessons = window.lessons();
    QVERIFY(lessons->start(lesson, step - 1));
    QUndoStack *stack = stackOf(window, page);
    const WindowStates before = states(window);
    const int count = stack->count();
    QVERIFY(lessons->next());
    QCOMPARE(stack->count(), count + 1);
    const WindowStates after = states(window);
    // Only the step's page changed.
    QVERIFY(!(after == before));
    QVERIFY(after.compare == before.compare || page == QLatin1String("compare"));
    QVERIFY(after.fit == before.fit || page == QLatin1String("fit"));
    QVERIFY(after.samples == before.samples || page == QLatin1String("samples"));
    QVERIFY(after.images == before.images || page == QLatin1String("images"));
    stack->undo();
    QVERIFY(states(window) == before);
    stack->redo();
    QVERIFY(states(window) == after);
}

void TestLessons::brokenStepShowsWhyAndStays_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("why");
    QTest::newRow("unknown page") << "atlas"
                                  << ""
                                  << "{}"
                                  << "atlas";
    QTest::newRow("unknown compare preset") << "compare"
                                            << "no-such"
                                            << "{}"
                                            << "no-such";
    QTest::newRow("unknown fit preset") << "fit"
                                        << "seed"
                                        << "{}"
                                        << "seed";
    QTest::newRow("bad spec") << "compare"
                              << ""
                              << R"({"p": "binomial:n=15,p=2"})"
                              << "binomial";
    QTest::newRow("bad support") << "compare"
                                 << "seed"
                                 << R"({"support": [5, 1]})"
                                 << "support";
    QTest::newRow("bad fit state") << "fit"
                                   << "bimodal-fit"
                                   << R"({"alpha": "high"})"
                                   << "alpha";
    QTest::newRow("unknown samples preset") << "samples"
                                            << "no-such"
                                            << "{}"
                                            << "no-such";
    QTest::newRow("bad sample size") << "samples"
                                     << ""
                                     << R"({"n": 1})"
                                     << "state.n";
    QTest::newRow("bad samples spec") << "samples"
                                      << ""
                                      << R"({"q": "binomial:n=4,p=0.5"})"
                                      << "both be discrete or both continuous";
    QTest::newRow("missing image") << "images"
                                   << ""
                                   << R"({"a": "/nonexistent/klscope/gone.png"})"
                                   << "gone.png";
    QTest::newRow("bad channel") << "images"
                                 << ""
                                 << R"({"channel": "ultraviolet"})"
                                 << "ultraviolet";
    QTest::newRow("bad image bins") << "images"
                                    << ""
                                    << R"({"bins": 3})"
                                    << "256";
    QTest::newRow("images have no presets") << "images"
                                            << "example"
                                            << "{}"
                                            << "example";
}

void TestLessons::brokenStepShowsWhyAndStays()
{
    QFETCH(QString, page);
    QFETCH(QString, preset);
    QFETCH(QString, state);
    QFETCH(QString, why);
    MainWindow window;
    window.startUp();
    LessonController *lessons = window.lessons();
    Lesson lesson;
    lesson.name = QStringLiteral("broken");
    lesson.title = QStringLiteral("Broken");
    lesson.steps.append({QStringLiteral("compare"),
                         QStringLiteral("seed"),
                         {},
                         QStringLiteral("Fine."),
                         QStringLiteral("this"),
                         {}});
    lesson.steps.append({page,
                         preset,
                         QJsonDocument::fromJson(state.toUtf8()).object(),
                         QStringLiteral("Broken."),
                         QStringLiteral("that"),
                         {}});
    lessons->setLessons({lesson});
    QVERIFY(lessons->start(lesson.name));
    const WindowStates before = states(window);
    QList<int> counts;
    for (const QString &name : MainWindow::pageNames())
        counts.append(stackOf(window, name)->count());
    QSignalSpy failures(lessons, &LessonController::stepFailed);
    QVERIFY(!lessons->next());
    QCOMPARE(failures.count(), 1);
    QVERIFY2(lessons->lastError().contains(why), qPrintable(lessons->lastError()));
    QVERIFY(lessons->bar()->errorLabel()->isVisibleTo(lessons->bar()));
    QCOMPARE(lessons->bar()->errorLabel()->text(), lessons->lastError());
    // The lesson stays on its step, and nothing changed.
    QCOMPARE(lessons->stepIndex(), 0);
    QCOMPARE(lessons->bar()->textLabel()->text(), QStringLiteral("Fine."));
    QCOMPARE(window.currentPageName(), QStringLiteral("compare"));
    QVERIFY(states(window) == before);
    for (const QString &name : MainWindow::pageNames())
        QCOMPARE(stackOf(window, name)->count(), counts.takeFirst());
}

void TestLessons::imageCaveatShowsZeroWhilePicturesDiffer()
{
    MainWindow window;
    window.startUp();
    LessonController *lessons = window.lessons();
    ImagesDocument *images = window.imagesPage()->document();
    QVERIFY2(lessons->start(QStringLiteral("image-caveat")), qPrintable(lessons->lastError()));
    // Two different pictures with different histograms: a positive, finite KL, as the sentence says.
    const double kl = images->summary().klPQ.value;
    QVERIFY2(kl > 0 && std::isfinite(kl), qPrintable(QString::number(kl)));
    QCOMPARE(shown(window, QStringLiteral("images_klPQValue")), kl);
    for (int step = 1; step < 3; ++step) {
        QVERIFY2(lessons->next(), qPrintable(lessons->lastError()));
        const ImagesState &s = images->state();
        // B is A's pixels in another order: another picture, the same histogram, every divergence 0.
        QVERIFY(s.a.convertToFormat(QImage::Format_ARGB32) != s.b);
        QCOMPARE(images->histogram(0).counts, images->histogram(1).counts);
        const klscope::Summary &m = images->summary();
        for (const double d : {m.klPQ.value, m.klQP.value, m.js.value, m.totalVariation.value})
            QCOMPARE(d, 0.0);
        QCOMPARE(shown(window, QStringLiteral("images_klPQValue")), 0.0);
    }
    QVERIFY(images->state().channel == klscope::import::ImageChannel::Red);
    QCOMPARE(images->state().bins, 16u);
}

void TestLessons::zgTestShowsGAsTwoNKL()
{
    MainWindow window;
    window.startUp();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LessonController *lessons = window.lessons();
    SamplesPage *page = window.samplesPage();
    const Lesson lesson = *findLesson(lessons->lessons(), QStringLiteral("z-g-test"));
    // What each step's sentence quotes: z and the reading (steps 1-3), G and its p-value (steps 4-5).
    const struct
    {
        double z;
        const char *reading;
        double g;
        double p;
    } quoted[] = {{-0.17, "the same", 0, 0.86},
                  {-2.71, "significantly different", 0, 0.0066},
                  {-2.48, "marginally different", 0, 0.013},
                  {0, nullptr, 12.48, 0.33},
                  {0, nullptr, 160.5, 0}};
    QCOMPARE(lesson.steps.size(), qsizetype(std::size(quoted)));
    for (int step = 0; step < lesson.steps.size(); ++step) {
        QVERIFY2(lessons->start(lesson.name, step), qPrintable(lessons->lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(page->outcome() && !page->isBusy(), 60000);
        const SamplesOutcome &o = *page->outcome();
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        // The Z-test's reading is the material's for |z|, shown beside its p-value.
        const klscope::TestResult &z = o.tests.zTest;
        QVERIFY(z.applies);
        QCOMPARE(QString::fromStdString(z.reading), QString::fromUtf8(klscope::zReading(z.statistic).data()));
        QVERIFY(page->testsTable()->item(2, 3)->text().contains(QString::fromStdString(z.reading)));
        QCOMPARE(page->testsTable()->item(2, 2)->text().toDouble(),
                 QString::number(z.pValue, 'g', 4).toDouble());
        // G = 2 [n KL(P̂ ‖ pooled) + m KL(Q̂ ‖ pooled)], the plug-in KL of each histogram from the pooled one.
        const klscope::SampleEstimates &e = o.estimates;
        const std::vector<double> &a = e.histogramP.counts, &b = e.histogramQ.counts;
        const double n = double(e.n), m = double(e.m);
        double g = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            const double pooled = (a[i] + b[i]) / (n + m);
            if (a[i] > 0)
                g += 2 * a[i] * std::log(a[i] / n / pooled);
            if (b[i] > 0)
                g += 2 * b[i] * std::log(b[i] / m / pooled);
        }
        QVERIFY2(std::fabs(o.tests.gTest.statistic - g) <= 1e-9 * g,
                 qPrintable(QStringLiteral("G = %1, 2N·KL = %2").arg(o.tests.gTest.statistic).arg(g)));
        // With n = m that is 2N·JS of the two histograms, the plug-in JS of the estimates table.
        QVERIFY(std::fabs(o.tests.gTest.statistic - 2 * (n + m) * e.plugin.js.value) <= 1e-9 * g);
        const auto &q = quoted[step];
        const QString where = QStringLiteral("step %1").arg(step + 1);
        if (q.reading) {
            QVERIFY2(std::fabs(z.statistic - q.z) < 0.005, qPrintable(where + QString::number(z.statistic)));
            QCOMPARE(z.reading, std::string(q.reading));
            QVERIFY2(std::fabs(z.pValue - q.p) <= 0.05 * q.p, qPrintable(where + QString::number(z.pValue)));
        } else {
            QVERIFY2(std::fabs(o.tests.gTest.statistic - q.g) < 0.05, qPrintable(where));
            QVERIFY2(q.p > 0 ? std::fabs(o.tests.gTest.pValue - q.p) < 0.005 : o.tests.gTest.pValue < 1e-4,
                     qPrintable(where + QString::number(o.tests.gTest.pValue)));
        }
    }
}

void TestLessons::menuStartsALesson()
{
    MainWindow window;
    window.startUp();
    QMenu *menu = window.menuBar()->findChild<QMenu *>(QStringLiteral("lessonsMenu"));
    QVERIFY(menu);
    const QList<Lesson> &lessons = window.lessons()->lessons();
    QCOMPARE(menu->actions().size(), lessons.size());
    for (qsizetype i = 0; i < lessons.size(); ++i)
        QCOMPARE(menu->actions().at(i)->text(), lessons.at(i).title);
    QAction *pinsker = menu->findChild<QAction *>(QStringLiteral("lesson_pinsker"));
    QVERIFY(pinsker);
    pinsker->trigger();
    QVERIFY(window.lessons()->isActive());
    QCOMPARE(window.lessons()->lesson()->name, QStringLiteral("pinsker"));
    QCOMPARE(window.lessons()->stepIndex(), 0);
}

void TestLessons::closeEndsTheLesson()
{
    MainWindow window;
    window.startUp();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LessonController *lessons = window.lessons();
    QVERIFY(lessons->start(QStringLiteral("worked-example"), 2));
    const DocumentState state = window.document()->state();
    // While the lesson runs its bar speaks, not the page's line about the preset.
    QVERIFY(!window.lessonLabel()->isVisible());
    QSignalSpy closed(lessons, &LessonController::lessonClosed);
    QTest::mouseClick(lessons->bar()->closeButton(), Qt::LeftButton);
    QCOMPARE(closed.count(), 1);
    QVERIFY(!lessons->isActive());
    QVERIFY(!lessons->bar()->isVisible());
    QVERIFY(!lessons->highlight()->isVisible());
    QVERIFY(window.lessonLabel()->isVisible());
    // The window keeps what the last step showed.
    QVERIFY(window.document()->state() == state);
}

void TestLessons::badJsonIsRefusedWithItsPlace_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("why");
    QTest::newRow("not json") << QByteArray("{") << "offset";
    QTest::newRow("no lessons") << QByteArray(R"({"version": 1})") << "\"lessons\"";
    QTest::newRow("no name") << QByteArray(R"({"lessons": [{"title": "T", "steps": []}]})")
                             << "lessons[0]: \"name\"";
    QTest::newRow("no steps") << QByteArray(R"({"lessons": [{"name": "a", "title": "T", "steps": []}]})")
                              << "\"steps\"";
    QTest::newRow("step without text")
        << QByteArray(
               R"({"lessons": [{"name": "a", "title": "T", "steps": [{"page": "compare", "look": "x"}]}]})")
        << "lessons[0] (a).steps[0]: \"text\"";
    QTest::newRow("state not an object")
        << QByteArray(
               R"({"lessons": [{"name": "a", "title": "T", "steps": [{"page": "compare", "text": "t", "look": "x", "state": 3}]}]})")
        << "\"state\"";
    QTest::newRow("duplicate name")
        << QByteArray(
               R"({"lessons": [{"name": "a", "title": "T", "steps": [{"page": "compare", "text": "t", "look": "x"}]}, {"name": "a", "title": "U", "steps": [{"page": "compare", "text": "t", "look": "x"}]}]})")
        << "a second lesson called \"a\"";
}

void TestLessons::badJsonIsRefusedWithItsPlace()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, why);
    const auto read = lessonsFromJson(json);
    const QString *error = std::get_if<QString>(&read);
    QVERIFY(error);
    QVERIFY2(error->contains(why), qPrintable(*error));
}

void TestLessons::commandLineErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("error"); // "" when accepted
    QTest::newRow("lesson") << "pinsker"
                            << ""
                            << "";
    QTest::newRow("lesson and step") << "worked-example"
                                     << "4"
                                     << "";
    QTest::newRow("unknown lesson lists the names")
        << "nope"
        << ""
        << "there is no lesson called 'nope' (lessons: worked-example, entropy, mean-vs-mode, heavy-tails, "
           "js-ceiling, pinsker, image-caveat, z-g-test)";
    QTest::newRow("step 0") << "pinsker"
                            << "0"
                            << "from 1 to 3";
    QTest::newRow("step past the end") << "worked-example"
                                       << "5"
                                       << "from 1 to 4";
    QTest::newRow("step not a number") << "pinsker"
                                       << "two"
                                       << "not 'two'";
}

void TestLessons::commandLineErrors()
{
    QFETCH(QString, name);
    QFETCH(QString, step);
    QFETCH(QString, error);
    MainWindow window;
    const QString got = window.lessons()->commandLineError(name, step);
    if (error.isEmpty())
        QCOMPARE(got, QString());
    else
        QVERIFY2(got.contains(error), qPrintable(got));
}

void TestLessons::appRefusesUnknownLesson_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown")
        << QStringList{QStringLiteral("--lesson"), QStringLiteral("nope")}
        << "lessons: worked-example, entropy, mean-vs-mode, heavy-tails, js-ceiling, pinsker, image-caveat, "
           "z-g-test";
    QTest::newRow("bad step") << QStringList{QStringLiteral("--lesson"), QStringLiteral("pinsker"),
                                             QStringLiteral("--step"), QStringLiteral("7")}
                              << "from 1 to 3";
    QTest::newRow("step alone") << QStringList{QStringLiteral("--step"), QStringLiteral("2")} << "--lesson";
}

void TestLessons::appRefusesUnknownLesson()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KLSCOPE_APP), arguments);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(error), qPrintable(err));
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
