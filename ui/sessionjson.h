#pragma once

// Reading the keys of a session file (session.h) and of each page's part of it (fitstatejson.h,
// normal2statejson.h, ...). Every reader names the key it refuses, with the prefix it is given
// ("pages.vae.threshold must be a number >= 0"), by throwing std::invalid_argument with that sentence;
// readPage() turns the throw into the sentence, so a page's reader returns its state or the refusal.

#include "corecall.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cstddef>
#include <limits>
#include <variant>
#include <vector>

namespace sessionjson {

/// Throws std::invalid_argument with `message`.
[[noreturn]] void fail(const QString &message);

/// `v` as a finite number, else "<where> must be a finite number".
double number(const QJsonValue &v, const QString &where);
/// The number at `key` (`fallback` when the key is absent), refused unless it is finite and in
/// [low, high]: "<where> must be a number >= 0" (or "between A and B").
double numberIn(const QJsonObject &o, const QString &key, double fallback, const QString &where,
                double low = -std::numeric_limits<double>::max(),
                double high = std::numeric_limits<double>::max());
/// A whole number at `key` in [low, high] (`fallback` when absent): "<where> must be a whole number
/// between A and B".
qint64 integerIn(const QJsonObject &o, const QString &key, qint64 fallback, const QString &where, qint64 low,
                 qint64 high);
/// true or false at `key` (`fallback` when absent).
bool boolean(const QJsonObject &o, const QString &key, bool fallback, const QString &where);
/// The string at `key` ("" when absent).
QString string(const QJsonObject &o, const QString &key, const QString &where);
/// The list of finite numbers `v`, refused when it is not a list or holds more than `maxCount`.
std::vector<double> numbers(const QJsonValue &v, const QString &where, std::size_t maxCount);
/// The object at `key`, refused when it is missing or not an object: "<where> is missing or not an object".
QJsonObject object(const QJsonObject &o, const QString &key, const QString &where);

/// Runs `read` (which throws through the readers above) and returns its state, or the refusal sentence.
template <typename Read> auto readPage(Read &&read) -> std::variant<std::invoke_result_t<Read &>, QString>
{
    try {
        return read();
    } catch (const std::exception &) {
        return currentCoreError();
    }
}

} // namespace sessionjson
