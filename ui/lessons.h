#pragma once

// Guided lessons (issue 13): short series of steps, each a state of the window, one sentence and what to
// look at, read from resources/lessons.json (compiled in as ":/lessons.json"):
//   {"version": 1, "lessons": [
//     {"name": "worked-example",               the word of `klscope --lesson NAME`
//      "title": "The worked example: ...",     the Lessons menu's text
//      "steps": [
//        {"page": "compare",                   the page the step shows (MainWindow::showPage's names)
//         "preset": "seed",                    optional: a preset of that page, loaded first
//         "state": {"support": [0, 15]},       optional: keys of the page's session entry
//                                              ("pages.compare", "pages.fit"; session.h) put over the
//                                              preset's state (or the current one); on the compare page
//                                              "p" and "q" may also be specs ("uniform:a=0,b=15")
//         "text": "One sentence.",             what the step says
//         "look": "the KL(P‖Q) row",           what to look at
//         "highlight": "klPQValue"}            optional: the objectName of the widget to frame
//      ]}]}
// A new lesson is only JSON; a new page needs its name registered with the LessonController once.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

/// One step of a lesson.
struct LessonStep
{
    QString page;      ///< "compare", "fit", ...
    QString preset;    ///< a preset of that page ("" for none: the step starts from the page's state)
    QJsonObject state; ///< keys put over the preset's (or the current) session entry of the page
    QString text;      ///< the one sentence the step says
    QString look;      ///< what to look at, for people
    QString highlight; ///< objectName of the widget to frame ("" for none)
};

/// A lesson: a name for the command line, a title for the menu and its steps (at least one).
struct Lesson
{
    QString name;
    QString title;
    QList<LessonStep> steps;
};

/// Reads lessons from JSON text. Returns the lessons in file order, or a sentence naming the lesson, step
/// and key that is wrong ("lessons[2].steps[0]: \"page\" must be a non-empty string"). Names must be unique;
/// whether a page, preset or state exists is checked when a step is applied (LessonController).
std::variant<QList<Lesson>, QString> lessonsFromJson(const QByteArray &json);

/// The lessons of ":/lessons.json" (empty, with a warning, if the resource is unreadable).
QList<Lesson> loadLessons();

/// The lesson called `name` (exact match), or nullptr.
const Lesson *findLesson(const QList<Lesson> &lessons, const QString &name);
