#include "seriesplot.h"

#include "eventreadout.h"
#include "eventseries.h"
#include "palette.h"
#include "plotcanvas.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

QColor roleColour(PlotSeries::Role role)
{
    switch (role) {
    case PlotSeries::Role::P:
        return klscope::palette::p();
    case PlotSeries::Role::Q:
        return klscope::palette::q();
    case PlotSeries::Role::KlPQ:
        return klscope::palette::klPQ();
    case PlotSeries::Role::KlQP:
        return klscope::palette::klQP();
    case PlotSeries::Role::Js:
        return klscope::palette::js();
    case PlotSeries::Role::Neutral:
        break;
    }
    return QColor(90, 90, 90);
}

// A value the y axis can show: on a log axis only positive values are drawn (the rest leave a gap).
double shown(double y, bool log)
{
    if (!std::isfinite(y) || (log && !(y > 0)))
        return std::numeric_limits<double>::quiet_NaN();
    return y;
}

// `text` broken into lines no wider than `width` pixels in `font` (at spaces; a word wider than that keeps
// its own line). The paragraphs of `text` stay apart.
QString wrapped(const QString &text, const QFont &font, int width)
{
    const QFontMetricsF metrics(font);
    QStringList lines;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        for (const QString &word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (!line.isEmpty() && metrics.horizontalAdvance(longer) > width) {
                lines << line;
                line = word;
            } else {
                line = longer;
            }
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

struct SeriesPlot::Private : PlotCanvas
{
    QList<PlotSeries> series;
    QList<PlotMarker> markers;
    QList<PlotBand> bands;
    QString footnote;
    QCPTextElement *footnoteElement = nullptr; ///< in the plot's layout (its last row) while there is a note
    bool footnoteShown = false;
    QList<QCPAbstractPlottable *> plottables;
    QList<QCPAbstractItem *> markerItems;
    QCPItemStraightLine *zero = nullptr;
    std::optional<std::pair<double, double>> defaultRange;
    std::function<QString(double)> readout;
    bool logScale = false;
    bool panning = false;
    QPoint panFrom;
    QCPRange panRange;

    // The default view: the owner's range, else the range of the data.
    std::pair<double, double> defaultView() const
    {
        if (defaultRange)
            return *defaultRange;
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (const PlotSeries &s : series)
            for (double x : s.x)
                if (std::isfinite(x)) {
                    lo = std::min(lo, x);
                    hi = std::max(hi, x);
                }
        if (!(lo < hi))
            return lo == hi ? std::pair{lo - 1, hi + 1} : std::pair{0.0, 1.0};
        return {lo, hi};
    }

    // Zoom from a millionth of the default view out to a hundred times it; panning is free.
    std::pair<double, double> clampView(double a, double b) const override
    {
        const auto [lo, hi] = defaultView();
        const double base = hi - lo;
        const double span = std::clamp(b - a, base * 1e-6, base * 100);
        const double centre = (a + b) / 2;
        return {centre - span / 2, centre + span / 2};
    }

    bool needsRefit() const override { return std::max(1, plot->axisRect()->width()) != columns; }

    // Whether the plottables drawn now can take `series` in place (same number, bars where bars were):
    // an edit then changes data, pens and names, and the legend keeps its items.
    bool plottablesFit() const
    {
        if (plottables.size() != series.size())
            return false;
        for (qsizetype k = 0; k < series.size(); ++k)
            if ((series[k].kind == PlotSeries::Kind::Bars) != bool(qobject_cast<QCPBars *>(plottables[k])))
                return false;
        return true;
    }

    void rebuild()
    {
        if (!plottablesFit()) {
            for (QCPAbstractPlottable *p : plottables)
                plot->removePlottable(p);
            plottables.clear();
        }
        for (qsizetype k = 0; k < series.size(); ++k) {
            const PlotSeries &s = series[k];
            const QColor colour = s.colour.isValid() ? s.colour : roleColour(s.role);
            const qsizetype n = qsizetype(std::min(s.x.size(), s.y.size()));
            QCPAbstractPlottable *plottable = k < plottables.size() ? plottables[k] : nullptr;
            if (s.kind == PlotSeries::Kind::Bars) {
                auto *bars =
                    plottable ? static_cast<QCPBars *>(plottable) : new QCPBars(plot->xAxis, plot->yAxis);
                double spacing = std::numeric_limits<double>::infinity();
                for (qsizetype i = 1; i < n; ++i)
                    if (const double gap = std::fabs(s.x[size_t(i)] - s.x[size_t(i - 1)]); gap > 0)
                        spacing = std::min(spacing, gap);
                bars->setWidth(std::isfinite(spacing) ? spacing * 0.8 : 0.8);
                bars->setPen(QPen(colour, 1));
                bars->setBrush(klscope::palette::withAlpha(colour, 170));
                plottable = bars;
            } else {
                QCPGraph *graph = plottable ? static_cast<QCPGraph *>(plottable) : plot->addGraph();
                // Flat caps: with phFastPolylines a wide solid line is drawn segment by segment, and round
                // caps would cost a Bézier outline per segment.
                graph->setPen(QPen(colour, s.kind == PlotSeries::Kind::FilledCurve ? 1.6 : 2.0,
                                   s.dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin));
                graph->setLineStyle(s.kind == PlotSeries::Kind::Steps ? QCPGraph::lsStepCenter
                                                                      : QCPGraph::lsLine);
                graph->setBrush(s.kind == PlotSeries::Kind::FilledCurve
                                    ? klscope::palette::withAlpha(colour, 60)
                                    : QBrush(Qt::NoBrush));
                plottable = graph;
            }
            plottable->setName(s.name);
            if (s.name.isEmpty())
                plottable->removeFromLegend();
            else
                plottable->addToLegend();
            if (k == plottables.size())
                plottables.append(plottable);
        }
        update();
    }

    // The bands, hatched in their role's colour across the axis rect's height, each labelled at its top
    // over the part of it in view [a, b]; the labels of different roles are stacked so they do not overlap.
    void placeBands(double a, double b)
    {
        for (const PlotBand &band : bands) {
            const QColor colour = roleColour(band.role);
            auto *rect = new QCPItemRect(plot);
            rect->setClipToAxisRect(true);
            for (QCPItemPosition *corner : {rect->topLeft, rect->bottomRight})
                corner->setTypeY(QCPItemPosition::ptAxisRectRatio);
            rect->topLeft->setCoords(band.lo, 0);
            rect->bottomRight->setCoords(band.hi, 1);
            rect->setPen(QPen(klscope::palette::withAlpha(colour, 110), 1));
            rect->setBrush(QBrush(klscope::palette::withAlpha(colour, 150), Qt::BDiagPattern));
            markerItems.append(rect);
            const double lo = std::max(band.lo, a), hi = std::min(band.hi, b);
            if (band.label.isEmpty() || !(lo < hi))
                continue;
            auto *text = new QCPItemText(plot);
            text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
            text->position->setCoords((lo + hi) / 2, 0.03 + 0.1 * double(int(band.role) % 3));
            text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
            text->setPadding(QMargins(3, 1, 3, 1));
            text->setBrush(QBrush(klscope::palette::withAlpha(Qt::white, 220)));
            text->setText(band.label);
            text->setColor(colour);
            QFont font = plot->yAxis->tickLabelFont();
            font.setBold(true);
            text->setFont(font);
            markerItems.append(text);
        }
    }

    // The footnote in the plot's last row, wrapped to the width drawn at (the window's or an export's).
    void placeFootnote()
    {
        QCPLayoutGrid *layout = plot->plotLayout();
        if (footnote.isEmpty()) {
            if (footnoteShown) {
                layout->take(footnoteElement);
                layout->simplify();
                footnoteShown = false;
            }
            return;
        }
        if (!footnoteElement) {
            footnoteElement = new QCPTextElement(plot);
            footnoteElement->setTextFlags(Qt::AlignLeft | Qt::AlignTop);
            footnoteElement->setTextColor(QColor(60, 60, 60));
            footnoteElement->setMargins(QMargins(8, 2, 8, 4));
        }
        if (!footnoteShown) {
            layout->addElement(layout->rowCount(), 0, footnoteElement);
            layout->setRowStretchFactor(layout->rowCount() - 1, 0.001);
            footnoteShown = true;
        }
        // A little smaller than the tick labels: it is a note, and it shares the plot's height.
        QFont font = plot->yAxis->tickLabelFont();
        if (font.pointSizeF() > 0)
            font.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.9));
        footnoteElement->setFont(font);
        footnoteElement->setText(wrapped(footnote, font, std::max(80, plot->viewport().width() - 24)));
    }

    void update() override
    {
        columns = std::max(1, plot->axisRect()->width());
        double low = std::numeric_limits<double>::infinity(), high = -low, lowestPositive = low;
        for (qsizetype k = 0; k < series.size(); ++k) {
            const PlotSeries &s = series[k];
            const std::size_t n = std::min(s.x.size(), s.y.size());
            for (std::size_t i = 0; i < n; ++i) {
                const double y = s.y[i];
                if (!std::isfinite(y))
                    continue;
                low = std::min(low, y);
                high = std::max(high, y);
                if (y > 0)
                    lowestPositive = std::min(lowestPositive, y);
            }
            if (auto *bars = qobject_cast<QCPBars *>(plottables[k])) {
                QVector<QCPBarsData> points;
                points.reserve(qsizetype(n));
                for (std::size_t i = 0; i < n; ++i)
                    if (std::isfinite(s.x[i]) && std::isfinite(shown(s.y[i], logScale)))
                        points.append(QCPBarsData(s.x[i], s.y[i]));
                bars->data()->set(points, false);
            } else if (auto *graph = qobject_cast<QCPGraph *>(plottables[k])) {
                QVector<QCPGraphData> points(static_cast<qsizetype>(n));
                for (std::size_t i = 0; i < n; ++i)
                    points[qsizetype(i)] = {s.x[i], shown(s.y[i], logScale)};
                graph->data()->set(points, false);
            }
        }
        if (logScale) {
            const double top = std::isfinite(lowestPositive) ? high * 2 : 1.0;
            const double bottom =
                std::isfinite(lowestPositive) ? std::max(lowestPositive * 0.5, top * 1e-12) : 1e-3;
            plot->yAxis->setRange(bottom, top);
        } else {
            // y = 0 is always in view, so a negative integrand shows below it.
            low = std::isfinite(low) ? std::min(low, 0.0) : 0.0;
            high = std::isfinite(high) ? std::max(high, 0.0) : 1.0;
            if (!(high > low))
                high = low + 1.0;
            const double span = high - low;
            plot->yAxis->setRange(low < 0 ? low - span * 0.08 : 0.0, high + span * 0.08);
        }
        zero->setVisible(!logScale);
        const auto [a, b] = userRange ? *userRange : defaultView();
        plot->xAxis->setRange(a, b);

        for (QCPAbstractItem *item : markerItems)
            plot->removeItem(item);
        markerItems.clear();
        placeBands(a, b);
        for (const PlotMarker &m : markers) {
            const QColor colour = roleColour(m.role);
            auto *line = new QCPItemStraightLine(plot);
            line->point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
            line->point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
            line->point1->setCoords(m.x, 0);
            line->point2->setCoords(m.x, 1);
            line->setPen(QPen(colour, 1, Qt::DashLine));
            markerItems.append(line);
            if (!m.label.isEmpty()) {
                auto *text = new QCPItemText(plot);
                text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
                text->position->setCoords(m.x, 0.02);
                text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
                text->setPadding(QMargins(3, 0, 0, 0));
                text->setText(m.label);
                text->setColor(colour);
                text->setFont(plot->yAxis->tickLabelFont());
                markerItems.append(text);
            }
        }
        placeFootnote();
        klscope::plot::fitLegend(plot);
        queueReplot();
    }
};

SeriesPlot::SeriesPlot(QWidget *parent)
    : PlotWidget(std::make_unique<Private>(), QStringLiteral("seriesCanvas"), true, parent),
      d(static_cast<Private *>(plotCanvas()))
{
    QCustomPlot *plot = d->plot;
    klscope::plot::setupValueAxis(plot->xAxis);
    klscope::plot::setupValueAxis(plot->yAxis);
    klscope::plot::setupLegend(plot);
    // Solid wide lines segment by segment: stroking 801-point polylines with joins was most of an edit.
    plot->setPlottingHint(QCP::phFastPolylines, true);
    d->zero = new QCPItemStraightLine(plot);
    d->zero->point1->setCoords(0, 0);
    d->zero->point2->setCoords(1, 0);
    d->zero->setPen(QPen(Qt::gray, 1));

    // A drag pans; a press and release without moving does nothing.
    connect(plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        if (event->button() != Qt::LeftButton || !d->plot->axisRect()->rect().contains(event->pos()))
            return;
        d->panning = true;
        d->panFrom = event->pos();
        d->panRange = d->plot->xAxis->range();
    });
    connect(plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (!d->panning) {
            d->showReadout(event, readoutAt(event->pos()));
            return;
        }
        if (event->pos().x() == d->panFrom.x())
            return;
        // The current range moves with the pan: measure against the range where it began.
        const double perPixel = d->panRange.size() / std::max(1, d->plot->axisRect()->width());
        const double moved = -(event->pos().x() - d->panFrom.x()) * perPixel;
        d->userRange = std::pair{d->panRange.lower + moved, d->panRange.upper + moved};
        d->update();
        emit zoomed(d->userRange->first, d->userRange->second);
    });
    connect(plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *) { d->panning = false; });
    d->update();
}

SeriesPlot::~SeriesPlot() = default;

void SeriesPlot::setSeries(QList<PlotSeries> series)
{
    d->series = std::move(series);
    d->rebuild();
    d->refreshReadout();
}

int SeriesPlot::seriesCount() const
{
    return int(d->plottables.size());
}

QStringList SeriesPlot::legendEntries() const
{
    QStringList entries;
    for (QCPAbstractPlottable *p : d->plottables)
        if (d->plot->legend->hasItemWithPlottable(p))
            entries << p->name();
    return entries;
}

void SeriesPlot::setAxisTitles(const QString &x, const QString &y)
{
    d->plot->xAxis->setLabel(x);
    d->plot->yAxis->setLabel(y);
    d->queueReplot();
}

void SeriesPlot::setMarkers(QList<PlotMarker> markers)
{
    d->markers = std::move(markers);
    d->update();
}

void SeriesPlot::setBands(QList<PlotBand> bands)
{
    d->bands = std::move(bands);
    d->update();
}

QList<PlotBand> SeriesPlot::bands() const
{
    return d->bands;
}

void SeriesPlot::setFootnote(const QString &text)
{
    if (d->footnote == text)
        return;
    d->footnote = text;
    d->update();
}

QString SeriesPlot::footnoteText() const
{
    return d->footnoteShown ? d->footnoteElement->text() : QString();
}

void SeriesPlot::setXRange(double lo, double hi)
{
    if (!(std::isfinite(lo) && std::isfinite(hi) && lo < hi))
        return;
    d->defaultRange = std::pair{lo, hi};
    d->update();
}

void SeriesPlot::resetZoom()
{
    setZoom(std::nullopt);
    emit zoomReset();
}

void SeriesPlot::setLogScale(bool on)
{
    if (d->logScale == on)
        return;
    d->logScale = on;
    klscope::plot::setLogAxis(d->plot->yAxis, on);
    d->update();
}

bool SeriesPlot::logScale() const
{
    return d->logScale;
}

void SeriesPlot::setLogXScale(bool on)
{
    klscope::plot::setLogAxis(d->plot->xAxis, on);
    d->update();
}

void SeriesPlot::setWholeNumberXAxis()
{
    klscope::plot::setupEventAxis(d->plot->xAxis);
    d->update();
}

std::pair<double, double> SeriesPlot::valueAxisRange() const
{
    return {d->plot->yAxis->range().lower, d->plot->yAxis->range().upper};
}

void SeriesPlot::setReadout(std::function<QString(double x)> readout)
{
    d->readout = std::move(readout);
}

QString SeriesPlot::readoutAt(QPoint canvasPosition) const
{
    if (!d->plot->axisRect()->rect().contains(canvasPosition))
        return {};
    const double x = d->plot->xAxis->pixelToCoord(canvasPosition.x());
    return d->readout ? d->readout(x) : QStringLiteral("x = %1").arg(klscope::formatValue(x));
}

double SeriesPlot::xAtPixel(int canvasX) const
{
    return d->plot->xAxis->pixelToCoord(canvasX);
}

double SeriesPlot::pixelOfX(double x) const
{
    return d->plot->xAxis->coordToPixel(x);
}

double SeriesPlot::yAtPixel(int canvasY) const
{
    return d->plot->yAxis->pixelToCoord(canvasY);
}
