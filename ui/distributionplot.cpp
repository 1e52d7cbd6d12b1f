#include "distributionplot.h"

#include "eventreadout.h"
#include "eventseries.h"
#include "palette.h"
#include "plotcanvas.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace {

// Bars are drawn while each event gets at least this many pixels; QCPBars also cost ~25 ms per
// replot at 10^4 bars, so they are kept for small supports.
constexpr double kMinBarPixels = 6.0;
constexpr std::size_t kMaxBars = 400;
constexpr double kBarWidth = 0.4;

void setBarsData(QCPBars *bars, std::int64_t first, std::span<const double> values, double offset)
{
    QVector<QCPBarsData> points(static_cast<qsizetype>(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i)
        points[qsizetype(i)] = {double(first + std::int64_t(i)) + offset, values[i]};
    bars->data()->set(points, true);
}

} // namespace

struct DistributionPlot::Private : DiscreteCanvas
{
    QCPBars *barsP = nullptr, *barsQ = nullptr;
    QCPGraph *lineP = nullptr, *lineQ = nullptr;
    QPen penP, penQ; ///< the pens of the lines while they draw one step per event
    QCPGraph *infinitePQ = nullptr, *infiniteQP = nullptr;
    bool bars = true;
    int dragSide = -1;
    std::ptrdiff_t dragIndex = -1;
    bool logScale = false;
    std::size_t editable[2] = {0, 0}; ///< the events whose bar each side lets drag

    bool wantBars() const
    {
        const std::size_t n = comparison().p.size();
        const double width = plot->axisRect()->width();
        return n <= kMaxBars && width / double(std::max<std::size_t>(n, 1)) >= kMinBarPixels;
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
        const std::int64_t first = c.support.first;
        double top = 0;
        if (bars) {
            for (double v : c.p)
                top = std::max(top, v);
            for (double v : c.q)
                top = std::max(top, v);
            setBarsData(barsP, first, c.p, -kBarWidth / 2);
            setBarsData(barsQ, first, c.q, kBarWidth / 2);
            lineP->data()->clear();
            lineQ->data()->clear();
        } else {
            barsP->data()->clear();
            barsQ->data()->clear();
            klscope::plot::ValueRange range = klscope::plot::setEventCurve(lineP, first, c.p, columns, penP);
            range.include(klscope::plot::setEventCurve(lineQ, first, c.q, columns, penQ));
            top = range.empty() ? 0.0 : std::max(0.0, range.high);
        }
        if (barsP->visible() != bars) {
            barsP->setVisible(bars);
            barsQ->setVisible(bars);
            lineP->setVisible(!bars);
            lineQ->setVisible(!bars);
            barsP->removeFromLegend();
            barsQ->removeFromLegend();
            lineP->removeFromLegend();
            lineQ->removeFromLegend();
            if (bars) {
                barsP->addToLegend();
                barsQ->addToLegend();
            } else {
                lineP->addToLegend();
                lineQ->addToLegend();
            }
        }
        klscope::plot::setEventMarkers(infinitePQ, c.infinitePQ, 0.0, first, c.p.size(), columns);
        klscope::plot::setEventMarkers(infiniteQP, c.infiniteQP, 0.0, first, c.p.size(), columns);
        infinitePQ->removeFromLegend();
        infiniteQP->removeFromLegend();
        if (!c.infinitePQ.empty())
            infinitePQ->addToLegend();
        if (!c.infiniteQP.empty())
            infiniteQP->addToLegend();

        const double pad = bars ? 0.6 : 0.5;
        applyXRange(pad);
        // While a bar is dragged the scale stays put, so the mass under the hand is the mass it set.
        if (dragSide < 0 && !logScale) {
            plot->yAxis->setRange(0.0, top > 0 ? top * 1.12 : 1.0);
        } else if (dragSide < 0) {
            // Log scale: down to the smallest positive mass, but no more than 12 decades below the top.
            double lowest = top;
            for (const auto *masses : {&c.p, &c.q})
                for (double v : *masses)
                    if (v > 0)
                        lowest = std::min(lowest, v);
            const double high = top > 0 ? top * 2 : 1.0;
            plot->yAxis->setRange(std::max(lowest * 0.5, high * 1e-12), high);
        }
        klscope::plot::fitLegend(plot);
        queueReplot();
    }

    // The custom side under the mouse: the side whose bar top is nearest, among custom sides.
    int pickSide(std::ptrdiff_t index, double y) const
    {
        const klscope::Comparison &c = comparison();
        int best = -1;
        double bestDistance = 0;
        for (int side = 0; side < 2; ++side) {
            const std::int64_t event = c.support.first + index;
            if (event < 0 || std::size_t(event) >= editable[side])
                continue;
            const double mass = side == 0 ? c.p[std::size_t(index)] : c.q[std::size_t(index)];
            const double distance = std::fabs(mass - y);
            if (best < 0 || distance < bestDistance) {
                best = side;
                bestDistance = distance;
            }
        }
        return best;
    }

    // The mass under the mouse for the dragged bar (the owner applies it).
    double dragMass(const QPoint &position) const
    {
        return std::max(0.0, plot->yAxis->pixelToCoord(position.y()));
    }
    int dragEvent() const { return int(comparison().support.first + dragIndex); }
};

DistributionPlot::DistributionPlot(QWidget *parent)
    : PlotWidget(std::make_unique<Private>(), QStringLiteral("distributionCanvas"), true, parent),
      d(static_cast<Private *>(plotCanvas()))
{
    QCustomPlot *plot = d->plot;

    const QColor p = klscope::palette::p();
    const QColor q = klscope::palette::q();
    d->barsP = new QCPBars(plot->xAxis, plot->yAxis);
    d->barsP->setName(tr("P"));
    d->barsP->setWidth(kBarWidth);
    d->barsP->setPen(QPen(p, 1));
    d->barsP->setBrush(klscope::palette::withAlpha(p, 170));
    d->barsQ = new QCPBars(plot->xAxis, plot->yAxis);
    d->barsQ->setName(tr("Q"));
    d->barsQ->setWidth(kBarWidth);
    d->barsQ->setPen(QPen(q, 1));
    d->barsQ->setBrush(klscope::palette::withAlpha(q, 170));
    d->lineP = plot->addGraph();
    d->lineP->setName(tr("P"));
    d->penP = QPen(p, 1.6);
    d->lineP->setPen(d->penP);
    d->lineP->setLineStyle(QCPGraph::lsStepCenter);
    d->lineP->setAdaptiveSampling(true);
    d->lineQ = plot->addGraph();
    d->lineQ->setName(tr("Q"));
    d->penQ = QPen(q, 1.6, Qt::DashLine);
    d->lineQ->setPen(d->penQ);
    d->lineQ->setLineStyle(QCPGraph::lsStepCenter);
    d->lineQ->setAdaptiveSampling(true);
    d->infinitePQ = klscope::plot::addInfiniteMarkers(plot, tr("Q = 0 < p: KL(P‖Q) = ∞"));
    d->infiniteQP = klscope::plot::addInfiniteMarkers(plot, tr("P = 0 < q: KL(Q‖P) = ∞"));
    d->infiniteQP->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, klscope::palette::infinite(), Qt::white, 9));

    plot->xAxis->setLabel(tr("event x"));
    klscope::plot::setupEventAxis(plot->xAxis);
    klscope::plot::setupValueAxis(plot->yAxis);
    plot->yAxis->setLabel(tr("probability mass"));
    klscope::plot::setupLegend(plot);
    // Start with the lines in the legend; update() swaps in the bars when they are drawn.
    d->barsP->setVisible(false);
    d->barsQ->setVisible(false);
    d->barsP->removeFromLegend();
    d->barsQ->removeFromLegend();
    plot->setNoAntialiasingOnDrag(true);
    plot->setToolTip(tr("P and Q. Drag a custom bar up or down to set its mass; hover for the values."));

    connect(plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        if (event->button() != Qt::LeftButton)
            return;
        const klscope::Comparison &c = d->comparison();
        const std::ptrdiff_t index = klscope::eventIndex(c, d->plot->xAxis->pixelToCoord(event->pos().x()));
        if (index < 0)
            return;
        const int side = d->pickSide(index, d->plot->yAxis->pixelToCoord(event->pos().y()));
        if (side < 0)
            return;
        d->dragSide = side;
        d->dragIndex = index;
        emit massDragStarted(side);
        emit massDragged(side, d->dragEvent(), d->dragMass(event->pos()));
    });
    connect(plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (d->dragSide >= 0) {
            emit massDragged(d->dragSide, d->dragEvent(), d->dragMass(event->pos()));
            return;
        }
        d->showReadout(event, readoutAt(event->pos()));
    });
    connect(plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *) {
        if (d->dragSide < 0)
            return;
        d->dragSide = -1;
        d->dragIndex = -1;
        emit massDragFinished();
        d->update(); // the scale may follow the new masses now
    });
    d->update();
}

DistributionPlot::~DistributionPlot() = default;

void DistributionPlot::setComparison(std::shared_ptr<const klscope::Comparison> comparison,
                                     std::span<const std::string> labels)
{
    d->shared = std::move(comparison);
    d->labels.assign(labels.begin(), labels.end());
    d->redraw();
}

void DistributionPlot::setTermsVisible(bool klPQ, bool klQP, bool js)
{
    // The bars do not change; only the read-out lists other terms.
    d->terms = {klPQ, klQP, js};
    d->refreshReadout();
}

void DistributionPlot::setEditable(int side, std::size_t events)
{
    if (side == 0 || side == 1)
        d->editable[side] = events;
}

QPoint DistributionPlot::pixelFor(int side, double x, double mass) const
{
    const double offset = d->bars ? (side == 0 ? -kBarWidth / 2 : kBarWidth / 2) : 0.0;
    return QPoint(int(std::lround(d->plot->xAxis->coordToPixel(x + offset))),
                  int(std::lround(d->plot->yAxis->coordToPixel(mass))));
}

bool DistributionPlot::showsBars() const
{
    return d->bars;
}

QString DistributionPlot::readoutAt(QPoint canvasPosition) const
{
    return d->readoutAt(canvasPosition);
}

QList<double> DistributionPlot::infiniteMarkers() const
{
    QList<double> keys = klscope::plot::markerKeys(d->infinitePQ) + klscope::plot::markerKeys(d->infiniteQP);
    std::sort(keys.begin(), keys.end());
    return keys;
}

void DistributionPlot::setLogScale(bool on)
{
    if (d->logScale == on)
        return;
    d->logScale = on;
    klscope::plot::setLogAxis(d->plot->yAxis, on);
    d->update();
}

bool DistributionPlot::logScale() const
{
    return d->logScale;
}

std::pair<double, double> DistributionPlot::massAxisRange() const
{
    return {d->plot->yAxis->range().lower, d->plot->yAxis->range().upper};
}
