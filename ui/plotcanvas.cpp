#include "plotcanvas.h"

#include "eventreadout.h"
#include "eventseries.h"
#include "plotfigure.h"
#include "versions.h"

#include <qcustomplot.h>

#include <QToolTip>
#include <QWheelEvent>

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

QString klscope::versions::qcustomplot()
{
    return QStringLiteral(QCUSTOMPLOT_VERSION_STR);
}

void PlotCanvas::createCanvas(QWidget *widget, const QString &objectName)
{
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    plot = new QCustomPlot(widget);
    plot->setObjectName(objectName);
    plot->setMouseTracking(true);
    layout->addWidget(plot);
}

void PlotCanvas::connectReplotted(QObject *context, const std::function<void()> &replotted)
{
    // The look may depend on the pixel width, known once the plot has laid itself out.
    QObject::connect(plot, &QCustomPlot::afterReplot, context, [this, replotted] {
        if (needsRefit()) {
            update();
            return;
        }
        // The legend wraps to the width too, whether or not the data needs redrawing (bars at any width),
        // and again when entries come or go (a fit drawn, a term hidden).
        if (plot->viewport().width() != legendWidth || plot->legend->itemCount() != legendItems) {
            legendWidth = plot->viewport().width();
            legendItems = plot->legend->itemCount();
            const int wrap = plot->legend->wrap();
            klscope::plot::fitLegend(plot);
            if (plot->legend->wrap() != wrap) {
                queueReplot();
                return;
            }
        }
        pending = false;
        replotted();
    });
}

void PlotCanvas::redraw()
{
    update();
    refreshReadout();
}

void PlotCanvas::showReadout(const QMouseEvent *event, const QString &text)
{
    hovering = !text.isEmpty();
    hoverPosition = event->pos();
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot);
}

void PlotCanvas::refreshReadout()
{
    if (!hovering || !readoutText)
        return;
    if (!QToolTip::isVisible()) {
        hovering = false;
        return;
    }
    const QString text = readoutText(hoverPosition);
    if (text.isEmpty()) {
        hovering = false;
        QToolTip::hideText();
    } else if (text != QToolTip::text()) {
        QToolTip::showText(plot->mapToGlobal(hoverPosition), text, plot);
    }
}

void PlotCanvas::queueReplot()
{
    pending = true;
    plot->replot(QCustomPlot::rpQueuedReplot);
}

namespace {

// QCPAxis::calculateMargin is protected; a member pointer taken through a derived class reaches it
// without a cast.
struct MarginProbe : QCPAxis
{
    static auto pointer() { return &MarginProbe::calculateMargin; }
};

} // namespace

std::pair<double, double> PlotCanvas::wheel(const QWheelEvent *event)
{
    const QCPRange now = plot->xAxis->range();
    double a = now.lower, b = now.upper;
    const double steps = event->angleDelta().y() / 120.0;
    if (event->modifiers() & Qt::ShiftModifier) {
        const double shift = -steps * (b - a) * 0.1;
        a += shift;
        b += shift;
    } else {
        const double factor = std::pow(0.8, steps);
        const double at = plot->xAxis->pixelToCoord(event->position().x());
        a = at - (at - a) * factor;
        b = at + (b - at) * factor;
    }
    userRange = clampView(a, b);
    update();
    return *userRange;
}

int PlotCanvas::naturalLeftMargin() const
{
    return (plot->yAxis->*MarginProbe::pointer())();
}

int PlotCanvas::naturalLeftMargin(QSize size)
{
    return measureAtSize(
        plot, size, [this] { fitToViewport(); }, [this] { return naturalLeftMargin(); });
}

int PlotCanvas::alignLeftMargin(int margin)
{
    QMargins minimum = plot->axisRect()->minimumMargins();
    const int previous = minimum.left();
    if (previous == margin)
        return previous;
    minimum.setLeft(margin);
    plot->axisRect()->setMinimumMargins(minimum);
    queueReplot();
    return previous;
}

void PlotCanvas::setTextScale(double factor)
{
    QFont font = plot->parentWidget() ? plot->parentWidget()->font() : plot->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setLabelFont(font);
        axis->setTickLabelFont(font);
    }
    plot->legend->setFont(font);
    update();
}

double PlotCanvas::textPointSize() const
{
    return plot->yAxis->tickLabelFont().pointSizeF();
}

int PlotCanvas::axisLeft() const
{
    return plot->axisRect()->left();
}

QPicture PlotCanvas::figure(QSize size)
{
    // Bars or lines, and the sampling of the curves, follow the width of the export as they follow
    // the width on screen.
    return recordFigure(plot, size, [this] { fitToViewport(); });
}

void PlotCanvas::fitToViewport()
{
    if (needsRefit())
        update();
    klscope::plot::fitLegend(plot);
}

namespace {

const klscope::Comparison &emptyComparison()
{
    static const klscope::Comparison empty;
    return empty;
}

} // namespace

const klscope::Comparison &DiscreteCanvas::comparison() const
{
    return shared ? *shared : emptyComparison();
}

std::pair<double, double> DiscreteCanvas::clampView(double a, double b) const
{
    const klscope::Comparison &c = comparison();
    const double first = double(c.support.first), last = double(c.support.last);
    // At least a few events across, never beyond the support.
    const double span = std::clamp(b - a, 4.0, std::max(4.0, last - first + 1.0));
    if (b - a != span) {
        const double centre = (a + b) / 2;
        a = centre - span / 2;
        b = centre + span / 2;
    }
    if (a < first - 0.5) {
        b += first - 0.5 - a;
        a = first - 0.5;
    }
    if (b > last + 0.5) {
        a -= b - last - 0.5;
        b = last + 0.5;
    }
    return {std::max(a + 0.5, first), std::min(b - 0.5, last)};
}

void DiscreteCanvas::applyXRange(double pad)
{
    // Imported words name the ticks of the event axis.
    klscope::plot::setEventLabels(plot->xAxis, labels);
    const auto [a, b] = userRange
                            ? *userRange
                            : klscope::plot::massRange(comparison(), std::max(1, plot->axisRect()->width()));
    plot->xAxis->setRange(a - pad, b + pad);
}

std::ptrdiff_t DiscreteCanvas::eventAt(QPoint canvasPosition) const
{
    if (!plot->axisRect()->rect().contains(canvasPosition) || comparison().p.empty())
        return -1;
    return klscope::eventIndex(comparison(), plot->xAxis->pixelToCoord(canvasPosition.x()));
}

QString DiscreteCanvas::readoutAt(QPoint canvasPosition) const
{
    const std::ptrdiff_t index = eventAt(canvasPosition);
    if (index < 0)
        return {};
    const klscope::Comparison &c = comparison();
    QString text = klscope::eventReadout(c, std::size_t(index), terms[0], terms[1], terms[2]);
    // An imported event is named by its label too: "x = 2 ('cherry')".
    const std::int64_t x = c.support.first + index;
    if (x >= 0 && std::size_t(x) < labels.size() && !labels[std::size_t(x)].empty()) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'));
        text.insert(end < 0 ? text.size() : end,
                    QStringLiteral(" (‘%1’)").arg(QString::fromStdString(labels[std::size_t(x)])));
    }
    return text;
}
