#include "cumulativeplot.h"

#include "document.h"
#include "eventreadout.h"
#include "palette.h"
#include "plotfigure.h"

#include <qcustomplot.h>

#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

// Fills `graph` with the running sum of `values` (in place when the keys are unchanged) and returns
// the range of the finite sums; the first event where the sum turns infinite goes to `infiniteAt`.
void setRunningSum(QCPGraph *graph, std::int64_t first, const std::vector<double> &values, double &low,
                   double &high, std::vector<double> &infiniteAt)
{
    const auto data = graph->data();
    const std::size_t n = values.size();
    const bool inPlace = std::size_t(data->size()) == n && n > 0 && data->constBegin()->key == double(first);
    QVector<QCPGraphData> points;
    if (!inPlace)
        points.resize(qsizetype(n));
    double sum = 0;
    bool wasFinite = true;
    auto it = data->begin();
    for (std::size_t i = 0; i < n; ++i) {
        sum += values[i];
        const bool finite = std::isfinite(sum);
        if (finite) {
            low = std::min(low, sum);
            high = std::max(high, sum);
        } else if (wasFinite) {
            infiniteAt.push_back(double(first + std::int64_t(i)));
        }
        wasFinite = finite;
        const double y = finite ? sum : qQNaN();
        if (inPlace) {
            it->value = y;
            ++it;
        } else {
            points[qsizetype(i)] = {double(first + std::int64_t(i)), y};
        }
    }
    if (!inPlace)
        data->set(points, true);
}

} // namespace

struct CumulativePlot::Private
{
    Document *document = nullptr;
    QCustomPlot *plot = nullptr;
    QCPGraph *lines[3] = {};
    QCPGraph *infinite = nullptr;
    QCPItemStraightLine *zero = nullptr;

    const std::vector<double> &values(int term) const
    {
        const klscope::Comparison &c = document->comparison();
        return term == 0 ? c.klPQ : term == 1 ? c.klQP : c.js;
    }

    void update()
    {
        const klscope::Comparison &c = document->comparison();
        double low = 0, high = 0;
        std::vector<double> infiniteAt;
        for (int t = 0; t < 3; ++t) {
            const bool visible = document->isTermVisible(Term(t));
            lines[t]->setVisible(visible);
            lines[t]->removeFromLegend();
            if (!visible)
                continue;
            lines[t]->addToLegend();
            setRunningSum(lines[t], c.support.first, values(t), low, high, infiniteAt);
        }
        if (high <= low)
            high = low + 1.0;
        const double span = high - low;
        QVector<QCPGraphData> markers;
        std::sort(infiniteAt.begin(), infiniteAt.end());
        for (double x : infiniteAt)
            markers.append({x, high + span * 0.06});
        infinite->data()->set(markers, true);
        infinite->setVisible(!markers.isEmpty());
        infinite->removeFromLegend();
        if (!markers.isEmpty())
            infinite->addToLegend();
        plot->xAxis->setRange(double(c.support.first) - 0.5, double(c.support.last) + 0.5);
        plot->yAxis->setRange(low < 0 ? low - span * 0.06 : 0.0, high + span * 0.14);
        plot->yAxis->setLabel(QObject::tr("running sum (%1)").arg(klscope::unitText(c.unit)));
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
};

CumulativePlot::CumulativePlot(Document *document, QWidget *parent)
    : QWidget(parent), d(std::make_unique<Private>())
{
    d->document = document;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    d->plot = new QCustomPlot(this);
    d->plot->setObjectName(QStringLiteral("cumulativeCanvas"));
    d->plot->setMouseTracking(true);
    layout->addWidget(d->plot);
    QCustomPlot *plot = d->plot;

    const QColor colours[] = {klscope::palette::klPQ(), klscope::palette::klQP(), klscope::palette::js()};
    const QString names[] = {tr("Σ p·log(p/q) → KL(P‖Q)"), tr("Σ q·log(q/p) → KL(Q‖P)"), tr("Σ JS terms → JS")};
    const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine};
    for (int t = 0; t < 3; ++t) {
        d->lines[t] = plot->addGraph();
        d->lines[t]->setName(names[t]);
        d->lines[t]->setPen(QPen(colours[t], 2, styles[t]));
        d->lines[t]->setLineStyle(QCPGraph::lsStepLeft);
        d->lines[t]->setAdaptiveSampling(true);
    }
    d->infinite = plot->addGraph();
    d->infinite->setName(tr("sum becomes ∞"));
    d->infinite->setLineStyle(QCPGraph::lsNone);
    d->infinite->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, klscope::palette::infinite(),
                                                 klscope::palette::infinite(), 9));
    d->zero = new QCPItemStraightLine(plot);
    d->zero->point1->setCoords(0, 0);
    d->zero->point2->setCoords(1, 0);
    d->zero->setPen(QPen(Qt::gray, 1));

    plot->xAxis->setLabel(tr("event x"));
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 210));
    plot->legend->setRowSpacing(0);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot->setToolTip(tr("Running sum of each term; the last value is the total. Hover for the values."));

    connect(plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        const QString text = readoutAt(event->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), text, d->plot);
    });
    connect(document, &Document::comparisonChanged, this, [this] { d->update(); });
    connect(document, &Document::termVisibilityChanged, this, [this] { d->update(); });
    d->update();
}

CumulativePlot::~CumulativePlot() = default;

QWidget *CumulativePlot::canvas() const
{
    return d->plot;
}

double CumulativePlot::lastValue(int term) const
{
    const auto data = d->lines[term]->data();
    return data->isEmpty() ? qQNaN() : (data->constEnd() - 1)->value;
}

QString CumulativePlot::readoutAt(QPoint canvasPosition) const
{
    if (!d->plot->axisRect()->rect().contains(canvasPosition))
        return {};
    const klscope::Comparison &c = d->document->comparison();
    const std::ptrdiff_t index = klscope::eventIndex(c, d->plot->xAxis->pixelToCoord(canvasPosition.x()));
    if (index < 0)
        return {};
    QString text = klscope::eventReadout(c, std::size_t(index), d->document->isTermVisible(Term::KlPQ),
                                         d->document->isTermVisible(Term::KlQP),
                                         d->document->isTermVisible(Term::Js));
    const QString unit = klscope::unitText(c.unit);
    const QString names[] = {QStringLiteral("KL(P‖Q) so far"), QStringLiteral("KL(Q‖P) so far"),
                             QStringLiteral("JS so far")};
    for (int t = 0; t < 3; ++t) {
        if (!d->document->isTermVisible(Term(t)))
            continue;
        const std::vector<double> &v = d->values(t);
        double sum = 0;
        for (std::ptrdiff_t i = 0; i <= index && std::size_t(i) < v.size(); ++i)
            sum += v[std::size_t(i)];
        text += QStringLiteral("\n%1 = %2 %3").arg(names[t], klscope::formatValue(sum), unit);
    }
    return text;
}

QPicture CumulativePlot::figure(QSize size) const
{
    return recordFigure(d->plot, size, [] {});
}
