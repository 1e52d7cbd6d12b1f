// The real MainWindow driven as a person drives it (QTest keys and mouse on the sliders, the swap
// button, the bars of the distribution plot, the unit actions), after LabPlot's AxisTest: act, check the
// document and the widgets against values computed here with the core, undo, check again, redo.

#include "contributionplot.h"
#include "cumulativeplot.h"
#include "distributioneditor.h"
#include "distributionplot.h"
#include "document.h"
#include "eventtablemodel.h"
#include "eventtableview.h"
#include "mainwindow.h"
#include "metricspanel.h"
#include "presets.h"
#include "samplespage.h"

#include <comparison.h>
#include <spec.h>

#include <relativecompare.h>

#include "comparespecs.h"
#include "widgetinput.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionSlider>
#include <QTabWidget>
#include <QTableView>

#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <memory>

using klscope::test::sliderHandleCentre;
using klscope::test::typeInto;

namespace {

// The value labels of the metrics panel and the total each one shows.
struct ValueLabel
{
    const char *name;
    double klscope::DivergenceTotals::*total;
    int unitPower; ///< 2: information (scales with the unit), 1: square root of one, 0: no unit
};

constexpr ValueLabel kValueLabels[] = {
    {"klPQValue", &klscope::DivergenceTotals::klPQ, 2},
    {"klQPValue", &klscope::DivergenceTotals::klQP, 2},
    {"jsValue", &klscope::DivergenceTotals::js, 2},
    {"jsDistanceValue", &klscope::DivergenceTotals::jsDistance, 1},
    {"entropyPValue", &klscope::DivergenceTotals::entropyP, 2},
    {"entropyQValue", &klscope::DivergenceTotals::entropyQ, 2},
    {"crossEntropyPQValue", &klscope::DivergenceTotals::crossEntropyPQ, 2},
    {"crossEntropyQPValue", &klscope::DivergenceTotals::crossEntropyQP, 2},
    {"totalVariationValue", &klscope::DivergenceTotals::totalVariation, 0},
    {"hellingerValue", &klscope::DivergenceTotals::hellinger, 0},
};

using klscope::test::compareSpecs;

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void sliderKeyChangesMetricsAndUndoRestores();
    void sliderDragIsOneUndoStep();
    void editorShowsShortParameters();
    void barDragSetsMassAndRenormalisesTheRest();
    void swapButtonSwapsDirections();
    void presetMenuShowsDocumentedValues_data();
    void presetMenuShowsDocumentedValues();
    void extendSupportButton();
    void infiniteCaseIsExplainedAndMarked();
    void unitSwitchConvertsEveryValue_data();
    void unitSwitchConvertsEveryValue();
    void modifiedFlagAndTitleFollowUndo();
    void everyControlHasATooltip();
    void everyPageShowsByName();
    void appNamesEveryPage();

private:
    QString text(const char *objectName) const;
    double shown(const char *objectName) const;
    void checkLabels(const klscope::Comparison &c) const;
    void waitForPlots();
    void showTable();

    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    // QSettings go to a throw-away location, so no test reads or writes a person's settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("klscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->openPreset(QStringLiteral("seed")));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The first replots were queued by show() and ran while waiting for the exposure; let any replot
    // they queued (bars or lines follow the laid-out width) run too.
    QTRY_VERIFY(!m_window->distributionPlot()->replotPending() &&
                !m_window->contributionPlot()->replotPending() &&
                !m_window->cumulativePlot()->replotPending());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

QString TestMainWindow::text(const char *objectName) const
{
    auto *label = m_window->findChild<QLabel *>(QString::fromLatin1(objectName));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(objectName));
}

double TestMainWindow::shown(const char *objectName) const
{
    const QString t = text(objectName);
    if (t == QStringLiteral("∞"))
        return std::numeric_limits<double>::infinity();
    bool ok = false;
    const double v = QString(t).replace(QChar(0x2212), QLatin1Char('-')).toDouble(&ok);
    return ok ? v : std::nan("");
}

// Every value label shows the total of c, as the panel formats it.
void TestMainWindow::checkLabels(const klscope::Comparison &c) const
{
    for (const ValueLabel &label : kValueLabels)
        QCOMPARE(text(label.name), MetricsPanel::formatValue(c.totals.*label.total));
}

// After an edit the plots replot on the next event loop pass; positions on them need that pass.
void TestMainWindow::waitForPlots()
{
    QTRY_VERIFY(!m_window->distributionPlot()->replotPending() &&
                !m_window->contributionPlot()->replotPending() &&
                !m_window->cumulativePlot()->replotPending());
}

// Opens the per-event table's tab, as a person clicking it.
void TestMainWindow::showTable()
{
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("panelTabs"));
    QVERIFY(tabs);
    tabs->setCurrentWidget(m_window->eventTable());
    QVERIFY(m_window->eventTable()->isVisible());
}

void TestMainWindow::sliderKeyChangesMetricsAndUndoRestores()
{
    const klscope::Comparison seed = compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..14");
    checkLabels(seed);

    QSlider *slider = m_window->editor(0)->slider(1); // p of the binomial
    QVERIFY(slider);
    const auto info = klscope::parameters(klscope::Family::Binomial)[1];
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Right);
    const double p = info.sliderMinimum + (info.sliderMaximum - info.sliderMinimum) * slider->value() /
                                              double(slider->maximum() - slider->minimum());
    QCOMPARE(klscope::parameterValues(m_window->document()->distribution(Side::P)).at(1), p);
    QVERIFY(std::fabs(p - 7.0 / 15.0) > 1e-4);

    klscope::CompareOptions options;
    options.support = klscope::EventRange{0, 14};
    const double values[] = {15, p};
    const klscope::Comparison moved =
        klscope::compare(klscope::makeDistribution(klscope::Family::Binomial, values),
                         klscope::parseSpec("uniform:a=0,b=14"), options);
    QVERIFY(moved.totals.klPQ != seed.totals.klPQ);
    checkLabels(moved);
    QCOMPARE(m_window->document()->undoStack()->count(), 1);

    m_window->document()->undoStack()->undo();
    checkLabels(seed);
    QCOMPARE(slider->value(), int(std::lround(7.0 / 15.0 * (slider->maximum() - slider->minimum()))));
    m_window->document()->undoStack()->redo();
    checkLabels(moved);
}

void TestMainWindow::sliderDragIsOneUndoStep()
{
    QSlider *slider = m_window->editor(0)->slider(1);
    QUndoStack *stack = m_window->document()->undoStack();
    const QString before = text("klPQValue");
    const double pBefore = klscope::parameterValues(m_window->document()->distribution(Side::P)).at(1);

    QPoint at = sliderHandleCentre(slider);
    QTest::mousePress(slider, Qt::LeftButton, {}, at);
    QVERIFY(slider->isSliderDown());
    QStringList seen;
    for (int step = 0; step < 5; ++step) {
        at += QPoint(slider->width() / 20, 0);
        QTest::mouseMove(slider, at);
        // Live: the metrics follow while the slider is still held.
        seen.append(text("klPQValue"));
    }
    QTest::mouseRelease(slider, Qt::LeftButton, {}, at);
    QVERIFY(!slider->isSliderDown());
    seen.removeDuplicates();
    QCOMPARE(seen.size(), 5);
    QVERIFY(!seen.contains(before));

    const double pAfter = klscope::parameterValues(m_window->document()->distribution(Side::P)).at(1);
    QVERIFY(pAfter > pBefore);
    QCOMPARE(stack->count(), 1);
    stack->undo();
    QCOMPARE(text("klPQValue"), before);
    QCOMPARE(klscope::parameterValues(m_window->document()->distribution(Side::P)).at(1), pBefore);
    QCOMPARE(stack->index(), 0);

    // A second drag is a second step.
    stack->redo();
    at = sliderHandleCentre(slider);
    QTest::mousePress(slider, Qt::LeftButton, {}, at);
    QTest::mouseMove(slider, at - QPoint(slider->width() / 10, 0));
    QTest::mouseMove(slider, at - QPoint(slider->width() / 5, 0));
    QTest::mouseRelease(slider, Qt::LeftButton, {}, at - QPoint(slider->width() / 5, 0));
    QCOMPARE(stack->count(), 2);
    stack->undo();
    QCOMPARE(klscope::parameterValues(m_window->document()->distribution(Side::P)).at(1), pAfter);
}

void TestMainWindow::editorShowsShortParameters()
{
    // 7/15 has no short decimal form: the editor rounds it for reading, the spin box keeps every digit.
    const QList<QLabel *> labels =
        m_window->editor(0)->findChildren<QLabel *>(QStringLiteral("summaryLabel"));
    QCOMPARE(labels.size(), 1);
    const QString summary = labels.first()->text();
    QVERIFY2(summary.contains(QStringLiteral("p=0.4667")), qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("0.46666")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("0..15")), qPrintable(summary));
}

void TestMainWindow::barDragSetsMassAndRenormalisesTheRest()
{
    Document *document = m_window->document();
    QVERIFY(document->loadState(QString(), klscope::parseSpec("custom:0.1,0.2,0.3,0.4"),
                                klscope::parseSpec("custom:0.25,0.25,0.25,0.25"), std::nullopt,
                                klscope::Unit::Nats, QStringLiteral("custom pair")));
    waitForPlots();
    DistributionPlot *plot = m_window->distributionPlot();
    QVERIFY(plot->showsBars());

    // Lock x = 2 of P with the keyboard in P's mass table (Space toggles the check box).
    QTableView *table = m_window->editor(0)->massTable();
    QVERIFY(table->isVisible());
    table->setFocus();
    table->setCurrentIndex(table->model()->index(2, 2));
    QTest::keyClick(table, Qt::Key_Space);
    QVERIFY(document->isLocked(Side::P, 2));
    QUndoStack *stack = document->undoStack();
    const int steps = stack->count();

    // Drag the tallest bar (P at x = 3, 0.4) up to 0.5; the axis must not move under the hand, so a
    // second move to the same place changes nothing.
    const QPoint from = plot->pixelFor(0, 3, 0.4);
    const QPoint to = plot->pixelFor(0, 3, 0.5);
    QTest::mousePress(plot->canvas(), Qt::LeftButton, {}, from);
    QTest::mouseMove(plot->canvas(), to);
    const auto masses = [&] {
        const auto &c = std::get<klscope::Custom>(document->distribution(Side::P));
        return std::vector<double>(c.masses().begin(), c.masses().end());
    };
    const std::vector<double> afterFirstMove = masses();
    QTest::mouseMove(plot->canvas(), to + QPoint(1, 0));
    QTest::mouseMove(plot->canvas(), to);
    QTest::mouseRelease(plot->canvas(), Qt::LeftButton, {}, to);
    const std::vector<double> m = masses();
    QCOMPARE(m, afterFirstMove);

    // The dragged mass is where the mouse is (to a pixel), the locked one stays, the free ones share the
    // rest in their old proportion 1 : 2, and the total is still 1.
    const double pixel = 1.0 / std::abs(plot->pixelFor(0, 3, 0.0).y() - plot->pixelFor(0, 3, 1.0).y());
    QVERIFY2(std::fabs(m[3] - 0.5) <= 2 * pixel, qPrintable(QString::number(m[3])));
    QCOMPARE(m[2], 0.3);
    const double rest = 0.7 - m[3];
    KLSCOPE_COMPARE_REL(m[0], 0.1 * rest / 0.3, 1e-12);
    KLSCOPE_COMPARE_REL(m[1], 0.2 * rest / 0.3, 1e-12);
    KLSCOPE_COMPARE_REL(m[0] + m[1] + m[2] + m[3], 1.0, 1e-12);

    // The metrics are the core's for the new masses; the drag is one undo step.
    const klscope::Comparison c =
        klscope::compare(klscope::Custom(m, {}), klscope::parseSpec("custom:0.25,0.25,0.25,0.25"));
    checkLabels(c);
    QCOMPARE(stack->count(), steps + 1);
    stack->undo();
    QCOMPARE(masses(), (std::vector<double>{0.1, 0.2, 0.3, 0.4}));
    QVERIFY(document->isLocked(Side::P, 2));
    checkLabels(compareSpecs("custom:0.1,0.2,0.3,0.4", "custom:0.25,0.25,0.25,0.25", nullptr));
    stack->redo();
    QCOMPARE(masses(), m);
}

void TestMainWindow::swapButtonSwapsDirections()
{
    const QString pq = text("klPQValue");
    const QString qp = text("klQPValue");
    const QString hp = text("entropyPValue");
    const QString hq = text("entropyQValue");
    QVERIFY(pq != qp);
    QTest::mouseClick(m_window->swapButton(), Qt::LeftButton);
    QCOMPARE(text("klPQValue"), qp);
    QCOMPARE(text("klQPValue"), pq);
    QCOMPARE(text("entropyPValue"), hq);
    QCOMPARE(text("entropyQValue"), hp);
    QCOMPARE(klscope::family(m_window->document()->distribution(Side::P)), klscope::Family::Uniform);
    QCOMPARE(m_window->editor(0)->familyBox()->currentData().toInt(), int(klscope::Family::Uniform));
    m_window->document()->undoStack()->undo();
    QCOMPARE(text("klPQValue"), pq);
    QCOMPARE(text("klQPValue"), qp);
    QCOMPARE(m_window->editor(0)->familyBox()->currentData().toInt(), int(klscope::Family::Binomial));
}

void TestMainWindow::presetMenuShowsDocumentedValues_data()
{
    QTest::addColumn<QString>("name");
    for (const Preset &preset : loadPresets())
        QTest::newRow(qPrintable(preset.name)) << preset.name;
}

void TestMainWindow::presetMenuShowsDocumentedValues()
{
    QFETCH(QString, name);
    const Preset preset = *findPreset(m_window->presets(), name);
    // Start elsewhere, so loading the preset is a visible change.
    QVERIFY(m_window->openPreset(name == QLatin1String("disjoint") ? QStringLiteral("near-identical")
                                                                   : QStringLiteral("disjoint")));
    QAction *action = nullptr;
    for (QAction *menu : m_window->menuBar()->actions())
        if (menu->menu() && menu->text().remove(QLatin1Char('&')) == QLatin1String("Presets"))
            for (QAction *a : menu->menu()->actions())
                if (a->text() == preset.title)
                    action = a;
    QVERIFY2(action, qPrintable(preset.title));
    action->trigger();

    QCOMPARE(m_window->document()->presetName(), name);
    QVERIFY(m_window->lessonLabel()->text().contains(preset.lesson));
    QVERIFY(m_window->windowTitle().contains(preset.title));
    const QString unit = preset.unit;
    // The discrete context names the unit ("summed over ... in nats"); a continuous one names the supports.
    if (!preset.isContinuous())
        QVERIFY(text("contextLabel").contains(unit));
    for (auto it = preset.expect.cbegin(); it != preset.expect.cend(); ++it) {
        const char *label = nullptr;
        for (const auto &[key, objectName] : {std::pair{"kl_pq", "klPQValue"},
                                              {"kl_qp", "klQPValue"},
                                              {"js", "jsValue"},
                                              {"h_p", "entropyPValue"},
                                              {"cross_entropy_pq", "crossEntropyPQValue"},
                                              {"total_variation", "totalVariationValue"}})
            if (it.key() == QLatin1String(key))
                label = objectName;
        QVERIFY2(label, qPrintable(it.key()));
        QCOMPARE(text(label), MetricsPanel::formatValue(it.value()));
    }
    // Undo goes back to where we were, in one step.
    m_window->document()->undoStack()->undo();
    QVERIFY(m_window->document()->presetName() != name);
}

void TestMainWindow::extendSupportButton()
{
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("extendSupportButton"));
    QVERIFY(button && button->isVisible());
    QVERIFY(text("warningsLabel").contains(QStringLiteral("outside")));
    // The first step keeps Q, so P's mass at 15 meets Q = 0 (tst_lecturehall follows both steps).
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(text("klPQValue"), QStringLiteral("∞"));
    QVERIFY(!button->isVisible());
    m_window->document()->undoStack()->undo();
    QCOMPARE(text("klPQValue"), QStringLiteral("0.631110"));
}

void TestMainWindow::infiniteCaseIsExplainedAndMarked()
{
    // The seed on 0..15: the uniform Q has no mass at 15, where the binomial P has 1.1e-05.
    auto *last = m_window->findChild<QAbstractSpinBox *>(QStringLiteral("supportLast"));
    QVERIFY(last && last->isEnabled());
    last->setFocus();
    QTest::keyClick(last, Qt::Key_Up);
    QCOMPARE(m_window->document()->support(), (klscope::EventRange{0, 15}));
    waitForPlots();

    const klscope::Comparison c = compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..15");
    QVERIFY(std::isinf(c.totals.klPQ));
    QCOMPARE(text("klPQValue"), QStringLiteral("∞"));
    auto *explanation = m_window->findChild<QLabel *>(QStringLiteral("infinityExplanation"));
    QVERIFY(explanation->isVisible());
    QCOMPARE(explanation->text(), QStringLiteral("KL(P‖Q) = ∞ because Q = 0 at x = 15 where P = %1.")
                                      .arg(QString::number(c.p[15], 'g', 2)));
    QVERIFY(explanation->text().contains(QStringLiteral("Q = 0 at x = 15 where P = 1.1e-05")));

    // The plots mark the event; the table shows the infinite term.
    QCOMPARE(m_window->distributionPlot()->infiniteMarkers(), QList<double>{15.0});
    QCOMPARE(m_window->contributionPlot()->infiniteMarkers(), QList<double>{15.0});
    QCOMPARE(m_window->cumulativePlot()->infiniteMarkers(), QList<double>{15.0});
    EventTableModel *model = m_window->eventTable()->eventModel();
    showTable();
    QCOMPARE(model->rowCount(), 16);
    QCOMPARE(model->data(model->index(15, EventTableModel::KlPQColumn)).toString(), QStringLiteral("∞"));

    m_window->document()->undoStack()->undo();
    waitForPlots();
    QVERIFY(!explanation->isVisible());
    QVERIFY(m_window->distributionPlot()->infiniteMarkers().isEmpty());
    QVERIFY(m_window->contributionPlot()->infiniteMarkers().isEmpty());
}

void TestMainWindow::unitSwitchConvertsEveryValue_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("key");
    QTest::addColumn<double>("factor");
    QTest::newRow("bits") << QStringLiteral("bits") << int(Qt::Key_2) << 1.0 / std::log(2.0);
    QTest::newRow("bans") << QStringLiteral("bans") << int(Qt::Key_3) << 1.0 / std::log(10.0);
}

void TestMainWindow::unitSwitchConvertsEveryValue()
{
    QFETCH(QString, unit);
    QFETCH(int, key);
    QFETCH(double, factor);
    // What is shown in nats, from the widgets themselves.
    double nats[std::size(kValueLabels)];
    for (std::size_t i = 0; i < std::size(kValueLabels); ++i)
        nats[i] = shown(kValueLabels[i].name);
    EventTableModel *model = m_window->eventTable()->eventModel();
    showTable();
    const int row = 3;
    const double termNats[] = {model->rawValue(row, EventTableModel::KlPQColumn),
                               model->rawValue(row, EventTableModel::KlQPColumn),
                               model->rawValue(row, EventTableModel::JsColumn)};
    const double pNats = model->rawValue(row, EventTableModel::PColumn);
    const double sumNats = m_window->cumulativePlot()->lastValue(0);

    // The keyboard shortcut of View → Unit.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key(key), Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(QString::fromLatin1(klscope::unitName(m_window->document()->unit())), unit);
    waitForPlots();

    // Metrics: information values scale by the factor, the JS distance by its square root, TV and
    // Hellinger not at all (6 significant digits shown, so compare to 1e-5).
    for (std::size_t i = 0; i < std::size(kValueLabels); ++i) {
        const double scale = std::pow(factor, kValueLabels[i].unitPower / 2.0);
        KLSCOPE_COMPARE_REL(shown(kValueLabels[i].name), nats[i] * scale, 1e-5);
    }
    // ...and equal the core's values computed in that unit.
    checkLabels(compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..14",
                             *klscope::parseUnit(unit.toStdString())));
    // No unit label still says nats, and the units are written out.
    for (QLabel *label : m_window->metricsPanel()->findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(QStringLiteral("nats")), qPrintable(label->text()));
    QVERIFY(text("contextLabel").contains(unit));
    QVERIFY(m_window->statusBar()->findChildren<QLabel *>().size() > 0);
    bool statusSaysUnit = false;
    for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
        statusSaysUnit = statusSaysUnit || label->text().contains(unit);
    QVERIFY(statusSaysUnit);

    // Axis labels of the term plots.
    QVERIFY2(m_window->contributionPlot()->valueAxisLabel().contains(unit),
             qPrintable(m_window->contributionPlot()->valueAxisLabel()));
    QVERIFY2(m_window->cumulativePlot()->valueAxisLabel().contains(unit),
             qPrintable(m_window->cumulativePlot()->valueAxisLabel()));
    KLSCOPE_COMPARE_REL(m_window->cumulativePlot()->lastValue(0), sumNats * factor, 1e-12);

    // Table: headers name the unit, terms scale, masses do not.
    for (int column : {EventTableModel::KlPQColumn, EventTableModel::KlQPColumn, EventTableModel::JsColumn})
        QVERIFY(model->headerData(column, Qt::Horizontal).toString().contains(unit));
    const int columns[] = {EventTableModel::KlPQColumn, EventTableModel::KlQPColumn,
                           EventTableModel::JsColumn};
    for (int i = 0; i < 3; ++i) {
        KLSCOPE_COMPARE_REL(model->rawValue(row, columns[i]), termNats[i] * factor, 1e-12);
        QCOMPARE(model->data(model->index(row, columns[i])).toString(),
                 MetricsPanel::formatValue(model->rawValue(row, columns[i])));
    }
    QCOMPARE(model->rawValue(row, EventTableModel::PColumn), pNats);

    // The hover read-out speaks the unit too.
    const QPoint inside = m_window->contributionPlot()->canvas()->rect().center();
    QVERIFY(m_window->contributionPlot()->readoutAt(inside).contains(unit));

    m_window->document()->undoStack()->undo();
    for (std::size_t i = 0; i < std::size(kValueLabels); ++i)
        QCOMPARE(shown(kValueLabels[i].name), nats[i]);
    QVERIFY(m_window->contributionPlot()->valueAxisLabel().contains(QStringLiteral("nats")));
}

void TestMainWindow::modifiedFlagAndTitleFollowUndo()
{
    const QString seedTitle = findPreset(m_window->presets(), QStringLiteral("seed"))->title;
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains(seedTitle));

    QSlider *slider = m_window->editor(1)->slider(1); // b of the uniform Q
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Left);
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->document()->isModified());
    // An edited pair is no longer the preset.
    QVERIFY(!m_window->windowTitle().contains(seedTitle));

    // Ctrl+Z and Ctrl+Shift+Z reach the undo stack.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains(seedTitle));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_window->isWindowModified());
    QVERIFY(!m_window->windowTitle().contains(seedTitle));
}

void TestMainWindow::everyControlHasATooltip()
{
    // Every input a person can reach has a tooltip and takes the keyboard focus: with parametric editors
    // (the seed) and with custom ones (their mass tables, buttons and check boxes), smoothing on.
    QStringList missing;
    for (const QString &preset : {QStringLiteral("seed"), QStringLiteral("one-hot-softmax")}) {
        QVERIFY(m_window->openPreset(preset));
        m_window->findChild<QCheckBox *>(QStringLiteral("smoothingBox"))->setChecked(true);
        for (QWidget *w : m_window->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractSlider *>(w) ||
                                 qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w) ||
                                 qobject_cast<QAbstractItemView *>(w);
            if (!control || !w->isVisible() || w->inherits("QScrollBar") || w->inherits("QTabBar") ||
                w->parentWidget()->inherits("QTabBar") || w->parentWidget()->inherits("QAbstractItemView"))
                continue;
            const QString name =
                QStringLiteral("%1 '%2' (%3)")
                    .arg(QLatin1String(w->metaObject()->className()), w->objectName(), preset);
            if (w->toolTip().isEmpty())
                missing.append(name + QStringLiteral(" has no tooltip"));
            if (w->focusPolicy() == Qt::NoFocus)
                missing.append(name + QStringLiteral(" takes no focus"));
        }
    }
    for (QWidget *canvas : {m_window->distributionPlot()->canvas(), m_window->contributionPlot()->canvas(),
                            m_window->cumulativePlot()->canvas()})
        if (canvas->toolTip().isEmpty())
            missing.append(canvas->objectName() + QStringLiteral(" has no tooltip"));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
}

void TestMainWindow::everyPageShowsByName()
{
    // Every tab has a name --page takes, and each name shows its own page.
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("pages"));
    QVERIFY(tabs);
    const QStringList names = MainWindow::pageNames();
    QCOMPARE(names.size(), tabs->count());
    QVERIFY(names.contains(QStringLiteral("samples")));
    QList<QWidget *> shown;
    for (const QString &name : names) {
        QVERIFY2(m_window->showPage(name), qPrintable(name));
        QCOMPARE(m_window->currentPageName(), name);
        QVERIFY2(!shown.contains(tabs->currentWidget()), qPrintable(name));
        shown.append(tabs->currentWidget());
    }
    QVERIFY(m_window->showPage(QStringLiteral("samples")));
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(m_window->samplesPage()));
    // An unknown name changes nothing.
    QVERIFY(!m_window->showPage(QStringLiteral("nowhere")));
    QCOMPARE(m_window->currentPageName(), QStringLiteral("samples"));
}

void TestMainWindow::appNamesEveryPage()
{
    // `klscope --help` and the refusal of an unknown --page list every page.
    const auto run = [](const QStringList &arguments) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KLSCOPE_APP), arguments);
        process.waitForFinished(60000);
        return std::pair<int, QString>{
            process.exitCode(),
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()).simplified()};
    };
    const auto help = run({QStringLiteral("--help")});
    QCOMPARE(help.first, 0);
    const auto refused = run({QStringLiteral("--page"), QStringLiteral("nowhere")});
    QCOMPARE(refused.first, 2);
    QVERIFY2(refused.second.contains(QStringLiteral("no page called 'nowhere'")), qPrintable(refused.second));
    const QString list = MainWindow::pageNames().join(QStringLiteral(", "));
    QVERIFY2(help.second.contains(list), qPrintable(help.second));
    QVERIFY2(refused.second.contains(list), qPrintable(refused.second));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
