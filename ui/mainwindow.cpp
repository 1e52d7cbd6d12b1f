#include "mainwindow.h"

#include "comparisonoptions.h"
#include "comparisonpage.h"
#include "contributionplot.h"
#include "corecall.h"
#include "cumulativeplot.h"
#include "discreteplotbinder.h"
#include "distributioneditor.h"
#include "distributionplot.h"
#include "document.h"
#include "documentbase.h"
#include "eventtableview.h"
#include "exportactions.h"
#include "fitpage.h"
#include "imagesdocument.h"
#include "imagespage.h"
#include "importcontroller.h"
#include "lessonbar.h"
#include "lessoncontroller.h"
#include "metricspanel.h"
#include "normal2document.h"
#include "normal2page.h"
#include "samplesdocument.h"
#include "samplespage.h"
#include "sessioncontroller.h"
#include "spec.h"

#include "vaepage.h"
#include "versions.h"
#include <continuousspec.h>

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
#include <QUndoGroup>
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

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_presets = loadPresets();

    // The pages, one tab each; the tab bar shows once there is more than one page.
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->setTabBarAutoHide(true);
    m_pages->setContentsMargins(0, 0, 0, 0);
    m_compare = new ComparisonPage(m_presets);
    m_pages->addTab(m_compare, m_compare->title());
    m_fit = new FitPage;
    m_pages->addTab(m_fit, m_fit->title());
    m_images = new ImagesPage;
    m_pages->addTab(m_images, m_images->title());
    m_samples = new SamplesPage;
    m_pages->addTab(m_samples, m_samples->title());
    m_vae = new VaePage;
    m_pages->addTab(m_vae, m_vae->title());
    m_normal2 = new Normal2Page;
    m_pages->addTab(m_normal2, m_normal2->title());
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(6, 4, 6, 2);
    outer->addWidget(m_pages);
    setCentralWidget(central);
    m_document = m_compare->document();
    m_lessons = new LessonController(this);
    outer->insertWidget(0, m_lessons->bar());

    m_statusEvents = new QLabel(this);
    m_statusEvents->setToolTip(tr("Events on the support and the unit of every value."));
    statusBar()->addPermanentWidget(m_statusEvents);

    m_session = new SessionController(m_document, this);
    m_imports = new ImportController(m_document, this);
    m_session->setImportController(m_imports);
    // Sessions keep every page (sessionpages.h) and the page showing.
    SessionPageBindings sessionPages;
    sessionPages.fit = documentBinding(m_fit->document(), FitState{});
    sessionPages.normal2 = documentBinding(m_normal2->document());
    sessionPages.vae = {m_vae->document(), [this] { return m_vae->sessionState(); },
                        [this](const VaeState &s) { m_vae->restoreState(s); }, m_vae->sessionState()};
    sessionPages.samples = documentBinding(m_samples->document());
    sessionPages.images = {m_images->document(), [this] { return m_images->document()->state(); },
                           [this](const ImagesState &s) { m_images->restoreState(s); },
                           m_images->document()->state()};
    m_session->setPages(
        sessionPages, [this] { return currentPageName(); }, [this](const QString &name) { showPage(name); });
    // The Samples page can draw from the comparison page's pair, as specs.
    m_samples->setComparePairSource([this]() -> std::variant<std::pair<QString, QString>, QString> {
        QString error;
        const auto specs = callCore(
            [this] {
                return std::visit(
                    [](const auto &pair) {
                        return std::pair<QString, QString>(
                            QString::fromStdString(klscope::formatSpec(pair.p)),
                            QString::fromStdString(klscope::formatSpec(pair.q)));
                    },
                    m_document->state().pair);
            },
            &error);
        if (!specs)
            return error;
        return *specs;
    });
    m_session->acceptDrops(editor(0), Side::P);
    m_session->acceptDrops(editor(1), Side::Q);
    connect(m_session, &SessionController::currentFileChanged, this, &MainWindow::updateTitle);
    createMenus();

    for (Page *page :
         {static_cast<Page *>(m_compare), static_cast<Page *>(m_fit), static_cast<Page *>(m_images),
          static_cast<Page *>(m_vae), static_cast<Page *>(m_normal2), static_cast<Page *>(m_samples)}) {
        connect(page, &Page::statusMessage, this,
                [this](const QString &message, int timeout) { statusBar()->showMessage(message, timeout); });
        connect(page, &Page::statusChanged, this, &MainWindow::updateStatus);
    }
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::updateStatus);
    // The title names the document of the page shown.
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::updateTitle);
    connect(m_fit->document(), &FitDocument::stateChanged, this, &MainWindow::updateTitle);
    // Undo, redo and figure export follow the page shown.
    connect(m_pages, &QTabWidget::currentChanged, this, [this] {
        m_undoGroup->setActiveStack(currentPage()->documentBase()->undoStack());
        m_export->setPage(currentPage(), currentPage() == m_compare);
    });
    connect(m_document, &Document::unitChanged, this, &MainWindow::updateUnitActions);
    // A family change builds new parameter rows; they take the text size too.
    connect(m_document, &Document::distributionChanged, this, [this] {
        if (m_textScale != 1.0)
            applyTextScale(centralWidget());
    });
    connect(m_document, &Document::optionsChanged, this, &MainWindow::updateStatus);
    connect(m_document, &Document::presetChanged, this, &MainWindow::updateTitle);
    // The session is modified when either page's document is.
    connect(m_session, &SessionController::modifiedChanged, this, &MainWindow::updateTitle);

    readSettings();
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
    m_imports->addImportActions(file);
    file->addSeparator();
    m_export = new ExportActions(this, m_document, m_compare);
    file->addActions(
        {m_export->exportFigureAction(), m_export->exportTableAction(), m_export->exportMetricsAction()});
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setStatusTip(tr("Close klscope."));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    // Edit → Undo and Redo act on the current page's document.
    m_undoGroup = new QUndoGroup(this);
    for (int i = 0; i < m_pages->count(); ++i)
        m_undoGroup->addStack(static_cast<Page *>(m_pages->widget(i))->documentBase()->undoStack());
    m_undoGroup->setActiveStack(currentPage()->documentBase()->undoStack());
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    // Both usual redo keys, each once: the platform's QKeySequence::Redo is one of these two, and
    // registering it again made Ctrl+Shift+Z an ambiguous shortcut that did nothing.
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    m_imports->addPasteActions(edit);
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
    QAction *resetZoom = view->addAction(tr("Reset &Zoom"), this, [this] { currentPage()->resetZoom(); });
    resetZoom->setObjectName(QStringLiteral("resetZoomAction"));
    QAction *logScale = view->addAction(tr("&Log Scale for Masses"));
    logScale->setObjectName(QStringLiteral("logScaleAction"));
    logScale->setCheckable(true);
    logScale->setStatusTip(
        tr("A logarithmic mass axis in the distributions plot, to compare tails and tiny masses."));
    connect(logScale, &QAction::toggled, m_compare, &ComparisonPage::setLogScale);
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
            [this](bool on) { m_compare->options()->smoothingBox()->setChecked(on); });

    QMenu *presets = menuBar()->addMenu(tr("&Presets"));
    createPresetMenu(presets);
    m_lessons->fillMenu(menuBar()->addMenu(tr("&Lessons")));

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
    // The 2-D page's lessons: each loads on that page (one undo step there) and shows it.
    presets->addSection(tr("2-D page"));
    for (const Normal2Preset &preset : normal2Presets()) {
        QAction *a = presets->addAction(preset.name);
        a->setObjectName(QStringLiteral("normal2Preset_") + preset.name);
        a->setStatusTip(preset.lesson);
        a->setToolTip(preset.lesson);
        const QString name = preset.name;
        connect(a, &QAction::triggered, this, [this, name] {
            if (m_normal2->loadPreset(name))
                showPage(QStringLiteral("2d"));
        });
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
        // A discrete or a continuous pair: the preset builds the whole state, in its domain.
        return m_document->loadState(preset->state(), tr("Load preset %1").arg(preset->title));
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
    if (!preset.isEmpty() && !findPreset(m_presets, preset)) {
        // A 2-D page preset (--preset mean-field): that page starts on it, showing.
        const QList<Normal2Preset> planes = normal2Presets();
        for (const Normal2Preset &plane : planes)
            if (plane.name == preset) {
                startUp();
                m_normal2->document()->resetState(plane.state);
                return showPage(QStringLiteral("2d"));
            }
        // A fit page preset: the comparison page starts as usual, the fit page on the preset, showing.
        const QList<FitPreset> fits = fitPresets();
        const auto fit =
            std::find_if(fits.begin(), fits.end(), [&](const FitPreset &p) { return p.name == preset; });
        if (fit == fits.end())
            return false;
        startUp();
        m_fit->document()->resetState(fit->state);
        showPage(QStringLiteral("fit"));
        return true;
    }
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
    // document: the session file (it holds both pages), else the preset of the page shown, else
    // "Untitled". The modified mark is the session's: either page's document away from its clean state.
    QString title;
    if (!m_session->currentFile().isEmpty())
        title = m_session->displayName();
    else if (currentPage() == m_fit && !m_fit->document()->state().preset.isEmpty())
        title = m_fit->document()->state().preset;
    else if (currentPage() == m_fit)
        title = tr("Untitled");
    else if (const auto preset = findPreset(m_presets, m_document->presetName()))
        title = preset->title;
    else
        title = tr("Untitled");
    setWindowTitle(title + QStringLiteral("[*]"));
    setWindowModified(m_session->isModified());
}

void MainWindow::updateStatus()
{
    m_statusEvents->setText(currentPage()->statusText());
    if (m_smoothingAction)
        m_smoothingAction->setChecked(m_document->smoothing() > 0);
}

Page *MainWindow::currentPage() const
{
    return static_cast<Page *>(m_pages->currentWidget());
}

QStringList MainWindow::pageNames()
{
    return {QStringLiteral("compare"), QStringLiteral("fit"), QStringLiteral("images"),
            QStringLiteral("samples"), QStringLiteral("vae"), QStringLiteral("2d")};
}

Page *MainWindow::pageNamed(const QString &name) const
{
    // In the order of pageNames().
    Page *const pages[] = {m_compare, m_fit, m_images, m_samples, m_vae, m_normal2};
    const qsizetype index = pageNames().indexOf(name);
    return index < 0 ? nullptr : pages[index];
}

QString MainWindow::currentPageName() const
{
    for (const QString &name : pageNames())
        if (pageNamed(name) == currentPage())
            return name;
    return QStringLiteral("compare");
}

bool MainWindow::showPage(const QString &name)
{
    Page *page = pageNamed(name);
    if (!page)
        return false;
    m_pages->setCurrentWidget(page);
    return true;
}

DistributionEditor *MainWindow::editor(int side) const
{
    return m_compare->editor(side);
}
DistributionPlot *MainWindow::distributionPlot() const
{
    return m_compare->distributionPlot();
}
ContributionPlot *MainWindow::contributionPlot() const
{
    return m_compare->contributionPlot();
}
CumulativePlot *MainWindow::cumulativePlot() const
{
    return m_compare->cumulativePlot();
}
MetricsPanel *MainWindow::metricsPanel() const
{
    return m_compare->metricsPanel();
}
EventTableView *MainWindow::eventTable() const
{
    return m_compare->eventTable();
}
QPushButton *MainWindow::swapButton() const
{
    return m_compare->swapButton();
}
QLabel *MainWindow::lessonLabel() const
{
    return m_compare->lessonLabel();
}
QLabel *MainWindow::smoothingBanner() const
{
    return m_compare->smoothingBanner();
}

void MainWindow::updateUnitActions()
{
    for (int i = 0; i < m_unitActions.size(); ++i)
        m_unitActions.at(i)->setChecked(kUnits[i] == m_document->unit());
}

void MainWindow::setTextScale(double factor)
{
    m_textScale = factor;
    applyTextScale(centralWidget());
    for (int i = 0; i < m_pages->count(); ++i)
        static_cast<Page *>(m_pages->widget(i))->setTextScale(factor);
    for (QAction *a : std::as_const(m_textSizeActions))
        a->setChecked(a->objectName() == QStringLiteral("textSize%1").arg(int(std::lround(factor * 100))));
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
