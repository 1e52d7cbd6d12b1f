#include "normal2statejson.h"

#include "sessionjson.h"

#include <QJsonArray>

namespace {

// The five numbers of a side, in the order Normal2Params holds them.
const char *const kKeys[] = {"mu1", "mu2", "var1", "var2", "cov"};

double *field(Normal2Params &p, int i)
{
    double *const fields[] = {&p.mu1, &p.mu2, &p.var1, &p.var2, &p.cov};
    return fields[i];
}

QJsonObject sideToJson(Normal2Params p)
{
    QJsonObject o;
    for (int i = 0; i < 5; ++i)
        o.insert(QLatin1String(kKeys[i]), *field(p, i));
    return o;
}

// The five numbers of a side or a component, checked to make a bivariate normal.
Normal2Params paramsFromJson(const QJsonObject &side, const QString &where)
{
    Normal2Params p;
    for (int i = 0; i < 5; ++i) {
        const QString key = QLatin1String(kKeys[i]);
        if (!side.contains(key))
            sessionjson::fail(QStringLiteral("%1.%2 is missing").arg(where, key));
        *field(p, i) = sessionjson::number(side.value(key), where + QLatin1Char('.') + key);
    }
    try {
        (void)p.normal();
    } catch (const std::exception &) {
        sessionjson::fail(where + QStringLiteral(": ") + currentCoreError());
    }
    return p;
}

Normal2Params sideFromJson(const QJsonObject &o, const QString &where)
{
    return paramsFromJson(sessionjson::object(o, where.section(QLatin1Char('.'), -1), where), where);
}

// More components than a person drags on the page; a longer list is a damaged file.
constexpr qsizetype kMaxComponents = 64;

// P as a mixture: [{"weight": w, "mu1": ..., "cov": ...}, ...]; absent or empty: P is one normal.
QList<Normal2Component> mixtureFromJson(const QJsonObject &o, const QString &where)
{
    const QJsonValue value = o.value(QStringLiteral("mixture"));
    if (value.isUndefined())
        return {};
    if (!value.isArray())
        sessionjson::fail(where + QStringLiteral(" must be a list of components"));
    const QJsonArray array = value.toArray();
    if (array.size() > kMaxComponents)
        sessionjson::fail(QStringLiteral("%1 has %2 components; at most %3 are read")
                              .arg(where)
                              .arg(array.size())
                              .arg(kMaxComponents));
    QList<Normal2Component> mixture;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(where).arg(i);
        if (!array.at(i).isObject())
            sessionjson::fail(at + QStringLiteral(" is not an object"));
        const QJsonObject c = array.at(i).toObject();
        Normal2Component component;
        if (!c.contains(QStringLiteral("weight")))
            sessionjson::fail(at + QStringLiteral(".weight is missing"));
        component.weight =
            sessionjson::number(c.value(QStringLiteral("weight")), at + QStringLiteral(".weight"));
        if (!(component.weight > 0.0))
            sessionjson::fail(at + QStringLiteral(".weight must be a number > 0"));
        component.n = paramsFromJson(c, at);
        mixture.append(component);
    }
    return mixture;
}

} // namespace

QJsonObject normal2StateToJson(const Normal2State &state)
{
    QJsonObject o;
    o.insert(QStringLiteral("p"), sideToJson(state.p));
    o.insert(QStringLiteral("q"), sideToJson(state.q));
    if (state.isMixture()) {
        QJsonArray mixture;
        for (const Normal2Component &c : state.mixture) {
            QJsonObject component = sideToJson(c.n);
            component.insert(QStringLiteral("weight"), c.weight);
            mixture.append(component);
        }
        o.insert(QStringLiteral("mixture"), mixture);
    }
    o.insert(QStringLiteral("mean_field"), state.meanField);
    o.insert(QStringLiteral("reverse_integrand"), state.reverseIntegrand);
    if (!state.preset.isEmpty())
        o.insert(QStringLiteral("preset"), state.preset);
    return o;
}

std::variant<Normal2State, QString> normal2StateFromJson(const QJsonObject &o, const QString &prefix)
{
    return sessionjson::readPage([&] {
        Normal2State s;
        s.p = sideFromJson(o, prefix + QStringLiteral("p"));
        s.q = sideFromJson(o, prefix + QStringLiteral("q"));
        s.mixture = mixtureFromJson(o, prefix + QStringLiteral("mixture"));
        s.meanField = sessionjson::boolean(o, QStringLiteral("mean_field"), false,
                                           prefix + QStringLiteral("mean_field"));
        s.reverseIntegrand = sessionjson::boolean(o, QStringLiteral("reverse_integrand"), false,
                                                  prefix + QStringLiteral("reverse_integrand"));
        s.preset = sessionjson::string(o, QStringLiteral("preset"), prefix + QStringLiteral("preset"));
        return s;
    });
}
