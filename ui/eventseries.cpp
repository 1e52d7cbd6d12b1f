#include "eventseries.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace klscope::plot {

namespace {

// Steps of 1, 2 or 5 × 10^k events: an event axis never shows 2.5 or 7.5. Sub-ticks fall on whole
// events too.
class EventTicker : public QCPAxisTicker
{
protected:
    double getTickStep(const QCPRange &range) override
    {
        const double exact = range.size() / (tickCount() + 1e-10);
        if (!(exact > 1))
            return 1;
        const double magnitude = std::pow(10.0, std::floor(std::log10(exact)));
        const double mantissa = exact / magnitude;
        return (mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10) * magnitude;
    }

    int getSubTickCount(double tickStep) override
    {
        if (tickStep <= 1.5)
            return 0;
        const double mantissa = tickStep / std::pow(10.0, std::floor(std::log10(tickStep) + 1e-9));
        if (mantissa < 1.5)
            return 4;                  // 10: every 2
        return mantissa < 3.5 ? 1 : 4; // 2: every 1; 5: every 1
    }
};

} // namespace

void ValueRange::include(const ValueRange &other)
{
    low = std::min(low, other.low);
    high = std::max(high, other.high);
    nonFinite = nonFinite || other.nonFinite;
}

void setupEventAxis(QCPAxis *axis)
{
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new EventTicker));
    axis->ticker()->setTickCount(8);
    axis->setNumberFormat(QStringLiteral("f"));
    axis->setNumberPrecision(0);
}

void setupLegend(QCustomPlot *plot)
{
    QCPLegend *legend = plot->legend;
    legend->setVisible(true);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setRowSpacing(0);
    legend->setColumnSpacing(12);
    legend->setMargins(QMargins(0, 0, 0, 0));
    plot->axisRect()->insetLayout()->take(legend);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, legend);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    plot->plotLayout()->setRowSpacing(0);
}

ValueRange setEventCurve(QCPGraph *graph, std::int64_t first, std::span<const double> values, int columns,
                         const QPen &pen)
{
    ValueRange range;
    const std::size_t n = values.size();
    const auto bins = static_cast<std::size_t>(std::max(columns, 1));
    // At most two points per column: QCustomPlot's own adaptive sampling would only cost time.
    graph->setAdaptiveSampling(false);
    QVector<QCPGraphData> points;
    if (n <= bins) {
        graph->setLineStyle(QCPGraph::lsStepCenter);
        graph->setPen(pen);
        graph->setAntialiased(true);
        points.resize(static_cast<qsizetype>(n));
        for (std::size_t i = 0; i < n; ++i) {
            double v = values[i];
            if (std::isfinite(v)) {
                range.low = std::min(range.low, v);
                range.high = std::max(range.high, v);
            } else {
                range.nonFinite = true;
                v = qQNaN();
            }
            points[qsizetype(i)] = {double(first + std::int64_t(i)), v};
        }
    } else {
        graph->setLineStyle(QCPGraph::lsLine);
        // A cosmetic pen takes the raster engine's line fast path; columns a pixel apart need no smoothing.
        graph->setPen(QPen(pen.color(), 0));
        graph->setAntialiased(false);
        points.reserve(static_cast<qsizetype>(2 * bins));
        for (std::size_t b = 0; b < bins; ++b) {
            const std::size_t i0 = b * n / bins;
            const std::size_t i1 = (b + 1) * n / bins;
            double low = std::numeric_limits<double>::infinity();
            double high = -low;
            bool nonFinite = false;
            for (std::size_t i = i0; i < i1; ++i) {
                const double v = values[i];
                // NaN fails both tests; the infinities are caught by the range test.
                if (std::fabs(v) <= std::numeric_limits<double>::max()) {
                    low = std::min(low, v);
                    high = std::max(high, v);
                } else {
                    nonFinite = true;
                }
            }
            range.nonFinite = range.nonFinite || nonFinite;
            const double key = double(first) + double(i0 + i1 - 1) / 2.0;
            if (low > high) {
                points.append({key, qQNaN()});
                continue;
            }
            range.low = std::min(range.low, low);
            range.high = std::max(range.high, high);
            points.append({key, low});
            if (high > low)
                points.append({key, high});
        }
    }
    graph->data()->set(points, true);
    return range;
}

void setEventMarkers(QCPGraph *graph, const std::vector<std::int64_t> &events, double y, std::int64_t first,
                     std::size_t count, int columns)
{
    QVector<QCPGraphData> points;
    const auto bins = static_cast<std::size_t>(std::max(columns, 1));
    if (count <= bins || events.size() <= bins) {
        points.reserve(static_cast<qsizetype>(events.size()));
        for (std::int64_t e : events)
            points.append({double(e), y});
    } else {
        // Thousands of markers on one pixel would cost a replot each; one per column shows the same.
        std::size_t lastBin = bins;
        for (std::int64_t e : events) {
            const std::size_t bin = static_cast<std::size_t>(e - first) * bins / count;
            if (bin != lastBin)
                points.append({double(e), y});
            lastBin = bin;
        }
    }
    graph->data()->set(points, true);
    graph->setVisible(!points.isEmpty());
}

QList<double> markerKeys(const QCPGraph *graph)
{
    QList<double> keys;
    if (!graph->visible())
        return keys;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        keys.append(it->key);
    return keys;
}

} // namespace klscope::plot
