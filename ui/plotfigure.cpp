#include "plotfigure.h"

#include <qcustomplot.h>

namespace {

// QCustomPlot::updateLayout is protected; these are its three public phases.
void layOut(QCustomPlot *plot)
{
    plot->plotLayout()->update(QCPLayoutElement::upPreparation);
    plot->plotLayout()->update(QCPLayoutElement::upMargins);
    plot->plotLayout()->update(QCPLayoutElement::upLayout);
}

} // namespace

int measureAtSize(QCustomPlot *plot, QSize size, const std::function<void()> &fitToSize,
                  const std::function<int()> &measure)
{
    const QRect screen = plot->viewport();
    plot->setViewport(QRect(QPoint(0, 0), size));
    layOut(plot);
    fitToSize();
    // Again after the refit, which may change the data, the ranges and so the tick labels measured.
    layOut(plot);
    const int value = measure();
    plot->setViewport(screen);
    layOut(plot);
    fitToSize();
    return value;
}

QPicture recordFigure(QCustomPlot *plot, QSize size, const std::function<void()> &fitToSize)
{
    const QRect screen = plot->viewport();
    plot->setViewport(QRect(QPoint(0, 0), size));
    layOut(plot);
    fitToSize();
    layOut(plot);

    QPicture picture;
    {
        QCPPainter painter(&picture);
        // Unrounded coordinates: the picture is replayed on PDF and SVG and on scaled images.
        painter.setMode(QCPPainter::pmVectorized);
        plot->toPainter(&painter, size.width(), size.height());
    }
    // toPainter leaves the layout at the export size; the screen buffers were not touched, so laying
    // out again at the old viewport restores the widget exactly (mouse mapping included).
    plot->setViewport(screen);
    layOut(plot);
    fitToSize();
    return picture;
}
