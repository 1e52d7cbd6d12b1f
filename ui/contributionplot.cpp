#include "contributionplot.h"

#include "eventreadout.h"
#include "eventseries.h"
#include "palette.h"
#include "plotcanvas.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kMinBarPixels = 9.0;
constexpr std::size_t kMaxBars = 300;
constexpr double kBarWidth = 0.28;

void setBarsData(QCPBars *bars, std::int64_t first, std::span<const double> values, double offset)
{
    QVector<QCPBarsData> points(static_cast<qsizetype>(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i)
        points[qsizetype(i)] = {double(first + std::int64_t(i)) + offset,
                                std::isfinite(values[i]) ? values[i] : 0.0};
    bars->data()->set(points, true);
}

struct Series
{
    int term = 0; ///< 0 = KL(P‖Q), 1 = KL(Q‖P), 2 = JS
    QCPBars *bars = nullptr;
    QCPGraph *line = nullptr;
    QPen pen; ///< the pen of the line while it draws one step per event
};

} // namespace

struct ContributionPlot::Private : DiscreteCanvas
{
    Series series[3];
    QCPGraph *infinite = nullptr;
    bool bars = true;

    const klscope::Values &values(int term) const
    {
        const klscope::Comparison &c = comparison();
        return term == 0 ? c.klPQ : term == 1 ? c.klQP : c.js;
    }

    bool wantBars() const
    {
        const std::size_t n = comparison().p.size();
        return n <= kMaxBars &&
               plot->axisRect()->width() / double(std::max<std::size_t>(n, 1)) >= kMinBarPixels;
    }

    // Bars or lines, and how finely the lines are sampled, depend on the width of the axis rect.
    bool needsRefit() const override
    {
        return wantBars() != bars || (!bars && std::max(1, plot->axisRect()->width()) != columns);
    }

    void update() override
    {
        const klscope::Comparison &c = comparison();
        bars = wantBars();
        columns = std::max(1, plot->axisRect()->width());
        klscope::plot::ValueRange range;
        range.low = range.high = 0.0; // the zero line is always in view
        int shown = 0;
        for (const Series &s : series)
            shown += termVisible(s.term) ? 1 : 0;
        int slot = 0;
        for (Series &s : series) {
            const bool visible = termVisible(s.term);
            const klscope::Values &v = values(s.term);
            s.bars->removeFromLegend();
            s.line->removeFromLegend();
            if (!visible) {
                s.bars->setVisible(false);
                s.line->setVisible(false);
                continue;
            }
            if (bars) {
                for (double x : v) {
                    if (std::isfinite(x)) {
                        range.low = std::min(range.low, x);
                        range.high = std::max(range.high, x);
                    } else {
                        range.nonFinite = true;
                    }
                }
                const double offset = (slot - (shown - 1) / 2.0) * kBarWidth;
                setBarsData(s.bars, c.support.first, v, offset);
                s.line->data()->clear();
                s.bars->addToLegend();
            } else {
                s.bars->data()->clear();
                range.include(klscope::plot::setEventCurve(s.line, c.support.first, v, columns, s.pen));
                s.line->addToLegend();
            }
            s.bars->setVisible(bars);
            s.line->setVisible(!bars);
            ++slot;
        }
        double low = range.low, high = range.high;
        const bool anyInfinite = range.nonFinite;
        if (high <= low)
            high = low + 1.0;
        const double span = high - low;
        const double top = high + span * (anyInfinite ? 0.15 : 0.08);
        std::vector<std::int64_t> events;
        if (anyInfinite) {
            if (terms[0] || terms[2])
                events = c.infinitePQ;
            if (terms[1])
                events.insert(events.end(), c.infiniteQP.begin(), c.infiniteQP.end());
            std::sort(events.begin(), events.end());
        }
        klscope::plot::setEventMarkers(infinite, events, high + span * 0.08, c.support.first, c.p.size(),
                                       columns);
        infinite->removeFromLegend();
        if (infinite->visible())
            infinite->addToLegend();
        const double pad = bars ? 0.6 : 0.5;
        applyXRange(pad);
        plot->yAxis->setRange(low < 0 ? low - span * 0.08 : 0.0, top);
        plot->yAxis->setLabel(QObject::tr("term (%1)").arg(klscope::unitText(c.unit)));
        klscope::plot::fitLegend(plot);
        queueReplot();
    }
};

ContributionPlot::ContributionPlot(QWidget *parent)
    : PlotWidget(std::make_unique<Private>(), QStringLiteral("contributionCanvas"), false, parent),
      d(static_cast<Private *>(plotCanvas()))
{
    QCustomPlot *plot = d->plot;

    const struct
    {
        int term;
        QColor colour;
        QString name;
    } specs[] = {
        {0, klscope::palette::klPQ(), tr("p·log(p/q), KL(P‖Q)")},
        {1, klscope::palette::klQP(), tr("q·log(q/p), KL(Q‖P)")},
        {2, klscope::palette::js(), tr("JS term")},
    };
    for (int i = 0; i < 3; ++i) {
        Series &s = d->series[i];
        s.term = specs[i].term;
        s.bars = new QCPBars(plot->xAxis, plot->yAxis);
        s.bars->setName(specs[i].name);
        s.bars->setWidth(kBarWidth);
        s.bars->setPen(QPen(specs[i].colour.darker(115), 1));
        s.bars->setBrush(klscope::palette::withAlpha(specs[i].colour, 200));
        s.line = plot->addGraph();
        s.line->setName(specs[i].name);
        s.pen = QPen(specs[i].colour, 1.6, i == 1 ? Qt::DashLine : i == 2 ? Qt::DotLine : Qt::SolidLine);
        s.line->setPen(s.pen);
        s.line->setLineStyle(QCPGraph::lsStepCenter);
        s.line->setAdaptiveSampling(true);
    }
    d->infinite = klscope::plot::addInfiniteMarkers(plot, tr("infinite term"));
    klscope::plot::addZeroLine(plot, Qt::black);

    plot->xAxis->setLabel(tr("event x"));
    klscope::plot::setupEventAxis(plot->xAxis);
    klscope::plot::setupValueAxis(plot->yAxis);
    klscope::plot::setupLegend(plot);
    plot->setToolTip(tr("Per-event contributions; negative terms lie below the axis. Hover for the values."));

    d->update();
}

ContributionPlot::~ContributionPlot() = default;

void ContributionPlot::setComparison(std::shared_ptr<const klscope::Comparison> comparison,
                                     std::span<const std::string> labels)
{
    d->shared = std::move(comparison);
    d->labels.assign(labels.begin(), labels.end());
    d->redraw();
}

void ContributionPlot::setTermsVisible(bool klPQ, bool klQP, bool js)
{
    const std::array<bool, 3> terms = {klPQ, klQP, js};
    if (terms == d->terms)
        return;
    d->terms = terms;
    d->redraw();
}

QString ContributionPlot::valueAxisLabel() const
{
    return d->plot->yAxis->label();
}

QString ContributionPlot::readoutAt(QPoint canvasPosition) const
{
    return d->readoutAt(canvasPosition);
}

QList<double> ContributionPlot::infiniteMarkers() const
{
    return klscope::plot::markerKeys(d->infinite);
}
