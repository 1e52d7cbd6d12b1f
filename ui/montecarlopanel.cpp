#include "montecarlopanel.h"

#include "eventreadout.h"
#include "jobrunner.h"
#include "seriesplot.h"

#include <continuouscomparison.h>
#include <gaussianmixture.h>
#include <mixturekl.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>
#include <variant>

namespace {

constexpr std::size_t kFirstSamples = 1000;
constexpr int kProgressSteps = 1000;

} // namespace

MonteCarloPanel::MonteCarloPanel(QWidget *parent)
    : QWidget(parent), m_plot(new SeriesPlot(this)), m_progress(new QProgressBar(this)),
      m_stop(new QPushButton(tr("Stop"), this)), m_status(new QLabel(this)), m_runner(new JobRunner(this))
{
    setObjectName(QStringLiteral("monteCarloPanel"));
    m_plot->setObjectName(QStringLiteral("monteCarloPlot"));
    m_progress->setObjectName(QStringLiteral("monteCarloProgress"));
    m_stop->setObjectName(QStringLiteral("monteCarloStop"));
    m_status->setObjectName(QStringLiteral("monteCarloStatus"));
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_stop->setEnabled(false);
    m_status->setWordWrap(true);
    m_plot->setMinimumSize(280, 160);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addLayout(bar);
    layout->addWidget(m_status);

    connect(m_stop, &QPushButton::clicked, this, &MonteCarloPanel::stop);
    connect(m_runner, &JobRunner::busyChanged, m_stop, &QPushButton::setEnabled);
    connect(m_runner, &JobRunner::failed, this, [this](const QString &message) {
        m_status->setText(message);
        emit finished();
    });
    redraw();
}

MonteCarloPanel::~MonteCarloPanel() = default;

bool MonteCarloPanel::appliesTo(const ContinuousPair &pair)
{
    return std::holds_alternative<klscope::GaussianMixture>(pair.p) ||
           std::holds_alternative<klscope::GaussianMixture>(pair.q);
}

void MonteCarloPanel::setComparison(std::shared_ptr<const klscope::ContinuousComparison> comparison,
                                    const ContinuousPair &pair)
{
    if (!m_hidden.isActive()) {
        // Hidden: nothing runs for a pair nobody looks at. A new pair stops the old run; the pair given
        // last is started when the panel is shown.
        if (!(m_pair && m_pair->sameComparisonInputs(pair))) {
            m_runner->cancel();
            m_pair.reset();
        }
        m_hidden.hold(std::move(comparison), pair);
        return;
    }
    const bool hadComparison = m_comparison != nullptr;
    m_comparison = std::move(comparison);
    const bool samePair =
        m_pair && m_pair->sameComparisonInputs(pair) && hadComparison == (m_comparison != nullptr);
    m_pair = pair;
    if (!samePair) {
        m_runner->cancel();
        m_points.clear();
        m_infinite.clear();
        m_progress->setValue(0);
        if (m_comparison && appliesTo(pair))
            start();
    }
    redraw();
}

void MonteCarloPanel::setMaxSamples(std::size_t n)
{
    m_maxSamples = std::max(n, kFirstSamples);
}

void MonteCarloPanel::stop()
{
    if (!m_runner->isRunning())
        return;
    m_runner->cancel();
    redraw();
    emit finished();
}

bool MonteCarloPanel::isRunning() const
{
    return m_runner->isRunning();
}

void MonteCarloPanel::setActive(bool active)
{
    if (auto pending = m_hidden.setActive(active))
        setComparison(std::move(std::get<0>(*pending)), std::get<1>(*pending));
}

void MonteCarloPanel::start()
{
    const klscope::ContinuousDistribution p = m_pair->p, q = m_pair->q;
    klscope::MonteCarloProgressOptions options;
    options.firstSamples = kFirstSamples;
    options.maxSamples = m_maxSamples;
    m_runner->start(
        [p, q, options](JobControl &control) {
            return klscope::progressiveMonteCarloKl(
                p, q, options,
                [&control, options](const klscope::MonteCarloPoint &point) {
                    control.progress(double(point.n) / double(options.maxSamples), point);
                    return !control.cancelled();
                },
                [&control] { return control.cancelled(); });
        },
        [this](const klscope::MonteCarloRun &run) {
            // The finished run is the authority: the same points as the progress reports, in order.
            m_points = run.points;
            m_infinite = QString::fromStdString(run.infinite);
            m_progress->setValue(kProgressSteps);
            redraw();
            emit finished();
        },
        [this](double fraction, const std::any &partial) {
            m_progress->setValue(int(std::lround(fraction * kProgressSteps)));
            if (const auto *point = std::any_cast<klscope::MonteCarloPoint>(&partial)) {
                m_points.push_back(*point);
                redraw();
                emit pointAdded();
            }
        });
}

void MonteCarloPanel::redraw()
{
    const klscope::Unit unit = m_comparison ? m_comparison->unit : klscope::Unit::Nats;
    const double factor = klscope::fromNats(unit);
    const QString unitName = klscope::unitText(unit);
    const double lo = std::log10(double(kFirstSamples)), hi = std::log10(double(m_maxSamples));
    const std::vector<double> ends = {lo, hi};

    std::vector<double> x, estimate, above, below;
    for (const klscope::MonteCarloPoint &point : m_points) {
        x.push_back(std::log10(double(point.n)));
        estimate.push_back(point.estimate * factor);
        above.push_back((point.estimate + 2 * point.standardError) * factor);
        below.push_back((point.estimate - 2 * point.standardError) * factor);
    }
    QList<PlotSeries> series;
    if (m_comparison && std::isfinite(m_comparison->klPQ.value))
        series.append(PlotSeries::line(
            tr("quadrature %1").arg(klscope::formatValue(m_comparison->klPQ.value)),
            PlotSeries::Role::Neutral, ends, {m_comparison->klPQ.value, m_comparison->klPQ.value}));
    if (m_pair) {
        const auto f = klscope::asGaussianMixture(m_pair->p), g = klscope::asGaussianMixture(m_pair->q);
        if (f && g) {
            const double variational = klscope::variationalKl(*f, *g) * factor;
            const klscope::KlBounds bounds = klscope::klBounds(*f, *g);
            series.append(PlotSeries::line(tr("variational %1").arg(klscope::formatValue(variational)),
                                           PlotSeries::Role::Js, ends, {variational, variational}, true));
            series.append(PlotSeries::line(tr("bounds %1 … %2")
                                               .arg(klscope::formatValue(bounds.lower * factor),
                                                    klscope::formatValue(bounds.upper * factor)),
                                           PlotSeries::Role::KlQP, ends,
                                           {bounds.lower * factor, bounds.lower * factor}, true));
            series.append(PlotSeries::line(QString(), PlotSeries::Role::KlQP, ends,
                                           {bounds.upper * factor, bounds.upper * factor}, true));
        }
    }
    series.append(PlotSeries::line(tr("± 2 standard errors"), PlotSeries::Role::KlPQ, x, above, true));
    series.append(PlotSeries::line(QString(), PlotSeries::Role::KlPQ, x, below, true));
    series.append(PlotSeries::line(tr("Monte Carlo"), PlotSeries::Role::KlPQ, x, estimate));
    m_plot->setSeries(series);
    m_plot->setXRange(lo - 0.1, hi + 0.1);
    m_plot->setAxisTitles(tr("log₁₀ n (draws of P)"), tr("KL(P‖Q) (%1)").arg(unitName));

    if (!m_infinite.isEmpty())
        m_status->setText(tr("KL(P‖Q) is infinite: %1").arg(m_infinite));
    else if (m_points.empty())
        m_status->setText(m_runner->isRunning() ? tr("Drawing from P…") : QString());
    else {
        const klscope::MonteCarloPoint &last = m_points.back();
        m_status->setText(tr("n = %1: %2 ± %3 %4%5")
                              .arg(last.n)
                              .arg(klscope::formatValue(last.estimate * factor),
                                   klscope::formatValue(2 * last.standardError * factor), unitName,
                                   m_runner->isRunning() ? QStringLiteral(" …") : QString()));
    }
}
