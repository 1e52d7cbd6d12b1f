#include "continuousview.h"

#include "eventreadout.h"
#include "seriesplot.h"

#include <continuouscomparison.h>
#include <continuousdistribution.h>
#include <gaussianmixture.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QMouseEvent>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <variant>

namespace {

// How near (pixels) a press must be to a component's marker to grab it.
constexpr double kGrabPixels = 8.0;

PlotSeries curve(const QString &name, PlotSeries::Kind kind, PlotSeries::Role role,
                 const std::vector<double> &x, std::vector<double> y, bool dashed = false)
{
    PlotSeries s;
    s.name = name;
    s.kind = kind;
    s.role = role;
    s.x = x;
    s.y = std::move(y);
    s.dashed = dashed;
    return s;
}

// v interpolated linearly at x on the increasing grid xs (the end values outside it).
double interpolate(const std::vector<double> &xs, const std::vector<double> &v, double x)
{
    const std::size_t n = std::min(xs.size(), v.size());
    if (n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    if (x <= xs.front())
        return v.front();
    if (x >= xs[n - 1])
        return v[n - 1];
    const std::size_t hi =
        std::size_t(std::upper_bound(xs.begin(), xs.begin() + std::ptrdiff_t(n), x) - xs.begin());
    const std::size_t lo = hi - 1;
    const double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
    // An infinite integrand stays infinite rather than turning into NaN by 0·∞.
    if (!std::isfinite(v[lo]) || !std::isfinite(v[hi]))
        return t < 0.5 ? v[lo] : v[hi];
    return v[lo] + t * (v[hi] - v[lo]);
}

} // namespace

ContinuousView::ContinuousView(QWidget *parent)
    : QWidget(parent), m_density(new SeriesPlot(this)), m_integrand(new SeriesPlot(this)),
      m_running(new SeriesPlot(this)), m_logY(new QCheckBox(tr("Log density"), this))
{
    setObjectName(QStringLiteral("continuousView"));
    m_density->setObjectName(QStringLiteral("densityPlot"));
    m_integrand->setObjectName(QStringLiteral("integrandPlot"));
    m_running->setObjectName(QStringLiteral("runningIntegralPlot"));
    m_logY->setObjectName(QStringLiteral("logDensity"));

    auto *reset = new QPushButton(tr("Reset zoom"), this);
    reset->setObjectName(QStringLiteral("resetZoom"));
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_logY);
    tools->addStretch(1);
    tools->addWidget(reset);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_density, 4);
    layout->addWidget(m_integrand, 3);
    layout->addWidget(m_running, 4);
    for (SeriesPlot *plot : {m_density, m_integrand, m_running}) {
        plot->setMinimumSize(280, 130);
        plot->setReadout([this](double x) { return readout(x); });
        connect(plot, &SeriesPlot::zoomed, this, [this](double lo, double hi) {
            for (SeriesPlot *p : {m_density, m_integrand, m_running})
                p->setZoom(std::pair{lo, hi});
        });
        connect(plot, &SeriesPlot::zoomReset, this, [this] {
            for (SeriesPlot *p : {m_density, m_integrand, m_running})
                p->setZoom(std::nullopt);
        });
        connect(plot, &SeriesPlot::replotted, this, &ContinuousView::alignPlots);
    }
    connect(reset, &QPushButton::clicked, m_density, &SeriesPlot::resetZoom);
    connect(m_logY, &QCheckBox::toggled, m_density, &SeriesPlot::setLogScale);
    m_density->canvas()->installEventFilter(this);
    redraw();
}

ContinuousView::~ContinuousView() = default;

void ContinuousView::setComparison(std::shared_ptr<const klscope::ContinuousComparison> comparison,
                                   const ContinuousPair &pair)
{
    m_comparison = std::move(comparison);
    m_defaultRange.reset();
    if (m_comparison && m_comparison->grid.x.size() >= 2) {
        const std::vector<double> &x = m_comparison->grid.x;
        m_defaultRange = std::pair{x.front(), x.back()};
        // The grid spans both sides' 0.1% quantiles; for heavy tails (a Cauchy's reach ±318) that leaves the
        // densities a spike in the middle. Then the view shows the central 98% of either side, and the
        // wheel zooms out to the whole grid.
        double lo = std::fmin(klscope::quantile(pair.p, 0.01), klscope::quantile(pair.q, 0.01));
        double hi = std::fmax(klscope::quantile(pair.p, 0.99), klscope::quantile(pair.q, 0.99));
        if (std::isfinite(lo) && std::isfinite(hi) && lo < hi) {
            const double pad = 0.1 * (hi - lo);
            lo = std::fmax(lo - pad, x.front());
            hi = std::fmin(hi + pad, x.back());
            if (lo < hi && x.back() - x.front() > 3 * (hi - lo))
                m_defaultRange = std::pair{lo, hi};
        }
    }
    m_handles.clear();
    for (Side side : {Side::P, Side::Q})
        if (const auto *mixture = std::get_if<klscope::GaussianMixture>(&pair.distribution(side))) {
            int k = 0;
            for (const klscope::MixtureComponent &c : mixture->components())
                m_handles.append({side, k++, c.mu});
        }
    redraw();
}

void ContinuousView::setTermsVisible(bool klPQ, bool klQP, bool js)
{
    m_terms[0] = klPQ;
    m_terms[1] = klQP;
    m_terms[2] = js;
    redraw();
}

QList<PlotWidget *> ContinuousView::plots() const
{
    return {m_density, m_integrand, m_running};
}

void ContinuousView::setTextScale(double factor)
{
    for (SeriesPlot *p : {m_density, m_integrand, m_running})
        p->setTextScale(factor);
}

void ContinuousView::setLogDensity(bool on)
{
    m_logY->setChecked(on);
}

QString ContinuousView::note() const
{
    return m_note;
}

QList<std::pair<double, double>> ContinuousView::infiniteRuns(std::span<const double> x,
                                                              std::span<const double> y)
{
    const std::size_t n = std::min(x.size(), y.size());
    QList<std::pair<double, double>> runs;
    for (std::size_t i = 0; i < n; ++i) {
        if (!(y[i] == std::numeric_limits<double>::infinity()))
            continue;
        std::size_t j = i;
        while (j + 1 < n && y[j + 1] == std::numeric_limits<double>::infinity())
            ++j;
        // Halfway to the finite neighbours (the grid's ends at the ends).
        const double lo = i == 0 ? x[0] : 0.5 * (x[i - 1] + x[i]);
        const double hi = j + 1 == n ? x[n - 1] : 0.5 * (x[j] + x[j + 1]);
        runs.append({lo, hi});
        i = j;
    }
    return runs;
}

std::vector<double> ContinuousView::runningIntegral(std::span<const double> x, std::span<const double> y)
{
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<double> out(n, 0.0);
    for (std::size_t i = 1; i < n; ++i)
        out[i] = out[i - 1] + 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]);
    return out;
}

QString ContinuousView::readout(double x) const
{
    if (!m_comparison || m_comparison->grid.x.empty())
        return QStringLiteral("x = %1").arg(klscope::formatValue(x));
    const klscope::ContinuousGrid &g = m_comparison->grid;
    const QString unit = klscope::unitText(m_comparison->unit);
    QStringList lines;
    lines << QStringLiteral("x = %1").arg(klscope::formatValue(x));
    lines << QStringLiteral("p(x) = %1").arg(klscope::formatValue(interpolate(g.x, g.p, x)));
    lines << QStringLiteral("q(x) = %1").arg(klscope::formatValue(interpolate(g.x, g.q, x)));
    if (m_terms[0])
        lines << QStringLiteral("p·log(p/q) = %1 %2")
                     .arg(klscope::formatValue(interpolate(g.x, g.klPQ, x)), unit);
    if (m_terms[1])
        lines << QStringLiteral("q·log(q/p) = %1 %2")
                     .arg(klscope::formatValue(interpolate(g.x, g.klQP, x)), unit);
    if (m_terms[2])
        lines << QStringLiteral("JS = %1 %2").arg(klscope::formatValue(interpolate(g.x, g.js, x)), unit);
    return lines.join(QLatin1Char('\n'));
}

void ContinuousView::redraw()
{
    static const klscope::ContinuousComparison empty;
    const klscope::ContinuousComparison &c = m_comparison ? *m_comparison : empty;
    const klscope::ContinuousGrid &g = c.grid;
    const QString unit = klscope::unitText(c.unit);
    using Kind = PlotSeries::Kind;
    using Role = PlotSeries::Role;

    m_density->setSeries({curve(tr("p(x)"), Kind::FilledCurve, Role::P, g.x, g.p),
                          curve(tr("q(x)"), Kind::FilledCurve, Role::Q, g.x, g.q)});
    QList<PlotMarker> markers;
    for (const Handle &h : m_handles)
        markers.append({h.mu, QStringLiteral("%1%2").arg(h.side == Side::P ? 'P' : 'Q').arg(h.component + 1),
                        h.side == Side::P ? Role::P : Role::Q});
    m_density->setMarkers(markers);

    struct Term
    {
        QString integrand, symbol, metric;
        Role role;
        const std::vector<double> *values;
        double exact;
        QString why;
    };
    const Term terms[3] = {
        {tr("p·log(p/q)"), tr("p·log(p/q)"), tr("KL(P‖Q)"), Role::KlPQ, &g.klPQ, c.klPQ.value,
         QString::fromStdString(c.infinitePQ)},
        {tr("q·log(q/p)"), tr("q·log(q/p)"), tr("KL(Q‖P)"), Role::KlQP, &g.klQP, c.klQP.value,
         QString::fromStdString(c.infiniteQP)},
        {tr("JS integrand"), tr("JS"), tr("JS"), Role::Js, &g.js, c.js.value, QString()},
    };
    QList<PlotSeries> integrands, running;
    QList<PlotBand> bands;
    QStringList notes, beyond;
    std::vector<double> ends;
    if (!g.x.empty())
        ends = {g.x.front(), g.x.back()};
    for (int t = 0; t < 3; ++t) {
        if (!m_terms[t])
            continue;
        const Term &term = terms[t];
        integrands.append(curve(term.integrand, Kind::Line, term.role, g.x, *term.values));
        // Where the integrand is +∞ (q = 0 < p) it has no point to draw: a hatched band says so.
        for (const auto &[lo, hi] : infiniteRuns(g.x, *term.values))
            bands.append({lo, hi, tr("+∞ %1").arg(term.symbol), term.role});
        if (std::isinf(term.exact)) {
            // No curve: a finite running integral of a diverging integral would be a lie.
            running.append(
                curve(tr("%1 = +∞: no running integral").arg(term.metric), Kind::Line, term.role, {}, {}));
            // The core's reason names the metric already ("KL(P‖Q) = ∞ (tail rule). P's tails ...").
            notes << (term.why.isEmpty() ? tr("%1 is infinite.").arg(term.metric) : term.why);
            continue;
        }
        std::vector<double> integral = runningIntegral(g.x, *term.values);
        const double reached = integral.empty() ? 0.0 : integral.back();
        // One legend entry per metric: the running integral and the exact value it climbs to (the dashed
        // line in the same colour, kept out of the legend).
        const QString name =
            !std::isfinite(term.exact) ? tr("∫ %1").arg(term.symbol)
            : term.symbol == term.metric
                ? tr("∫ %1 = %2").arg(term.symbol, klscope::formatValue(term.exact))
                : tr("∫ %1 → %2 = %3").arg(term.symbol, term.metric, klscope::formatValue(term.exact));
        running.append(curve(name, Kind::Line, term.role, g.x, std::move(integral)));
        if (std::isfinite(term.exact) && !ends.empty()) {
            running.append(curve(QString(), Kind::Line, term.role, ends, {term.exact, term.exact}, true));
            // Heavy tails carry part of the integral beyond the plotted range: say how much, so the gap
            // between the curve's end and the dashed line is explained, not a mystery.
            const double rest = term.exact - reached;
            if (std::fabs(rest) > 0.01 * std::fabs(term.exact) && std::fabs(rest) > 1e-9)
                beyond << tr("%1 %2 of %3").arg(klscope::formatValue(rest), unit, term.metric);
        }
    }
    // One sentence for all the tails, so the note stays short enough to sit under the plot.
    if (!beyond.isEmpty())
        notes << tr("Beyond the plotted range %1 … %2 the tails carry the remaining %3.")
                     .arg(klscope::formatValue(g.x.front()), klscope::formatValue(g.x.back()),
                          beyond.size() == 1
                              ? beyond.front()
                              : tr("%1 and %2")
                                    .arg(beyond.mid(0, beyond.size() - 1).join(QStringLiteral(", ")),
                                         beyond.back()));
    m_integrand->setSeries(integrands);
    m_integrand->setBands(bands);
    m_running->setSeries(running);
    // The note is drawn inside the running-integral plot, so exported figures carry it too.
    m_note = notes.join(QLatin1Char('\n'));
    m_running->setFootnote(m_note);
    // In the window the running integrals get a little more height to hold the note.
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        box->setStretchFactor(m_running, m_note.isEmpty() ? 4 : 5);

    m_density->setAxisTitles(QString(), tr("density"));
    m_integrand->setAxisTitles(QString(), tr("integrand (%1)").arg(unit));
    m_running->setAxisTitles(tr("x"), tr("running integral (%1)").arg(unit));
    // Under a component drag the x axis stays put, so the component follows the mouse (the grid's range
    // moves with the mixture); it is updated when the drag ends.
    if (!m_dragging)
        applyXRange();
}

void ContinuousView::applyXRange()
{
    if (!m_defaultRange)
        return;
    for (SeriesPlot *p : {m_density, m_integrand, m_running})
        p->setXRange(m_defaultRange->first, m_defaultRange->second);
}

void ContinuousView::alignPlots()
{
    // Never under the hand: a drag keeps the axes where they are until it ends.
    if (m_dragging)
        return;
    const int margin = std::max(
        {m_density->naturalLeftMargin(), m_integrand->naturalLeftMargin(), m_running->naturalLeftMargin()});
    for (SeriesPlot *p : {m_density, m_integrand, m_running})
        p->alignLeftMargin(margin);
}

const ContinuousView::Handle *ContinuousView::handleAt(int canvasX) const
{
    const Handle *best = nullptr;
    double bestDistance = kGrabPixels;
    for (const Handle &h : m_handles) {
        const double distance = std::fabs(m_density->pixelOfX(h.mu) - canvasX);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = &h;
        }
    }
    return best;
}

bool ContinuousView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_density->canvas())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            break;
        const Handle *h = handleAt(mouse->position().toPoint().x());
        if (!h)
            break;
        m_dragging = *h;
        emit componentDragStarted(h->side);
        return true; // the plot does not pan under a component drag
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (!m_dragging) {
            m_density->canvas()->setCursor(handleAt(mouse->position().toPoint().x()) ? Qt::SizeHorCursor
                                                                                     : Qt::ArrowCursor);
            break;
        }
        const double mu = m_density->xAtPixel(mouse->position().toPoint().x());
        if (std::isfinite(mu))
            emit componentMoved(m_dragging->side, m_dragging->component, mu);
        return true;
    }
    case QEvent::MouseButtonRelease:
        if (!m_dragging)
            break;
        m_dragging.reset();
        emit componentDragFinished();
        applyXRange();
        alignPlots();
        return true;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}
