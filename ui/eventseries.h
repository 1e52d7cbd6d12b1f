#pragma once

// Private to the plot widgets' .cpp files (the only places that include qcustomplot.h, like
// plotfigure.h): the event axis and the per-event curves the three plots share. A curve is drawn one
// step per event while every event gets a pixel; past that, each pixel column shows the minimum and
// maximum of its events (what the eye could see anyway), so a replot costs one pass over the values
// and the graph holds at most two points per pixel, whatever the number of events.

#include <comparison.h>

#include <QList>

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

class QColor;
class QPen;
class QString;
class QCPAxis;
class QCPGraph;
class QCustomPlot;

namespace klscope::plot {

/// The finite range of the values put into a curve, and whether any value was not finite.
struct ValueRange
{
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    bool nonFinite = false;

    void include(const ValueRange &other);
    bool empty() const { return low > high; }
};

/// Ticks on whole events only (1, 2 or 5 × 10^k apart) labelled as plain integers.
void setupEventAxis(QCPAxis *axis);
/// Names the ticks of an event axis (set up by setupEventAxis) by the events' labels, where imported
/// data has them: labels[x] names event x. Empty: plain numbers.
void setEventLabels(QCPAxis *axis, std::span<const std::string> labels);

/// The events the plots show by default: where the mass is. The smallest range holding all but 1e-4
/// of each side's mass at either end, and every event with an infinite term, padded; the whole support
/// when that is most of it, or when the support has more events than `columns` pixel columns (curves
/// are then sampled over the whole support).
std::pair<double, double> massRange(const klscope::Comparison &c, int columns);

/// Shows the legend in one row above the axis rect, where it never covers a curve or a bar.
void setupLegend(QCustomPlot *plot);
/// Wraps the legend onto more rows when one row is wider than the plot, so no entry is cut off
/// (narrow windows, large text).
void fitLegend(QCustomPlot *plot);
/// A value axis whose tick labels use the true minus sign (U+2212).
void setupValueAxis(QCPAxis *axis);
/// A logarithmic value axis (powers of ten) or back to the linear one of setupValueAxis.
void setLogAxis(QCPAxis *axis, bool on);

/// Adds a graph named `name` for the markers of infinite terms: no line, filled triangles.
QCPGraph *addInfiniteMarkers(QCustomPlot *plot, const QString &name);

/// Draws the line y = 0 across the whole axis rect in `colour`.
void addZeroLine(QCustomPlot *plot, const QColor &colour);

/// Puts values[i] at event first + i into `graph`: steps drawn with `pen` while values.size() <=
/// columns, else the per-column envelope drawn with a thin solid pen of the same colour (a wide or
/// dashed pen along an envelope costs the raster engine hundreds of milliseconds and shows nothing
/// more). Values that are not finite leave a gap. Returns the range of the values.
ValueRange setEventCurve(QCPGraph *graph, std::int64_t first, std::span<const double> values, int columns,
                         const QPen &pen);

/// Like setEventCurve, for the running sum of `values`, computed in the same pass. The sum stops (a gap
/// to the end) at the first event where it turns infinite or NaN; that event goes to `infiniteAt`.
/// `total` receives the sum over all events.
ValueRange setRunningSumCurve(QCPGraph *graph, std::int64_t first, std::span<const double> values,
                              int columns, const QPen &pen, double &total, std::vector<double> &infiniteAt);

/// Puts one marker at height y on each event of `events` (sorted) into `graph`; when there are more
/// events than columns, one marker per occupied column. Hides the graph when there is none.
void setEventMarkers(QCPGraph *graph, const std::vector<std::int64_t> &events, double y, std::int64_t first,
                     std::size_t count, int columns);

/// The keys of a marker graph, for tests.
QList<double> markerKeys(const QCPGraph *graph);

} // namespace klscope::plot
