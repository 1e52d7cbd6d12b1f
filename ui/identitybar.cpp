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
    return QString::number(v, 'g', 3);
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

void IdentityBar::setTerms(double entropy, double divergence, double scale)
{
    m_entropy = entropy;
    m_divergence = divergence;
    m_scale = scale;
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

void IdentityBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(1, 1, -1, -1);
    const double width = area.width();

    const double entropy = std::isfinite(m_entropy) ? std::max(m_entropy, 0.0) : 0.0;
    const bool infinite = std::isinf(m_divergence) && m_divergence > 0;
    const double divergence = infinite || !std::isfinite(m_divergence) ? 0.0 : std::max(m_divergence, 0.0);
    double scale = std::isfinite(m_scale) && m_scale > 0 ? m_scale : entropy + divergence;
    if (scale <= 0)
        scale = 1;

    double entropyWidth = std::min(width, width * entropy / scale);
    double divergenceWidth = 0;
    if (infinite) {
        entropyWidth = std::min(entropyWidth, width * (1.0 - kInfiniteShare));
        divergenceWidth = width - entropyWidth;
    } else {
        divergenceWidth = std::min(width - entropyWidth, width * divergence / scale);
    }

    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRect(area);

    const QRectF entropyRect(area.left(), area.top(), entropyWidth, area.height());
    const QRectF divergenceRect(area.left() + entropyWidth, area.top(), divergenceWidth, area.height());
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_entropyColour);
    painter.drawRect(entropyRect);
    painter.setBrush(m_divergenceColour);
    painter.drawRect(divergenceRect);
    if (infinite) {
        painter.setBrush(
            QBrush(klscope::palette::withAlpha(klscope::palette::infinite(), 90), Qt::BDiagPattern));
        painter.drawRect(divergenceRect);
    }

    // Numbers go inside their segment only where they fit; the text colour stays readable on the fill.
    const QFontMetrics metrics = fontMetrics();
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
    label(entropyRect, shortNumber(m_entropy));
    label(divergenceRect, infinite ? QStringLiteral("∞") : shortNumber(m_divergence));
}
