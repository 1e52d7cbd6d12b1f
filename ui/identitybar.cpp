#include "identitybar.h"

#include "palette.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

// Short numbers for inside the segments; the metric labels carry the full precision.
QString shortNumber(double v)
{
    if (std::isinf(v))
        return QStringLiteral("∞");
    // The true minus sign, as in the metric labels.
    return QString::number(v, 'g', 3).replace(QLatin1Char('-'), QChar(0x2212));
}

// An infinite segment never takes less than this share of the width, so "∞" always has room.
constexpr double kInfiniteShare = 0.35;

} // namespace

IdentityBar::IdentityBar(QWidget *parent)
    : QWidget(parent), m_entropyColour(klscope::palette::entropy()),
      m_divergenceColour(klscope::palette::klPQ())
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void IdentityBar::setTerms(double entropy, double divergence, double low, double high)
{
    m_entropy = entropy;
    m_divergence = divergence;
    m_low = low;
    m_high = high;
    update();
}

void IdentityBar::setColours(const QColor &entropy, const QColor &divergence)
{
    m_entropyColour = entropy;
    m_divergenceColour = divergence;
    update();
}

QSize IdentityBar::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(QLatin1Char('0')) * 30, fontMetrics().height() * 3 / 2 + 4};
}

QSize IdentityBar::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QLatin1Char('0')) * 10, sizeHint().height()};
}

QRectF IdentityBar::barArea() const
{
    return QRectF(rect()).adjusted(1, 1, -1, -1);
}

IdentityBar::Segments IdentityBar::segments() const
{
    return segments(barArea());
}

IdentityBar::Segments IdentityBar::segments(const QRectF &area) const
{
    const double entropy = std::isfinite(m_entropy) ? m_entropy : 0.0;
    const bool infinite = std::isinf(m_divergence) && m_divergence > 0;
    const double divergence = infinite || !std::isfinite(m_divergence) ? 0.0 : std::max(m_divergence, 0.0);
    const double cross = entropy + divergence;

    // The range shown always holds the zero line and both finite ends.
    const bool given = std::isfinite(m_low) && std::isfinite(m_high) && m_high > m_low;
    double low = std::min({given ? m_low : 0.0, 0.0, entropy, cross});
    double high = std::max({given ? m_high : 0.0, 0.0, entropy, cross});
    if (!(high > low))
        high = low + 1;
    const double width = area.width();
    const auto at = [&](double v) {
        return area.left() + width * (v - low) / (high - low);
    };

    Segments s;
    s.zeroX = at(0.0);
    double entropyEnd = at(entropy);
    double divergenceEnd = at(cross);
    if (infinite) {
        // The infinite segment keeps at least kInfiniteShare of the width, so "∞" always has room.
        const double limit = area.left() + width * (1.0 - kInfiniteShare);
        entropyEnd = std::min(entropyEnd, limit);
        s.zeroX = std::min(s.zeroX, limit);
        divergenceEnd = area.right();
    }
    // A negative entropy and the divergence that starts at it overlap on the line, so each gets a lane:
    // the entropy above, the divergence below.
    const double split = entropy < 0 ? area.center().y() : area.bottom();
    s.entropy = QRectF(QPointF(std::min(s.zeroX, entropyEnd), area.top()),
                       QPointF(std::max(s.zeroX, entropyEnd), split));
    s.divergence =
        QRectF(QPointF(entropyEnd, entropy < 0 ? split : area.top()), QPointF(divergenceEnd, area.bottom()));
    return s;
}

void IdentityBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = barArea();
    const Segments s = segments(area);
    const bool infinite = std::isinf(m_divergence) && m_divergence > 0;

    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRect(area);

    painter.setPen(Qt::NoPen);
    painter.setBrush(m_entropyColour);
    painter.drawRect(s.entropy);
    painter.setBrush(m_divergenceColour);
    painter.drawRect(s.divergence);
    if (infinite) {
        painter.setBrush(
            QBrush(klscope::palette::withAlpha(klscope::palette::infinite(), 90), Qt::BDiagPattern));
        painter.drawRect(s.divergence);
    }
    // The zero line, where the bar does not start at zero: a negative entropy reads as negative.
    if (s.zeroX > area.left() + 0.5) {
        painter.setPen(QPen(palette().color(QPalette::WindowText), 1.5));
        painter.drawLine(QPointF(s.zeroX, area.top()), QPointF(s.zeroX, area.bottom()));
    }

    // Numbers go inside their segment only where they fit; the text colour stays readable on the fill.
    // In the half-height lanes of a negative entropy the numbers get a smaller font.
    QFont font = painter.font();
    if (s.entropy.height() < fontMetrics().height() && s.entropy.height() > 0)
        font.setPointSizeF(std::max(6.0, font.pointSizeF() * s.entropy.height() / fontMetrics().height()));
    painter.setFont(font);
    const QFontMetrics metrics(font);
    auto label = [&](const QRectF &r, const QString &text) {
        if (metrics.horizontalAdvance(text) + 6 > r.width())
            return;
        const QRectF box = QRectF(r.center().x() - (metrics.horizontalAdvance(text) + 6) / 2.0,
                                  r.center().y() - metrics.height() / 2.0,
                                  metrics.horizontalAdvance(text) + 6, metrics.height());
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 210));
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(Qt::black);
        painter.drawText(box, Qt::AlignCenter, text);
    };
    label(s.entropy, shortNumber(m_entropy));
    label(s.divergence, infinite ? QStringLiteral("∞") : shortNumber(m_divergence));
}
