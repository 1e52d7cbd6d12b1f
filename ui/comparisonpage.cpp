#include "comparisonpage.h"

#include "comparisonoptions.h"
#include "continuousbinder.h"
#include "continuoustablemodel.h"
#include "continuousview.h"
#include "contributionplot.h"
#include "corecall.h"
#include "cumulativeplot.h"
#include "discreteplotbinder.h"
#include "discretisationpanel.h"
#include "distributioneditor.h"
#include "distributionplot.h"
#include "document.h"
#include "eventtableview.h"
#include "metricspanel.h"
#include "montecarlopanel.h"
#include "plotwidget.h"
#include "seriesplot.h"
#include "spec.h"
#include "sweepdialog.h"

#include <continuoussummary.h>
#include <summary.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

ComparisonPage::ComparisonPage(const QList<Preset> &presets, QWidget *parent)
    : Page(parent), m_document(new Document(this)), m_presets(presets)
{
    setObjectName(QStringLiteral("comparisonPage"));
    auto *central = this;
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(4);

    m_lesson = new QLabel(central);
    m_lesson->setObjectName(QStringLiteral("lessonLabel"));
    m_lesson->setWordWrap(true);
    m_lesson->setTextFormat(Qt::PlainText);
    outer->addWidget(m_lesson);

    m_smoothingBanner = new QLabel(central);
    m_smoothingBanner->setObjectName(QStringLiteral("smoothingBanner"));
    m_smoothingBanner->setStyleSheet(QStringLiteral("QLabel { background: #f0e442; color: black; "
                                                    "font-weight: bold; padding: 3px 6px; }"));
    m_smoothingBanner->setToolTip(tr("Every value shown depends on this ε. Turn smoothing off under the "
                                     "editors or in the View menu."));
    m_smoothingBanner->hide();
    outer->addWidget(m_smoothingBanner);

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter = splitter;
    splitter->setChildrenCollapsible(false);
    outer->addWidget(splitter, 1);

    // Left: the two editors side by side with the swap button between them, the options, and tabs
    // with the metrics and the per-event table.
    // On a small screen (or at a large text size) the left column scrolls rather than pushing the
    // window off the screen.
    auto *leftScroll = new QScrollArea(splitter);
    leftScroll->setObjectName(QStringLiteral("leftScroll"));
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    leftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    leftScroll->setMinimumWidth(300);
    auto *left = new QWidget;
    m_left = left;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *editors = new QBoxLayout(QBoxLayout::LeftToRight);
    m_editorsLayout = editors;
    m_editorP = new DistributionEditor(m_document, Side::P, left);
    m_editorQ = new DistributionEditor(m_document, Side::Q, left);
    new SweepController(m_document, m_editorP, m_editorQ, this); // the sweep windows (issue 13)
    m_swap = new QPushButton(tr("⇄"), left);
    m_swap->setObjectName(QStringLiteral("swapButton"));
    m_swap->setToolTip(tr("Swap P and Q (Ctrl+Shift+X): KL(P‖Q) and KL(Q‖P) trade places."));
    m_swap->setAccessibleName(tr("Swap P and Q"));
    m_swap->setMaximumWidth(m_swap->fontMetrics().horizontalAdvance(QStringLiteral("⇄")) * 3 + 12);
    editors->addWidget(m_editorP, 1);
    editors->addWidget(m_swap);
    editors->addWidget(m_editorQ, 1);
    // The editors take the height they need (a custom side's table shows a few rows and scrolls); the
    // metrics get the rest, so at 1280×800 they show without scrolling.
    leftLayout->addLayout(editors, 0);
    m_options = new ComparisonOptions(m_document, left);
    leftLayout->addWidget(m_options);
    m_tabs = new QTabWidget(left);
    m_tabs->setObjectName(QStringLiteral("panelTabs"));
    m_metrics = new MetricsPanel;
    m_metrics->setObjectName(QStringLiteral("metricsPanel"));
    auto *metricsScroll = new QScrollArea;
    metricsScroll->setWidget(m_metrics);
    metricsScroll->setWidgetResizable(true);
    metricsScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(metricsScroll, tr("&Metrics"));
    m_eventTable = new EventTableView;
    m_eventTable->setObjectName(QStringLiteral("eventTable"));
    m_tabs->addTab(m_eventTable, tr("Per-&event table"));
    m_tabs->setTabToolTip(0, tr("Every divergence, entropy and distance, with its direction and unit."));
    m_tabs->setTabToolTip(1, tr("One row per event; sort by a column, copy selected rows as CSV (Ctrl+C)."));
    // The continuous pair's tabs: the plotting grid point by point, the bridge to the discrete half, and
    // the Monte Carlo estimate of a mixture's KL.
    m_pointModel = new ContinuousTableModel(this);
    m_pointTable = new QTableView;
    m_pointTable->setObjectName(QStringLiteral("pointTable"));
    m_pointTable->setModel(m_pointModel);
    m_pointTable->verticalHeader()->hide();
    m_pointTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_pointTable->setToolTip(
        tr("The plotting grid, one row per point; hover over a cell for all 17 digits."));
    m_tabs->addTab(m_pointTable, tr("Per-&point table"));
    m_tabs->setTabToolTip(2, tr("One row per point of the plotting grid: x, p(x), q(x) and the integrands."));
    m_discretisation = new DiscretisationPanel;
    m_discretisation->setObjectName(QStringLiteral("discretisationPanel"));
    m_discretisation->setActive(false);
    bindDiscretisationPanel(m_document, m_discretisation);
    m_tabs->addTab(m_discretisation, tr("&Discretise"));
    m_tabs->setTabToolTip(3, tr("Bin both densities at width h: the discrete KL closes in on the "
                                "continuous one as h shrinks."));
    m_monteCarlo = new MonteCarloPanel;
    m_monteCarlo->setObjectName(QStringLiteral("monteCarloPanel"));
    m_monteCarlo->setActive(false);
    bindMonteCarloPanel(m_document, m_monteCarlo);
    m_tabs->addTab(m_monteCarlo, tr("Monte &Carlo"));
    m_tabs->setTabToolTip(4, tr("A mixture's KL estimated from n draws, ± 2 standard errors, against the "
                                "quadrature value and the variational bounds."));
    leftLayout->addWidget(m_tabs, 1);

    // Right: the three plots, stacked.
    m_figures = new QStackedWidget(splitter);
    auto *plots = new QSplitter(Qt::Vertical);
    m_figures->addWidget(plots);
    plots->setChildrenCollapsible(false);
    m_distributionPlot = new DistributionPlot(plots);
    m_contributionPlot = new ContributionPlot(plots);
    m_cumulativePlot = new CumulativePlot(plots);
    bindDiscretePlots(m_document, m_distributionPlot, m_contributionPlot, m_cumulativePlot);
    for (QWidget *w : {static_cast<QWidget *>(m_distributionPlot), static_cast<QWidget *>(m_contributionPlot),
                       static_cast<QWidget *>(m_cumulativePlot)})
        w->setMinimumSize(280, 150);
    // One left margin for the three plots, so their y axes line up.
    const auto alignPlots = [this] {
        // Never under the hand: a drag keeps the axes where they are, and the next change aligns them.
        if (m_document->currentDrag() != 0)
            return;
        const int margin =
            std::max({m_distributionPlot->naturalLeftMargin(), m_contributionPlot->naturalLeftMargin(),
                      m_cumulativePlot->naturalLeftMargin()});
        m_distributionPlot->alignLeftMargin(margin);
        m_contributionPlot->alignLeftMargin(margin);
        m_cumulativePlot->alignLeftMargin(margin);
    };
    // Zoom and pan follow from plot to plot; a double-click (or View → Reset Zoom) goes back.
    const auto zoomAll = [this](std::optional<std::pair<double, double>> range) {
        m_distributionPlot->setZoom(range);
        m_contributionPlot->setZoom(range);
        m_cumulativePlot->setZoom(range);
    };
    connect(m_distributionPlot, &DistributionPlot::zoomed, this, [zoomAll](double lo, double hi) {
        zoomAll(std::pair{lo, hi});
    });
    connect(m_contributionPlot, &ContributionPlot::zoomed, this, [zoomAll](double lo, double hi) {
        zoomAll(std::pair{lo, hi});
    });
    connect(m_cumulativePlot, &CumulativePlot::zoomed, this, [zoomAll](double lo, double hi) {
        zoomAll(std::pair{lo, hi});
    });
    connect(m_distributionPlot, &DistributionPlot::zoomReset, this, [zoomAll] { zoomAll(std::nullopt); });
    connect(m_contributionPlot, &ContributionPlot::zoomReset, this, [zoomAll] { zoomAll(std::nullopt); });
    connect(m_cumulativePlot, &CumulativePlot::zoomReset, this, [zoomAll] { zoomAll(std::nullopt); });
    connect(m_distributionPlot, &DistributionPlot::replotted, this, alignPlots);
    connect(m_contributionPlot, &ContributionPlot::replotted, this, alignPlots);
    connect(m_cumulativePlot, &CumulativePlot::replotted, this, alignPlots);
    plots->setStretchFactor(0, 4);
    plots->setStretchFactor(1, 3);
    plots->setStretchFactor(2, 3);
    m_continuousView = new ContinuousView;
    m_continuousView->setObjectName(QStringLiteral("continuousView"));
    m_figures->addWidget(m_continuousView);
    bindContinuousView(m_document, m_continuousView);
    leftScroll->setWidget(left);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({520, 760});
    connect(m_swap, &QPushButton::clicked, m_document, &Document::swap);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ComparisonPage::syncTables);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ComparisonPage::activatePanels);
    // After the tab's layout, so the table's own width is known.
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this] { QTimer::singleShot(0, this, &ComparisonPage::fitEventTable); });
    connect(m_document, &Document::domainChanged, this, &ComparisonPage::updateDomain);
    // After the editors' new rows are laid out.
    connect(m_document, &Document::comparisonChanged, this,
            [this] { QTimer::singleShot(0, this, &ComparisonPage::fitLeftColumn); });
    connect(m_document, &Document::comparisonChanged, this, [this] {
        updateDomain();
        updateMetrics();
        updateSupportOffer();
        updateLesson();
        syncTables();
        emit statusChanged();
        if (m_tabs->currentWidget() == m_eventTable)
            QTimer::singleShot(0, this, &ComparisonPage::fitEventTable);
    });
    connect(m_document, &Document::optionsChanged, this, [this] {
        updateBanner();
        emit statusChanged();
    });
    connect(m_document, &Document::modifiedChanged, this, &ComparisonPage::updateLesson);
    connect(m_document, &Document::presetChanged, this, &ComparisonPage::updateLesson);
    connect(m_document, &Document::editRefused, this,
            [this](const QString &message) { emit statusMessage(tr("Refused: %1").arg(message), 10000); });
    connect(m_document, &Document::domainSwitched, this,
            [this](const QString &message) { emit statusMessage(message, 15000); });
    connect(m_metrics, &MetricsPanel::extendSupportRequested, this, &ComparisonPage::extendSupport);
    connect(m_metrics, &MetricsPanel::completeRequested, this, &ComparisonPage::completeUniform);

    updateDomain();
    updateMetrics();
    m_eventTable->eventModel()->setComparison(m_document->sharedComparison());
    updateSupportOffer();
    updateBanner();
    updateLesson();
}

ComparisonPage::~ComparisonPage() = default;

QString ComparisonPage::title() const
{
    return tr("Compare");
}

DocumentBase *ComparisonPage::documentBase() const
{
    return m_document;
}

QList<const PlotWidget *> ComparisonPage::figurePlots() const
{
    if (m_document->isContinuous()) {
        QList<const PlotWidget *> plots;
        for (const PlotWidget *plot : m_continuousView->plots())
            plots.append(plot);
        return plots;
    }
    return {m_distributionPlot, m_contributionPlot, m_cumulativePlot};
}

QList<int> ComparisonPage::figureStretch() const
{
    return {4, 3, 3};
}

QString ComparisonPage::statusText() const
{
    const klscope::Comparison &c = m_document->comparison();
    const std::string_view unit = klscope::unitName(m_document->unit());
    const QString unitName = QString::fromUtf8(unit.data(), qsizetype(unit.size()));
    if (m_document->isContinuous())
        return tr("Densities · %1").arg(unitName);
    return tr("%1 events on %2..%3 · %4")
        .arg(qulonglong(c.support.size()))
        .arg(c.support.first)
        .arg(c.support.last)
        .arg(unitName);
}

void ComparisonPage::setTextScale(double factor)
{
    m_distributionPlot->setTextScale(1.0);
    m_contributionPlot->setTextScale(1.0);
    m_cumulativePlot->setTextScale(1.0);
    m_continuousView->setTextScale(1.0);
    // The left column takes the width its larger text needs, up to 60 % of the page.
    const int total = std::max(m_splitter->width() > 100 ? m_splitter->width() : width() - 12, 1);
    const int left = std::min(int(std::lround(520 * factor)), total * 3 / 5);
    m_splitter->setSizes({left, std::max(total - left, 1)});
}

void ComparisonPage::resetZoom()
{
    m_distributionPlot->setZoom(std::nullopt);
    m_contributionPlot->setZoom(std::nullopt);
    m_cumulativePlot->setZoom(std::nullopt);
    m_continuousView->densityPlot()->resetZoom();
}

void ComparisonPage::setLogScale(bool on)
{
    m_distributionPlot->setLogScale(on);
    m_continuousView->setLogDensity(on);
}

void ComparisonPage::updateDomain()
{
    const bool continuous = m_document->isContinuous();
    const ContinuousPair *pair = m_document->continuousPair();
    m_figures->setCurrentIndex(continuous ? 1 : 0);
    m_options->setVisible(!continuous);
    const bool mixture = pair && MonteCarloPanel::appliesTo(*pair);
    // A tab that no longer applies hands over to the metrics before it hides.
    const auto show = [this](QWidget *tab, bool visible) {
        const int index = m_tabs->indexOf(tab);
        if (!visible && m_tabs->currentIndex() == index)
            m_tabs->setCurrentIndex(0);
        m_tabs->setTabVisible(index, visible);
    };
    show(m_eventTable, !continuous);
    show(m_pointTable, continuous);
    show(m_discretisation, continuous);
    show(m_monteCarlo, mixture);
    activatePanels();
}

void ComparisonPage::activatePanels()
{
    // The background panels compute only while their tab is open: an edit at the sliders does not start
    // a discretisation sweep or 10^6 Monte Carlo draws nobody is looking at.
    m_discretisation->setActive(m_tabs->currentWidget() == m_discretisation);
    m_monteCarlo->setActive(m_tabs->currentWidget() == m_monteCarlo);
}

void ComparisonPage::syncTables()
{
    // A table shows the shared comparison; behind its tab it catches up when the tab is opened, so an
    // edit at 10^6 events does not rebuild rows nobody sees (a model reset there costs ~30 ms).
    if (m_tabs->currentWidget() == m_eventTable && !m_document->isContinuous() &&
        m_eventTable->eventModel()->comparison() != m_document->sharedComparison())
        m_eventTable->eventModel()->setComparison(m_document->sharedComparison());
    if (m_tabs->currentWidget() == m_pointTable && m_document->isContinuous())
        m_pointModel->setComparison(m_document->sharedContinuousComparison());
}

void ComparisonPage::updateMetrics()
{
    if (m_document->isContinuous())
        m_metrics->setSummary(klscope::summarize(m_document->continuousComparison()));
    else
        m_metrics->setSummary(klscope::summarize(m_document->comparison(), m_document->eventLabels()));
}

void ComparisonPage::updateBanner()
{
    const double epsilon = m_document->smoothing();
    m_smoothingBanner->setVisible(epsilon > 0);
    m_smoothingBanner->setText(tr("ε-smoothing is ON: ε = %1 added to every mass of P and Q. Every value "
                                  "shown depends on it.")
                                   .arg(epsilon, 0, 'g'));
}

QStringList ComparisonPage::differencesFrom(const Preset &preset) const
{
    // What makes the current state another pair than the preset's; empty while the preset holds.
    return presetDifferences(preset, m_document->state());
}

void ComparisonPage::updateLesson()
{
    const QString name = m_document->presetName();
    const auto preset = findPreset(m_presets, name);
    if (preset) {
        m_lastPresetTitle = preset->title;
        m_lastPresetLesson = preset->lesson;
        m_lastPresetName = preset->name;
    }
    const auto last = findPreset(m_presets, m_lastPresetName);
    const QStringList differences = last ? differencesFrom(*last) : QStringList();
    bool applies = false;
    if (last && differences.isEmpty()) {
        applies = true;
        m_lesson->setText(tr("Lesson: %1").arg(last->lesson));
        m_lesson->setToolTip(tr("What the loaded preset teaches. Choose another from the Presets menu."));
    } else if (last && (preset || m_document->isModified())) {
        // A lesson belongs to its preset's state: once the state differs it may no longer be true
        // (an import, smoothing), so it is not repeated as if it were.
        m_lesson->setText(tr("Changed from “%1” (%2): its lesson no longer applies here. Choose it in the "
                             "Presets menu to see it again.")
                              .arg(m_lastPresetTitle, differences.join(QStringLiteral(", "))));
        m_lesson->setToolTip(tr("The lesson of “%1”, true only for that preset: %2")
                                 .arg(m_lastPresetTitle, m_lastPresetLesson));
    } else {
        m_lesson->setText(tr("Your own pair. The Presets menu has guided examples."));
        m_lesson->setToolTip(tr("What the loaded preset teaches. Choose another from the Presets menu."));
    }
    if (m_lesson->property("applies").toBool() != applies || !m_lesson->property("applies").isValid()) {
        m_lesson->setProperty("applies", applies);
        m_lesson->setStyleSheet(
            applies ? QStringLiteral("QLabel { background: #f4f1e6; border: 1px solid #d8d2bc; "
                                     "border-radius: 3px; padding: 3px 6px; }")
                    : QStringLiteral("QLabel { background: #eeeeee; color: #555555; border: 1px "
                                     "dashed #aaaaaa; border-radius: 3px; padding: 3px 6px; }"));
    }
}

std::optional<klscope::EventRange> ComparisonPage::naturalSupport() const
{
    // nullopt when a family's support would exceed the event limit (the core refuses to form it):
    // there is then no whole support to offer.
    return callCore([this] {
        const klscope::EventRange p = klscope::support(m_document->distribution(Side::P));
        const klscope::EventRange q = klscope::support(m_document->distribution(Side::Q));
        return klscope::EventRange{std::min(p.first, q.first), std::max(p.last, q.last)};
    });
}

std::optional<Side> ComparisonPage::incompleteUniform() const
{
    // A uniform side that gives 0 to events where the other side has mass: widening it is the second
    // step of the lesson (and it changes that distribution, which the first step does not).
    for (Side side : {Side::Q, Side::P}) {
        const klscope::Distribution &d = m_document->distribution(side);
        if (klscope::family(d) != klscope::Family::Uniform)
            continue;
        const auto own = callCore([&d] { return klscope::support(d); });
        const auto other = callCore(
            [&] { return klscope::support(m_document->distribution(side == Side::P ? Side::Q : Side::P)); });
        if (own && other && (other->first < own->first || other->last > own->last))
            return side;
    }
    return std::nullopt;
}

void ComparisonPage::updateSupportOffer()
{
    if (m_document->isContinuous()) {
        // Densities have no support to extend: the offers belong to discrete pairs.
        m_metrics->setExtendSupportOffer({});
        m_metrics->setCompleteOffer({}, false);
        return;
    }
    const klscope::Comparison &c = m_document->comparison();
    const auto explicitSupport = m_document->support();
    const auto natural = naturalSupport();
    const auto offered = offeredSupport();
    if (!natural || !offered) {
        m_metrics->setExtendSupportOffer({});
        m_metrics->setCompleteOffer({}, false);
        return;
    }
    const klscope::EventRange full = *natural;
    // Step 1: mass left outside an explicit support is silently dropped; show what it costs with both
    // distributions kept as they are.
    const bool dropsMass = explicitSupport && (c.outsideP > 0 || c.outsideQ > 0) &&
                           (full.first < explicitSupport->first || full.last > explicitSupport->last);
    const klscope::EventRange target = *offered;
    m_metrics->setExtendSupportOffer(
        dropsMass
            ? tr("Step 1: extend the support to %1..%2, P and Q kept").arg(target.first).arg(target.last)
            : QString());
    // Step 2: make the uniform side complete on that support.
    const auto side = incompleteUniform();
    if (side && (dropsMass || std::isinf(*side == Side::Q ? c.totals.klPQ : c.totals.klQP)))
        m_metrics->setCompleteOffer(tr("Step 2: make %1 uniform on %2..%3")
                                        .arg(*side == Side::P ? QStringLiteral("P") : QStringLiteral("Q"))
                                        .arg(target.first)
                                        .arg(target.last),
                                    !dropsMass);
    else
        m_metrics->setCompleteOffer({}, false);
}

std::optional<klscope::EventRange> ComparisonPage::offeredSupport() const
{
    // Both natural supports and the explicit one, so nothing either side holds is left out.
    const auto natural = naturalSupport();
    if (!natural)
        return std::nullopt;
    const auto current = m_document->support();
    return klscope::EventRange{std::min(natural->first, current ? current->first : natural->first),
                               std::max(natural->last, current ? current->last : natural->last)};
}

void ComparisonPage::extendSupport()
{
    if (const auto target = offeredSupport())
        m_document->setSupport(*target);
}

void ComparisonPage::completeUniform()
{
    const auto side = incompleteUniform();
    if (!side)
        return;
    const auto target = offeredSupport();
    if (!target)
        return;
    const double bounds[] = {double(target->first), double(target->last)};
    QString error;
    if (const auto uniform = callCore(
            [&bounds] { return klscope::makeDistribution(klscope::Family::Uniform, bounds); }, &error))
        m_document->setDistribution(*side, *uniform);
    else
        emit statusMessage(error, 10000);
}

void ComparisonPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    QTimer::singleShot(0, this, &ComparisonPage::fitLeftColumn);
}

void ComparisonPage::fitLeftColumn()
{
    const QList<int> sizes = m_splitter->sizes();
    if (sizes.size() != 2 || !isVisible())
        return;
    const int total = sizes.at(0) + sizes.at(1);
    const auto *scroll = qobject_cast<const QScrollArea *>(m_splitter->widget(0));
    const int scrollBar =
        scroll && scroll->verticalScrollBar()->isVisible() ? scroll->verticalScrollBar()->width() : 0;
    const int limit = total * 3 / 5;
    const auto needed = [this, scrollBar] {
        return m_left->minimumSizeHint().width() + scrollBar + 2;
    };
    m_editorsLayout->setDirection(QBoxLayout::LeftToRight);
    if (needed() > limit)
        m_editorsLayout->setDirection(QBoxLayout::TopToBottom);
    // Only ever wider: switching back to a narrower family keeps the width, so the panel does not twitch.
    const int left = std::min(needed(), limit);
    if (left > sizes.at(0))
        m_splitter->setSizes({left, std::max(total - left, 1)});
}

void ComparisonPage::fitEventTable()
{
    const QList<int> sizes = m_splitter->sizes();
    if (sizes.size() != 2)
        return;
    const int total = sizes.at(0) + sizes.at(1);
    if (m_tabs->currentWidget() != m_eventTable) {
        if (m_leftWidthBeforeTable > 0 && m_leftWidthBeforeTable < sizes.at(0))
            m_splitter->setSizes({m_leftWidthBeforeTable, std::max(total - m_leftWidthBeforeTable, 1)});
        m_leftWidthBeforeTable = 0;
        return;
    }
    // The table fills the tab widget's page stack; a page just shown may still have a stale width, the
    // stack has the current one.
    const QWidget *page = m_eventTable->parentWidget() ? m_eventTable->parentWidget() : m_eventTable;
    const int missing = m_eventTable->neededWidth() - page->width();
    if (missing <= 0)
        return;
    const int left = std::min(sizes.at(0) + missing, total * 3 / 5);
    if (left <= sizes.at(0))
        return;
    if (m_leftWidthBeforeTable == 0)
        m_leftWidthBeforeTable = sizes.at(0);
    m_splitter->setSizes({left, std::max(total - left, 1)});
    // Once the new width is laid out, look again: the left column's content may be wider than its pane
    // (a minimum width), so one step can fall short. Each step only widens, up to the limit.
    QTimer::singleShot(0, this, &ComparisonPage::fitEventTable);
}
