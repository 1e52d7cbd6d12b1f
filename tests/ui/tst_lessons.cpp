// The guided lessons (issue 13) in the real window: every lesson of resources/lessons.json steps from its
// first step to its last and back, each step showing its page and preset, its sentence and the widget it
// points at; the numbers the sentences quote are the ones the window shows; Back and Next are enabled only
// where there is a step to go to; a step is one undo step; a broken step shows its sentence and the lesson
// stays; `klscope --lesson` refuses an unknown name by listing the names.

#include "document.h"
#include "fitdocument.h"
#include "fitpage.h"
#include "highlightframe.h"
#include "lessonbar.h"
#include "lessoncontroller.h"
#include "lessons.h"
#include "mainwindow.h"

#include <QAction>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <limits>

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
    // The six lessons of the issue, each with a title and at least two steps.
    const QList<Lesson> lessons = loadLessons();
    for (const char *name :
         {"worked-example", "entropy", "mean-vs-mode", "heavy-tails", "js-ceiling", "pinsker"}) {
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
    QUndoStack *stack = page == QLatin1String("fit") ? window.fitPage()->document()->undoStack()
                                                     : window.document()->undoStack();
    const DocumentState compareBefore = window.document()->state();
    const FitState fitBefore = window.fitPage()->document()->state();
    const int count = stack->count();
    QVERIFY(lessons->next());
    QCOMPARE(stack->count(), count + 1);
    const DocumentState compareAfter = window.document()->state();
    const FitState fitAfter = window.fitPage()->document()->state();
    QVERIFY(page == QLatin1String("fit") ? !(fitAfter == fitBefore) : !(compareAfter == compareBefore));
    stack->undo();
    QVERIFY(window.document()->state() == compareBefore);
    QVERIFY(window.fitPage()->document()->state() == fitBefore);
    stack->redo();
    QVERIFY(window.document()->state() == compareAfter);
    QVERIFY(window.fitPage()->document()->state() == fitAfter);
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
    const DocumentState compareBefore = window.document()->state();
    const FitState fitBefore = window.fitPage()->document()->state();
    const int compareSteps = window.document()->undoStack()->count();
    const int fitSteps = window.fitPage()->document()->undoStack()->count();
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
    QVERIFY(window.document()->state() == compareBefore);
    QVERIFY(window.fitPage()->document()->state() == fitBefore);
    QCOMPARE(window.document()->undoStack()->count(), compareSteps);
    QCOMPARE(window.fitPage()->document()->undoStack()->count(), fitSteps);
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
           "js-ceiling, pinsker";
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
        << "lessons: worked-example, entropy, mean-vs-mode, heavy-tails, js-ceiling, pinsker";
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
