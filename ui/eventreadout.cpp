#include "eventreadout.h"

#include <QStringList>

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

namespace klscope {

std::ptrdiff_t eventIndex(const Comparison &c, double x)
{
    if (!std::isfinite(x))
        return -1;
    const auto event = static_cast<std::int64_t>(std::llround(x));
    if (!c.support.contains(event))
        return -1;
    return static_cast<std::ptrdiff_t>(event - c.support.first);
}

QString unitText(Unit unit)
{
    const std::string_view name = unitName(unit);
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

QString significantDigits(double value, int digits)
{
    // printf's "%#.*g" without its locale: scientific to find the rounded exponent, then fixed
    // notation where %g would use it, trailing zeros kept either way.
    if (!std::isfinite(value) || value == 0 || digits < 1)
        return QString::number(value);
    char buffer[64];
    auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific, digits - 1);
    const std::string_view scientific(buffer, std::size_t(result.ptr - buffer));
    const int exponent = std::stoi(std::string(scientific.substr(scientific.find('e') + 1)));
    if (exponent < -4 || exponent >= digits)
        return QString::fromLatin1(scientific.data(), qsizetype(scientific.size()));
    result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, digits - 1 - exponent);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

QString formatValue(double value)
{
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+∞") : QStringLiteral("−∞");
    if (std::isnan(value))
        return QStringLiteral("—");
    // Four significant digits with trailing zeros (the same precision side by side), true minus sign.
    if (value == 0)
        return QStringLiteral("0");
    QString text = significantDigits(std::fabs(value), 4);
    if (value < 0)
        text.prepend(QChar(0x2212));
    return text;
}

QString eventReadout(const Comparison &c, std::size_t index, bool klPQ, bool klQP, bool js)
{
    if (index >= c.p.size())
        return {};
    const QString unit = unitText(c.unit);
    const double p = c.p[index];
    const double q = c.q[index];
    QStringList lines;
    lines << QStringLiteral("x = %1").arg(c.support.first + static_cast<std::int64_t>(index));
    lines << QStringLiteral("p = %1").arg(formatValue(p));
    lines << QStringLiteral("q = %1").arg(formatValue(q));
    const auto term = [&](std::span<const double> v, const QString &name, const QString &why) {
        if (index >= v.size())
            return;
        QString line = QStringLiteral("%1 = %2 %3").arg(name, formatValue(v[index]), unit);
        if (std::isinf(v[index]))
            line += QStringLiteral(" (%1)").arg(why);
        lines << line;
    };
    if (klPQ)
        term(c.klPQ, QStringLiteral("p·log(p/q) [KL(P‖Q)]"), QStringLiteral("q = 0 where p > 0"));
    if (klQP)
        term(c.klQP, QStringLiteral("q·log(q/p) [KL(Q‖P)]"), QStringLiteral("p = 0 where q > 0"));
    if (js)
        term(c.js, QStringLiteral("JS term"), QString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace klscope
