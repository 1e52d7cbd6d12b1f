#include "tvboundsbar.h"

#include "palette.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

QString shortNumber(double v)
{
    if (std::isnan(v))
        return QStringLiteral("—");
    return QString::number(v, 'g', 3);
}

constexpr int kAxisHeight = 14; // room under the lanes for the 0, 0.5, 1 ticks

} // namespace

TvBoundsBar::TvBoundsBar(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setSummary(klscope::Summary{});
}

void TvBoundsBar::setSummary(const klscope::Summary &s)
{
    const klscope::TotalVariationBounds b = klscope::totalVariationBounds(s);
    const bool infinitePQ = std::isinf(s.klPQ.value) && s.klPQ.value > 0;
    const bool infiniteQP = std::isinf(s.klQP.value) && s.klQP.value > 0;
    auto lane = [](const QString &name, double bound, bool trivial) {
        Lane l{name, bound, trivial, {}};
        l.text = trivial ? tr("%1: 1 (trivial: KL = ∞)").arg(name)
                         : QStringLiteral("%1: %2").arg(name, shortNumber(bound));
        return l;
    };
    m_lanes = {lane(tr("Pinsker, KL(P‖Q)"), b.pinskerPQ, infinitePQ),
               lane(tr("Pinsker, KL(Q‖P)"), b.pinskerQP, infiniteQP),
               lane(tr("Bretagnolle–Huber, KL(P‖Q)"), b.bretagnolleHuberPQ, infinitePQ),
               lane(tr("Bretagnolle–Huber, KL(Q‖P)"), b.bretagnolleHuberQP, infiniteQP)};
    m_tv = s.totalVariation.value;

    QStringList tip{
        tr("Total variation TV = %1 and its upper bounds from KL (in nats):").arg(shortNumber(m_tv)),
        tr("Pinsker TV ≤ √(KL/2), Bretagnolle–Huber TV ≤ √(1 − e^(−KL)).")};
    for (const Lane &l : std::as_const(m_lanes))
        tip.append(l.text);
    setToolTip(tip.join(QLatin1Char('\n')));
    update();
}

double TvBoundsBar::xOf(double v, const QRectF &area)
{
    return area.left() + area.width() * std::clamp(v, 0.0, 1.0);
}

QSize TvBoundsBar::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(QLatin1Char('0')) * 40,
            4 * (fontMetrics().height() + 2) + kAxisHeight + fontMetrics().height() + 4};
}

QSize TvBoundsBar::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QLatin1Char('0')) * 20, sizeHint().height()};
}

void TvBoundsBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    const int laneHeight = metrics.height() + 2;
    // The TV caption sits above the lanes, the axis ticks below.
    const QRectF lanesArea(1, metrics.height() + 2, width() - 2, laneHeight * m_lanes.size());
    const QRectF caption(1, 0, width() - 2, metrics.height());

    const QColor pinsker = klscope::palette::klPQ();
    const QColor huber = klscope::palette::klQP();
    for (int i = 0; i < m_lanes.size(); ++i) {
        const Lane &l = m_lanes[i];
        const QRectF laneRect(lanesArea.left(), lanesArea.top() + i * laneHeight, lanesArea.width(),
                              laneHeight - 2);
        painter.setPen(QPen(palette().color(QPalette::Mid), 1));
        painter.setBrush(palette().color(QPalette::Base));
        painter.drawRect(laneRect);
        if (!std::isnan(l.bound)) {
            const QRectF bar(laneRect.topLeft(), QPointF(xOf(l.bound, laneRect), laneRect.bottom()));
            painter.setPen(Qt::NoPen);
            painter.setBrush(klscope::palette::withAlpha(i < 2 ? pinsker : huber, 150));
            painter.drawRect(bar);
            if (l.trivial) {
                painter.setBrush(
                    QBrush(klscope::palette::withAlpha(klscope::palette::infinite(), 90), Qt::BDiagPattern));
                painter.drawRect(bar);
            }
            // The bound's end as a tick, so a bound just above TV still reads apart from the marker.
            painter.setPen(QPen(palette().color(QPalette::WindowText), 1.5));
            painter.drawLine(QPointF(bar.right(), laneRect.top()), QPointF(bar.right(), laneRect.bottom()));
        }
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(laneRect.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter, l.text);
    }

    // The axis: 0, 0.5 and 1 under the lanes.
    const double axisY = lanesArea.bottom() + 1;
    painter.setPen(QPen(palette().color(QPalette::WindowText), 1));
    for (double v : {0.0, 0.5, 1.0}) {
        const double x = xOf(v, lanesArea);
        painter.drawLine(QPointF(x, axisY), QPointF(x, axisY + 3));
        const QString text = QString::number(v);
        const double w = metrics.horizontalAdvance(text);
        const double left = std::clamp(x - w / 2, lanesArea.left(), lanesArea.right() - w);
        painter.drawText(QRectF(left, axisY + 3, w + 1, metrics.height()), Qt::AlignCenter, text);
    }

    // TV as a marker across every lane, with its value above.
    if (std::isfinite(m_tv)) {
        const double x = xOf(m_tv, lanesArea);
        painter.setPen(QPen(klscope::palette::js(), 2.5));
        painter.drawLine(QPointF(x, lanesArea.top() - 3), QPointF(x, lanesArea.bottom() + 1));
        const QString text = tr("TV = %1").arg(shortNumber(m_tv));
        const double w = metrics.horizontalAdvance(text) + 4;
        const double left = std::clamp(x - w / 2, caption.left(), caption.right() - w);
        painter.setPen(klscope::palette::js());
        painter.drawText(QRectF(left, caption.top(), w, caption.height()), Qt::AlignCenter, text);
    }
}
