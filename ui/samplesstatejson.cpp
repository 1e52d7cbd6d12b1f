#include "samplesstatejson.h"

#include "sessionjson.h"

namespace {

// The largest seed a JSON number holds exactly (2^53).
constexpr qint64 kMaxSeed = qint64(1) << 53;

QString spec(const QJsonObject &o, const QString &key, const QString &where)
{
    if (!o.value(key).isString())
        sessionjson::fail(
            QStringLiteral("%1 must be a spec string such as \"normal:mu=0,sigma=1\"").arg(where));
    return o.value(key).toString();
}

} // namespace

QJsonObject samplesStateToJson(const SamplesState &state)
{
    QJsonObject o;
    o.insert(QStringLiteral("p"), state.p);
    o.insert(QStringLiteral("q"), state.q);
    o.insert(QStringLiteral("n"), state.n);
    o.insert(QStringLiteral("m"), state.m);
    o.insert(QStringLiteral("seed"), double(state.seed));
    o.insert(QStringLiteral("smoothing"), state.smoothing);
    o.insert(QStringLiteral("bootstrap"), state.bootstrap);
    if (!state.preset.isEmpty())
        o.insert(QStringLiteral("preset"), state.preset);
    return o;
}

std::variant<SamplesState, QString> samplesStateFromJson(const QJsonObject &o, const QString &prefix)
{
    return sessionjson::readPage([&] {
        using namespace sessionjson;
        SamplesState s;
        s.p = spec(o, QStringLiteral("p"), prefix + QStringLiteral("p"));
        s.q = spec(o, QStringLiteral("q"), prefix + QStringLiteral("q"));
        const auto size = [&](const char *key, int fallback) {
            return int(integerIn(o, QLatin1String(key), fallback, prefix + QLatin1String(key), 2,
                                 SamplesDocument::kMaxSamples));
        };
        s.n = size("n", s.n);
        s.m = size("m", s.m);
        s.seed = quint64(integerIn(o, QStringLiteral("seed"), qint64(s.seed), prefix + QStringLiteral("seed"),
                                   0, kMaxSeed));
        s.smoothing =
            numberIn(o, QStringLiteral("smoothing"), 0.0, prefix + QStringLiteral("smoothing"), 0.0, 1000.0);
        s.bootstrap = int(integerIn(o, QStringLiteral("bootstrap"), s.bootstrap,
                                    prefix + QStringLiteral("bootstrap"), 0, SamplesDocument::kMaxBootstrap));
        s.preset = string(o, QStringLiteral("preset"), prefix + QStringLiteral("preset"));
        // The specs and their domains, as the document checks them ("P: ..." names the side).
        // The document says "P: ..." or "Q: ..."; the key is "p" or "q" (a domain mismatch is Q's).
        if (const QString why = SamplesDocument::validate(s); !why.isEmpty()) {
            const bool isP = why.startsWith(QLatin1String("P: "));
            const bool named = isP || why.startsWith(QLatin1String("Q: "));
            fail(prefix + (isP ? QStringLiteral("p: ") : QStringLiteral("q: ")) + (named ? why.mid(3) : why));
        }
        return s;
    });
}
