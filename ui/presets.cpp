#include "presets.h"

#include <continuousspec.h>
#include <spec.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtDebug>

#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>

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

bool Preset::isContinuous() const
{
    return klscope::isContinuousSpec(pSpec.toStdString());
}

DocumentState Preset::state() const
{
    DocumentState s;
    const auto u = klscope::parseUnit(unit.toStdString());
    if (!u)
        throw std::invalid_argument("the unit must be nats, bits or bans, not '" + unit.toStdString() + "'");
    s.unit = *u;
    s.preset = name;
    const bool continuousP = isContinuous();
    if (continuousP != klscope::isContinuousSpec(qSpec.toStdString()))
        throw std::invalid_argument("P and Q must both be continuous or both discrete");
    if (continuousP) {
        if (!support.isEmpty())
            throw std::invalid_argument("a continuous pair is compared over both whole supports, so it takes "
                                        "no support");
        ContinuousPair pair;
        pair.p = klscope::parseContinuousSpec(pSpec.toStdString());
        pair.q = klscope::parseContinuousSpec(qSpec.toStdString());
        s.pair = std::move(pair);
    } else {
        DiscretePair pair;
        pair.p = klscope::parseSpec(pSpec.toStdString());
        pair.q = klscope::parseSpec(qSpec.toStdString());
        if (!support.isEmpty())
            pair.support = klscope::parseSupport(support.toStdString());
        s.pair = std::move(pair);
    }
    return s;
}

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

QStringList presetDifferences(const Preset &preset, const DocumentState &state)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Preset", text);
    };
    DocumentState wanted;
    try {
        wanted = preset.state();
    } catch (const std::invalid_argument &) {
        return {tr("preset unreadable")};
    }
    if (wanted.isContinuous() != state.isContinuous())
        return {state.isContinuous() ? tr("now continuous") : tr("now discrete")};
    QStringList differences;
    // P and Q of either domain compare the same way; the discrete options count only for a discrete pair.
    std::visit(
        [&](const auto &now) {
            using Pair = std::decay_t<decltype(now)>;
            const Pair &was = std::get<Pair>(wanted.pair);
            if (now.p == was.q && now.q == was.p && !(was.p == was.q)) {
                differences.append(tr("P and Q swapped"));
            } else {
                if (!(now.p == was.p))
                    differences.append(tr("P changed"));
                if (!(now.q == was.q))
                    differences.append(tr("Q changed"));
            }
            if constexpr (std::is_same_v<Pair, DiscretePair>) {
                if (now.support != was.support)
                    differences.append(tr("support changed"));
                if (now.smoothing > 0)
                    differences.append(tr("ε-smoothing on"));
                if (now.renormalize)
                    differences.append(tr("renormalised"));
            }
        },
        state.pair);
    return differences;
}

std::optional<Preset> findPreset(const QList<Preset> &presets, const QString &name)
{
    for (const Preset &preset : presets)
        if (preset.name == name)
            return preset;
    return std::nullopt;
}
