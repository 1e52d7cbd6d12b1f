#pragma once

// Runs the guided lessons (lessons.h) in the main window: the Lessons menu, the lesson bar above the pages
// (LessonBar) and the frame around the widget a step points at (HighlightFrame). A step shows its page and
// sets that page's state through the page's document as one undo step: the preset's state (or the current
// one) with the step's "state" keys put over it, read by the page's session reader, so a step can set
// anything a session can hold and the person can undo it and play. A step that cannot be applied (an unknown
// page or preset, a state the reader refuses) shows its sentence in the bar and the lesson stays where it
// was.
//
// Pages are known by the names MainWindow::showPage takes. The comparison, fit, samples and images pages
// are registered by the constructor; a new page registers its hooks with addPage() once, and its lessons
// are then only JSON. The samples page's state keys are "p", "q" (specs), "n", "m", "seed", "smoothing" and
// "bootstrap"; the images page has no presets, and its keys are "a" and "b" (image files, ":/images/..."
// for the built-in ones), "shuffle" (a seed: B becomes A's pixels in a random order), "channel" and "bins".

#include "lessons.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <variant>

class HighlightFrame;
class LessonBar;
class MainWindow;
class QMenu;
class QWidget;

class LessonController : public QObject
{
    Q_OBJECT

public:
    /// What the lessons need of a page.
    struct PageHooks
    {
        /// The preset the page's state was loaded from ("" when none).
        std::function<QString()> currentPreset;
        /// The page's session entry for preset `name`, or for the page's current state when `name` is "";
        /// a sentence when there is no such preset.
        std::function<std::variant<QJsonObject, QString>(const QString &name)> entry;
        /// Reads a session entry of the page and sets it as one undo step called `text`: "" or why not.
        std::function<QString(const QJsonObject &entry, const QString &text)> apply;
    };

    /// The lessons of ":/lessons.json" for `window` (the parent), its comparison and fit pages registered.
    explicit LessonController(MainWindow *window);
    ~LessonController() override;

    /// Registers a page by its MainWindow::showPage name.
    void addPage(const QString &name, PageHooks hooks);
    QStringList pageNames() const { return m_pages.keys(); }
    /// The preset the page `name` shows ("" when none or no such page).
    QString currentPreset(const QString &page) const;

    const QList<Lesson> &lessons() const { return m_lessons; }
    /// Replaces the lessons (tests: a lesson with a broken step). Closes a running lesson.
    void setLessons(const QList<Lesson> &lessons);
    QStringList names() const;
    /// Fills the Lessons menu: one action per lesson, in file order.
    void fillMenu(QMenu *menu);

    /// `klscope --lesson NAME [--step K]`: "" when NAME is a lesson and K (1-based; "" for the first) one of
    /// its steps, else the sentence, which lists the lessons' names for an unknown NAME.
    QString commandLineError(const QString &name, const QString &step) const;

    /// Starts lesson `name` at step `index` (0-based): shows the bar and applies the step. False (with the
    /// sentence in the bar) when the step cannot be applied, or when there is no such lesson or step.
    bool start(const QString &name, int index = 0);
    /// Applies step `index` of the running lesson; on failure the bar shows why and the lesson stays.
    bool showStep(int index);
    bool next();
    bool back();
    /// Ends the lesson: the bar and the frame go (and the comparison page's preset line, hidden while a
    /// lesson runs, comes back); the window keeps the state it shows.
    void close();

    bool isActive() const { return m_lesson >= 0; }
    /// The running lesson (nullptr when none) and its step (0-based; -1 before the first step applied).
    const Lesson *lesson() const;
    int stepIndex() const { return m_step; }
    /// The last failure's sentence ("" after a step applied).
    QString lastError() const { return m_error; }

    /// The widget a step's "highlight" names in `window`: an objectName, or a path of them to tell apart
    /// widgets of the same name ("editorQ/bSpin"); nullptr when there is none.
    static QWidget *highlightTarget(QWidget *window, const QString &path);

    LessonBar *bar() const { return m_bar; }
    HighlightFrame *highlight() const { return m_highlight; }

signals:
    /// Step `index` of the running lesson was applied and shows.
    void stepShown(int index);
    /// A step could not be applied: why.
    void stepFailed(const QString &message);
    void lessonClosed();

private:
    void registerComparisonPage();
    void registerFitPage();
    void registerSamplesPage();
    void registerImagesPage();
    /// Sets step `index` of the running lesson on its page: "" or why not.
    QString apply(int index);
    bool fail(const QString &message);

    MainWindow *m_window;
    QList<Lesson> m_lessons;
    QMap<QString, PageHooks> m_pages;
    LessonBar *m_bar;
    HighlightFrame *m_highlight;
    int m_lesson = -1;
    int m_step = -1;
    QString m_error;
};
