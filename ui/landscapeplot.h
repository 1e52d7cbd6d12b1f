#pragma once

// One loss landscape of the fitting lab: a divergence over two of Q's parameters as a colour map (shown as
// ln(1 + KL), so the deep valleys and the far plateaus both read), or over one parameter as a curve, with
// the minima marked as points and the picked Q as a cross. A map carries iso-lines (contours.h) at a handful
// of levels of ln(1 + KL), white over the dark valleys and dark over the bright plateaus so each reads on
// viridis; an optimiser's path (the animation) is drawn on top of everything. A click (press and release in
// one place) on the axis rect emits the parameter values there. Fed with plain numbers; QCustomPlot stays
// inside the .cpp.

#include "plotwidget.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>

#include <cstddef>
#include <optional>
#include <vector>

/// The numbers one landscape plot draws.
struct LandscapeData
{
    QString title;          ///< "KL(P‖Q)"
    QString xTitle, yTitle; ///< parameter names; yTitle empty for a curve
    double xFrom = 0, xTo = 1;
    std::size_t xCount = 0;
    double yFrom = 0, yTo = 1;
    std::size_t yCount = 0; ///< 0: a curve over x
    /// Row-major values (node (i, j) at j * xCount + i), in nats; NaN where not computed or invalid.
    std::vector<double> values;
};

class LandscapePlot : public PlotWidget
{
    Q_OBJECT

public:
    explicit LandscapePlot(QWidget *parent = nullptr);
    ~LandscapePlot() override;

    void setData(LandscapeData data);
    const LandscapeData &data() const;
    /// The minima marked (x, y in parameter values; y ignored for a curve), the first one filled (global).
    void setMinima(QList<QPointF> minima);
    /// The picked Q, drawn as a cross (nullopt: none).
    void setPicked(std::optional<QPointF> picked);
    /// The path of an optimiser, drawn on top as a line with a dot at each step and a ring at the last one,
    /// in `colour`: parameter values (x, y) for a map, (x, KL) for a curve. Empty: none.
    void setPath(QList<QPointF> path, const QColor &colour);
    const QList<QPointF> &path() const;
    /// How many iso-line pieces the map shows (0 for a curve or an empty map).
    int contourSegmentCount() const;
    /// True when the plot shows a colour map, false for a curve.
    bool isMap() const;
    /// The canvas pixel of parameter values (x, y) and back (tests click on it).
    QPoint pixelOf(double x, double y) const;
    QPointF valueAt(QPoint canvasPosition) const;
    QString readoutAt(QPoint canvasPosition) const override;

signals:
    /// The person clicked the landscape at parameter values (x, y) (y unused for a curve).
    void clicked(double x, double y);

private:
    struct Private;
    Private *d; ///< the canvas PlotWidget owns
};
