// The comparison page in the window with a continuous pair: choosing a continuous family in a side's
// chooser shows the continuous figure, the per-point table and the discretisation tab (and the Monte Carlo
// tab for a mixture) in place of the discrete plots, options and per-event table, in one undo step that
// brings everything back; edits by keyboard and by mouse put the core's numbers in the metrics panel after
// every undo and redo; figure export draws the plots of the domain shown; the per-point table follows the
// grid.

#include "comparisonoptions.h"
#include "comparisonpage.h"
#include "continuouseditor.h"
#include "continuoustablemodel.h"
#include "continuousview.h"
#include "discretisationpanel.h"
#include "distributioneditor.h"
#include "distributionplot.h"
#include "document.h"
#include "eventtableview.h"
#include "familycombo.h"
#include "figureexport.h"
#include "fitdocument.h"
#include "fitpage.h"
#include "mainwindow.h"
#include "montecarlopanel.h"
#include "numberspinbox.h"
#include "plotwidget.h"
#include "presets.h"
#include "seriesplot.h"
#include "widgetinput.h"

#include <continuouscomparison.h>
#include <continuousspec.h>

#include <QAction>
#include <QImage>
#include <QLabel>
#include <QSlider>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <limits>
#include <memory>

using namespace klscope;

using klscope::test::choose;

class TestComparisonPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void continuousFamilyShowsTheContinuousPage();
    void keyboardEditsMatchTheCoreThroughUndoAndRedo();
    void sliderDragIsOneStepAndMatchesTheCore();
    void mixtureShowsTheMonteCarloTab();
    void figureExportDrawsTheContinuousPlots();
    void pointTableFollowsTheGrid();
    void editMenuFollowsThePage();
    void hiddenPanelsComputeNothing();

private:
    ComparisonPage *page() const { return m_window->comparisonPage(); }
    Document *document() const { return page()->document(); }
    /// The value a metric label shows, as a number (∞ for "∞").
    double shown(const char *objectName) const;
    /// The panel's KL both ways and H(P) against the core's comparison of the document's pair.
    void checkPanelAgainstCore() const;
    void openPreset(const QString &name);

    std::unique_ptr<MainWindow> m_window;
};

void TestComparisonPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("klscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_comparisonpage"));
}

void TestComparisonPage::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    QVERIFY(m_window->openPreset(QStringLiteral("seed")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestComparisonPage::cleanup()
{
    m_window.reset();
}

void TestComparisonPage::openPreset(const QString &name)
{
    QVERIFY(m_window->openPreset(name));
    QVERIFY(document()->isContinuous());
}

double TestComparisonPage::shown(const char *objectName) const
{
    const auto *label = page()->findChild<QLabel *>(QLatin1String(objectName));
    if (!label)
        return std::nan("");
    const QString t = label->text().section(QLatin1Char(' '), 0, 0);
    if (t == QStringLiteral("∞"))
        return std::numeric_limits<double>::infinity();
    bool ok = false;
    const double v = QString(t).replace(QChar(0x2212), QLatin1Char('-')).toDouble(&ok);
    return ok ? v : std::nan("");
}

void TestComparisonPage::checkPanelAgainstCore() const
{
    // An independent comparison of the document's pair, not the document's own.
    const ContinuousPair *pair = document()->continuousPair();
    QVERIFY(pair);
    ContinuousCompareOptions o;
    o.samples = 0;
    o.gridPoints = 0;
    o.unit = document()->unit();
    const ContinuousComparison c = compareContinuous(pair->p, pair->q, o);
    // The panel shows 6 significant digits.
    for (const auto &[name, value] :
         {std::pair{"klPQValue", c.klPQ.value}, std::pair{"klQPValue", c.klQP.value},
          std::pair{"entropyPValue", c.entropyP.value}}) {
        const double panel = shown(name);
        QVERIFY2(std::fabs(panel - value) <= 1e-5 * std::fabs(value) + 1e-12,
                 qPrintable(QStringLiteral("%1 shows %2, the core gives %3")
                                .arg(name)
                                .arg(panel)
                                .arg(value, 0, 'g', 17)));
    }
}

void TestComparisonPage::continuousFamilyShowsTheContinuousPage()
{
    auto *figures = page()->findChild<QStackedWidget *>();
    QVERIFY(figures);
    QTabWidget *tabs = page()->panelTabs();
    const int eventTab = tabs->indexOf(page()->eventTable());
    const int pointTab = tabs->indexOf(page()->pointTable());
    const int discretiseTab = tabs->indexOf(page()->discretisationPanel());
    const int monteCarloTab = tabs->indexOf(page()->monteCarloPanel());
    const auto checkDiscrete = [&] {
        QVERIFY(!document()->isContinuous());
        QCOMPARE(figures->currentWidget(), page()->distributionPlot()->parentWidget());
        QVERIFY(page()->options()->isVisible());
        QVERIFY(tabs->isTabVisible(eventTab));
        QVERIFY(!tabs->isTabVisible(pointTab));
        QVERIFY(!tabs->isTabVisible(discretiseTab));
        QVERIFY(!tabs->isTabVisible(monteCarloTab));
        QCOMPARE(page()->figurePlots().first(), page()->distributionPlot());
    };
    checkDiscrete();

    // Q (a uniform) picks the normal: P becomes its nearest normal, in one step, and the status bar says so.
    FamilyCombo *combo = page()->editor(1)->familyBox();
    choose(combo, combo->indexOf(ContinuousFamily::Normal));
    QVERIFY(document()->isContinuous());
    QCOMPARE(figures->currentWidget(), page()->continuousView());
    QVERIFY(!page()->options()->isVisible());
    QVERIFY(!tabs->isTabVisible(eventTab));
    QVERIFY(tabs->isTabVisible(pointTab));
    QVERIFY(tabs->isTabVisible(discretiseTab));
    QVERIFY(!tabs->isTabVisible(monteCarloTab)); // no mixture
    const QList<const PlotWidget *> plots = page()->figurePlots();
    QCOMPARE(plots.size(), 3);
    QCOMPARE(plots.at(0), page()->continuousView()->densityPlot());
    QCOMPARE(plots.at(2), page()->continuousView()->runningPlot());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("normal"), Qt::CaseInsensitive),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(page()->continuousView()->densityPlot()->seriesCount() >= 2);
    checkPanelAgainstCore();

    // One undo step back to the discrete pair and its page; redo returns.
    QCOMPARE(document()->undoStack()->count(), 1);
    document()->undoStack()->undo();
    checkDiscrete();
    document()->undoStack()->redo();
    QCOMPARE(figures->currentWidget(), page()->continuousView());
    checkPanelAgainstCore();

    // An open per-point tab hands over to the metrics when the pair goes back to discrete.
    tabs->setCurrentIndex(pointTab);
    document()->undoStack()->undo();
    QCOMPARE(tabs->currentIndex(), 0);
    checkDiscrete();
}

void TestComparisonPage::keyboardEditsMatchTheCoreThroughUndoAndRedo()
{
    openPreset(QStringLiteral("normal-vs-t5"));
    checkPanelAgainstCore();
    // Q's σ (a student t: nu, mu, sigma) by typing, then by the arrow key.
    ContinuousEditor *editor = page()->editor(1)->continuousEditor();
    NumberSpinBox *sigma = editor->spinBox(2);
    QVERIFY(sigma && sigma->isVisible());
    sigma->setFocus();
    QTest::keyClick(sigma, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(sigma, QStringLiteral("1.5"));
    QTest::keyClick(sigma, Qt::Key_Return);
    const auto *q = std::get_if<StudentT>(&document()->continuousPair()->q);
    QVERIFY(q);
    QCOMPARE(q->sigma(), 1.5);
    checkPanelAgainstCore();
    const double afterTyping = shown("klPQValue");
    QTest::keyClick(sigma, Qt::Key_Up);
    QVERIFY(std::get<StudentT>(document()->continuousPair()->q).sigma() > 1.5);
    checkPanelAgainstCore();
    QVERIFY(shown("klPQValue") != afterTyping);

    QUndoStack *stack = document()->undoStack();
    const int steps = stack->count();
    QVERIFY(steps >= 2);
    for (int i = 0; i < steps; ++i) {
        stack->undo();
        checkPanelAgainstCore();
    }
    QCOMPARE(std::get<StudentT>(document()->continuousPair()->q).sigma(), 1.0);
    for (int i = 0; i < steps; ++i) {
        stack->redo();
        checkPanelAgainstCore();
    }
    QVERIFY(std::get<StudentT>(document()->continuousPair()->q).sigma() > 1.5);
}

void TestComparisonPage::sliderDragIsOneStepAndMatchesTheCore()
{
    openPreset(QStringLiteral("normal-vs-t5"));
    // P's μ slider dragged by the mouse, in several moves: one undo step.
    QSlider *slider = page()->editor(0)->continuousEditor()->slider(0);
    QVERIFY(slider && slider->isVisible());
    const double before = std::get<Normal>(document()->continuousPair()->p).mu();
    const QPoint start = slider->rect().center();
    // The handle sits at the centre for μ = 0; grab it and move right in steps.
    QTest::mousePress(slider, Qt::LeftButton, {}, start);
    for (int dx = 4; dx <= 24; dx += 4) {
        QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(dx, 0)),
                         slider->mapToGlobal(QPointF(start + QPoint(dx, 0))), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(slider, &move);
    }
    QTest::mouseRelease(slider, Qt::LeftButton, {}, start + QPoint(24, 0));
    const double after = std::get<Normal>(document()->continuousPair()->p).mu();
    QVERIFY2(after > before, qPrintable(QStringLiteral("μ %1 -> %2").arg(before).arg(after)));
    checkPanelAgainstCore();
    QCOMPARE(document()->undoStack()->count(), 1);
    document()->undoStack()->undo();
    QCOMPARE(std::get<Normal>(document()->continuousPair()->p).mu(), before);
    checkPanelAgainstCore();
}

void TestComparisonPage::mixtureShowsTheMonteCarloTab()
{
    openPreset(QStringLiteral("gmm-vs-normal"));
    QTabWidget *tabs = page()->panelTabs();
    QVERIFY(tabs->isTabVisible(tabs->indexOf(page()->monteCarloPanel())));
    QCOMPARE(page()->continuousView()->componentMarkerCount(), 2);
    checkPanelAgainstCore();
    // P becomes a plain normal: the Monte Carlo tab goes, the others stay.
    FamilyCombo *combo = page()->editor(0)->familyBox();
    choose(combo, combo->indexOf(ContinuousFamily::Normal));
    QVERIFY(document()->isContinuous());
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(page()->monteCarloPanel())));
    QVERIFY(tabs->isTabVisible(tabs->indexOf(page()->pointTable())));
    document()->undoStack()->undo();
    QVERIFY(tabs->isTabVisible(tabs->indexOf(page()->monteCarloPanel())));
}

void TestComparisonPage::figureExportDrawsTheContinuousPlots()
{
    openPreset(QStringLiteral("support-mismatch"));
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("figure.png"));
    FigureExport exporter(page()->figurePlots(), page()->figureStretch());
    QCOMPARE(exporter.write(png, FigureExport::Plot::All, QSize(900, 700), 1.0), QString());
    QImage image(png);
    QCOMPARE(image.size(), QSize(900, 700));
    // Not blank: the density curves' colours are in it.
    int coloured = 0;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3) {
            const QColor c = image.pixelColor(x, y);
            coloured += c.saturation() > 80 ? 1 : 0;
        }
    QVERIFY2(coloured > 500, qPrintable(QString::number(coloured)));
    const QString svg = dir.filePath(QStringLiteral("figure.svg"));
    QCOMPARE(exporter.write(svg, FigureExport::Plot::Distributions, QSize(600, 300), 1.0), QString());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("<svg"));
}

void TestComparisonPage::pointTableFollowsTheGrid()
{
    openPreset(QStringLiteral("normal-vs-t5"));
    QTabWidget *tabs = page()->panelTabs();
    tabs->setCurrentWidget(page()->pointTable());
    ContinuousTableModel *model = page()->pointModel();
    const auto grid = [this] {
        return document()->continuousComparison().grid;
    };
    QCOMPARE(model->rowCount(), int(grid().x.size()));
    const int middle = model->rowCount() / 2;
    const auto cell = [model](int row, int column) {
        return model->data(model->index(row, column), Qt::UserRole).toDouble();
    };
    QCOMPARE(cell(middle, ContinuousTableModel::Q), grid().q[std::size_t(middle)]);
    // An edit while the tab is open: the rows follow.
    ContinuousPair pair = *document()->continuousPair();
    pair.q = parseContinuousSpec("student_t:nu=5,mu=1,sigma=1");
    QVERIFY(document()->setContinuous(Side::Q, pair.q));
    QCOMPARE(cell(middle, ContinuousTableModel::Q), grid().q[std::size_t(middle)]);
    QCOMPARE(cell(middle, ContinuousTableModel::KlPQ), grid().klPQ[std::size_t(middle)]);
}

void TestComparisonPage::editMenuFollowsThePage()
{
    // Edit → Undo undoes the edit of the page shown, and the comparison's data exports are off
    // while another page is shown.
    auto *pages = m_window->findChild<QTabWidget *>(QStringLiteral("pages"));
    QVERIFY(pages && pages->count() >= 2);
    auto *fit = qobject_cast<FitPage *>(pages->widget(1));
    QVERIFY(fit);
    auto *undo = m_window->findChild<QAction *>(QStringLiteral("undoAction"));
    auto *exportTable = m_window->findChild<QAction *>(QStringLiteral("exportTableAction"));
    QVERIFY(undo && exportTable);
    QVERIFY(document()->setUnit(Unit::Bits));
    pages->setCurrentWidget(fit);
    QVERIFY(!exportTable->isEnabled());
    const double alpha = fit->document()->state().alpha;
    QVERIFY(fit->document()->setAlpha(alpha == 0.5 ? 0.25 : 0.5));
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(fit->document()->state().alpha, alpha);
    QCOMPARE(document()->unit(), Unit::Bits); // the comparison's edit stays
    QVERIFY(!undo->isEnabled());              // the fit page has nothing more to undo
    pages->setCurrentWidget(page());
    QVERIFY(exportTable->isEnabled());
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(document()->unit(), Unit::Nats);
}

void TestComparisonPage::hiddenPanelsComputeNothing()
{
    // The Monte Carlo and discretisation panels run only while their tab is open; an edit while they
    // are hidden stops the old run, and opening the tab runs the pair shown.
    openPreset(QStringLiteral("gmm-vs-normal"));
    MonteCarloPanel *monteCarlo = page()->monteCarloPanel();
    DiscretisationPanel *discretisation = page()->discretisationPanel();
    QTabWidget *tabs = page()->panelTabs();
    QCOMPARE(tabs->currentIndex(), 0);
    QVERIFY(!monteCarlo->isRunning());
    QVERIFY(!discretisation->isBusy());
    tabs->setCurrentWidget(monteCarlo);
    QVERIFY(monteCarlo->isRunning());
    tabs->setCurrentIndex(0);
    QVERIFY(document()->setContinuous(Side::Q, parseContinuousSpec("normal:mu=0.5,sigma=2")));
    QVERIFY(!monteCarlo->isRunning());
    QVERIFY(monteCarlo->points().empty() || !monteCarlo->isActive());
    tabs->setCurrentWidget(discretisation);
    QVERIFY(discretisation->isBusy());
    tabs->setCurrentWidget(monteCarlo);
    QVERIFY(monteCarlo->isRunning());
    QVERIFY(monteCarlo->points().empty()); // the new pair's run, from its start
    QTRY_VERIFY_WITH_TIMEOUT(!monteCarlo->points().empty(), 30000);
}

QTEST_MAIN(TestComparisonPage)
#include "tst_comparisonpage.moc"
