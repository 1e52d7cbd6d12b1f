#include "eventreadout.h"

#include <QStringList>

#include <cmath>

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

QString formatValue(double value)
{
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+∞") : QStringLiteral("−∞");
    if (std::isnan(value))
        return QStringLiteral("—");
    return QString::number(value, 'g', 4);
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
