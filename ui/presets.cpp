#include "presets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtDebug>

#include <limits>

namespace {

// The expected values use the CLI's JSON conventions: numbers, or "inf"/"-inf" as strings.
double expectedNumber(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    const QString text = value.toString();
    if (text == QLatin1String("inf"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-inf"))
        return -std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace

QList<Preset> loadPresets()
{
    QFile file(QStringLiteral(":/presets.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("Cannot read file %s: %s", qPrintable(file.fileName()), qPrintable(file.errorString()));
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (document.isNull()) {
        qWarning("Cannot parse %s at offset %d: %s", qPrintable(file.fileName()), error.offset,
                 qPrintable(error.errorString()));
        return {};
    }

    QList<Preset> presets;
    const QJsonArray entries = document.object().value(QLatin1String("presets")).toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonObject object = entry.toObject();
        Preset preset;
        preset.name = object.value(QLatin1String("name")).toString();
        preset.title = object.value(QLatin1String("title")).toString();
        preset.lesson = object.value(QLatin1String("lesson")).toString();
        preset.pSpec = object.value(QLatin1String("p")).toString();
        preset.qSpec = object.value(QLatin1String("q")).toString();
        preset.support = object.value(QLatin1String("support")).toString();
        preset.unit = object.value(QLatin1String("unit")).toString(QStringLiteral("nats"));
        const QJsonObject expect = object.value(QLatin1String("expect")).toObject();
        for (auto it = expect.constBegin(); it != expect.constEnd(); ++it)
            preset.expect.insert(it.key(), expectedNumber(it.value()));
        if (preset.name.isEmpty() || preset.pSpec.isEmpty() || preset.qSpec.isEmpty()) {
            qWarning("Skipping an incomplete preset in %s", qPrintable(file.fileName()));
            continue;
        }
        if (preset.title.isEmpty())
            preset.title = preset.name;
        presets.append(preset);
    }
    return presets;
}

std::optional<Preset> findPreset(const QList<Preset> &presets, const QString &name)
{
    for (const Preset &preset : presets)
        if (preset.name == name)
            return preset;
    return std::nullopt;
}
