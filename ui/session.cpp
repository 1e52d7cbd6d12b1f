#include "session.h"

#include "spec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <stdexcept>

namespace klscope {

namespace {

constexpr qint64 kMaxSessionBytes = 512LL * 1024 * 1024;

QJsonArray toArray(const std::vector<std::int64_t> &events)
{
    QJsonArray a;
    for (std::int64_t e : events)
        a.append(static_cast<double>(e));
    return a;
}

QJsonObject sideToJson(const Distribution &d, const std::vector<std::int64_t> &locks)
{
    QJsonObject o;
    const Family f = family(d);
    o.insert(QStringLiteral("family"),
             QString::fromUtf8(familyKeyword(f).data(), static_cast<qsizetype>(familyKeyword(f).size())));
    if (f == Family::Custom) {
        const auto &custom = std::get<Custom>(d);
        QJsonArray masses;
        for (double m : custom.masses())
            masses.append(m);
        o.insert(QStringLiteral("masses"), masses);
        if (!custom.labels().empty()) {
            QJsonArray labels;
            for (const std::string &l : custom.labels())
                labels.append(QString::fromStdString(l));
            o.insert(QStringLiteral("labels"), labels);
        }
    } else {
        QJsonObject parameters;
        const auto info = klscope::parameters(f);
        const auto values = parameterValues(d);
        for (std::size_t i = 0; i < info.size(); ++i)
            parameters.insert(
                QString::fromUtf8(info[i].name.data(), static_cast<qsizetype>(info[i].name.size())),
                values[i]);
        o.insert(QStringLiteral("parameters"), parameters);
    }
    o.insert(QStringLiteral("locks"), toArray(locks));
    return o;
}

// Reading: each helper throws std::invalid_argument with a sentence that names the bad key.
[[noreturn]] void fail(const QString &message)
{
    throw std::invalid_argument(message.toStdString());
}

double number(const QJsonValue &v, const QString &where)
{
    if (!v.isDouble())
        fail(QStringLiteral("%1 must be a number").arg(where));
    return v.toDouble();
}

std::vector<std::int64_t> events(const QJsonValue &v, const QString &where)
{
    std::vector<std::int64_t> out;
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray())
        fail(QStringLiteral("%1 must be a list of events").arg(where));
    for (const QJsonValue &e : v.toArray()) {
        const double x = number(e, where);
        if (x != std::floor(x) || std::fabs(x) > 1e15)
            fail(QStringLiteral("%1 must hold whole numbers").arg(where));
        out.push_back(static_cast<std::int64_t>(x));
    }
    return out;
}

Distribution sideFromJson(const QJsonValue &value, const QString &side, std::vector<std::int64_t> &locks)
{
    if (!value.isObject())
        fail(QStringLiteral("\"%1\" is missing or not an object").arg(side));
    const QJsonObject o = value.toObject();
    const QString keyword = o.value(QStringLiteral("family")).toString();
    Family f{};
    if (!familyFromKeyword(keyword.toStdString(), f))
        fail(QStringLiteral("%1: unknown family \"%2\"").arg(side, keyword));
    locks = events(o.value(QStringLiteral("locks")), side + QStringLiteral(".locks"));
    try {
        if (f == Family::Custom) {
            const QJsonValue massesValue = o.value(QStringLiteral("masses"));
            if (!massesValue.isArray())
                fail(QStringLiteral("%1.masses must be a list of numbers").arg(side));
            std::vector<double> masses;
            for (const QJsonValue &m : massesValue.toArray())
                masses.push_back(number(m, side + QStringLiteral(".masses")));
            std::vector<std::string> labels;
            if (o.contains(QStringLiteral("labels"))) {
                for (const QJsonValue &l : o.value(QStringLiteral("labels")).toArray()) {
                    if (!l.isString())
                        fail(QStringLiteral("%1.labels must be a list of strings").arg(side));
                    labels.push_back(l.toString().toStdString());
                }
            }
            return Custom(std::move(masses), std::move(labels));
        }
        const QJsonObject parameters = o.value(QStringLiteral("parameters")).toObject();
        std::vector<double> values;
        for (const ParameterInfo &info : klscope::parameters(f)) {
            const QString name =
                QString::fromUtf8(info.name.data(), static_cast<qsizetype>(info.name.size()));
            if (!parameters.contains(name))
                fail(QStringLiteral("%1: missing parameter \"%2\"").arg(side, name));
            values.push_back(number(parameters.value(name), side + QStringLiteral(".") + name));
        }
        return makeDistribution(f, values);
    } catch (const std::invalid_argument &e) {
        const QString message = QString::fromStdString(e.what());
        fail(message.startsWith(side) ? message : side + QStringLiteral(": ") + message);
    }
}

int lineOf(const QByteArray &text, int offset)
{
    return static_cast<int>(text.left(offset).count('\n')) + 1;
}

} // namespace

QByteArray sessionToJson(const Session &s)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QStringLiteral("klscope-session"));
    o.insert(QStringLiteral("version"), Session::kFormatVersion);
    o.insert(QStringLiteral("p"), sideToJson(s.p, s.locksP));
    o.insert(QStringLiteral("q"), sideToJson(s.q, s.locksQ));
    if (s.support)
        o.insert(QStringLiteral("support"),
                 QJsonArray{static_cast<double>(s.support->first), static_cast<double>(s.support->last)});
    else
        o.insert(QStringLiteral("support"), QJsonValue::Null);
    o.insert(QStringLiteral("unit"), QString::fromUtf8(unitName(s.unit).data()));
    o.insert(QStringLiteral("renormalize"), s.renormalize);
    o.insert(QStringLiteral("smoothing"), s.smoothing);
    o.insert(QStringLiteral("view"), QJsonObject{{QStringLiteral("kl_pq"), s.showKlPQ},
                                                 {QStringLiteral("kl_qp"), s.showKlQP},
                                                 {QStringLiteral("js"), s.showJs}});
    o.insert(QStringLiteral("preset"), s.preset);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::variant<Session, QString> sessionFromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("line %1: not a valid session file (%2)")
            .arg(lineOf(json, error.offset))
            .arg(error.errorString());
    if (!doc.isObject() ||
        doc.object().value(QStringLiteral("format")).toString() != QLatin1String("klscope-session"))
        return QStringLiteral("not a klscope session file (no \"format\": \"klscope-session\")");
    const QJsonObject o = doc.object();
    const QJsonValue version = o.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != std::floor(version.toDouble()))
        return QStringLiteral("the session file has no valid \"version\"");
    if (version.toDouble() > Session::kFormatVersion)
        return QStringLiteral(
                   "this file was written by a newer klscope (session format %1; this version reads "
                   "format %2 and older)")
            .arg(version.toDouble())
            .arg(Session::kFormatVersion);
    try {
        Session s;
        s.p = sideFromJson(o.value(QStringLiteral("p")), QStringLiteral("p"), s.locksP);
        s.q = sideFromJson(o.value(QStringLiteral("q")), QStringLiteral("q"), s.locksQ);
        const QJsonValue support = o.value(QStringLiteral("support"));
        if (!support.isNull() && !support.isUndefined()) {
            const auto ends = events(support, QStringLiteral("support"));
            if (ends.size() != 2 || ends[1] < ends[0])
                fail(QStringLiteral("support must be null or [A, B] with A <= B"));
            const EventRange range{ends[0], ends[1]};
            if (range.size() > kMaxEvents)
                fail(QStringLiteral("support has more than %1 events").arg(kMaxEvents));
            s.support = range;
        }
        const QString unit = o.value(QStringLiteral("unit")).toString(QStringLiteral("nats"));
        const auto parsedUnit = parseUnit(unit.toStdString());
        if (!parsedUnit)
            fail(QStringLiteral("unit must be nats, bits or bans, not \"%1\"").arg(unit));
        s.unit = *parsedUnit;
        s.renormalize = o.value(QStringLiteral("renormalize")).toBool(false);
        s.smoothing = o.contains(QStringLiteral("smoothing"))
                          ? number(o.value(QStringLiteral("smoothing")), QStringLiteral("smoothing"))
                          : 0.0;
        if (!(s.smoothing >= 0.0) || !std::isfinite(s.smoothing))
            fail(QStringLiteral("smoothing must be a number >= 0"));
        const QJsonObject view = o.value(QStringLiteral("view")).toObject();
        s.showKlPQ = view.value(QStringLiteral("kl_pq")).toBool(true);
        s.showKlQP = view.value(QStringLiteral("kl_qp")).toBool(true);
        s.showJs = view.value(QStringLiteral("js")).toBool(true);
        s.preset = o.value(QStringLiteral("preset")).toString();
        return s;
    } catch (const std::invalid_argument &e) {
        return QString::fromStdString(e.what());
    }
}

QString saveSession(const Session &session, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(sessionToJson(session)) < 0 || !file.commit())
        return QStringLiteral("Cannot write file %1:\n%2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

std::variant<Session, QString> loadSession(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("Cannot read file %1:\n%2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    if (file.size() > kMaxSessionBytes)
        return QStringLiteral("Cannot read file %1:\nit is larger than a session file can be (%2 bytes)")
            .arg(QDir::toNativeSeparators(path))
            .arg(file.size());
    auto result = sessionFromJson(file.readAll());
    if (auto *error = std::get_if<QString>(&result))
        return QStringLiteral("Cannot read file %1:\n%2").arg(QDir::toNativeSeparators(path), *error);
    return result;
}

} // namespace klscope
