#include "discretisationpanel.h"

#include "eventreadout.h"
#include "jobrunner.h"
#include "numberspinbox.h"
#include "seriesplot.h"

#include <continuouscomparison.h>

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

struct Result
{
    std::vector<klscope::DiscreteKlPoint> sweep;
    std::optional<klscope::DiscreteKlPoint> current;
};

} // namespace

DiscretisationPanel::DiscretisationPanel(QWidget *parent)
    : QWidget(parent), m_width(new NumberSpinBox(this)), m_values(new QLabel(this)),
      m_plot(new SeriesPlot(this)), m_runner(new JobRunner(this))
{
    setObjectName(QStringLiteral("discretisationPanel"));
    m_width->setObjectName(QStringLiteral("binWidth"));
    m_values->setObjectName(QStringLiteral("discreteValues"));
    m_plot->setObjectName(QStringLiteral("discretisationPlot"));
    m_width->setRange(0, 1e6);
    m_width->setSingleStep(0.05);
    m_width->setToolTip(tr("Bin both densities at this width (0: off)"));
    m_values->setWordWrap(true);
    m_values->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_plot->setMinimumSize(240, 140);

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Bin width h:"), this));
    row->addWidget(m_width);
    row->addWidget(m_values, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_plot, 1);

    connect(m_width, &NumberSpinBox::valueChanged, this, [this](double h) {
        if (std::isfinite(h) && h >= 0)
            emit binWidthEdited(h);
    });
    redraw();
}

DiscretisationPanel::~DiscretisationPanel() = default;

std::vector<double> DiscretisationPanel::sweepWidths(double span)
{
    std::vector<double> widths;
    if (!(std::isfinite(span) && span > 0))
        return widths;
    for (int k = 0; k < 11; ++k)
        widths.push_back(span / 4 / std::ldexp(1.0, k));
    return widths;
}

bool DiscretisationPanel::isBusy() const
{
    return m_runner->isRunning();
}

void DiscretisationPanel::setComparison(std::shared_ptr<const klscope::ContinuousComparison> comparison,
                                        const ContinuousPair &pair)
{
    if (!m_hidden.isActive()) {
        // Hidden: nothing runs for a pair nobody looks at. A new pair stops the old run; the pair given
        // last is started when the panel is shown.
        const bool same = m_pair && m_pair->sameComparisonInputs(pair) && m_pair->binWidth == pair.binWidth;
        if (!same) {
            m_runner->cancel();
            m_pair.reset();
        }
        m_hidden.hold(std::move(comparison), pair);
        return;
    }
    m_comparison = std::move(comparison);
    const bool same = m_pair && m_pair->sameComparisonInputs(pair) && m_pair->binWidth == pair.binWidth;
    const bool sameSweep = m_pair && m_pair->sameComparisonInputs(pair) && !m_sweep.empty();
    m_pair = pair;
    m_width->setValue(pair.binWidth);
    if (!same) {
        if (!sameSweep)
            m_sweep.clear();
        m_current.reset();
        start();
    }
    redraw();
}

void DiscretisationPanel::setActive(bool active)
{
    if (auto pending = m_hidden.setActive(active))
        setComparison(std::move(std::get<0>(*pending)), std::get<1>(*pending));
}

void DiscretisationPanel::start()
{
    if (!m_comparison) {
        m_runner->cancel();
        return;
    }
    const klscope::ContinuousDistribution p = m_pair->p, q = m_pair->q;
    const double h = m_pair->binWidth;
    const klscope::ContinuousGrid &grid = m_comparison->grid;
    const std::vector<double> widths = m_sweep.empty() && grid.x.size() >= 2
                                           ? sweepWidths(grid.x.back() - grid.x.front())
                                           : std::vector<double>{};
    std::vector<klscope::DiscreteKlPoint> kept = m_sweep;
    m_runner->start(
        [p, q, h, widths, kept](JobControl &control) {
            Result r;
            r.sweep = kept;
            if (h > 0) {
                const double one[] = {h};
                r.current = klscope::discreteKlAgainstWidth(p, q, one).front();
            }
            // One width at a time, so a superseded job stops between widths.
            for (double w : widths) {
                if (control.cancelled())
                    break;
                const double one[] = {w};
                r.sweep.push_back(klscope::discreteKlAgainstWidth(p, q, one).front());
            }
            return r;
        },
        [this](const Result &r) {
            m_sweep = r.sweep;
            m_current = r.current;
            redraw();
            emit computed();
        });
}

QString DiscretisationPanel::valuesText() const
{
    return m_values->text();
}

void DiscretisationPanel::redraw()
{
    const klscope::Unit unit = m_comparison ? m_comparison->unit : klscope::Unit::Nats;
    const double factor = klscope::fromNats(unit);
    const QString unitName = klscope::unitText(unit);

    std::vector<double> x, pq, qp;
    for (const klscope::DiscreteKlPoint &point : m_sweep) {
        x.push_back(std::log10(point.width));
        pq.push_back(point.klPQ * factor);
        qp.push_back(point.klQP * factor);
    }
    QList<PlotSeries> series;
    if (!x.empty()) {
        const std::vector<double> ends = {x.back(), x.front()};
        if (m_comparison && std::isfinite(m_comparison->klPQ.value))
            series.append(PlotSeries::line(tr("continuous KL(P‖Q)"), PlotSeries::Role::KlPQ, ends,
                                           {m_comparison->klPQ.value, m_comparison->klPQ.value}, true));
        if (m_comparison && std::isfinite(m_comparison->klQP.value))
            series.append(PlotSeries::line(tr("continuous KL(Q‖P)"), PlotSeries::Role::KlQP, ends,
                                           {m_comparison->klQP.value, m_comparison->klQP.value}, true));
    }
    series.append(PlotSeries::line(tr("discrete KL(P‖Q)"), PlotSeries::Role::KlPQ, x, pq));
    series.append(PlotSeries::line(tr("discrete KL(Q‖P)"), PlotSeries::Role::KlQP, x, qp));
    m_plot->setSeries(series);
    QList<PlotMarker> markers;
    if (m_pair && m_pair->binWidth > 0)
        markers.append({std::log10(m_pair->binWidth), tr("h"), PlotSeries::Role::Neutral});
    m_plot->setMarkers(markers);
    m_plot->setAxisTitles(tr("log₁₀ h (bin width)"), tr("KL (%1)").arg(unitName));

    // Heavy tails (a Cauchy's 1e-12 quantile is near 3e11) need more bins than allowed at every width.
    const bool sweepFailed =
        !m_sweep.empty() &&
        std::all_of(m_sweep.begin(), m_sweep.end(), [](const auto &point) { return !point.note.empty(); });
    m_plot->setToolTip(sweepFailed ? QString::fromStdString(m_sweep.front().note) : QString());
    const QString continuous =
        m_comparison ? klscope::formatValue(m_comparison->klPQ.value) + QLatin1Char(' ') + unitName
                     : QString();
    if (!m_pair || m_pair->binWidth <= 0)
        m_values->setText(sweepFailed
                              ? tr("Off. Continuous KL(P‖Q) = %1. No width of the sweep can be binned: %2")
                                    .arg(continuous, QString::fromStdString(m_sweep.front().note))
                              : tr("Off. Continuous KL(P‖Q) = %1").arg(continuous));
    else if (!m_current)
        m_values->setText(tr("Binning at h = %1…").arg(klscope::formatValue(m_pair->binWidth)));
    else if (!m_current->note.empty())
        m_values->setText(QString::fromStdString(m_current->note));
    else
        m_values->setText(tr("Discrete KL(P‖Q) at h = %1: %2 %3 (%4 bins) · continuous %5")
                              .arg(klscope::formatValue(m_pair->binWidth),
                                   klscope::formatValue(m_current->klPQ * factor), unitName)
                              .arg(m_current->bins)
                              .arg(continuous));
}
