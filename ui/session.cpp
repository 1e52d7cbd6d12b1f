#include "session.h"

#include "atomicwriter.h"
#include "corecall.h"
#include "document.h"
#include "sessionjson.h"
#include "spec.h"

#include "textcheck.h"
#include <continuousspec.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <filesystem>
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
using sessionjson::boolean;
using sessionjson::fail;
using sessionjson::number;
using sessionjson::string;

// A list is refused by its length before anything is built from it.
QJsonArray boundedArray(const QJsonValue &v, const QString &where, const QString &what)
{
    if (!v.isArray())
        fail(QStringLiteral("%1 must be a list of %2").arg(where, what));
    const QJsonArray array = v.toArray();
    if (std::size_t(array.size()) > klscope::kMaxEvents)
        fail(QStringLiteral("%1 has %2 entries, more than the limit of %3 events")
                 .arg(where)
                 .arg(array.size())
                 .arg(klscope::kMaxEvents));
    return array;
}

std::vector<std::int64_t> events(const QJsonValue &v, const QString &where)
{
    std::vector<std::int64_t> out;
    if (v.isUndefined() || v.isNull())
        return out;
    for (const QJsonValue &e : boundedArray(v, where, QStringLiteral("events"))) {
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
        const QJsonArray massArray = boundedArray(
            o.value(QStringLiteral("masses")), side + QStringLiteral(".masses"), QStringLiteral("numbers"));
        std::vector<double> masses;
        masses.reserve(std::size_t(massArray.size()));
        for (const QJsonValue &m : massArray)
            masses.push_back(number(m, side + QStringLiteral(".masses")));
        std::vector<std::string> labels;
        const QJsonValue labelsValue = o.value(QStringLiteral("labels"));
        const QJsonArray labelArray =
            labelsValue.isUndefined()
                ? QJsonArray()
                : boundedArray(labelsValue, side + QStringLiteral(".labels"), QStringLiteral("strings"));
        for (const QJsonValue &l : labelArray) {
            if (!l.isString())
                fail(QStringLiteral("%1.labels must be a list of strings").arg(side));
            labels.push_back(l.toString().toStdString());
        }
        return klscope::Custom(std::move(masses), std::move(labels));
    }
    if (!o.value(QStringLiteral("parameters")).isObject())
        fail(QStringLiteral("%1.parameters must be an object").arg(side));
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
    if (!o.value(QStringLiteral("family")).isString())
        fail(QStringLiteral("%1.family must be a string such as \"binomial\"").arg(side));
    const QString keyword = o.value(QStringLiteral("family")).toString();
    klscope::Family f{};
    if (!klscope::familyFromKeyword(keyword.toStdString(), f))
        fail(QStringLiteral("%1: unknown family \"%2\"").arg(side, keyword));
    try {
        d = distributionFromJson(o, f, side);
    } catch (const std::exception &) {
        // The core's refusal (or a Boost.Math error, or bad_alloc) becomes a sentence naming the side.
        const QString message = currentCoreError();
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

int lineOf(const QByteArray &text, int offset)
{
    return static_cast<int>(text.left(offset).count('\n')) + 1;
}

} // namespace

void applySessionView(Document &document, const SessionView &view)
{
    document.setTermVisible(Term::KlPQ, view.klPQ);
    document.setTermVisible(Term::KlQP, view.klQP);
    document.setTermVisible(Term::Js, view.js);
    document.setKeepTotal(view.keepTotal);
}

namespace {

QJsonObject comparePageToJson(const DocumentState &s)
{
    QJsonObject o;
    if (const DiscretePair *d = s.discrete()) {
        o.insert(QStringLiteral("domain"), QStringLiteral("discrete"));
        o.insert(QStringLiteral("p"), sideToJson(d->p, d->lockedP));
        o.insert(QStringLiteral("q"), sideToJson(d->q, d->lockedQ));
        if (d->support)
            o.insert(QStringLiteral("support"), QJsonArray{static_cast<double>(d->support->first),
                                                           static_cast<double>(d->support->last)});
        else
            o.insert(QStringLiteral("support"), QJsonValue::Null);
        o.insert(QStringLiteral("renormalize"), d->renormalize);
        o.insert(QStringLiteral("smoothing"), d->smoothing);
    } else {
        const ContinuousPair &c = *s.continuous();
        o.insert(QStringLiteral("domain"), QStringLiteral("continuous"));
        o.insert(QStringLiteral("p"),
                 QJsonObject{{QStringLiteral("spec"), QString::fromStdString(klscope::formatSpec(c.p))}});
        o.insert(QStringLiteral("q"),
                 QJsonObject{{QStringLiteral("spec"), QString::fromStdString(klscope::formatSpec(c.q))}});
        o.insert(QStringLiteral("bin_width"), c.binWidth);
    }
    o.insert(QStringLiteral("unit"), fromView(klscope::unitName(s.unit)));
    o.insert(QStringLiteral("preset"), s.preset);
    return o;
}

klscope::Unit unitFromJson(const QJsonObject &o, const QString &where)
{
    const QJsonValue unitValue = o.value(QStringLiteral("unit"));
    if (unitValue.isUndefined())
        return klscope::Unit::Nats;
    // Any other value (a number, null, an unknown word) is refused: reading it as nats would show numbers
    // in a unit the file never asked for.
    const auto parsedUnit =
        unitValue.isString() ? klscope::parseUnit(unitValue.toString().toStdString()) : std::nullopt;
    if (!parsedUnit)
        fail(QStringLiteral("%1 must be nats, bits or bans, not %2")
                 .arg(where, QString::fromUtf8(QJsonDocument(QJsonArray{unitValue})
                                                   .toJson(QJsonDocument::Compact)
                                                   .mid(1)
                                                   .chopped(1))));
    return *parsedUnit;
}

/// The discrete pair of a version-1 file (top level) or of a version-2 compare page; `prefix` is
/// prepended to key names in messages ("" or "pages.compare.").
DiscretePair discreteFromJson(const QJsonObject &o, const QString &prefix)
{
    DiscretePair d;
    sideFromJson(o.value(QStringLiteral("p")), prefix + QStringLiteral("p"), d.p, d.lockedP);
    sideFromJson(o.value(QStringLiteral("q")), prefix + QStringLiteral("q"), d.q, d.lockedQ);
    const QJsonValue support = o.value(QStringLiteral("support"));
    if (!support.isNull() && !support.isUndefined()) {
        const auto ends = events(support, prefix + QStringLiteral("support"));
        if (ends.size() != 2 || ends[1] < ends[0])
            fail(QStringLiteral("%1support must be null or [A, B] with A <= B").arg(prefix));
        const klscope::EventRange range{ends[0], ends[1]};
        // Checked here, before anything of this size is allocated.
        if (range.size() > klscope::kMaxEvents)
            fail(QStringLiteral("%1support %2..%3 has %4 events, more than the limit of %5")
                     .arg(prefix)
                     .arg(range.first)
                     .arg(range.last)
                     .arg(range.size())
                     .arg(klscope::kMaxEvents));
        d.support = range;
    }
    d.renormalize = boolean(o, QStringLiteral("renormalize"), false, prefix + QStringLiteral("renormalize"));
    d.smoothing = o.contains(QStringLiteral("smoothing"))
                      ? number(o.value(QStringLiteral("smoothing")), prefix + QStringLiteral("smoothing"))
                      : 0.0;
    if (!(d.smoothing >= 0.0))
        fail(QStringLiteral("%1smoothing must be a number >= 0").arg(prefix));
    return d;
}

klscope::ContinuousDistribution continuousSideFromJson(const QJsonValue &value, const QString &where)
{
    if (!value.isObject() || !value.toObject().value(QStringLiteral("spec")).isString())
        fail(QStringLiteral("%1 must be an object with a \"spec\" string such as \"normal:mu=0,sigma=1\"")
                 .arg(where));
    const QString spec = value.toObject().value(QStringLiteral("spec")).toString();
    try {
        return klscope::parseContinuousSpec(spec.toStdString());
    } catch (const std::exception &) {
        fail(where + QStringLiteral(": ") + currentCoreError());
    }
}

ContinuousPair continuousFromJson(const QJsonObject &o, const QString &prefix)
{
    ContinuousPair c;
    c.p = continuousSideFromJson(o.value(QStringLiteral("p")), prefix + QStringLiteral("p"));
    c.q = continuousSideFromJson(o.value(QStringLiteral("q")), prefix + QStringLiteral("q"));
    c.binWidth = o.contains(QStringLiteral("bin_width"))
                     ? number(o.value(QStringLiteral("bin_width")), prefix + QStringLiteral("bin_width"))
                     : 0.0;
    if (!(c.binWidth >= 0.0))
        fail(QStringLiteral("%1bin_width must be a number >= 0").arg(prefix));
    return c;
}

SessionView viewFromJson(const QJsonObject &o)
{
    const QJsonValue viewValue = o.value(QStringLiteral("view"));
    if (!viewValue.isUndefined() && !viewValue.isObject())
        fail(QStringLiteral("view must be an object"));
    const QJsonObject view = viewValue.toObject();
    SessionView v;
    v.klPQ = boolean(view, QStringLiteral("kl_pq"), true, QStringLiteral("view.kl_pq"));
    v.klQP = boolean(view, QStringLiteral("kl_qp"), true, QStringLiteral("view.kl_qp"));
    v.js = boolean(view, QStringLiteral("js"), true, QStringLiteral("view.js"));
    v.keepTotal = boolean(view, QStringLiteral("keep_total"), true, QStringLiteral("view.keep_total"));
    return v;
}

} // namespace

QByteArray sessionToJson(const DocumentState &s, const QString &autosaveOf, const SessionPages &pagesIn,
                         const QString &page)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QStringLiteral("klscope-session"));
    o.insert(QStringLiteral("version"), kSessionFormatVersion);
    o.insert(QStringLiteral("page"), page);
    QJsonObject pages{{QStringLiteral("compare"), comparePageToJson(s)}};
    forEachSessionPage(
        [&](const auto &codec, const auto &state) {
            if (state)
                pages.insert(QLatin1String(codec.key), codec.toJson(*state));
        },
        pagesIn);
    o.insert(QStringLiteral("pages"), pages);
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
        if (version.toDouble() == 1) {
            // Version 1: one discrete pair at the top level, and the plots' term toggles.
            s.pair = discreteFromJson(o, QString());
            s.unit = unitFromJson(o, QStringLiteral("unit"));
            s.preset = string(o, QStringLiteral("preset"), QStringLiteral("preset"));
            c.legacyView = viewFromJson(o);
        } else {
            const QJsonValue pages = o.value(QStringLiteral("pages"));
            if (!pages.isObject() || !pages.toObject().value(QStringLiteral("compare")).isObject())
                fail(QStringLiteral("pages.compare is missing or not an object"));
            const QJsonObject page = pages.toObject().value(QStringLiteral("compare")).toObject();
            const QString domain =
                string(page, QStringLiteral("domain"), QStringLiteral("pages.compare.domain"));
            const QString prefix = QStringLiteral("pages.compare.");
            if (domain == QLatin1String("discrete"))
                s.pair = discreteFromJson(page, prefix);
            else if (domain == QLatin1String("continuous"))
                s.pair = continuousFromJson(page, prefix);
            else
                fail(QStringLiteral("pages.compare.domain must be \"discrete\" or \"continuous\", not \"%1\"")
                         .arg(domain));
            s.unit = unitFromJson(page, prefix + QStringLiteral("unit"));
            s.preset = string(page, QStringLiteral("preset"), prefix + QStringLiteral("preset"));
            forEachSessionPage(
                [&](const auto &codec, auto &state) {
                    const QString key = QLatin1String(codec.key);
                    const QJsonValue value = pages.toObject().value(key);
                    if (value.isUndefined())
                        return;
                    if (!value.isObject())
                        fail(QStringLiteral("pages.%1 is not an object").arg(key));
                    auto read = codec.fromJson(value.toObject(), QStringLiteral("pages.%1.").arg(key));
                    if (const QString *e = std::get_if<QString>(&read))
                        fail(*e);
                    state = std::move(std::get<0>(read));
                },
                c.pages);
            c.page = string(o, QStringLiteral("page"), QStringLiteral("page"));
            const QStringList names = sessionPageNames();
            if (c.page.isEmpty())
                c.page = QStringLiteral("compare");
            else if (!names.contains(c.page))
                fail(QStringLiteral("page must be one of %1, not \"%2\"")
                         .arg(QLatin1Char('"') + names.join(QStringLiteral("\", \"")) + QLatin1Char('"'),
                              c.page));
        }
        c.autosaveOf = string(o, QStringLiteral("autosave_of"), QStringLiteral("autosave_of"));
        return c;
    } catch (const std::exception &) {
        return currentCoreError();
    }
}

QString writeSessionFile(const QByteArray &json, const QString &path)
{
    AtomicWriter writer(path);
    if (QString error = writer.open(); !error.isEmpty())
        return error;
    writer.write(json);
    return writer.commit();
}

std::variant<SessionContents, QString> loadSession(const QString &path)
{
    // The same check as every data file, before opening: a FIFO would block the window forever.
    const std::filesystem::path native(QFile::encodeName(path).toStdString());
    if (const auto refused = klscope::import::checkRegularFile(native, kMaxSessionBytes)) {
        // The sentence starts with the file's name, which the message names in full already.
        const std::string prefix = klscope::import::displayName(native) + ": ";
        std::string why = refused->message;
        if (why.starts_with(prefix))
            why.erase(0, prefix.size());
        return QStringLiteral("Cannot read file %1:\n%2")
            .arg(QDir::toNativeSeparators(path), QString::fromStdString(why));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("Cannot read file %1:\n%2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    // Read at most the limit, even if the file grew after the check.
    const QByteArray json = file.read(kMaxSessionBytes + 1);
    if (json.size() > kMaxSessionBytes)
        return QStringLiteral("Cannot read file %1:\nit is larger than the limit of %2 for a session file")
            .arg(QDir::toNativeSeparators(path),
                 QString::fromStdString(klscope::import::byteLimitText(kMaxSessionBytes)));
    auto result = sessionFromJson(json);
    if (auto *error = std::get_if<QString>(&result))
        return QStringLiteral("Cannot read file %1:\n%2").arg(QDir::toNativeSeparators(path), *error);
    return result;
}
