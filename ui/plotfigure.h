#pragma once

// Private to the plot widgets' .cpp files (the only places that include qcustomplot.h): records a
// QCustomPlot at a chosen size as a QPicture, the vector form every export replays. No other file
// includes this header, so QCustomPlot still stays inside the plot widgets.

#include <QPicture>
#include <QSize>

#include <functional>

class QCustomPlot;

/// Draws `plot` at `size` logical pixels into a QPicture and puts the on-screen layout back.
/// `fitToSize` runs after each layout change (first at the export size, then at the screen size), so a
/// plot whose look depends on its width (bars or lines, the legend's wrap) can follow; it may queue a
/// replot.
QPicture recordFigure(QCustomPlot *plot, QSize size, const std::function<void()> &fitToSize);

/// Lays `plot` out at `size` as recordFigure does, returns what `measure` says of that layout (such as
/// the y axis's margin, whose tick labels follow the height), and puts the on-screen layout back.
int measureAtSize(QCustomPlot *plot, QSize size, const std::function<void()> &fitToSize,
                  const std::function<int()> &measure);
