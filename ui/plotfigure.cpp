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

// A legend laid out in one row (columns first) is cut at the edges of a figure narrower than the row:
// wrap it onto as few rows as fit. Returns the wrap to restore, or -1 when nothing was changed.
int wrapLegend(QCustomPlot *plot, int width)
{
    QCPLegend *legend = plot->legend;
    if (!legend || !legend->visible() || legend->fillOrder() != QCPLayoutGrid::foColumnsFirst ||
        legend->minimumOuterSizeHint().width() <= width)
        return -1;
    const int old = legend->wrap();
    for (int columns = legend->itemCount() - 1; columns >= 1; --columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        if (legend->minimumOuterSizeHint().width() <= width)
            break;
    }
    return old;
}

void unwrapLegend(QCustomPlot *plot, int wrap)
{
    if (wrap < 0)
        return;
    plot->legend->setWrap(wrap);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
}

} // namespace

int measureAtSize(QCustomPlot *plot, QSize size, const std::function<void()> &fitToSize,
                  const std::function<int()> &measure)
{
    const QRect screen = plot->viewport();
    plot->setViewport(QRect(QPoint(0, 0), size));
    layOut(plot);
    fitToSize();
    const int wrap = wrapLegend(plot, size.width());
    // Again after the refit, which may change the data, the ranges and so the tick labels measured.
    layOut(plot);
    const int value = measure();
    unwrapLegend(plot, wrap);
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
    const int wrap = wrapLegend(plot, size.width());
    if (wrap >= 0)
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
    unwrapLegend(plot, wrap);
    plot->setViewport(screen);
    layOut(plot);
    fitToSize();
    return picture;
}
