#include "mainwindow.h"

#include "comparisonoptions.h"
#include "contributionplot.h"
#include "corecall.h"
#include "cumulativeplot.h"
#include "distributioneditor.h"
#include "distributionplot.h"
#include "document.h"
#include "eventtableview.h"
#include "exportactions.h"
#include "metricspanel.h"
#include "sessioncontroller.h"
#include "spec.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

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
    m_lesson->setToolTip(tr("What the loaded preset teaches. Choose another from the Presets menu."));
    m_lesson->setStyleSheet(QStringLiteral("QLabel { background: #f4f1e6; border: 1px solid #d8d2bc; "
                                           "border-radius: 3px; padding: 3px 6px; }"));
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
    splitter->setChildrenCollapsible(false);
    outer->addWidget(splitter, 1);

    // Left: the two editors side by side with the swap button between them, the options, and tabs
    // with the metrics and the per-event table.
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *editors = new QHBoxLayout;
    m_editorP = new DistributionEditor(m_document, Side::P, left);
    m_editorQ = new DistributionEditor(m_document, Side::Q, left);
    m_swap = new QPushButton(tr("⇄"), left);
    m_swap->setObjectName(QStringLiteral("swapButton"));
    m_swap->setToolTip(tr("Swap P and Q (Ctrl+Shift+S): KL(P‖Q) and KL(Q‖P) trade places."));
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
    m_distributionPlot = new DistributionPlot(m_document, plots);
    m_contributionPlot = new ContributionPlot(m_document, plots);
    m_cumulativePlot = new CumulativePlot(m_document, plots);
    for (QWidget *w : {static_cast<QWidget *>(m_distributionPlot), static_cast<QWidget *>(m_contributionPlot),
                       static_cast<QWidget *>(m_cumulativePlot)})
        w->setMinimumHeight(150);
    plots->setStretchFactor(0, 4);
    plots->setStretchFactor(1, 3);
    plots->setStretchFactor(2, 3);
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
    connect(m_document, &Document::comparisonChanged, this, [this, syncTable] {
        m_metrics->setComparison(m_document->comparison(), m_document->eventLabels());
        syncTable();
        updateStatus();
    });
    connect(m_document, &Document::unitChanged, this, &MainWindow::updateUnitActions);
    connect(m_document, &Document::optionsChanged, this, &MainWindow::updateStatus);
    connect(m_document, &Document::presetChanged, this, &MainWindow::updateLesson);
    connect(m_document, &Document::presetChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::editRefused, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Refused: %1").arg(message), 10000);
    });
    connect(m_metrics, &MetricsPanel::extendSupportRequested, this,
            [this] { loadPreset(QStringLiteral("seed-extended")); });

    m_metrics->setComparison(m_document->comparison(), m_document->eventLabels());
    m_eventTable->eventModel()->setComparison(m_document->sharedComparison());
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
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    m_session->addPasteActions(edit);
    edit->addSeparator();
    edit->addAction(m_export->copyFigureAction());
    QAction *swap = edit->addAction(tr("&Swap P and Q"), m_document, &Document::swap);
    swap->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
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
    m_smoothingAction = view->addAction(tr("&ε-smoothing"));
    m_smoothingAction->setCheckable(true);
    m_smoothingAction->setStatusTip(
        tr("Add ε to every mass (off by default; a banner shows when it is on)."));
    connect(m_smoothingAction, &QAction::triggered, this,
            [this](bool on) { m_options->smoothingBox()->setChecked(on); });

    QMenu *presets = menuBar()->addMenu(tr("&Presets"));
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
    QString title = QStringLiteral("klscope");
    if (!m_session->currentFile().isEmpty())
        title = m_session->displayName() + QStringLiteral("[*] — ") + title;
    else if (const auto preset = findPreset(m_presets, m_document->presetName()))
        title += QStringLiteral(" — ") + preset->title + QStringLiteral("[*]");
    else
        title += QStringLiteral("[*]");
    setWindowTitle(title);
    setWindowModified(m_document->isModified());
}

void MainWindow::updateLesson()
{
    const QString name = m_document->presetName();
    if (const auto preset = findPreset(m_presets, name)) {
        m_lastPresetTitle = preset->title;
        m_lastPresetLesson = preset->lesson;
        m_lesson->setText(tr("Lesson: %1").arg(preset->lesson));
    } else if (!m_lastPresetLesson.isEmpty() && m_document->isModified()) {
        // Only an edit comes "from" the last preset; an opened file or session is a pair of its own.
        m_lesson->setText(tr("Edited from “%1”. Lesson: %2").arg(m_lastPresetTitle, m_lastPresetLesson));
    } else {
        m_lesson->setText(tr("Your own pair. The Presets menu has guided examples."));
    }
    m_metrics->setExtendSupportOffer(name == QLatin1String("seed") ? tr("Extend support to 0..15")
                                                                   : QString());
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

void MainWindow::readSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(settingsKey("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(settingsKey("geometry"), saveGeometry());
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
