#include "sessionjson.h"

#include <cmath>
#include <stdexcept>

namespace sessionjson {

void fail(const QString &message)
{
    throw std::invalid_argument(message.toStdString());
}

double number(const QJsonValue &v, const QString &where)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        fail(QStringLiteral("%1 must be a finite number").arg(where));
    return v.toDouble();
}

namespace {

QString rangeText(double low, double high)
{
    // Every digit of a whole bound (1000000, not 1e+06).
    const auto text = [](double x) {
        return QString::number(x, 'g', 17);
    };
    if (high == std::numeric_limits<double>::max())
        return low == -std::numeric_limits<double>::max() ? QString()
                                                          : QStringLiteral(" >= %1").arg(text(low));
    return QStringLiteral(" between %1 and %2").arg(text(low), text(high));
}

// The number at `key` in [low, high] (a whole one when `whole`), `fallback` when the key is absent.
double checkedNumber(const QJsonObject &o, const QString &key, double fallback, const QString &where,
                     double low, double high, bool whole)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return fallback;
    const double x = v.toDouble();
    if (!v.isDouble() || !std::isfinite(x) || x < low || x > high || (whole && x != std::floor(x)))
        fail(QStringLiteral("%1 must be a %2%3")
                 .arg(where, whole ? QStringLiteral("whole number") : QStringLiteral("number"),
                      rangeText(low, high)));
    return x;
}

} // namespace

double numberIn(const QJsonObject &o, const QString &key, double fallback, const QString &where, double low,
                double high)
{
    return checkedNumber(o, key, fallback, where, low, high, false);
}

qint64 integerIn(const QJsonObject &o, const QString &key, qint64 fallback, const QString &where, qint64 low,
                 qint64 high)
{
    return static_cast<qint64>(
        checkedNumber(o, key, double(fallback), where, double(low), double(high), true));
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

QString string(const QJsonObject &o, const QString &key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isString())
        fail(QStringLiteral("%1 must be a string").arg(where));
    return v.toString();
}

std::vector<double> numbers(const QJsonValue &v, const QString &where, std::size_t maxCount)
{
    if (!v.isArray())
        fail(QStringLiteral("%1 must be a list of numbers").arg(where));
    const QJsonArray array = v.toArray();
    if (std::size_t(array.size()) > maxCount)
        fail(QStringLiteral("%1 has %2 entries, more than the limit of %3")
                 .arg(where)
                 .arg(array.size())
                 .arg(maxCount));
    std::vector<double> out;
    out.reserve(std::size_t(array.size()));
    for (const QJsonValue &x : array)
        out.push_back(number(x, where));
    return out;
}

QJsonObject object(const QJsonObject &o, const QString &key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (!v.isObject())
        fail(QStringLiteral("%1 is missing or not an object").arg(where));
    return v.toObject();
}

} // namespace sessionjson
