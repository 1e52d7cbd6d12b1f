#include "eventseries.h"

#include "palette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace klscope::plot {

namespace {

// Tick labels with the true minus sign (U+2212) rather than a hyphen, on screen and in every export.
QString withMinusSign(QString label)
{
    if (label.startsWith(QLatin1Char('-')))
        label.replace(0, 1, QChar(0x2212));
    return label;
}

class ValueTicker : public QCPAxisTicker
{
protected:
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override
    {
        return withMinusSign(QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision));
    }
};

// Steps of 1, 2 or 5 × 10^k events: an event axis never shows 2.5 or 7.5. Sub-ticks fall on whole
// events too.
class EventTicker : public QCPAxisTicker
{
public:
    /// labels[x] names event x (imported words); empty: events are numbers.
    std::vector<QString> labels;

protected:
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override
    {
        const double x = std::round(tick);
        if (!labels.empty() && x == tick && x >= 0 && x < double(labels.size()) &&
            !labels[std::size_t(x)].isEmpty())
            return labels[std::size_t(x)];
        return withMinusSign(QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision));
    }

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

// The minimum and maximum of the finite values among v[0..n); `nonFinite` is set when any value is
// infinite or NaN. Two values per instruction where SSE2 is there: at 10^6 events the plots take this
// pass eight times per edit.
void finiteMinMax(const double *v, std::size_t n, double &low, double &high, bool &nonFinite)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    double lo = inf, hi = -inf;
    bool bad = false;
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128d absMask = _mm_castsi128_pd(_mm_set1_epi64x(0x7fffffffffffffffLL));
    const __m128d largest = _mm_set1_pd(std::numeric_limits<double>::max());
    const __m128d plusInf = _mm_set1_pd(inf);
    const __m128d minusInf = _mm_set1_pd(-inf);
    __m128d vlo = plusInf, vhi = minusInf, vbad = _mm_setzero_pd();
    for (; i + 2 <= n; i += 2) {
        const __m128d x = _mm_loadu_pd(v + i);
        // True for NaN (unordered) and for the infinities.
        const __m128d notFinite = _mm_cmpnle_pd(_mm_and_pd(x, absMask), largest);
        vbad = _mm_or_pd(vbad, notFinite);
        vlo = _mm_min_pd(vlo, _mm_or_pd(_mm_and_pd(notFinite, plusInf), _mm_andnot_pd(notFinite, x)));
        vhi = _mm_max_pd(vhi, _mm_or_pd(_mm_and_pd(notFinite, minusInf), _mm_andnot_pd(notFinite, x)));
    }
    alignas(16) double l[2], h[2];
    _mm_store_pd(l, vlo);
    _mm_store_pd(h, vhi);
    lo = std::min(l[0], l[1]);
    hi = std::max(h[0], h[1]);
    bad = _mm_movemask_pd(vbad) != 0;
#endif
    for (; i < n; ++i) {
        const double x = v[i];
        if (std::fabs(x) <= std::numeric_limits<double>::max()) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        } else {
            bad = true;
        }
    }
    low = lo;
    high = hi;
    nonFinite = bad;
}

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

void fitLegend(QCustomPlot *plot)
{
    // The width the plot is drawn at: its viewport is the widget on screen and the figure in an export
    // (a plot never shown, as in klscope-cli export, has a widget of some 100 pixels).
    QCPLegend *legend = plot->legend;
    const int available = plot->viewport().width() - 48;
    const int items = legend->itemCount();
    if (items == 0 || available <= 0)
        return;
    int columns = items;
    for (; columns > 1; --columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        if (legend->minimumOuterSizeHint().width() <= available)
            break;
    }
    legend->setWrap(columns);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
}

void setEventLabels(QCPAxis *axis, std::span<const std::string> labels)
{
    auto *ticker = dynamic_cast<EventTicker *>(axis->ticker().data());
    if (!ticker)
        return;
    std::vector<QString> names;
    names.reserve(labels.size());
    for (const std::string &label : labels)
        names.push_back(QString::fromStdString(label));
    ticker->labels = std::move(names);
}

std::pair<double, double> massRange(const klscope::Comparison &c, int columns)
{
    const std::size_t n = c.p.size();
    const double first = double(c.support.first), last = double(c.support.last);
    if (n < 8 || n != c.q.size() || int(n) > columns)
        return {first, last};
    constexpr double kTail = 1e-4;
    std::size_t lo = n, hi = 0;
    for (const auto *masses : {&c.p, &c.q}) {
        double total = 0;
        for (double v : *masses)
            total += v;
        if (!(total > 0))
            continue;
        double sum = 0;
        std::size_t i = 0;
        for (; i < n; ++i) {
            sum += (*masses)[i];
            if (sum > kTail * total)
                break;
        }
        lo = std::min(lo, i);
        sum = 0;
        std::size_t j = n;
        for (; j > 0; --j) {
            sum += (*masses)[j - 1];
            if (sum > kTail * total)
                break;
        }
        hi = std::max(hi, j == 0 ? 0 : j - 1);
    }
    if (lo > hi)
        return {first, last};
    double a = first + double(lo), b = first + double(hi);
    for (const auto *events : {&c.infinitePQ, &c.infiniteQP})
        for (std::int64_t e : *events) {
            a = std::min(a, double(e));
            b = std::max(b, double(e));
        }
    const double pad = std::max(1.0, (b - a) * 0.05);
    a = std::max(first, a - pad);
    b = std::min(last, b + pad);
    // Narrow the view only when it leaves out a good part of the support.
    if (b - a > 0.6 * (last - first))
        return {first, last};
    return {a, b};
}

void setupValueAxis(QCPAxis *axis)
{
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new ValueTicker));
}

void setLogAxis(QCPAxis *axis, bool on)
{
    if (on) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog));
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        setupValueAxis(axis);
        axis->setNumberFormat(QStringLiteral("gb"));
        axis->setNumberPrecision(6);
    }
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
    // The legend sits at the left of its row at its natural width, an empty element takes the rest.
    auto *row = new QCPLayoutGrid;
    plot->plotLayout()->addElement(0, 0, row);
    row->addElement(0, 0, legend);
    row->addElement(0, 1, new QCPLayoutElement(plot));
    row->setColumnStretchFactor(0, 0.001);
    row->setColumnStretchFactor(1, 1);
    // A few pixels above the legend, so it does not sit flush against the top edge.
    row->setMargins(QMargins(40, 5, 0, 0));
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    plot->plotLayout()->setRowSpacing(0);
}

QCPGraph *addInfiniteMarkers(QCustomPlot *plot, const QString &name)
{
    QCPGraph *graph = plot->addGraph();
    graph->setName(name);
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, klscope::palette::infinite(),
                                           klscope::palette::infinite(), 9));
    return graph;
}

void addZeroLine(QCustomPlot *plot, const QColor &colour)
{
    auto *zero = new QCPItemStraightLine(plot);
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(1, 0);
    zero->setPen(QPen(colour, 1));
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
            double low = 0, high = 0;
            bool nonFinite = false;
            finiteMinMax(values.data() + i0, i1 - i0, low, high, nonFinite);
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

ValueRange setRunningSumCurve(QCPGraph *graph, std::int64_t first, std::span<const double> values,
                              int columns, const QPen &pen, double &total, std::vector<double> &infiniteAt)
{
    ValueRange range;
    const std::size_t n = values.size();
    const auto bins = static_cast<std::size_t>(std::max(columns, 1));
    const bool steps = n <= bins;
    graph->setAdaptiveSampling(false);
    graph->setLineStyle(steps ? QCPGraph::lsStepCenter : QCPGraph::lsLine);
    graph->setPen(steps ? pen : QPen(pen.color(), 0));
    graph->setAntialiased(steps);
    QVector<QCPGraphData> points;
    points.reserve(static_cast<qsizetype>(steps ? n : 2 * bins));
    double sum = 0;
    bool finite = true;
    const std::size_t groups = steps ? n : bins;
    for (std::size_t b = 0; b < groups; ++b) {
        const std::size_t i0 = steps ? b : b * n / bins;
        const std::size_t i1 = steps ? b + 1 : (b + 1) * n / bins;
        const double key =
            steps ? double(first + std::int64_t(b)) : double(first) + double(i0 + i1 - 1) / 2.0;
        if (!finite) {
            points.append({key, qQNaN()});
            continue;
        }
        double low = std::numeric_limits<double>::infinity(), high = -low;
        for (std::size_t i = i0; i < i1; ++i) {
            sum += values[i];
            if (!(std::fabs(sum) <= std::numeric_limits<double>::max())) {
                finite = false;
                range.nonFinite = true;
                infiniteAt.push_back(double(first + std::int64_t(i)));
                break;
            }
            low = std::min(low, sum);
            high = std::max(high, sum);
        }
        if (low > high) {
            points.append({key, qQNaN()});
            continue;
        }
        range.low = std::min(range.low, low);
        range.high = std::max(range.high, high);
        if (steps) {
            // A step whose event made the sum infinite is left out.
            points.append({key, finite ? low : qQNaN()});
        } else {
            points.append({key, low});
            if (high > low)
                points.append({key, high});
        }
    }
    if (!finite)
        sum = std::isnan(sum) ? sum : std::numeric_limits<double>::infinity() * (sum > 0 ? 1 : -1);
    total = n == 0 ? qQNaN() : sum;
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
