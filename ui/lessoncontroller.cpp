#include "lessoncontroller.h"

#include "document.h"
#include "fitpage.h"
#include "fitstatejson.h"
#include "highlightframe.h"
#include "imageloader.h"
#include "imagesdocument.h"
#include "imagespage.h"
#include "lessonbar.h"
#include "mainwindow.h"
#include "presets.h"
#include "samplesdocument.h"
#include "samplespage.h"
#include "samplesstatejson.h"
#include "session.h"

#include <continuousspec.h>
#include <spec.h>

#include <imagehistogram.h>

#include <QAction>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>

#include <cmath>
#include <functional>
#include <optional>
#include <stdexcept>

namespace {

/// The compare page's entry of a session holding `state`.
QJsonObject compareEntry(const DocumentState &state)
{
    return QJsonDocument::fromJson(sessionToJson(state))
        .object()
        .value(QLatin1String("pages"))
        .toObject()
        .value(QLatin1String("compare"))
        .toObject();
}

/// A side given as a spec ("uniform:a=0,b=15") in a step's compare state, as the session entry writes it;
/// sets `domain` to the spec's domain. Throws std::invalid_argument when the spec does not parse.
QJsonValue sideFromSpec(const QString &spec, QString &domain)
{
    const std::string text = spec.toStdString();
    if (klscope::isContinuousSpec(text)) {
        klscope::parseContinuousSpec(text); // refuses a bad spec here, with its sentence
        domain = QStringLiteral("continuous");
        return QJsonObject{{QStringLiteral("spec"), spec}};
    }
    DiscretePair pair;
    pair.p = klscope::parseSpec(text);
    pair.q = pair.p;
    DocumentState state;
    state.pair = pair;
    domain = QStringLiteral("discrete");
    return compareEntry(state).value(QLatin1String("p"));
}

/// Runs `set`, an edit of `document`: "" when it was made, else the sentence the document refused it with.
QString editOrWhy(DocumentBase *document, const std::function<bool()> &set)
{
    QString refusal;
    const auto connection = QObject::connect(document, &DocumentBase::editRefused,
                                             [&refusal](const QString &message) { refusal = message; });
    const bool done = set();
    QObject::disconnect(connection);
    return done ? QString() : refusal;
}

/// The entry of the preset called `name` among `presets` (each with a name and a state), as `toJson`
/// writes its state; else the sentence naming the page and the preset.
template <typename Presets, typename ToJson>
std::variant<QJsonObject, QString> presetEntry(const Presets &presets, const QString &name, ToJson toJson,
                                               const QString &page)
{
    for (const auto &preset : presets)
        if (preset.name == name)
            return toJson(preset.state);
    return LessonController::tr("the %1 page has no preset called “%2”").arg(page, name);
}

/// The samples page's state as a step's entry: {"p", "q", "n", "m", "seed", "smoothing", "bootstrap",
/// "preset"}.
/// A whole number in `entry` at `key` (kept when absent): "" or the sentence naming the key.
QString readWhole(const QJsonObject &entry, const QString &key, qint64 low, qint64 high, qint64 &value)
{
    const QJsonValue v = entry.value(key);
    if (v.isUndefined())
        return {};
    const double x = v.toDouble(std::nan(""));
    if (!v.isDouble() || x != std::floor(x) || x < double(low) || x > double(high))
        return LessonController::tr("state.%1 must be a whole number from %2 to %3")
            .arg(key)
            .arg(low)
            .arg(high);
    value = qint64(x);
    return {};
}

/// A string in `entry` at `key` (kept when absent): "" or the sentence naming the key.
QString readText(const QJsonObject &entry, const QString &key, QString &value)
{
    const QJsonValue v = entry.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isString())
        return LessonController::tr("state.%1 must be a string").arg(key);
    value = v.toString();
    return {};
}

/// Reads a step's images entry over `state`; "" or the sentence naming the bad key or file. The keys:
/// "a" and "b", image files (":/images/shapes.png" for a built-in one), loaded onto A and B; "shuffle",
/// a seed: B becomes A's pixels shuffled with it (after "a" is read); "channel" ("grey", "r", "g", "b")
/// and "bins".
QString imagesFromEntry(const QJsonObject &entry, ImagesState &state)
{
    for (int side = 0; side < 2; ++side) {
        QString path;
        const QString key = side == 0 ? QStringLiteral("a") : QStringLiteral("b");
        if (const QString error = readText(entry, key, path); !error.isEmpty())
            return error;
        if (path.isEmpty())
            continue;
        // A built-in image is read from the resources as is; a file goes through the checks of every load.
        QString why;
        const auto image = path.startsWith(QLatin1String(":/")) ? std::optional<QImage>(QImage(path))
                                                                : imageloader::readImage(path, &why);
        if (!image || image->isNull())
            return LessonController::tr("state.%1: %2")
                .arg(key,
                     why.isEmpty() ? LessonController::tr("there is no built-in image %1").arg(path) : why);
        (side == 0 ? state.a : state.b) = *image;
        (side == 0 ? state.nameA : state.nameB) = QFileInfo(path).fileName();
    }
    qint64 seed = -1, bins = state.bins;
    for (const QString &error : {readWhole(entry, QStringLiteral("shuffle"), 0, 0xffffffffLL, seed),
                                 readWhole(entry, QStringLiteral("bins"), 1, 256, bins)})
        if (!error.isEmpty())
            return error;
    if (seed >= 0) {
        state.b = shufflePixels(state.a, quint32(seed));
        state.nameB = ImagesDocument::tr("%1 shuffled (seed %2)").arg(state.nameA).arg(seed);
    }
    state.bins = unsigned(bins);
    QString channel;
    if (const QString error = readText(entry, QStringLiteral("channel"), channel); !error.isEmpty())
        return error;
    if (!channel.isEmpty()) {
        const auto parsed = klscope::import::parseChannel(channel.toStdString());
        if (!parsed)
            return LessonController::tr("state.channel must be grey, r, g or b, not “%1”").arg(channel);
        state.channel = *parsed;
    }
    return {};
}

} // namespace

QWidget *LessonController::highlightTarget(QWidget *window, const QString &path)
{
    QWidget *widget = path.isEmpty() ? nullptr : window;
    for (const QString &name : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        widget = widget ? widget->findChild<QWidget *>(name) : nullptr;
    return widget;
}

LessonController::LessonController(MainWindow *window)
    : QObject(window), m_window(window), m_lessons(loadLessons()), m_bar(new LessonBar(window)),
      m_highlight(new HighlightFrame(window))
{
    setObjectName(QStringLiteral("lessonController"));
    m_bar->hide();
    connect(m_bar, &LessonBar::nextClicked, this, &LessonController::next);
    connect(m_bar, &LessonBar::backClicked, this, &LessonController::back);
    connect(m_bar, &LessonBar::closeClicked, this, &LessonController::close);
    registerComparisonPage();
    registerFitPage();
    registerSamplesPage();
    registerImagesPage();
}

LessonController::~LessonController() = default;

void LessonController::registerComparisonPage()
{
    Document *document = m_window->document();
    PageHooks hooks;
    hooks.currentPreset = [document] {
        return document->presetName();
    };
    hooks.entry = [this, document](const QString &name) -> std::variant<QJsonObject, QString> {
        if (name.isEmpty())
            return compareEntry(document->state());
        const auto preset = findPreset(m_window->presets(), name);
        if (!preset)
            return tr("the Compare page has no preset called “%1”").arg(name);
        try {
            return compareEntry(preset->state());
        } catch (const std::invalid_argument &e) {
            return tr("the preset “%1” is broken: %2").arg(name, QString::fromUtf8(e.what()));
        }
    };
    hooks.apply = [document](const QJsonObject &given, const QString &text) -> QString {
        QJsonObject entry = given;
        try {
            for (const QLatin1String side : {QLatin1String("p"), QLatin1String("q")})
                if (entry.value(side).isString()) {
                    QString domain;
                    entry.insert(side, sideFromSpec(entry.value(side).toString(), domain));
                    entry.insert(QStringLiteral("domain"), domain);
                }
        } catch (const std::invalid_argument &e) {
            return QString::fromUtf8(e.what());
        }
        const QJsonObject session{{QStringLiteral("format"), QStringLiteral("klscope-session")},
                                  {QStringLiteral("version"), kSessionFormatVersion},
                                  {QStringLiteral("pages"), QJsonObject{{QStringLiteral("compare"), entry}}}};
        const auto read = sessionFromJson(QJsonDocument(session).toJson(QJsonDocument::Compact));
        if (const QString *error = std::get_if<QString>(&read))
            return *error;
        return editOrWhy(document,
                         [&] { return document->setState(std::get<SessionContents>(read).state, text); });
    };
    addPage(QStringLiteral("compare"), hooks);
}

void LessonController::registerFitPage()
{
    FitDocument *document = m_window->fitPage()->document();
    PageHooks hooks;
    hooks.currentPreset = [document] {
        return document->state().preset;
    };
    hooks.entry = [document](const QString &name) -> std::variant<QJsonObject, QString> {
        if (name.isEmpty())
            return fitStateToJson(document->state());
        return presetEntry(fitPresets(), name, fitStateToJson, tr("Fit"));
    };
    hooks.apply = [document](const QJsonObject &entry, const QString &text) -> QString {
        const auto read = fitStateFromJson(entry, QStringLiteral("state."));
        if (const QString *error = std::get_if<QString>(&read))
            return *error;
        return editOrWhy(document, [&] { return document->setState(std::get<FitState>(read), text); });
    };
    addPage(QStringLiteral("fit"), hooks);
}

void LessonController::registerSamplesPage()
{
    SamplesDocument *document = m_window->samplesPage()->document();
    PageHooks hooks;
    hooks.currentPreset = [document] {
        return document->state().preset;
    };
    hooks.entry = [document](const QString &name) -> std::variant<QJsonObject, QString> {
        if (name.isEmpty())
            return samplesStateToJson(document->state());
        return presetEntry(samplesPresets(), name, samplesStateToJson, tr("Samples"));
    };
    hooks.apply = [document](const QJsonObject &entry, const QString &text) -> QString {
        // A step's keys over the page's state, read as a session reads the page ("state.n must be ...").
        QJsonObject merged = samplesStateToJson(document->state());
        for (auto key = entry.begin(); key != entry.end(); ++key)
            merged.insert(key.key(), key.value());
        const auto read = samplesStateFromJson(merged, QStringLiteral("state."));
        if (const QString *error = std::get_if<QString>(&read))
            return *error;
        return editOrWhy(document, [&] { return document->setState(std::get<SamplesState>(read), text); });
    };
    addPage(QStringLiteral("samples"), hooks);
}

void LessonController::registerImagesPage()
{
    ImagesDocument *document = m_window->imagesPage()->document();
    PageHooks hooks;
    // The Images page has no presets: its steps name the images ("a", "b") or shuffle ("shuffle").
    hooks.currentPreset = [] {
        return QString();
    };
    hooks.entry = [](const QString &name) -> std::variant<QJsonObject, QString> {
        if (name.isEmpty())
            return QJsonObject();
        return tr("the Images page has no presets (a step names its images in \"state\"), not “%1”")
            .arg(name);
    };
    hooks.apply = [document](const QJsonObject &entry, const QString &text) -> QString {
        ImagesState state = document->state();
        if (const QString error = imagesFromEntry(entry, state); !error.isEmpty())
            return error;
        return editOrWhy(document, [&] { return document->setState(state, text); });
    };
    addPage(QStringLiteral("images"), hooks);
}

void LessonController::addPage(const QString &name, PageHooks hooks)
{
    m_pages.insert(name, std::move(hooks));
}

QString LessonController::currentPreset(const QString &page) const
{
    const auto it = m_pages.find(page);
    return it == m_pages.end() ? QString() : it->currentPreset();
}

void LessonController::setLessons(const QList<Lesson> &lessons)
{
    close();
    m_lessons = lessons;
}

QStringList LessonController::names() const
{
    QStringList names;
    for (const Lesson &lesson : m_lessons)
        names << lesson.name;
    return names;
}

void LessonController::fillMenu(QMenu *menu)
{
    menu->setObjectName(QStringLiteral("lessonsMenu"));
    menu->setToolTipsVisible(true);
    for (const Lesson &lesson : std::as_const(m_lessons)) {
        QAction *a = menu->addAction(lesson.title);
        a->setObjectName(QStringLiteral("lesson_%1").arg(lesson.name));
        a->setStatusTip(
            tr("%n step(s), one sentence each; also klscope --lesson %1", nullptr, int(lesson.steps.size()))
                .arg(lesson.name));
        a->setToolTip(a->statusTip());
        const QString name = lesson.name;
        connect(a, &QAction::triggered, this, [this, name] { start(name); });
    }
}

QString LessonController::commandLineError(const QString &name, const QString &step) const
{
    const Lesson *lesson = findLesson(m_lessons, name);
    if (!lesson)
        return tr("there is no lesson called '%1' (lessons: %2)")
            .arg(name, names().join(QStringLiteral(", ")));
    if (step.isEmpty())
        return {};
    bool ok = false;
    const int k = step.toInt(&ok);
    if (!ok || k < 1 || k > lesson->steps.size())
        return tr("--step must be a whole number from 1 to %1 (the steps of lesson '%2'), not '%3'")
            .arg(lesson->steps.size())
            .arg(name, step);
    return {};
}

const Lesson *LessonController::lesson() const
{
    return m_lesson >= 0 && m_lesson < m_lessons.size() ? &m_lessons.at(m_lesson) : nullptr;
}

bool LessonController::start(const QString &name, int index)
{
    const Lesson *found = findLesson(m_lessons, name);
    if (!found)
        return fail(tr("There is no lesson called “%1”.").arg(name));
    close();
    m_lesson = int(found - m_lessons.constData());
    m_step = -1;
    m_bar->showStep(found->title, std::max(0, index), int(found->steps.size()), {}, {});
    m_bar->show();
    // The bar speaks for the lesson; the comparison page's line about its preset would talk over it.
    m_window->lessonLabel()->hide();
    return showStep(index);
}

bool LessonController::showStep(int index)
{
    const Lesson *current = lesson();
    if (!current)
        return fail(tr("No lesson is running."));
    if (index < 0 || index >= current->steps.size())
        return fail(tr("Lesson “%1” has no step %2 (it has %3).")
                        .arg(current->title)
                        .arg(index + 1)
                        .arg(current->steps.size()));
    if (const QString error = apply(index); !error.isEmpty())
        return fail(tr("Step %1 cannot be shown: %2").arg(index + 1).arg(error));
    const LessonStep &step = current->steps.at(index);
    m_step = index;
    m_error.clear();
    m_bar->showStep(current->title, index, int(current->steps.size()), step.text, step.look);
    m_highlight->setTarget(highlightTarget(m_window, step.highlight));
    emit stepShown(index);
    return true;
}

QString LessonController::apply(int index)
{
    const Lesson &current = m_lessons.at(m_lesson);
    const LessonStep &step = current.steps.at(index);
    const auto page = m_pages.find(step.page);
    if (page == m_pages.end())
        return tr("it shows the page “%1”, and the pages are %2")
            .arg(step.page, m_pages.keys().join(QStringLiteral(", ")));
    auto entry = page->entry(step.preset);
    if (const QString *error = std::get_if<QString>(&entry))
        return *error;
    QJsonObject state = std::get<QJsonObject>(entry);
    for (auto it = step.state.begin(); it != step.state.end(); ++it)
        state.insert(it.key(), it.value());
    if (const QString error =
            page->apply(state, tr("Lesson step %1 of %2").arg(index + 1).arg(current.title));
        !error.isEmpty())
        return error;
    if (!m_window->showPage(step.page))
        return tr("the window has no page called “%1”").arg(step.page);
    return {};
}

bool LessonController::fail(const QString &message)
{
    m_error = message;
    m_bar->setError(message);
    emit stepFailed(message);
    return false;
}

bool LessonController::next()
{
    return showStep(m_step + 1);
}

bool LessonController::back()
{
    return showStep(m_step - 1);
}

void LessonController::close()
{
    const bool wasActive = isActive();
    m_lesson = -1;
    m_step = -1;
    m_error.clear();
    m_bar->hide();
    m_highlight->setTarget(nullptr);
    if (wasActive) {
        m_window->lessonLabel()->show();
        emit lessonClosed();
    }
}
