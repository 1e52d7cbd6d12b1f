#include "lessons.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QtDebug>

namespace {

// Reading: a missing or mistyped key is refused with a sentence naming where it is.
std::optional<QString> text(const QJsonObject &o, const QString &key, bool required, const QString &where,
                            QString *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() && !required)
        return QString();
    if (!v.isString() || (required && v.toString().trimmed().isEmpty())) {
        *error = QStringLiteral("%1: \"%2\" must be a%3 string")
                     .arg(where, key, required ? QStringLiteral(" non-empty") : QString());
        return std::nullopt;
    }
    return v.toString();
}

} // namespace

std::variant<QList<Lesson>, QString> lessonsFromJson(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return QStringLiteral("offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
    if (!document.object().value(QLatin1String("lessons")).isArray())
        return QStringLiteral("\"lessons\" must be a list");
    QList<Lesson> lessons;
    QSet<QString> names;
    const QJsonArray entries = document.object().value(QLatin1String("lessons")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = QStringLiteral("lessons[%1]").arg(i);
        if (!entries.at(i).isObject())
            return where + QStringLiteral(" must be an object");
        const QJsonObject o = entries.at(i).toObject();
        QString error;
        Lesson lesson;
        const auto name = text(o, QStringLiteral("name"), true, where, &error);
        const auto title = text(o, QStringLiteral("title"), true, where, &error);
        if (!name || !title)
            return error;
        lesson.name = *name;
        lesson.title = *title;
        if (names.contains(lesson.name))
            return QStringLiteral("%1: a second lesson called \"%2\"").arg(where, lesson.name);
        names.insert(lesson.name);
        const QJsonArray steps = o.value(QLatin1String("steps")).toArray();
        if (steps.isEmpty())
            return QStringLiteral("%1 (%2): \"steps\" must be a list of at least one step")
                .arg(where, lesson.name);
        for (qsizetype k = 0; k < steps.size(); ++k) {
            const QString at = QStringLiteral("%1 (%2).steps[%3]").arg(where, lesson.name).arg(k);
            if (!steps.at(k).isObject())
                return at + QStringLiteral(" must be an object");
            const QJsonObject s = steps.at(k).toObject();
            LessonStep step;
            const auto page = text(s, QStringLiteral("page"), true, at, &error);
            const auto preset = text(s, QStringLiteral("preset"), false, at, &error);
            const auto sentence = text(s, QStringLiteral("text"), true, at, &error);
            const auto look = text(s, QStringLiteral("look"), true, at, &error);
            const auto highlight = text(s, QStringLiteral("highlight"), false, at, &error);
            if (!page || !preset || !sentence || !look || !highlight)
                return error;
            const QJsonValue state = s.value(QLatin1String("state"));
            if (!state.isUndefined() && !state.isObject())
                return at + QStringLiteral(": \"state\" must be an object");
            step.page = *page;
            step.preset = *preset;
            step.state = state.toObject();
            step.text = *sentence;
            step.look = *look;
            step.highlight = *highlight;
            lesson.steps.append(step);
        }
        lessons.append(lesson);
    }
    return lessons;
}

QList<Lesson> loadLessons()
{
    QFile file(QStringLiteral(":/lessons.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("Cannot read file %s: %s", qPrintable(file.fileName()), qPrintable(file.errorString()));
        return {};
    }
    auto read = lessonsFromJson(file.readAll());
    if (const QString *error = std::get_if<QString>(&read)) {
        qWarning("Cannot read %s: %s", qPrintable(file.fileName()), qPrintable(*error));
        return {};
    }
    return std::get<QList<Lesson>>(read);
}

const Lesson *findLesson(const QList<Lesson> &lessons, const QString &name)
{
    for (const Lesson &lesson : lessons)
        if (lesson.name == name)
            return &lesson;
    return nullptr;
}
