#pragma once

// A plot of the series it is given on a double x axis, for pages whose x is a real number (the
// continuous page's densities, integrands and running integrals, and any bar series): lines, curves
// filled to zero, bars or steps, in the colours of P, Q and the terms, with optional vertical markers.
// The owner sets the default x range; the mouse wheel zooms around the mouse, Shift+wheel and a drag
// pan, a double-click (or resetZoom) goes back. A log y axis leaves out values ≤ 0. Hovering shows the
// owner's read-out for the x under the mouse. QCustomPlot stays inside the .cpp.

#include "plotwidget.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>
#include <vector>

/// One series of a SeriesPlot: x and y of equal length (extra values of the longer are ignored).
/// Values that are not finite leave a gap.
struct PlotSeries
{
    enum class Kind
    {
        Line,        ///< a polyline through the points
        FilledCurve, ///< a line with a translucent fill down (or up) to y = 0
        Bars,        ///< a bar at each x, as wide as 0.8 × the smallest spacing of x
        Steps        ///< a step line centred on each x
    };
    /// The colour, from the palette: P, Q, the terms of KL(P‖Q), KL(Q‖P) and JS, or a neutral grey.
    enum class Role
    {
        P,
        Q,
        KlPQ,
        KlQP,
        Js,
        Neutral
    };
    QString name; ///< in the legend ("" keeps it out of the legend)
    Kind kind = Kind::Line;
    Role role = Role::Neutral;
    std::vector<double> x, y;
    bool dashed = false;
    /// When valid, drawn in this colour instead of the role's (a family of curves, e.g. one per α).
    QColor colour = {};

    /// A line series.
    static PlotSeries line(QString name, Role role, std::vector<double> x, std::vector<double> y,
                           bool dashed = false)
    {
        return {std::move(name), Kind::Line, role, std::move(x), std::move(y), dashed, QColor()};
    }
};

/// A vertical line across the plot at x, with a label at its top (e.g. a mean).
struct PlotMarker
{
    double x = 0;
    QString label;
    PlotSeries::Role role = PlotSeries::Role::Neutral;
};

/// A hatched band across the plot's height over [lo, hi] with a label at its top, e.g. where an integrand is
/// +∞ (it has no point to draw there).
struct PlotBand
{
    double lo = 0, hi = 0;
    QString label;
    PlotSeries::Role role = PlotSeries::Role::Neutral;
};

class SeriesPlot : public PlotWidget
{
    Q_OBJECT

public:
    explicit SeriesPlot(QWidget *parent = nullptr);
    ~SeriesPlot() override;

    /// Draws `series` in order (later ones on top), replacing what was drawn.
    void setSeries(QList<PlotSeries> series);
    /// The number of series drawn (graphs and bar series), for tests.
    int seriesCount() const;
    /// The legend's entries in order (series with an empty name have none).
    QStringList legendEntries() const;
    /// The axis titles.
    void setAxisTitles(const QString &x, const QString &y);
    /// Vertical marker lines, replacing the previous ones.
    void setMarkers(QList<PlotMarker> markers);
    /// Hatched bands, replacing the previous ones.
    void setBands(QList<PlotBand> bands);
    /// The bands drawn (tests read them).
    QList<PlotBand> bands() const;
    /// A note drawn under the plot, word-wrapped to its width, in the window and in exported figures
    /// alike ("" for none).
    void setFootnote(const QString &text);
    /// The footnote as drawn (with the line breaks of the current width; "" when none).
    QString footnoteText() const;
    /// The x range of the default view, set by the owner (e.g. from quantiles); without one, the range
    /// of the data. Keeps a zoom the person made.
    void setXRange(double lo, double hi);
    /// Back to the default view (as a double-click does); emits zoomReset().
    void resetZoom();
    /// A logarithmic y axis, for tails: values ≤ 0 are left out (gaps), the range goes down to the
    /// smallest positive value shown but no more than 12 decades below the largest.
    void setLogScale(bool on);
    bool logScale() const;
    /// A logarithmic x axis (decades), for quantities against a sample size; x ≤ 0 is not drawn. Set the
    /// default range with setXRange.
    void setLogXScale(bool on);
    /// An x axis of whole numbers (dimensions, events): ticks at steps of 1, 2 or 5 × 10^k, never 2.5.
    void setWholeNumberXAxis();
    /// The y axis range (tests read it).
    std::pair<double, double> valueAxisRange() const;
    /// The hover text for the x under the mouse; without one, "x = …".
    void setReadout(std::function<QString(double x)> readout);
    /// The hover text at a canvas position ("" outside the axis rect).
    QString readoutAt(QPoint canvasPosition) const override;
    /// The x at a pixel column of canvas(), and the pixel column of x (for owners that drag markers).
    double xAtPixel(int canvasX) const;
    double pixelOfX(double x) const;
    /// The y at a pixel row of canvas() (for owners that find what is under the mouse).
    double yAtPixel(int canvasY) const;

private:
    struct Private;
    Private *d; ///< the canvas PlotWidget owns
};
