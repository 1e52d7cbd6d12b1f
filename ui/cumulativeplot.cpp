#include "cumulativeplot.h"

#include "eventreadout.h"
#include "eventseries.h"
#include "palette.h"
#include "plotcanvas.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

struct CumulativePlot::Private : DiscreteCanvas
{
    QCPGraph *lines[3] = {};
    QPen pens[3]; ///< the pens of the lines while they draw one step per event
    QCPGraph *infinite = nullptr;
    double last[3] = {qQNaN(), qQNaN(), qQNaN()}; ///< the total of each curve as plotted

    const klscope::Values &values(int term) const
    {
        const klscope::Comparison &c = comparison();
        return term == 0 ? c.klPQ : term == 1 ? c.klQP : c.js;
    }

    bool needsRefit() const override { return std::max(1, plot->axisRect()->width()) != columns; }

    void update() override
    {
        const klscope::Comparison &c = comparison();
        columns = std::max(1, plot->axisRect()->width());
        klscope::plot::ValueRange range;
        range.low = range.high = 0.0; // the zero line is always in view
        std::vector<double> infiniteAt;
        for (int t = 0; t < 3; ++t) {
            const bool visible = termVisible(t);
            lines[t]->setVisible(visible);
            lines[t]->removeFromLegend();
            if (!visible) {
                lines[t]->data()->clear();
                last[t] = qQNaN();
                continue;
            }
            lines[t]->addToLegend();
            range.include(klscope::plot::setRunningSumCurve(lines[t], c.support.first, values(t), columns,
                                                            pens[t], last[t], infiniteAt));
        }
        double low = range.low, high = range.high;
        if (high <= low)
            high = low + 1.0;
        const double span = high - low;
        // A KL that is infinite beyond the support (decided from the families) becomes infinite past the
        // last event shown: the marker sits there, so the finite curve is not read as the total.
        if (c.tailPQ && terms[0])
            infiniteAt.push_back(double(c.support.last));
        if (c.tailQP && terms[1])
            infiniteAt.push_back(double(c.support.last));
        std::sort(infiniteAt.begin(), infiniteAt.end());
        infiniteAt.erase(std::unique(infiniteAt.begin(), infiniteAt.end()), infiniteAt.end());
        const std::vector<std::int64_t> events(infiniteAt.begin(), infiniteAt.end());
        klscope::plot::setEventMarkers(infinite, events, high + span * 0.06, c.support.first, c.p.size(),
                                       columns);
        infinite->removeFromLegend();
        if (infinite->visible())
            infinite->addToLegend();
        applyXRange(0.5);
        plot->yAxis->setRange(low < 0 ? low - span * 0.06 : 0.0, high + span * 0.14);
        plot->yAxis->setLabel(QObject::tr("running sum (%1)").arg(klscope::unitText(c.unit)));
        klscope::plot::fitLegend(plot);
        queueReplot();
    }
};

CumulativePlot::CumulativePlot(QWidget *parent)
    : PlotWidget(std::make_unique<Private>(), QStringLiteral("cumulativeCanvas"), false, parent),
      d(static_cast<Private *>(plotCanvas()))
{
    QCustomPlot *plot = d->plot;

    const QColor colours[] = {klscope::palette::klPQ(), klscope::palette::klQP(), klscope::palette::js()};
    const QString names[] = {tr("Σ p·log(p/q) → KL(P‖Q)"), tr("Σ q·log(q/p) → KL(Q‖P)"),
                             tr("Σ JS terms → JS")};
    const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine};
    for (int t = 0; t < 3; ++t) {
        d->lines[t] = plot->addGraph();
        d->lines[t]->setName(names[t]);
        d->pens[t] = QPen(colours[t], 2, styles[t]);
        d->lines[t]->setPen(d->pens[t]);
    }
    d->infinite = klscope::plot::addInfiniteMarkers(plot, tr("sum becomes ∞"));
    klscope::plot::addZeroLine(plot, Qt::gray);

    plot->xAxis->setLabel(tr("event x"));
    klscope::plot::setupEventAxis(plot->xAxis);
    klscope::plot::setupValueAxis(plot->yAxis);
    klscope::plot::setupLegend(plot);
    plot->setToolTip(tr("Running sum of each term; the last value is the total. Hover for the values."));

    d->update();
}

CumulativePlot::~CumulativePlot() = default;

void CumulativePlot::setComparison(std::shared_ptr<const klscope::Comparison> comparison,
                                   std::span<const std::string> labels)
{
    d->shared = std::move(comparison);
    d->labels.assign(labels.begin(), labels.end());
    d->redraw();
}

void CumulativePlot::setTermsVisible(bool klPQ, bool klQP, bool js)
{
    const std::array<bool, 3> terms = {klPQ, klQP, js};
    if (terms == d->terms)
        return;
    d->terms = terms;
    d->redraw();
}

double CumulativePlot::lastValue(int term) const
{
    return term >= 0 && term < 3 ? d->last[term] : qQNaN();
}

QString CumulativePlot::valueAxisLabel() const
{
    return d->plot->yAxis->label();
}

QList<double> CumulativePlot::infiniteMarkers() const
{
    return klscope::plot::markerKeys(d->infinite);
}

QString CumulativePlot::readoutAt(QPoint canvasPosition) const
{
    const std::ptrdiff_t index = d->eventAt(canvasPosition);
    if (index < 0)
        return {};
    QString text = d->readoutAt(canvasPosition);
    const QString unit = klscope::unitText(d->comparison().unit);
    const QString names[] = {QStringLiteral("KL(P‖Q) so far"), QStringLiteral("KL(Q‖P) so far"),
                             QStringLiteral("JS so far")};
    for (int t = 0; t < 3; ++t) {
        if (!d->termVisible(t))
            continue;
        const klscope::Values &v = d->values(t);
        double sum = 0;
        for (std::ptrdiff_t i = 0; i <= index && std::size_t(i) < v.size(); ++i)
            sum += v[std::size_t(i)];
        text += QStringLiteral("\n%1 = %2 %3").arg(names[t], klscope::formatValue(sum), unit);
    }
    return text;
}
