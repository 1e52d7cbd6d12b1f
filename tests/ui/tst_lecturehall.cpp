// The defects a lecturer met on first use (issue "Ready for the lecture hall"), each driven through the
// real window: the keyboard shortcuts (through key events, and the table of every action's keys), the
// spin boxes (fractions, every digit, values beyond their range shown as they are), the hover read-out
// after an undo, the two-step lesson about mass outside the support, a lesson that no longer applies,
// the window's size on a small screen and its title.

#include "comparisonoptions.h"
#include "contributionplot.h"
#include "cumulativeplot.h"
#include "distributioneditor.h"
#include "distributionimport.h"
#include "distributionplot.h"
#include "document.h"
#include "eventreadout.h"
#include "eventtablemodel.h"
#include "eventtableview.h"
#include "figureexport.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "metricspanel.h"
#include "numberspinbox.h"
#include "presets.h"
#include "versions.h"

#include <custom.h>
#include <spec.h>
#include <units.h>

#include "comparespecs.h"
#include "widgetinput.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolTip>
#include <QUndoStack>
#include <QUrl>
#include <QWheelEvent>

#include <cmath>
#include <memory>

class TestLectureHall : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void noTwoActionsShareAKey();
    void redoKeys_data();
    void redoKeys();
    void spinBoxTakesFractionsAndEveryDigit_data();
    void spinBoxTakesFractionsAndEveryDigit();
    void spinBoxFormatsAndParses_data();
    void spinBoxFormatsAndParses();
    void valuesBeyondAControlsRangeShowAsTheyAre();
    void importWidthIsShownAsItIs_data();
    void importWidthIsShownAsItIs();
    void hoverReadoutFollowsUndo();
    void extendSupportInTwoHonestSteps();
    void extendSupportIsOfferedForAnyPairWithMassOutside();
    void lessonSaysWhenItNoLongerApplies_data();
    void lessonSaysWhenItNoLongerApplies();
    void windowFitsTheScreen();
    void titleNamesTheProgramOnce();
    void leftPanelKeepsItsWidthAcrossFamilies();
    void legendsWrapToTheWidth();
    void importDialogShowsTheFirstRows();
    void aboutShowsTheVersions();
    void panelNumbers_data();
    void panelNumbers();
    void readoutNumbers_data();
    void readoutNumbers();
    void tinyShares_data();
    void tinyShares();
    void pluralsAgreeWithTheNumber();
    void fullPrecisionIsCopyable();
    void plotsAndExportsUseTheMinusSign();
    void firstClickOnATermSortsBiggestFirst();
    void eventTableFitsWithoutScrolling_data();
    void eventTableFitsWithoutScrolling();
    void massColumnFitsItsText_data();
    void massColumnFitsItsText();
    void textSizeForProjection_data();
    void textSizeForProjection();
    void xRangeFollowsTheMass_data();
    void xRangeFollowsTheMass();
    void wheelZoomsEveryPlotAndResetGoesBack();
    void logScaleShowsTinyMasses();
    void importedLabelsNameTheEvents();
    void stackedPlotsLineUpTheirYAxes_data();
    void stackedPlotsLineUpTheirYAxes();
    void versionWithoutADisplay();

private:
    NumberSpinBox *spin(const char *objectName, int side = 0) const;
    void type(NumberSpinBox *box, const QString &text);
    void waitForPlots();
    QString text(const char *objectName) const;

    std::unique_ptr<MainWindow> m_window;
};

void TestLectureHall::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("klscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_lecturehall"));
}

void TestLectureHall::init()
{
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->openPreset(QStringLiteral("seed")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    waitForPlots();
}

void TestLectureHall::cleanup()
{
    m_window.reset();
}

NumberSpinBox *TestLectureHall::spin(const char *objectName, int side) const
{
    QWidget *scope = side < 0 ? static_cast<QWidget *>(m_window.get()) : m_window->editor(side);
    return scope->findChild<NumberSpinBox *>(QString::fromLatin1(objectName));
}

void TestLectureHall::type(NumberSpinBox *box, const QString &text)
{
    klscope::test::typeInto(box, text);
}

void TestLectureHall::waitForPlots()
{
    QTRY_VERIFY(!m_window->distributionPlot()->replotPending());
}

QString TestLectureHall::text(const char *objectName) const
{
    auto *label = m_window->findChild<QLabel *>(QString::fromLatin1(objectName));
    return label ? label->text() : QString();
}

void TestLectureHall::noTwoActionsShareAKey()
{
    // Every key of every action, for both a parametric and a custom pair: one action per key, else Qt
    // logs "Ambiguous shortcut overload" and the key does nothing.
    QHash<QKeySequence, QString> owner;
    QStringList clashes;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString name = action->text().isEmpty() ? action->objectName() : action->text();
            if (owner.contains(key) && owner.value(key) != name)
                clashes.append(QStringLiteral("%1: '%2' and '%3'")
                                   .arg(key.toString(QKeySequence::PortableText), owner.value(key), name));
            else if (owner.contains(key))
                clashes.append(QStringLiteral("%1 twice on '%2'").arg(key.toString(), name));
            owner.insert(key, name);
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    // Standard keys keep their standard meaning: Ctrl+Shift+S is Save As, not Swap.
    const QKeySequence saveAs(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
    QVERIFY(owner.contains(saveAs));
    QVERIFY2(owner.value(saveAs).contains(QStringLiteral("Save")), qPrintable(owner.value(saveAs)));
    QVERIFY(owner.value(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X)).contains(QStringLiteral("Swap")));
}

void TestLectureHall::redoKeys_data()
{
    QTest::addColumn<QKeyCombination>("key");
    QTest::newRow("Ctrl+Shift+Z") << QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z);
    QTest::newRow("Ctrl+Y") << QKeyCombination(Qt::ControlModifier, Qt::Key_Y);
}

void TestLectureHall::redoKeys()
{
    QFETCH(QKeyCombination, key);
    QUndoStack *stack = m_window->document()->undoStack();
    QVERIFY(m_window->document()->setUnit(klscope::Unit::Bits));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->document()->unit(), klscope::Unit::Nats);
    QCOMPARE(stack->index(), 0);
    QTest::keyClick(m_window.get(), key.key(), key.keyboardModifiers());
    QCOMPARE(m_window->document()->unit(), klscope::Unit::Bits);
    QCOMPARE(stack->index(), 1);
}

void TestLectureHall::spinBoxTakesFractionsAndEveryDigit_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<double>("expected");
    QTest::addColumn<QString>("shown");
    QTest::newRow("fraction") << QStringLiteral("7/15") << 7.0 / 15.0 << QStringLiteral("0.4666666666666667");
    QTest::newRow("12 digits") << QStringLiteral("0.466666666667") << 0.466666666667
                               << QStringLiteral("0.466666666667");
    QTest::newRow("17 digits") << QStringLiteral("0.46666666666666667") << 0.46666666666666667
                               << QStringLiteral("0.4666666666666667");
    QTest::newRow("exponent") << QStringLiteral("1e-3") << 1e-3 << QStringLiteral("0.001");
}

void TestLectureHall::spinBoxTakesFractionsAndEveryDigit()
{
    QFETCH(QString, typed);
    QFETCH(double, expected);
    QFETCH(QString, shown);
    NumberSpinBox *p = spin("pSpin");
    QVERIFY(p);
    QVERIFY(m_window->document()->setParameter(Side::P, 1, 0.3));
    type(p, typed);
    QCOMPARE(klscope::parameterValues(m_window->document()->distribution(Side::P)).at(1), expected);
    QCOMPARE(p->text(), shown);
    // The slider still moves for coarse changes, and follows the typed value.
    QCOMPARE(m_window->editor(0)->slider(1)->value(), int(std::lround(expected * 1000)));
    m_window->document()->undoStack()->undo();
    QCOMPARE(klscope::parameterValues(m_window->document()->distribution(Side::P)).at(1), 0.3);
    QCOMPARE(p->text(), QStringLiteral("0.3"));
}

void TestLectureHall::spinBoxFormatsAndParses_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("integer");
    QTest::addColumn<QString>("text");
    QTest::newRow("whole") << 15.0 << true << QStringLiteral("15");
    QTest::newRow("-1e12") << -1e12 << true << QStringLiteral("-1000000000000");
    QTest::newRow("-1e15") << -1e15 << true << QStringLiteral("-1000000000000000");
    QTest::newRow("7/15") << 7.0 / 15.0 << false << QStringLiteral("0.4666666666666667");
    QTest::newRow("0.1") << 0.1 << false << QStringLiteral("0.1");
    QTest::newRow("tiny") << 1e-300 << false << QStringLiteral("1e-300");
    QTest::newRow("1e7") << 1e7 << false << QStringLiteral("10000000");
}

void TestLectureHall::spinBoxFormatsAndParses()
{
    QFETCH(double, value);
    QFETCH(bool, integer);
    QFETCH(QString, text);
    QCOMPARE(NumberSpinBox::format(value, integer), text);
    // The text reads back to the same double: what is shown is what the document holds.
    QCOMPARE(NumberSpinBox::parse(text).value_or(std::nan("")), value);
}

void TestLectureHall::valuesBeyondAControlsRangeShowAsTheyAre()
{
    // A session can hold uniform a = -1e12 and a support at -1e15; the boxes show those values, and a
    // step moves from there by one, never jumping to a clamped value.
    Document *document = m_window->document();
    QVERIFY(document->setDistribution(Side::Q, klscope::parseSpec("uniform:a=-1e12,b=-999999999990")));
    NumberSpinBox *a = spin("aSpin", 1);
    QVERIFY(a);
    QCOMPARE(a->text(), QStringLiteral("-1000000000000"));
    QCOMPARE(a->value(), -1e12);
    a->setFocus();
    QTest::keyClick(a, Qt::Key_Up);
    QCOMPARE(klscope::parameterValues(document->distribution(Side::Q)).at(0), -1e12 + 1);
    QCOMPARE(a->text(), QStringLiteral("-999999999999"));

    QVERIFY(document->setSupport(klscope::EventRange{-1'000'000'000'000'000, -999'999'999'999'990}));
    NumberSpinBox *first = spin("supportFirst", -1);
    QVERIFY(first);
    QCOMPARE(first->text(), QStringLiteral("-1000000000000000"));
    first->setFocus();
    QTest::keyClick(first, Qt::Key_Up);
    QCOMPARE(document->support()->first, -999'999'999'999'999);
    QCOMPARE(first->text(), QStringLiteral("-999999999999999"));

    // Every numeric control of the editors and options is such a box (no clamping QSpinBox is left).
    QVERIFY(m_window->findChildren<QSpinBox *>().isEmpty());
    QVERIFY(m_window->findChildren<QDoubleSpinBox *>().isEmpty());
}

void TestLectureHall::importWidthIsShownAsItIs_data()
{
    QTest::addColumn<double>("width");
    QTest::addColumn<QString>("text");
    // A QDoubleSpinBox with 6 decimals on 1e-6..1e9 turned these into 1e-06, 0.333333 and 1e9.
    QTest::newRow("tiny") << 3.2e-8 << QStringLiteral("3.2e-08");
    QTest::newRow("third") << 1.0 / 3.0 << QStringLiteral("0.3333333333333333");
    QTest::newRow("huge") << 2.5e12 << QStringLiteral("2500000000000");
}

void TestLectureHall::importWidthIsShownAsItIs()
{
    // The same class as the editors' spin boxes: the import dialog's bin width (the other side's
    // width, or Freedman-Diaconis) is shown and used exactly.
    QFETCH(double, width);
    QFETCH(QString, text);
    const auto table = klscope::import::parseDelimitedText("0.1\n0.2\n0.35\n", "samples.csv");
    QVERIFY(table.ok());
    const DocumentState state;
    ImportDialog dialog(
        QStringLiteral("samples.csv"), QStringLiteral("3 rows"), Side::P, false, width, true,
        [&](Side s, const ImportChoice &c) { return prepareImport(*state.discrete(), s, *table, c); });
    auto *spin = dialog.findChild<NumberSpinBox *>(QStringLiteral("widthSpin"));
    QVERIFY(spin);
    QCOMPARE(spin->text(), text);
    ImportChoice choice;
    choice.samples = true;
    choice.binning.rule = klscope::import::BinRule::Width;
    choice.binning.width = width;
    dialog.setChoice(choice);
    QCOMPARE(dialog.choice().binning.width, width);
}

void TestLectureHall::hoverReadoutFollowsUndo()
{
    // Hover over P's bar at x = 7, then change p and undo: the read-out shows the p of the bar.
    DistributionPlot *plot = m_window->distributionPlot();
    const klscope::Comparison before = m_window->document()->comparison();
    const QPoint at = plot->pixelFor(0, 7, before.p[7] / 2);
    QTest::mouseMove(plot->canvas(), at);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString original = QToolTip::text();
    QVERIFY2(original.contains(QStringLiteral("x = 7")), qPrintable(original));

    QVERIFY(m_window->document()->setParameter(Side::P, 1, 0.2));
    waitForPlots();
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), plot->readoutAt(at));
    QVERIFY(QToolTip::text() != original);

    m_window->document()->undoStack()->undo();
    waitForPlots();
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), original);
    QToolTip::hideText();
}

void TestLectureHall::extendSupportInTwoHonestSteps()
{
    auto *step1 = m_window->findChild<QPushButton *>(QStringLiteral("extendSupportButton"));
    auto *step2 = m_window->findChild<QPushButton *>(QStringLiteral("completeButton"));
    QVERIFY(step1 && step2);
    QVERIFY2(step1->isVisible() && step2->isVisible(),
             qPrintable(step1->text() + "/" + step2->text() +
                        QString::number(step1->isVisibleTo(m_window.get()))));
    QVERIFY(step1->isEnabled());
    QVERIFY(!step2->isEnabled()); // the second step comes after the first
    const klscope::Distribution q = m_window->document()->distribution(Side::Q);

    // Step 1: the support grows, Q stays: P's mass at 15 meets Q = 0 there, so KL(P‖Q) is infinite.
    QTest::mouseClick(step1, Qt::LeftButton);
    QCOMPARE(m_window->document()->support(), (klscope::EventRange{0, 15}));
    QVERIFY(m_window->document()->distribution(Side::Q) == q);
    QCOMPARE(text("klPQValue"), QStringLiteral("∞"));
    QVERIFY(text("infinityExplanation").contains(QStringLiteral("x = 15")));
    QVERIFY(!step1->isVisible());
    QVERIFY(step2->isVisible() && step2->isEnabled());
    QVERIFY(step2->text().contains(QStringLiteral("Q uniform on 0..15")));

    // Step 2: Q becomes uniform on 0..15, and KL(P‖Q) = 0.6956 (ln(16/15) above 0.6311).
    QTest::mouseClick(step2, Qt::LeftButton);
    const klscope::Comparison c =
        klscope::test::compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=15", "0..15");
    QCOMPARE(text("klPQValue"), MetricsPanel::formatValue(c.totals.klPQ));
    QVERIFY(std::fabs(c.totals.klPQ - 0.6955542620636552) < 1e-12);
    QVERIFY(!step1->isVisible() && !step2->isVisible());

    // Each step is one undo.
    m_window->document()->undoStack()->undo();
    QCOMPARE(text("klPQValue"), QStringLiteral("∞"));
    m_window->document()->undoStack()->undo();
    QCOMPARE(m_window->document()->support(), (klscope::EventRange{0, 14}));
    QVERIFY(step1->isVisible());
}

void TestLectureHall::extendSupportIsOfferedForAnyPairWithMassOutside()
{
    // Not only the seed: a Poisson P cut at 0..5 leaves mass outside; step 1 extends to its support.
    Document *document = m_window->document();
    QVERIFY(document->setDistribution(Side::P, klscope::parseSpec("poisson:lambda=3")));
    QVERIFY(document->setDistribution(Side::Q, klscope::parseSpec("poisson:lambda=4")));
    QVERIFY(document->setSupport(klscope::EventRange{0, 5}));
    auto *step1 = m_window->findChild<QPushButton *>(QStringLiteral("extendSupportButton"));
    auto *step2 = m_window->findChild<QPushButton *>(QStringLiteral("completeButton"));
    QVERIFY(step1->isVisible());
    QVERIFY(!step2->isVisible()); // no uniform side to complete
    QTest::mouseClick(step1, Qt::LeftButton);
    QVERIFY(document->support()->last > 5);
    QVERIFY(document->comparison().outsideP < 1e-15);
    QVERIFY(!step1->isVisible());
}

void TestLectureHall::lessonSaysWhenItNoLongerApplies_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("reason");
    QTest::newRow("disjoint, smoothing on")
        << QStringLiteral("disjoint") << 0 << QStringLiteral("ε-smoothing");
    QTest::newRow("one-hot, P imported")
        << QStringLiteral("one-hot-softmax") << 1 << QStringLiteral("P changed");
    QTest::newRow("seed, support") << QStringLiteral("seed") << 2 << QStringLiteral("support changed");
    QTest::newRow("seed, renormalised") << QStringLiteral("seed") << 3 << QStringLiteral("renormalised");
}

void TestLectureHall::lessonSaysWhenItNoLongerApplies()
{
    QFETCH(QString, preset);
    QFETCH(int, change);
    QFETCH(QString, reason);
    QVERIFY(m_window->loadPreset(preset));
    const QString lesson = findPreset(m_window->presets(), preset)->lesson;
    QLabel *label = m_window->lessonLabel();
    QVERIFY(label->text().contains(lesson));
    QVERIFY(label->property("applies").toBool());

    Document *document = m_window->document();
    switch (change) {
    case 0:
        m_window->findChild<QCheckBox *>(QStringLiteral("smoothingBox"))->setChecked(true);
        break;
    case 1:
        QVERIFY(document->setDistribution(Side::P,
                                          klscope::Custom({0.25, 0.25, 0.25, 0.25}, {"a", "b", "c", "d"})));
        break;
    case 2:
        QVERIFY(document->setSupport(klscope::EventRange{0, 20}));
        break;
    case 3:
        QVERIFY(document->setRenormalize(true));
        break;
    }
    QVERIFY2(!label->text().contains(lesson), qPrintable(label->text()));
    QVERIFY(!label->property("applies").toBool());
    QVERIFY2(label->text().contains(reason), qPrintable(label->text()));
    // Back to the preset's state, the lesson holds again.
    document->undoStack()->undo();
    QVERIFY(label->text().contains(lesson));
    QVERIFY(label->property("applies").toBool());
}

void TestLectureHall::windowFitsTheScreen()
{
    // A new window (no remembered geometry) fits the available screen, whatever its size.
    MainWindow fresh;
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    const QRect available = fresh.screen()->availableGeometry();
    QVERIFY2(fresh.width() <= available.width() && fresh.height() <= available.height(),
             qPrintable(QStringLiteral("%1×%2 on %3×%4")
                            .arg(fresh.width())
                            .arg(fresh.height())
                            .arg(available.width())
                            .arg(available.height())));
    QVERIFY(available.contains(fresh.geometry()));
}

void TestLectureHall::leftPanelKeepsItsWidthAcrossFamilies()
{
    // Switching a family (other parameter names, a custom table, a mixture's rows) never makes the panel
    // narrower, and it widens only as far as its editors need, so nothing is cut off or scrolls sideways
    // while the page has room (60 % of it).
    m_window->resize(1280, 800);
    auto *left = m_window->findChild<QScrollArea *>(QStringLiteral("leftScroll"));
    QVERIFY(left);
    QTRY_VERIFY(left->width() > 0);
    QCoreApplication::processEvents();
    int width = left->width();
    const auto check = [&](const QString &name) {
        // The widening runs after the new editor rows are laid out.
        QTRY_VERIFY2(left->widget()->minimumSizeHint().width() <= left->viewport()->width(),
                     qPrintable(QStringLiteral("%1: content needs %2, viewport %3")
                                    .arg(name)
                                    .arg(left->widget()->minimumSizeHint().width())
                                    .arg(left->viewport()->width())));
        QVERIFY2(left->width() >= width,
                 qPrintable(QStringLiteral("%1: %2 -> %3").arg(name).arg(width).arg(left->width())));
        width = left->width();
    };
    for (klscope::Family family : klscope::allFamilies()) {
        QVERIFY(m_window->document()->setFamily(Side::P, family));
        check(QString::fromUtf8(klscope::familyKeyword(family).data()));
        if (QTest::currentTestFailed())
            return;
    }
    // A continuous pair with a two-component mixture on P, the widest editor there is.
    QVERIFY(m_window->document()->loadState(
        findPreset(m_window->presets(), QStringLiteral("gmm-vs-normal"))->state(),
        QStringLiteral("mixture")));
    check(QStringLiteral("gmm-vs-normal"));
    QVERIFY(left->width() <= m_window->width() * 3 / 5);
}

void TestLectureHall::legendsWrapToTheWidth()
{
    // A legend takes one row where its items fit side by side, and wraps only where they do not: after
    // the window is made narrower and wider again, whatever the plot draws (bars keep their look).
    const QList<const PlotWidget *> plots = {m_window->distributionPlot(), m_window->contributionPlot(),
                                             m_window->cumulativePlot()};
    const auto settled = [&] {
        return std::none_of(plots.begin(), plots.end(),
                            [](const PlotWidget *p) { return p->replotPending(); });
    };
    m_window->resize(1280, 800);
    QTRY_VERIFY(settled());
    for (const PlotWidget *plot : plots)
        QTRY_COMPARE(plot->legendRows(), 1);
    m_window->resize(700, 800);
    QTRY_VERIFY(m_window->contributionPlot()->legendRows() > 1);
    m_window->resize(1280, 800);
    for (const PlotWidget *plot : plots)
        QTRY_COMPARE(plot->legendRows(), 1);
}

void TestLectureHall::importDialogShowsTheFirstRows()
{
    // A file dropped on P: the dialog shows its first rows as parsed (line, label, values).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("words.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("word,count\napple,2\nbanana,6\ncherry,12\n");
    file.close();
    QStringList header, first;
    int rows = -1;
    QTimer answer;
    answer.setInterval(10);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        answer.stop();
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("firstRowsTable"));
        if (table) {
            rows = table->rowCount();
            for (int c = 0; c < table->columnCount(); ++c) {
                header.append(table->horizontalHeaderItem(c)->text());
                first.append(table->item(0, c)->text());
            }
        }
        dialog->reject();
    });
    answer.start();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QWidget *editor = m_window->editor(0);
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(editor, &enter);
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(editor, &drop);
    QTRY_COMPARE(rows, 3);
    QCOMPARE(header, (QStringList{QStringLiteral("line"), QStringLiteral("word"), QStringLiteral("count")}));
    QCOMPARE(first, (QStringList{QStringLiteral("2"), QStringLiteral("apple"), QStringLiteral("2")}));
}

void TestLectureHall::titleNamesTheProgramOnce()
{
    // Qt appends " — klscope" (the display name) itself; the title names the document only.
    QVERIFY(!m_window->windowTitle().contains(QStringLiteral("klscope")));
    QVERIFY(m_window->windowTitle().contains(findPreset(m_window->presets(), QStringLiteral("seed"))->title));
}

void TestLectureHall::aboutShowsTheVersions()
{
    const QString about = MainWindow::aboutText();
    const QRegularExpression version(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"));
    for (const QString &v :
         {klscope::versions::application(), klscope::versions::qcustomplot(), klscope::versions::boost()})
        QVERIFY2(version.match(v).hasMatch(), qPrintable(v));
    QVERIFY(about.contains(QStringLiteral("klscope ") + klscope::versions::application()));
    QVERIFY(about.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())));
    QVERIFY(about.contains(QStringLiteral("QCustomPlot ") + klscope::versions::qcustomplot()));
    QVERIFY(about.contains(QStringLiteral("Boost ") + klscope::versions::boost()));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("aboutAction")));
}

void TestLectureHall::versionWithoutADisplay()
{
    // `klscope --version` answers even where no window can open (a platform plugin that does not exist).
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("no-such-platform"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KLSCOPE_APP), {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(out.startsWith(QStringLiteral("klscope ") + klscope::versions::application()), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("QCustomPlot")));
}

void TestLectureHall::panelNumbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    // A fixed six significant digits: "0.631110" beside "1.52296", "0.317870" beside "0.651836".
    QTest::newRow("seed KL(P‖Q)") << 0.6311103254079738 << QStringLiteral("0.631110");
    QTest::newRow("seed KL(Q‖P)") << 1.5229614975927144 << QStringLiteral("1.52296");
    QTest::newRow("trailing zero") << 0.31787 << QStringLiteral("0.317870");
    QTest::newRow("six digits") << 0.651836 << QStringLiteral("0.651836");
    QTest::newRow("small") << 7.7634223538242979e-05 << QStringLiteral("7.76342e-05");
    QTest::newRow("negative") << -0.0209 << QStringLiteral("−0.0209000");
    QTest::newRow("one") << 1.0 << QStringLiteral("1");
    QTest::newRow("two") << 2.0 << QStringLiteral("2.00000");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0");
    QTest::newRow("minus zero") << -0.0 << QStringLiteral("0");
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << QStringLiteral("∞");
    QTest::newRow("minus infinity") << -std::numeric_limits<double>::infinity() << QStringLiteral("−∞");
}

void TestLectureHall::panelNumbers()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(MetricsPanel::formatValue(value), text);
}

void TestLectureHall::readoutNumbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("p") << 0.0124 << QStringLiteral("0.01240");
    QTest::newRow("negative term") << -0.020937 << QStringLiteral("−0.02094");
    QTest::newRow("large") << 12345.0 << QStringLiteral("1.234e+04");
    QTest::newRow("infinite") << std::numeric_limits<double>::infinity() << QStringLiteral("+∞");
}

void TestLectureHall::readoutNumbers()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(klscope::formatValue(value), text);
}

void TestLectureHall::tinyShares_data()
{
    QTest::addColumn<double>("percent");
    QTest::addColumn<QString>("text");
    QTest::newRow("quarter") << 25.64 << QStringLiteral("25.6");
    QTest::newRow("all") << 100.0 << QStringLiteral("100.0");
    QTest::newRow("none") << 0.0 << QStringLiteral("0.0");
    QTest::newRow("tiny") << 0.0012345 << QStringLiteral("0.0012");
    QTest::newRow("very tiny") << 3.2e-9 << QStringLiteral("3.2e-09");
}

void TestLectureHall::tinyShares()
{
    QFETCH(double, percent);
    QFETCH(QString, text);
    QCOMPARE(MetricsPanel::formatShare(percent), text);
}

void TestLectureHall::pluralsAgreeWithTheNumber()
{
    // Disjoint supports in bits: JS is exactly 1 bit, on 4 events.
    QVERIFY(m_window->loadPreset(QStringLiteral("disjoint")));
    QCOMPARE(text("jsValue"), QStringLiteral("1"));
    const auto *jsValue = m_window->findChild<QLabel *>(QStringLiteral("jsValue"));
    QLabel *unit = nullptr;
    for (QLabel *l : jsValue->parentWidget()->findChildren<QLabel *>())
        if (l->geometry().center().y() == jsValue->geometry().center().y() && l->x() > jsValue->x())
            unit = l;
    QVERIFY(unit);
    QCOMPARE(unit->text(), QStringLiteral("bit"));
    QVERIFY2(text("contextLabel").contains(QStringLiteral("(4 events)")), qPrintable(text("contextLabel")));
    // One event: singular.
    QVERIFY(m_window->document()->setSupport(klscope::EventRange{0, 0}));
    QVERIFY2(text("contextLabel").contains(QStringLiteral("(1 event)")), qPrintable(text("contextLabel")));
    QVERIFY(!text("contextLabel").contains(QStringLiteral("event(s)")));
}

void TestLectureHall::fullPrecisionIsCopyable()
{
    // The seed's KL(P‖Q) with every digit, in the tooltip and by the label's context action.
    const double kl = m_window->document()->comparison().totals.klPQ;
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("klPQValue"));
    const QString full = MetricsPanel::fullPrecision(kl);
    QCOMPARE(full.toDouble(), kl); // reads back to the same double
    QVERIFY(full.size() >= 17);
    QVERIFY2(label->toolTip().contains(full), qPrintable(label->toolTip()));
    QCOMPARE(label->contextMenuPolicy(), Qt::ActionsContextMenu);
    QAction *copy = label->findChild<QAction *>(QStringLiteral("copyFullPrecision"));
    QVERIFY(copy);
    QGuiApplication::clipboard()->clear();
    copy->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), full);
}

void TestLectureHall::plotsAndExportsUseTheMinusSign()
{
    // The seed's per-event terms go below zero: the axis says "−0.1", never "-0.1", in an SVG export.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("terms.svg"));
    const FigureExport figure(
        {m_window->distributionPlot(), m_window->contributionPlot(), m_window->cumulativePlot()});
    QCOMPARE(figure.write(path, FigureExport::Plot::Contributions, QSize(800, 400)), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    QVERIFY(svg.contains(QStringLiteral(">−0.1<")));
    QVERIFY(!svg.contains(QStringLiteral(">-0.1<")));
}

void TestLectureHall::firstClickOnATermSortsBiggestFirst()
{
    // Poisson against geometric: terms of both signs; one click on the KL(P‖Q) header puts the
    // biggest contribution (by magnitude) on top, a second click reverses.
    QVERIFY(m_window->document()->setDistribution(Side::P, klscope::parseSpec("poisson:lambda=3")));
    QVERIFY(m_window->document()->setDistribution(Side::Q, klscope::parseSpec("geometric:p=0.25")));
    QVERIFY(m_window->document()->setSupport(std::nullopt));
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("panelTabs"));
    tabs->setCurrentWidget(m_window->eventTable());
    EventTableView *table = m_window->eventTable();
    QHeaderView *header = table->horizontalHeader();
    const int column = EventTableModel::KlPQColumn;
    const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                    header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    const klscope::Comparison &c = m_window->document()->comparison();
    double biggest = 0;
    for (double v : c.klPQ)
        biggest = std::max(biggest, std::fabs(v));
    const QAbstractItemModel *model = table->model();
    QCOMPARE(std::fabs(model->data(model->index(0, column), EventTableModel::RawValueRole).toDouble()),
             biggest);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(std::fabs(model->data(model->index(0, column), EventTableModel::RawValueRole).toDouble()) <
            biggest);
}

namespace {
// Where a cell's text is cut: the style draws it inside the cell less a margin on each side
// (QCommonStyle's PM_FocusFrameHMargin + 1) and elides whatever does not fit.
QString firstElidedCell(const QTableView *view)
{
    const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    const QFontMetrics metrics(view->font());
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row)
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            const QString text = index.data().toString();
            const int room = view->visualRect(index).width() - 2 * margin;
            if (metrics.horizontalAdvance(text) > room)
                return QStringLiteral("row %1, column %2: \"%3\" is %4 px in %5 px")
                    .arg(row)
                    .arg(column)
                    .arg(text)
                    .arg(metrics.horizontalAdvance(text))
                    .arg(room);
        }
    return {};
}
} // namespace

void TestLectureHall::eventTableFitsWithoutScrolling_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("unit");
    for (const char *preset : {"seed", "seed-extended", "near-identical", "disjoint", "p-wider", "q-wider",
                               "poisson-vs-geometric", "one-hot-softmax"})
        QTest::newRow(preset) << QString::fromLatin1(preset) << QStringLiteral("nats");
    QTest::newRow("seed, bits") << QStringLiteral("seed") << QStringLiteral("bits");
    QTest::newRow("poisson-vs-geometric, bans")
        << QStringLiteral("poisson-vs-geometric") << QStringLiteral("bans");
}

void TestLectureHall::eventTableFitsWithoutScrolling()
{
    // At 1280×800 every column of the per-event table shows without scrolling sideways, and no
    // number is cut to "…".
    QFETCH(QString, preset);
    QFETCH(QString, unit);
    QVERIFY(m_window->openPreset(preset));
    m_window->document()->setUnit(*klscope::parseUnit(unit.toStdString()));
    m_window->resize(1280, 800);
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("panelTabs"));
    auto *table = m_window->findChild<EventTableView *>(QStringLiteral("eventTable"));
    QVERIFY(tabs && table);
    auto *left = m_window->findChild<QWidget *>(QStringLiteral("leftScroll"));
    QVERIFY(left);
    QCoreApplication::processEvents();
    const int leftWidth = left->width();
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
    QTRY_VERIFY(table->isVisible());
    QTRY_VERIFY(table->model()->rowCount() > 0);
    QCoreApplication::processEvents();
    QTRY_VERIFY2(table->horizontalScrollBar()->maximum() == 0,
                 qPrintable(QStringLiteral("needs %1, has %2, left %3")
                                .arg(table->neededWidth())
                                .arg(table->width())
                                .arg(left->width()) +
                            QStringLiteral(" content %1 min %2 vp %3")
                                .arg(static_cast<QScrollArea *>(left)->widget()->width())
                                .arg(static_cast<QScrollArea *>(left)->widget()->minimumSizeHint().width())
                                .arg(static_cast<QScrollArea *>(left)->viewport()->width())));
    const QString cut = firstElidedCell(table);
    QVERIFY2(cut.isEmpty(), qPrintable(cut));
    // The header's words are not cut either (the headers wrap onto two lines).
    const QFontMetrics metrics(table->horizontalHeader()->font());
    for (int column = 0; column < table->model()->columnCount(); ++column)
        for (const QString &word : table->model()
                                       ->headerData(column, Qt::Horizontal)
                                       .toString()
                                       .split(QRegularExpression(QStringLiteral("\\s"))))
            QVERIFY2(
                metrics.horizontalAdvance(word) < table->columnWidth(column),
                qPrintable(
                    QStringLiteral("header word \"%1\" in %2 px").arg(word).arg(table->columnWidth(column))));
    // The metrics tab gives back the width the table took.
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(0).center());
    QTRY_COMPARE(left->width(), leftWidth);
}

void TestLectureHall::massColumnFitsItsText_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("textScale");
    const QStringList specs = {QStringLiteral("custom:0.2,0.5,0.3"),
                               QStringLiteral("custom:0.123456789,0.876543211"),
                               QStringLiteral("custom:2.5,7.123456789,0.000012345678,1234567.5,3"),
                               QStringLiteral("custom:1e-300,1,0.3333333333333333,0.6666666666666666,0.1,0.2,"
                                              "0.3,0.4,0.5,0.6,0.7,0.8")};
    for (const QString &spec : specs)
        for (const QSize &size : {QSize(1280, 800), QSize(1024, 700)})
            for (double textScale : {1.0, 1.5, 2.0})
                QTest::newRow(qPrintable(QStringLiteral("%1 at %2×%3, text %4 %")
                                             .arg(spec)
                                             .arg(size.width())
                                             .arg(size.height())
                                             .arg(textScale * 100)))
                    << spec << size << textScale;
}

void TestLectureHall::massColumnFitsItsText()
{
    // The editor's mass column is wide enough for its widest text: never "2…." or "0….".
    QFETCH(QString, spec);
    QFETCH(QSize, size);
    QFETCH(double, textScale);
    m_window->resize(size);
    m_window->setTextScale(textScale);
    QVERIFY(m_window->document()->setDistribution(Side::P, klscope::parseSpec(spec.toStdString())));
    QVERIFY(m_window->document()->setDistribution(Side::Q, klscope::parseSpec(spec.toStdString())));
    for (int side : {0, 1}) {
        auto *table = m_window->editor(side)->findChild<QTableView *>(QStringLiteral("massTable"));
        QVERIFY(table);
        QTRY_VERIFY(table->isVisible());
        QCoreApplication::processEvents();
        const QString cut = firstElidedCell(table);
        QVERIFY2(cut.isEmpty(), qPrintable(cut));
    }
}

void TestLectureHall::textSizeForProjection_data()
{
    QTest::addColumn<int>("percent");
    QTest::newRow("150 %") << 150;
    QTest::newRow("200 %") << 200;
}

void TestLectureHall::textSizeForProjection()
{
    // View → Text size scales the panel's text and the plots' (axes, ticks, legend), and goes back.
    QFETCH(int, percent);
    const double panel = m_window->findChild<QLabel *>(QStringLiteral("klPQValue"))->font().pointSizeF();
    const double plot = m_window->distributionPlot()->textPointSize();
    QAction *action = m_window->findChild<QAction *>(QStringLiteral("textSize%1").arg(percent));
    QVERIFY(action);
    action->trigger();
    QVERIFY(action->isChecked());
    const double k = percent / 100.0;
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("klPQValue"))->font().pointSizeF(), panel * k);
    QCOMPARE(m_window->distributionPlot()->textPointSize(), plot * k);
    QCOMPARE(m_window->contributionPlot()->textPointSize(), plot * k);
    QCOMPARE(m_window->cumulativePlot()->textPointSize(), plot * k);
    waitForPlots();
    m_window->findChild<QAction *>(QStringLiteral("textSize100"))->trigger();
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("klPQValue"))->font().pointSizeF(), panel);
    QCOMPARE(m_window->distributionPlot()->textPointSize(), plot);
}

void TestLectureHall::xRangeFollowsTheMass_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<double>("lowest");
    QTest::addColumn<double>("highest");
    // Poisson(3) against geometric(0.25) on 0..128: the mass lies below about 40, so the plots show
    // that, not 85 % empty axis. The seed's 0..14 is shown whole.
    QTest::newRow("poisson-vs-geometric") << QStringLiteral("poisson-vs-geometric") << 25.0 << 60.0;
    QTest::newRow("seed") << QStringLiteral("seed") << 14.0 << 15.0;
}

void TestLectureHall::xRangeFollowsTheMass()
{
    QFETCH(QString, preset);
    QFETCH(double, lowest);
    QFETCH(double, highest);
    QVERIFY(m_window->loadPreset(preset));
    waitForPlots();
    for (const auto &range :
         {m_window->distributionPlot()->visibleRange(), m_window->contributionPlot()->visibleRange(),
          m_window->cumulativePlot()->visibleRange()}) {
        QVERIFY2(range.first <= 0.0, qPrintable(QString::number(range.first)));
        QVERIFY2(range.second >= lowest && range.second <= highest,
                 qPrintable(QString::number(range.second)));
    }
}

void TestLectureHall::wheelZoomsEveryPlotAndResetGoesBack()
{
    QVERIFY(m_window->loadPreset(QStringLiteral("poisson-vs-geometric")));
    waitForPlots();
    const auto before = m_window->distributionPlot()->visibleRange();
    QWidget *canvas = m_window->distributionPlot()->canvas();
    const QPointF at(canvas->width() / 2.0, canvas->height() / 2.0);
    QWheelEvent wheel(at, canvas->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(canvas, &wheel);
    const auto zoomed = m_window->distributionPlot()->visibleRange();
    QVERIFY(zoomed.second - zoomed.first < 0.8 * (before.second - before.first));
    // The stacked plots follow.
    QCOMPARE(m_window->contributionPlot()->visibleRange(), zoomed);
    QCOMPARE(m_window->cumulativePlot()->visibleRange(), zoomed);
    // An edit keeps the zoom.
    QVERIFY(m_window->document()->setParameter(Side::P, 0, 4.0));
    QCOMPARE(m_window->distributionPlot()->visibleRange(), zoomed);
    // A double-click on any plot goes back to where the mass is, on all three.
    QTest::mouseDClick(m_window->contributionPlot()->canvas(), Qt::LeftButton, {}, QPoint(60, 60));
    QVERIFY(m_window->distributionPlot()->visibleRange() != zoomed);
    QCOMPARE(m_window->cumulativePlot()->visibleRange().second,
             m_window->distributionPlot()->visibleRange().second);
    // View → Reset Zoom does the same.
    QCoreApplication::sendEvent(canvas, &wheel);
    QVERIFY(m_window->distributionPlot()->visibleRange().second < before.second);
    m_window->findChild<QAction *>(QStringLiteral("resetZoomAction"))->trigger();
    QVERIFY(m_window->distributionPlot()->visibleRange().second >=
            m_window->contributionPlot()->visibleRange().second - 1);
    QVERIFY(m_window->distributionPlot()->visibleRange().second > zoomed.second);
}

void TestLectureHall::logScaleShowsTinyMasses()
{
    // The seed's P at x = 0 is 8e-5 ... on a linear axis it is a flat line; on the log axis the
    // axis reaches below it. Off again, the axis starts at 0.
    QAction *action = m_window->findChild<QAction *>(QStringLiteral("logScaleAction"));
    QVERIFY(action && action->isCheckable());
    action->trigger();
    QVERIFY(m_window->distributionPlot()->logScale());
    const klscope::Comparison &c = m_window->document()->comparison();
    double smallest = 1;
    for (double v : c.p)
        if (v > 0)
            smallest = std::min(smallest, v);
    const auto range = m_window->distributionPlot()->massAxisRange();
    QVERIFY(range.first > 0);
    QVERIFY2(range.first <= smallest, qPrintable(QStringLiteral("%1 > %2").arg(range.first).arg(smallest)));
    action->trigger();
    QVERIFY(!m_window->distributionPlot()->logScale());
    QCOMPARE(m_window->distributionPlot()->massAxisRange().first, 0.0);
}

void TestLectureHall::importedLabelsNameTheEvents()
{
    // Words imported as labels name the ticks of the event axis and the hover read-out.
    Document *document = m_window->document();
    QVERIFY(document->setDistribution(
        Side::P, klscope::Custom({0.1, 0.2, 0.3, 0.4}, {"apple", "banana", "cherry", "date"})));
    QVERIFY(document->setDistribution(Side::Q, klscope::parseSpec("custom:0.25,0.25,0.25,0.25")));
    QVERIFY(document->setSupport(std::nullopt));
    waitForPlots();
    const QString readout =
        m_window->distributionPlot()->readoutAt(m_window->distributionPlot()->pixelFor(0, 2, 0.15));
    QVERIFY2(readout.contains(QStringLiteral("cherry")), qPrintable(readout));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("labels.svg"));
    const FigureExport figure(
        {m_window->distributionPlot(), m_window->contributionPlot(), m_window->cumulativePlot()});
    QCOMPARE(figure.write(path, FigureExport::Plot::All, QSize(800, 600)), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    for (const char *word : {"apple", "banana", "cherry", "date"})
        QVERIFY2(svg.count(QByteArray(">") + word + "<") >= 3, word); // on each of the three x axes
}

void TestLectureHall::stackedPlotsLineUpTheirYAxes_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("seed") << QStringLiteral("seed");
    QTest::newRow("poisson-vs-geometric") << QStringLiteral("poisson-vs-geometric");
    QTest::newRow("near-identical") << QStringLiteral("near-identical");
}

void TestLectureHall::stackedPlotsLineUpTheirYAxes()
{
    // Tick labels of different widths ("0.2", "−0.1", "1.5", "0.0003") would put each y axis elsewhere;
    // the three plots share the widest margin.
    QFETCH(QString, preset);
    QVERIFY(m_window->loadPreset(preset));
    const auto aligned = [this] {
        return !m_window->distributionPlot()->replotPending() &&
               !m_window->contributionPlot()->replotPending() &&
               !m_window->cumulativePlot()->replotPending() &&
               m_window->distributionPlot()->axisLeft() == m_window->contributionPlot()->axisLeft() &&
               m_window->contributionPlot()->axisLeft() == m_window->cumulativePlot()->axisLeft();
    };
    QTRY_VERIFY(aligned());
    const int natural = std::max({m_window->distributionPlot()->naturalLeftMargin(),
                                  m_window->contributionPlot()->naturalLeftMargin(),
                                  m_window->cumulativePlot()->naturalLeftMargin()});
    QVERIFY(m_window->distributionPlot()->axisLeft() >= natural);
}

QTEST_MAIN(TestLectureHall)
#include "tst_lecturehall.moc"
