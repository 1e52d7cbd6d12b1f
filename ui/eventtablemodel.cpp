#include "eventtablemodel.h"

#include "metricspanel.h"
#include "palette.h"

#include <QBrush>
#include <QStringList>

#include <cmath>
#include <limits>

EventTableModel::EventTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void EventTableModel::setComparison(const klscope::Comparison &c)
{
    // Only what the table shows is copied: the log masses and warnings stay behind.
    auto copy = std::make_shared<klscope::Comparison>();
    copy->support = c.support;
    copy->unit = c.unit;
    copy->p = c.p;
    copy->q = c.q;
    copy->klPQ = c.klPQ;
    copy->klQP = c.klQP;
    copy->js = c.js;
    copy->totals = c.totals;
    setComparison(std::shared_ptr<const klscope::Comparison>(std::move(copy)));
}

void EventTableModel::setComparison(std::shared_ptr<const klscope::Comparison> c)
{
    beginResetModel();
    m_comparison = std::move(c);
    endResetModel();
}

QString EventTableModel::formatNumber(double v)
{
    QString text = MetricsPanel::formatValue(v);
    // "e-05" becomes "e−5" and "e+06" "e6": two characters fewer in the widest cells.
    const qsizetype e = text.indexOf(QLatin1Char('e'));
    if (e < 0)
        return text;
    qsizetype digits = e + 1;
    QString exponent;
    if (digits < text.size() &&
        (text.at(digits) == QLatin1Char('-') || text.at(digits) == QLatin1Char('+'))) {
        if (text.at(digits) == QLatin1Char('-'))
            exponent += QChar(0x2212);
        ++digits;
    }
    while (digits + 1 < text.size() && text.at(digits) == QLatin1Char('0'))
        ++digits;
    return text.left(e + 1) + exponent + text.mid(digits);
}

QString EventTableModel::formatShare(double share)
{
    if (std::isnan(share))
        return QStringLiteral("—");
    if (std::isinf(share))
        return QStringLiteral("∞ (all)");
    QString text = QString::number(std::fabs(share) * 100.0, 'g', 4);
    if (share < 0)
        text.prepend(QChar(0x2212));
    return text + QStringLiteral(" %");
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_comparison)
        return 0;
    return static_cast<int>(m_comparison->p.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double EventTableModel::rawValue(int row, int column) const
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (!m_comparison || row < 0 || row >= rowCount())
        return nan;
    const klscope::Comparison &c = *m_comparison;
    const auto i = static_cast<std::size_t>(row);
    auto term = [i, nan](std::span<const double> terms) {
        return i < terms.size() ? terms[i] : nan;
    };
    switch (column) {
    case EventColumn:
        return static_cast<double>(c.support.first + row);
    case PColumn:
        return c.p[i];
    case QColumn:
        return c.q[i];
    case KlPQColumn:
        return term(c.klPQ);
    case KlQPColumn:
        return term(c.klQP);
    case JsColumn:
        return term(c.js);
    case ShareColumn: {
        const double t = term(c.klPQ);
        const double total = c.totals.klPQ;
        if (std::isnan(t))
            return nan;
        if (std::isinf(total))
            return std::isinf(t) ? std::numeric_limits<double>::infinity() : 0.0;
        // A zero total (P = Q) has no meaningful shares; every event then carries none of it.
        if (total == 0.0)
            return 0.0;
        return t / total;
    }
    default:
        return nan;
    }
}

QString EventTableModel::unitName() const
{
    const klscope::Unit unit = m_comparison ? m_comparison->unit : klscope::Unit::Nats;
    return QString::fromLatin1(klscope::unitName(unit));
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: {
        const double v = rawValue(index.row(), column);
        if (column == EventColumn)
            return QString::number(static_cast<qint64>(v));
        if (std::isnan(v))
            return QStringLiteral("—");
        if (column == ShareColumn)
            return formatShare(v);
        return formatNumber(v);
    }
    case RawValueRole:
        return rawValue(index.row(), column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // Terms that make a KL infinite stand out; everything else keeps the view's colours.
        if ((column == KlPQColumn || column == KlQPColumn) && std::isinf(rawValue(index.row(), column)))
            return QBrush(klscope::palette::q().darker(130));
        return {};
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    const QString unit = unitName();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case EventColumn:
            return QStringLiteral("x");
        case PColumn:
            return QStringLiteral("p");
        case QColumn:
            return QStringLiteral("q");
        case KlPQColumn:
            return QStringLiteral("p·log(p/q) [%1]").arg(unit);
        case KlQPColumn:
            return QStringLiteral("q·log(q/p) [%1]").arg(unit);
        case JsColumn:
            return QStringLiteral("JS term [%1]").arg(unit);
        case ShareColumn:
            return QStringLiteral("share of KL(P‖Q)");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case EventColumn:
            return tr("The event x of the support.");
        case PColumn:
            return tr("The mass of P at x, as used in the computation.");
        case QColumn:
            return tr("The mass of Q at x, as used in the computation.");
        case KlPQColumn:
            return tr("This event's term of KL(P‖Q) = Σ p·log(p/q), in %1. Negative where q > p; "
                      "∞ where Q = 0 but P > 0.")
                .arg(unit);
        case KlQPColumn:
            return tr("This event's term of KL(Q‖P) = Σ q·log(q/p), in %1. Negative where p > q; "
                      "∞ where P = 0 but Q > 0.")
                .arg(unit);
        case JsColumn:
            return tr("This event's term of the Jensen–Shannon divergence, ½[p·log(p/m) + q·log(q/m)] "
                      "with m = (p+q)/2, in %1. Never negative.")
                .arg(unit);
        case ShareColumn:
            return tr("This event's term of KL(P‖Q) divided by the total. 0 when the total is 0; when "
                      "the total is ∞, the events that make it infinite show \"∞ (all)\".");
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole) {
        if (section == PColumn)
            return QBrush(klscope::palette::p());
        if (section == QColumn)
            return QBrush(klscope::palette::q());
    }
    return {};
}

QString EventTableModel::csvHeader(int column) const
{
    const QString unit = unitName();
    switch (column) {
    case EventColumn:
        return QStringLiteral("x");
    case PColumn:
        return QStringLiteral("p");
    case QColumn:
        return QStringLiteral("q");
    case KlPQColumn:
        return QStringLiteral("kl_pq_") + unit;
    case KlQPColumn:
        return QStringLiteral("kl_qp_") + unit;
    case JsColumn:
        return QStringLiteral("js_") + unit;
    case ShareColumn:
        return QStringLiteral("share_of_kl_pq");
    default:
        return {};
    }
}

QString EventTableModel::csvHeaderLine() const
{
    QStringList header;
    for (int column = 0; column < ColumnCount; ++column)
        header.append(csvHeader(column));
    return header.join(QLatin1Char(','));
}

QString EventTableModel::csvRow(int row) const
{
    const auto number = [](double v) {
        if (std::isnan(v))
            return QStringLiteral("nan");
        if (std::isinf(v))
            return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
        return QString::asprintf("%.17g", v);
    };
    QString line = QString::number(static_cast<qint64>(rawValue(row, EventColumn)));
    for (int column = PColumn; column < ColumnCount; ++column) {
        line += QLatin1Char(',');
        line += number(rawValue(row, column));
    }
    return line;
}
