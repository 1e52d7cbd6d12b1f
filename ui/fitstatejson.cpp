#include "fitstatejson.h"

#include <QJsonArray>

QJsonObject fitStateToJson(const FitState &state)
{
    QJsonObject o;
    o.insert(QStringLiteral("target"), state.target);
    const std::string_view family = klscope::fitFamilyKeyword(state.family);
    o.insert(QStringLiteral("family"), QString::fromLatin1(family.data(), qsizetype(family.size())));
    QJsonObject fixed;
    const auto info = klscope::fitParameters(state.family);
    for (std::size_t i = 0; i < info.size() && i < state.fixed.size(); ++i)
        if (state.fixed[i])
            fixed.insert(QString::fromLatin1(info[i].name.data(), qsizetype(info[i].name.size())),
                         *state.fixed[i]);
    o.insert(QStringLiteral("fixed"), fixed);
    o.insert(QStringLiteral("alpha"), state.alpha);
    if (!state.q.empty()) {
        QJsonArray q;
        for (double v : state.q)
            q.append(v);
        o.insert(QStringLiteral("q"), q);
    }
    if (!state.preset.isEmpty())
        o.insert(QStringLiteral("preset"), state.preset);
    return o;
}

std::variant<FitState, QString> fitStateFromJson(const QJsonObject &o, const QString &prefix)
{
    FitState s;
    const QJsonValue target = o.value(QStringLiteral("target"));
    if (!target.isString())
        return QStringLiteral("%1target is missing or not a string").arg(prefix);
    s.target = target.toString();
    const QJsonValue family = o.value(QStringLiteral("family"));
    if (!family.isString() || !klscope::fitFamilyFromKeyword(family.toString().toStdString(), s.family))
        return QStringLiteral("%1family is missing or names no fitting family").arg(prefix);
    const auto info = klscope::fitParameters(s.family);
    s.fixed.assign(info.size(), std::nullopt);
    const QJsonObject fixed = o.value(QStringLiteral("fixed")).toObject();
    for (auto it = fixed.begin(); it != fixed.end(); ++it) {
        std::size_t index = info.size();
        for (std::size_t i = 0; i < info.size(); ++i)
            if (it.key().toStdString() == info[i].name)
                index = i;
        if (index == info.size() || !it.value().isDouble())
            return QStringLiteral("%1fixed.%2 is not a number of a parameter of %3")
                .arg(prefix, it.key(), family.toString());
        s.fixed[index] = it.value().toDouble();
    }
    const QJsonValue alpha = o.value(QStringLiteral("alpha"));
    if (!alpha.isUndefined() && !alpha.isDouble())
        return QStringLiteral("%1alpha is not a number").arg(prefix);
    s.alpha = alpha.toDouble(0.5);
    if (o.contains(QStringLiteral("q"))) {
        const QJsonArray q = o.value(QStringLiteral("q")).toArray();
        for (const QJsonValue &v : q) {
            if (!v.isDouble())
                return QStringLiteral("%1q holds something that is not a number").arg(prefix);
            s.q.push_back(v.toDouble());
        }
    }
    s.preset = o.value(QStringLiteral("preset")).toString();
    if (const QString refusal = FitDocument::validate(s); !refusal.isEmpty())
        return QStringLiteral("%1%2").arg(prefix, refusal);
    return s;
}
