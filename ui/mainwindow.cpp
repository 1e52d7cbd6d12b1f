#include "mainwindow.h"

#include "comparisonoptions.h"
#include "contributionplot.h"
#include "corecall.h"
#include "cumulativeplot.h"
#include "distributioneditor.h"
#include "discreteplotbinder.h"
#include "distributionplot.h"
#include "document.h"
#include "eventtableview.h"
#include "exportactions.h"
#include "metricspanel.h"
#include "sessioncontroller.h"
#include "spec.h"
#include "versions.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <stdexcept>

namespace {

const klscope::Unit kUnits[] = {klscope::Unit::Nats, klscope::Unit::Bits, klscope::Unit::Bans};

QString settingsKey(const char *key)
{
    return QString::fromLatin1(key);
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_document(new Document(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_presets = loadPresets();

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(6, 4, 6, 2);
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
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *editors = new QHBoxLayout;
    m_editorP = new DistributionEditor(m_document, Side::P, left);
    m_editorQ = new DistributionEditor(m_document, Side::Q, left);
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
    leftLayout->addWidget(m_tabs, 1);

    // Right: the three plots, stacked.
    auto *plots = new QSplitter(Qt::Vertical, splitter);
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
    leftScroll->setWidget(left);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({520, 760});
    setCentralWidget(central);

    m_statusEvents = new QLabel(this);
    m_statusEvents->setToolTip(tr("Events on the support and the unit of every value."));
    statusBar()->addPermanentWidget(m_statusEvents);

    m_session = new SessionController(m_document, this);
    m_session->acceptDrops(m_editorP, Side::P);
    m_session->acceptDrops(m_editorQ, Side::Q);
    connect(m_session, &SessionController::currentFileChanged, this, &MainWindow::updateTitle);
    createMenus();

    connect(m_swap, &QPushButton::clicked, m_document, &Document::swap);
    // The table shows the shared comparison; behind its tab it catches up when the tab is opened, so an
    // edit at 10^6 events does not rebuild rows nobody sees (a model reset there costs ~30 ms).
    const auto syncTable = [this] {
        if (m_tabs->currentWidget() == m_eventTable &&
            m_eventTable->eventModel()->comparison() != m_document->sharedComparison())
            m_eventTable->eventModel()->setComparison(m_document->sharedComparison());
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, syncTable);
    // After the tab's layout, so the table's own width is known.
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this] { QTimer::singleShot(0, this, &MainWindow::fitEventTable); });
    connect(m_document, &Document::comparisonChanged, this, [this, syncTable] {
        m_metrics->setSummary(klscope::summarize(m_document->comparison(), m_document->eventLabels()));
        updateSupportOffer();
        updateLesson();
        syncTable();
        updateStatus();
        if (m_tabs->currentWidget() == m_eventTable)
            QTimer::singleShot(0, this, &MainWindow::fitEventTable);
    });
    connect(m_document, &Document::unitChanged, this, &MainWindow::updateUnitActions);
    // A family change builds new parameter rows; they take the text size too.
    connect(m_document, &Document::distributionChanged, this, [this] {
        if (m_textScale != 1.0)
            applyTextScale(centralWidget());
    });
    connect(m_document, &Document::optionsChanged, this, &MainWindow::updateStatus);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateLesson);
    connect(m_document, &Document::presetChanged, this, &MainWindow::updateLesson);
    connect(m_document, &Document::presetChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::editRefused, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Refused: %1").arg(message), 10000);
    });
    connect(m_metrics, &MetricsPanel::extendSupportRequested, this, &MainWindow::extendSupport);
    connect(m_metrics, &MetricsPanel::completeRequested, this, &MainWindow::completeUniform);

    m_metrics->setSummary(klscope::summarize(m_document->comparison(), m_document->eventLabels()));
    m_eventTable->eventModel()->setComparison(m_document->sharedComparison());
    updateSupportOffer();
    readSettings();
    updateLesson();
    updateTitle();
    updateStatus();
    updateUnitActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_session->addFileActions(file);
    file->addSeparator();
    m_export = new ExportActions(this, m_document, m_distributionPlot, m_contributionPlot, m_cumulativePlot);
    file->addActions(
        {m_export->exportFigureAction(), m_export->exportTableAction(), m_export->exportMetricsAction()});
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setStatusTip(tr("Close klscope."));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    // Both usual redo keys, each once: the platform's QKeySequence::Redo is one of these two, and
    // registering it again made Ctrl+Shift+Z an ambiguous shortcut that did nothing.
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    m_session->addPasteActions(edit);
    edit->addSeparator();
    edit->addAction(m_export->copyFigureAction());
    QAction *swap = edit->addAction(tr("&Swap P and Q"), m_document, &Document::swap);
    swap->setObjectName(QStringLiteral("swapAction"));
    // Ctrl+Shift+S is Save As everywhere; X for exchange is no standard key.
    swap->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    swap->setStatusTip(tr("Exchange P and Q: KL(P‖Q) and KL(Q‖P) trade places."));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *units = view->addMenu(tr("&Unit"));
    m_unitGroup = new QActionGroup(this);
    const QString unitTips[] = {tr("Natural logarithm (nats)"), tr("Base-2 logarithm (bits)"),
                                tr("Base-10 logarithm (bans, hartleys)")};
    for (int i = 0; i < 3; ++i) {
        const klscope::Unit unit = kUnits[i];
        const std::string_view name = klscope::unitName(unit);
        QAction *a = units->addAction(QString::fromUtf8(name.data(), qsizetype(name.size())));
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        a->setStatusTip(unitTips[i]);
        a->setObjectName(
            QStringLiteral("unit_%1").arg(QString::fromUtf8(name.data(), qsizetype(name.size()))));
        m_unitGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, unit] { m_document->setUnit(unit); });
        m_unitActions.append(a);
    }
    view->addSeparator();
    const struct
    {
        Term term;
        QString text;
        QString tip;
    } terms[] = {
        {Term::KlPQ, tr("Show p·log(p/q), the terms of KL(P‖Q)"), tr("Per-event terms of KL(P‖Q).")},
        {Term::KlQP, tr("Show q·log(q/p), the terms of KL(Q‖P)"), tr("Per-event terms of KL(Q‖P).")},
        {Term::Js, tr("Show the JS terms"), tr("Per-event terms of the Jensen–Shannon divergence.")},
    };
    int key = Qt::Key_1;
    for (const auto &t : terms) {
        QAction *a = view->addAction(t.text);
        a->setCheckable(true);
        a->setChecked(m_document->isTermVisible(t.term));
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key(key++)));
        a->setStatusTip(t.tip);
        const Term term = t.term;
        connect(a, &QAction::toggled, this, [this, term](bool on) { m_document->setTermVisible(term, on); });
        m_termActions.append(a);
    }
    // A session that is opened brings its own toggles.
    connect(m_document, &Document::termVisibilityChanged, this, [this] {
        const Term order[] = {Term::KlPQ, Term::KlQP, Term::Js};
        for (int i = 0; i < m_termActions.size(); ++i)
            m_termActions.at(i)->setChecked(m_document->isTermVisible(order[i]));
    });
    view->addSeparator();
    QAction *resetZoom = view->addAction(tr("Reset &Zoom"), this, [this] {
        m_distributionPlot->setZoom(std::nullopt);
        m_contributionPlot->setZoom(std::nullopt);
        m_cumulativePlot->setZoom(std::nullopt);
    });
    resetZoom->setObjectName(QStringLiteral("resetZoomAction"));
    QAction *logScale = view->addAction(tr("&Log Scale for Masses"));
    logScale->setObjectName(QStringLiteral("logScaleAction"));
    logScale->setCheckable(true);
    logScale->setStatusTip(
        tr("A logarithmic mass axis in the distributions plot, to compare tails and tiny masses."));
    connect(logScale, &QAction::toggled, m_distributionPlot, &DistributionPlot::setLogScale);
    resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    resetZoom->setStatusTip(tr("Show where the mass is again (the wheel zooms the plots, Shift+wheel pans, a "
                               "double-click resets)."));
    view->addSeparator();
    // Presentation: larger text in the panel and the plots, for a projector.
    QMenu *textSize = view->addMenu(tr("&Text size"));
    textSize->setObjectName(QStringLiteral("textSizeMenu"));
    auto *textSizes = new QActionGroup(this);
    for (int percent : {100, 150, 200}) {
        QAction *a = textSize->addAction(tr("%1 %").arg(percent));
        a->setObjectName(QStringLiteral("textSize%1").arg(percent));
        a->setCheckable(true);
        a->setChecked(percent == 100);
        a->setStatusTip(tr("Show every text of the window at %1 % (for projection).").arg(percent));
        textSizes->addAction(a);
        connect(a, &QAction::triggered, this, [this, percent] { setTextScale(percent / 100.0); });
        m_textSizeActions.append(a);
    }
    view->addSeparator();
    m_smoothingAction = view->addAction(tr("&ε-smoothing"));
    m_smoothingAction->setCheckable(true);
    m_smoothingAction->setStatusTip(
        tr("Add ε to every mass (off by default; a banner shows when it is on)."));
    connect(m_smoothingAction, &QAction::triggered, this,
            [this](bool on) { m_options->smoothingBox()->setChecked(on); });

    QMenu *presets = menuBar()->addMenu(tr("&Presets"));
    createPresetMenu(presets);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About klscope"), this,
                                     [this] { QMessageBox::about(this, tr("About klscope"), aboutText()); });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    about->setStatusTip(tr("The version of klscope and of the libraries it is built with."));
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
    aboutQt->setStatusTip(tr("The Qt version and licence."));
}

QString MainWindow::aboutText()
{
    return tr("<h3>klscope %1</h3><p>A visualiser for the Kullback–Leibler divergence and its relatives, "
              "for teaching and for figures.</p><p>Built with Qt %2 (running), QCustomPlot %3 and Boost "
              "%4.</p>")
        .arg(klscope::versions::application(), klscope::versions::qt(), klscope::versions::qcustomplot(),
             klscope::versions::boost());
}

void MainWindow::createPresetMenu(QMenu *presets)
{
    int index = 0;
    for (const Preset &preset : std::as_const(m_presets)) {
        QAction *a = presets->addAction(preset.title);
        a->setStatusTip(preset.lesson);
        a->setToolTip(preset.lesson);
        if (index < 9)
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        ++index;
        const QString name = preset.name;
        connect(a, &QAction::triggered, this, [this, name] { loadPreset(name); });
    }
    presets->setToolTipsVisible(true);
}

bool MainWindow::loadPreset(const QString &name)
{
    const auto preset = findPreset(m_presets, name);
    if (!preset) {
        statusBar()->showMessage(tr("There is no preset called '%1'.").arg(name), 10000);
        return false;
    }
    try {
        const auto p = klscope::parseSpec(preset->pSpec.toStdString());
        const auto q = klscope::parseSpec(preset->qSpec.toStdString());
        std::optional<klscope::EventRange> support;
        if (!preset->support.isEmpty())
            support = klscope::parseSupport(preset->support.toStdString());
        const auto unit = klscope::parseUnit(preset->unit.toStdString()).value_or(m_document->unit());
        return m_document->loadState(preset->name, p, q, support, unit,
                                     tr("Load preset %1").arg(preset->title));
    } catch (const std::exception &) {
        statusBar()->showMessage(tr("Preset '%1' is broken: %2").arg(name, currentCoreError()), 10000);
        return false;
    }
}

bool MainWindow::openPreset(const QString &name)
{
    if (!loadPreset(name))
        return false;
    // The starting state is not an edit: clear the step and mark it clean.
    const DocumentState state = m_document->state();
    return m_document->resetState(state);
}

bool MainWindow::startUp(const QString &preset)
{
    if (!preset.isEmpty())
        return openPreset(preset);
    QSettings settings;
    const QString last = settings.value(settingsKey("lastPreset")).toString();
    if (last.isEmpty() || !findPreset(m_presets, last) || !openPreset(last))
        openPreset(QStringLiteral("seed"));
    if (const auto unit = klscope::parseUnit(settings.value(settingsKey("unit")).toString().toStdString())) {
        DocumentState state = m_document->state();
        state.unit = *unit;
        m_document->resetState(state);
    }
    return true;
}

void MainWindow::updateTitle()
{
    // Qt appends the application's display name (" — klscope") itself, so the title names only the
    // document: the session file, else the preset, else "Untitled".
    QString title;
    if (!m_session->currentFile().isEmpty())
        title = m_session->displayName();
    else if (const auto preset = findPreset(m_presets, m_document->presetName()))
        title = preset->title;
    else
        title = tr("Untitled");
    setWindowTitle(title + QStringLiteral("[*]"));
    setWindowModified(m_document->isModified());
}

QStringList MainWindow::differencesFrom(const Preset &preset) const
{
    // What makes the current state another pair than the preset's; empty while the preset holds.
    QStringList differences;
    try {
        const klscope::Distribution p = klscope::parseSpec(preset.pSpec.toStdString());
        const klscope::Distribution q = klscope::parseSpec(preset.qSpec.toStdString());
        const klscope::Distribution &dp = m_document->distribution(Side::P);
        const klscope::Distribution &dq = m_document->distribution(Side::Q);
        if (dp == q && dq == p && !(p == q))
            differences.append(tr("P and Q swapped"));
        else {
            if (!(dp == p))
                differences.append(tr("P changed"));
            if (!(dq == q))
                differences.append(tr("Q changed"));
        }
        std::optional<klscope::EventRange> support;
        if (!preset.support.isEmpty())
            support = klscope::parseSupport(preset.support.toStdString());
        if (support != m_document->support())
            differences.append(tr("support changed"));
    } catch (const std::exception &) {
        differences.append(tr("preset unreadable"));
    }
    if (m_document->smoothing() > 0)
        differences.append(tr("ε-smoothing on"));
    if (m_document->renormalize())
        differences.append(tr("renormalised"));
    return differences;
}

void MainWindow::updateLesson()
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

std::optional<klscope::EventRange> MainWindow::naturalSupport() const
{
    // nullopt when a family's support would exceed the event limit (the core refuses to form it):
    // there is then no whole support to offer.
    return callCore([this] {
        const klscope::EventRange p = klscope::support(m_document->distribution(Side::P));
        const klscope::EventRange q = klscope::support(m_document->distribution(Side::Q));
        return klscope::EventRange{std::min(p.first, q.first), std::max(p.last, q.last)};
    });
}

std::optional<Side> MainWindow::incompleteUniform() const
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

void MainWindow::updateSupportOffer()
{
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

std::optional<klscope::EventRange> MainWindow::offeredSupport() const
{
    // Both natural supports and the explicit one, so nothing either side holds is left out.
    const auto natural = naturalSupport();
    if (!natural)
        return std::nullopt;
    const auto current = m_document->support();
    return klscope::EventRange{std::min(natural->first, current ? current->first : natural->first),
                               std::max(natural->last, current ? current->last : natural->last)};
}

void MainWindow::extendSupport()
{
    if (const auto target = offeredSupport())
        m_document->setSupport(*target);
}

void MainWindow::completeUniform()
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
        statusBar()->showMessage(error, 10000);
}

void MainWindow::updateStatus()
{
    const klscope::Comparison &c = m_document->comparison();
    const std::string_view unit = klscope::unitName(c.unit);
    m_statusEvents->setText(tr("%1 events on %2..%3 · %4")
                                .arg(qulonglong(c.support.size()))
                                .arg(c.support.first)
                                .arg(c.support.last)
                                .arg(QString::fromUtf8(unit.data(), qsizetype(unit.size()))));
    const double epsilon = m_document->smoothing();
    m_smoothingBanner->setVisible(epsilon > 0);
    m_smoothingBanner->setText(tr("ε-smoothing is ON: ε = %1 added to every mass of P and Q. Every value "
                                  "shown depends on it.")
                                   .arg(epsilon, 0, 'g'));
    if (m_smoothingAction)
        m_smoothingAction->setChecked(epsilon > 0);
}

void MainWindow::updateUnitActions()
{
    for (int i = 0; i < m_unitActions.size(); ++i)
        m_unitActions.at(i)->setChecked(kUnits[i] == m_document->unit());
}

void MainWindow::fitEventTable()
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
    QTimer::singleShot(0, this, &MainWindow::fitEventTable);
}

void MainWindow::setTextScale(double factor)
{
    m_textScale = factor;
    applyTextScale(centralWidget());
    m_distributionPlot->setTextScale(1.0);
    m_contributionPlot->setTextScale(1.0);
    m_cumulativePlot->setTextScale(1.0);
    for (QAction *a : std::as_const(m_textSizeActions))
        a->setChecked(a->objectName() == QStringLiteral("textSize%1").arg(int(std::lround(factor * 100))));
    // The left column takes the width its larger text needs, up to 60 % of the window.
    const int total = std::max(m_splitter->width() > 100 ? m_splitter->width() : width() - 12, 1);
    const int left = std::min(int(std::lround(520 * factor)), total * 3 / 5);
    m_splitter->setSizes({left, std::max(total - left, 1)});
}

void MainWindow::applyTextScale(QWidget *root)
{
    // Every widget gets its own font at the scale of the size it was built with: a style sheet (the
    // editors' titles, the warnings) stops a parent's font from reaching its children.
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    // First every base size, before any parent's new font reaches its children.
    for (QWidget *w : std::as_const(widgets))
        if (!w->property("klscopeBasePoints").isValid() && w->font().pointSizeF() > 0)
            w->setProperty("klscopeBasePoints", w->font().pointSizeF());
    for (QWidget *w : std::as_const(widgets)) {
        const QVariant base = w->property("klscopeBasePoints");
        if (!base.isValid())
            continue;
        QFont font = w->font();
        font.setPointSizeF(base.toDouble() * m_textScale);
        w->setFont(font);
    }
}

void MainWindow::readSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(settingsKey("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
    fitToScreen();
    const double scale = settings.value(settingsKey("textScale"), 1.0).toDouble();
    if (scale == 1.5 || scale == 2.0)
        setTextScale(scale);
}

void MainWindow::fitToScreen()
{
    // 1280×800 where it fits; on a smaller screen (1024×700, or 1280×800 at 2× scale) the available
    // geometry less room for the window frame, centred on it.
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize frame(16, 40);
    const QSize room = (available.size() - frame).expandedTo(QSize(320, 240));
    const QSize size = this->size().boundedTo(room);
    if (size != this->size() || !available.contains(geometry())) {
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2) -
             QPoint(0, frame.height() / 4));
    }
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(settingsKey("geometry"), saveGeometry());
    settings.setValue(settingsKey("textScale"), m_textScale);
    const std::string_view unit = klscope::unitName(m_document->unit());
    settings.setValue(settingsKey("unit"), QString::fromUtf8(unit.data(), qsizetype(unit.size())));
    if (!m_document->presetName().isEmpty())
        settings.setValue(settingsKey("lastPreset"), m_document->presetName());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_session->maybeSave()) {
        event->ignore();
        return;
    }
    m_session->windowClosed();
    writeSettings();
    event->accept();
}
