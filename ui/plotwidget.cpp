#include "plotwidget.h"

#include "plotcanvas.h"

#include <qcustomplot.h>

PlotWidget::PlotWidget(std::unique_ptr<PlotCanvas> canvas, const QString &objectName, bool ownMouseMove,
                       QWidget *parent)
    : QWidget(parent), m_canvas(std::move(canvas))
{
    m_canvas->createCanvas(this, objectName);
    QCustomPlot *plot = m_canvas->plot;
    m_canvas->readoutText = [this](QPoint position) {
        return readoutAt(position);
    };
    connect(plot, &QCustomPlot::mouseWheel, this, [this](QWheelEvent *event) {
        const auto [lo, hi] = m_canvas->wheel(event);
        emit zoomed(lo, hi);
    });
    connect(plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *) {
        setZoom(std::nullopt);
        emit zoomReset();
    });
    if (!ownMouseMove)
        connect(plot, &QCustomPlot::mouseMove, this,
                [this](QMouseEvent *event) { m_canvas->showReadout(event, readoutAt(event->pos())); });
    m_canvas->connectReplotted(this, [this] { emit replotted(); });
}

PlotWidget::~PlotWidget() = default;

QWidget *PlotWidget::canvas() const
{
    return m_canvas->plot;
}

int PlotWidget::naturalLeftMargin() const
{
    return m_canvas->naturalLeftMargin();
}

int PlotWidget::legendRows() const
{
    return m_canvas->plot->legend->rowCount();
}

int PlotWidget::naturalLeftMargin(QSize size) const
{
    return m_canvas->naturalLeftMargin(size);
}

int PlotWidget::alignLeftMargin(int margin) const
{
    return m_canvas->alignLeftMargin(margin);
}

int PlotWidget::axisLeft() const
{
    return m_canvas->axisLeft();
}

void PlotWidget::setTextScale(double factor)
{
    m_canvas->setTextScale(factor);
}

double PlotWidget::textPointSize() const
{
    return m_canvas->textPointSize();
}

std::pair<double, double> PlotWidget::visibleRange() const
{
    const QCPRange range = m_canvas->plot->xAxis->range();
    return {range.lower, range.upper};
}

void PlotWidget::setZoom(std::optional<std::pair<double, double>> range)
{
    if (m_canvas->userRange == range)
        return;
    m_canvas->userRange = range;
    m_canvas->update();
}

bool PlotWidget::replotPending() const
{
    return m_canvas->pending;
}

QPicture PlotWidget::figure(QSize size) const
{
    return m_canvas->figure(size);
}
