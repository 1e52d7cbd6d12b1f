#include "normal2statejson.h"

#include "sessionjson.h"

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

Normal2Params sideFromJson(const QJsonObject &o, const QString &where)
{
    const QJsonObject side = sessionjson::object(o, where.section(QLatin1Char('.'), -1), where);
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

} // namespace

QJsonObject normal2StateToJson(const Normal2State &state)
{
    QJsonObject o;
    o.insert(QStringLiteral("p"), sideToJson(state.p));
    o.insert(QStringLiteral("q"), sideToJson(state.q));
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
        s.meanField = sessionjson::boolean(o, QStringLiteral("mean_field"), false,
                                           prefix + QStringLiteral("mean_field"));
        s.reverseIntegrand = sessionjson::boolean(o, QStringLiteral("reverse_integrand"), false,
                                                  prefix + QStringLiteral("reverse_integrand"));
        s.preset = sessionjson::string(o, QStringLiteral("preset"), prefix + QStringLiteral("preset"));
        return s;
    });
}
