#include "session.h"

#include "document.h"
#include "spec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <stdexcept>

namespace {

constexpr qint64 kMaxSessionBytes = 512LL * 1024 * 1024;

QString fromView(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QJsonObject sideToJson(const klscope::Distribution &d, const QList<bool> &locks)
{
    QJsonObject o;
    const klscope::Family f = klscope::family(d);
    o.insert(QStringLiteral("family"), fromView(klscope::familyKeyword(f)));
    if (f == klscope::Family::Custom) {
        const auto &custom = std::get<klscope::Custom>(d);
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
        const auto values = klscope::parameterValues(d);
        for (std::size_t i = 0; i < info.size(); ++i)
            parameters.insert(fromView(info[i].name), values[i]);
        o.insert(QStringLiteral("parameters"), parameters);
    }
    QJsonArray locked;
    for (qsizetype i = 0; i < locks.size(); ++i)
        if (locks.at(i))
            locked.append(static_cast<double>(i));
    o.insert(QStringLiteral("locks"), locked);
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

klscope::Distribution distributionFromJson(const QJsonObject &o, klscope::Family f, const QString &side)
{
    if (f == klscope::Family::Custom) {
        const QJsonValue massesValue = o.value(QStringLiteral("masses"));
        if (!massesValue.isArray())
            fail(QStringLiteral("%1.masses must be a list of numbers").arg(side));
        std::vector<double> masses;
        for (const QJsonValue &m : massesValue.toArray())
            masses.push_back(number(m, side + QStringLiteral(".masses")));
        std::vector<std::string> labels;
        const QJsonValue labelsValue = o.value(QStringLiteral("labels"));
        if (!labelsValue.isUndefined() && !labelsValue.isArray())
            fail(QStringLiteral("%1.labels must be a list of strings").arg(side));
        for (const QJsonValue &l : labelsValue.toArray()) {
            if (!l.isString())
                fail(QStringLiteral("%1.labels must be a list of strings").arg(side));
            labels.push_back(l.toString().toStdString());
        }
        return klscope::Custom(std::move(masses), std::move(labels));
    }
    const QJsonObject parameters = o.value(QStringLiteral("parameters")).toObject();
    std::vector<double> values;
    for (const klscope::ParameterInfo &info : klscope::parameters(f)) {
        const QString name = fromView(info.name);
        if (!parameters.contains(name))
            fail(QStringLiteral("%1: missing parameter \"%2\"").arg(side, name));
        values.push_back(number(parameters.value(name), side + QStringLiteral(".") + name));
    }
    return klscope::makeDistribution(f, values);
}

// One side and its locks; a custom side always gets one lock flag per event, as the document keeps it.
void sideFromJson(const QJsonValue &value, const QString &side, klscope::Distribution &d, QList<bool> &locks)
{
    if (!value.isObject())
        fail(QStringLiteral("\"%1\" is missing or not an object").arg(side));
    const QJsonObject o = value.toObject();
    const QString keyword = o.value(QStringLiteral("family")).toString();
    klscope::Family f{};
    if (!klscope::familyFromKeyword(keyword.toStdString(), f))
        fail(QStringLiteral("%1: unknown family \"%2\"").arg(side, keyword));
    try {
        d = distributionFromJson(o, f, side);
    } catch (const std::invalid_argument &e) {
        const QString message = QString::fromStdString(e.what());
        fail(message.startsWith(side) ? message : side + QStringLiteral(": ") + message);
    }
    const auto locked = events(o.value(QStringLiteral("locks")), side + QStringLiteral(".locks"));
    locks.clear();
    if (const auto *custom = std::get_if<klscope::Custom>(&d)) {
        const auto n = static_cast<qsizetype>(custom->masses().size());
        locks = QList<bool>(n, false);
        for (std::int64_t e : locked) {
            if (e < 0 || e >= n)
                fail(
                    QStringLiteral("%1.locks: event %2 is not one of the %3 events").arg(side).arg(e).arg(n));
            locks[static_cast<qsizetype>(e)] = true;
        }
    } else if (!locked.empty()) {
        fail(QStringLiteral("%1.locks: only a custom distribution has locked events").arg(side));
    }
}

bool boolean(const QJsonObject &o, const QString &key, bool fallback, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool())
        fail(QStringLiteral("%1 must be true or false").arg(where));
    return v.toBool();
}

int lineOf(const QByteArray &text, int offset)
{
    return static_cast<int>(text.left(offset).count('\n')) + 1;
}

} // namespace

SessionView sessionView(const Document &document)
{
    SessionView v;
    v.klPQ = document.isTermVisible(Term::KlPQ);
    v.klQP = document.isTermVisible(Term::KlQP);
    v.js = document.isTermVisible(Term::Js);
    v.keepTotal = document.keepsTotal();
    return v;
}

void applySessionView(Document &document, const SessionView &view)
{
    document.setTermVisible(Term::KlPQ, view.klPQ);
    document.setTermVisible(Term::KlQP, view.klQP);
    document.setTermVisible(Term::Js, view.js);
    document.setKeepTotal(view.keepTotal);
}

QByteArray sessionToJson(const DocumentState &s, const SessionView &view, const QString &autosaveOf)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QStringLiteral("klscope-session"));
    o.insert(QStringLiteral("version"), kSessionFormatVersion);
    o.insert(QStringLiteral("p"), sideToJson(s.p, s.lockedP));
    o.insert(QStringLiteral("q"), sideToJson(s.q, s.lockedQ));
    if (s.support)
        o.insert(QStringLiteral("support"),
                 QJsonArray{static_cast<double>(s.support->first), static_cast<double>(s.support->last)});
    else
        o.insert(QStringLiteral("support"), QJsonValue::Null);
    o.insert(QStringLiteral("unit"), fromView(klscope::unitName(s.unit)));
    o.insert(QStringLiteral("renormalize"), s.renormalize);
    o.insert(QStringLiteral("smoothing"), s.smoothing);
    o.insert(QStringLiteral("view"), QJsonObject{{QStringLiteral("kl_pq"), view.klPQ},
                                                 {QStringLiteral("kl_qp"), view.klQP},
                                                 {QStringLiteral("js"), view.js},
                                                 {QStringLiteral("keep_total"), view.keepTotal}});
    o.insert(QStringLiteral("preset"), s.preset);
    if (!autosaveOf.isEmpty())
        o.insert(QStringLiteral("autosave_of"), autosaveOf);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::variant<SessionContents, QString> sessionFromJson(const QByteArray &json)
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
    if (version.toDouble() > kSessionFormatVersion)
        return QStringLiteral(
                   "this file was written by a newer klscope (session format %1; this version reads "
                   "format %2 and older)")
            .arg(version.toDouble())
            .arg(kSessionFormatVersion);
    try {
        SessionContents c;
        DocumentState &s = c.state;
        sideFromJson(o.value(QStringLiteral("p")), QStringLiteral("p"), s.p, s.lockedP);
        sideFromJson(o.value(QStringLiteral("q")), QStringLiteral("q"), s.q, s.lockedQ);
        const QJsonValue support = o.value(QStringLiteral("support"));
        if (!support.isNull() && !support.isUndefined()) {
            const auto ends = events(support, QStringLiteral("support"));
            if (ends.size() != 2 || ends[1] < ends[0])
                fail(QStringLiteral("support must be null or [A, B] with A <= B"));
            const klscope::EventRange range{ends[0], ends[1]};
            if (range.size() > klscope::kMaxEvents)
                fail(QStringLiteral("support has more than %1 events").arg(klscope::kMaxEvents));
            s.support = range;
        }
        const QString unit = o.value(QStringLiteral("unit")).toString(QStringLiteral("nats"));
        const auto parsedUnit = klscope::parseUnit(unit.toStdString());
        if (!parsedUnit)
            fail(QStringLiteral("unit must be nats, bits or bans, not \"%1\"").arg(unit));
        s.unit = *parsedUnit;
        s.renormalize = boolean(o, QStringLiteral("renormalize"), false, QStringLiteral("renormalize"));
        s.smoothing = o.contains(QStringLiteral("smoothing"))
                          ? number(o.value(QStringLiteral("smoothing")), QStringLiteral("smoothing"))
                          : 0.0;
        if (!(s.smoothing >= 0.0) || !std::isfinite(s.smoothing))
            fail(QStringLiteral("smoothing must be a number >= 0"));
        const QJsonValue viewValue = o.value(QStringLiteral("view"));
        if (!viewValue.isUndefined() && !viewValue.isObject())
            fail(QStringLiteral("view must be an object"));
        const QJsonObject view = viewValue.toObject();
        c.view.klPQ = boolean(view, QStringLiteral("kl_pq"), true, QStringLiteral("view.kl_pq"));
        c.view.klQP = boolean(view, QStringLiteral("kl_qp"), true, QStringLiteral("view.kl_qp"));
        c.view.js = boolean(view, QStringLiteral("js"), true, QStringLiteral("view.js"));
        c.view.keepTotal =
            boolean(view, QStringLiteral("keep_total"), true, QStringLiteral("view.keep_total"));
        s.preset = o.value(QStringLiteral("preset")).toString();
        c.autosaveOf = o.value(QStringLiteral("autosave_of")).toString();
        return c;
    } catch (const std::invalid_argument &e) {
        return QString::fromStdString(e.what());
    }
}

QString writeSessionFile(const QByteArray &json, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return QStringLiteral("Cannot write file %1:\n%2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

std::variant<SessionContents, QString> loadSession(const QString &path)
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
