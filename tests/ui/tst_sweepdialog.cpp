// The sweep window (issue 13) on a real comparison page: a parameter's sweep button opens it, its curves
// are the core sweep's, an edit of the document moves the current-value marker, and a refused range
// shows its sentence and keeps the curves drawn.

#include "comparisonpage.h"
#include "continuouseditor.h"
#include "distributioneditor.h"
#include "document.h"
#include "numberspinbox.h"
#include "presets.h"
#include "seriesplot.h"
#include "sweepdialog.h"

#include <spec.h>
#include <sweep.h>

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <cmath>

Q_DECLARE_METATYPE(Side)

namespace {

// Curves equal value by value (+inf and NaN included).
bool sameCurve(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))))
            return false;
    return true;
}

} // namespace

class TestSweepDialog : public QObject
{
    Q_OBJECT

private:
    // Clicks the sweep button of `side`'s parameter `row` and waits for the window's first sweep.
    SweepDialog *openSweep(ComparisonPage &page, Side side, int row)
    {
        QToolButton *button = page.editor(side == Side::P ? 0 : 1)->sweepButton(row);
        if (!button)
            return nullptr;
        button->click();
        auto *dialog = page.findChild<SweepDialog *>();
        if (!dialog)
            return nullptr;
        if (dialog->sweep().values.empty()) {
            QSignalSpy shown(dialog, &SweepDialog::sweepShown);
            if (!shown.wait(20000))
                return nullptr;
        }
        return dialog;
    }

private slots:
    void buttonOpensCoreSweep_data();
    void buttonOpensCoreSweep();
    void continuousButtonOpensCoreSweep();
    void editMovesCurrentMarker();
    void refusedRangeKeepsCurves_data();
    void refusedRangeKeepsCurves();
};

void TestSweepDialog::buttonOpensCoreSweep_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<Side>("side");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("binomial p of P") << "binomial:n=20,p=0.3"
                                     << "poisson:lambda=5" << Side::P << 1 << "p";
    QTest::newRow("binomial n of P") << "binomial:n=20,p=0.3"
                                     << "poisson:lambda=5" << Side::P << 0 << "n";
    QTest::newRow("poisson lambda of Q") << "binomial:n=20,p=0.3"
                                         << "poisson:lambda=5" << Side::Q << 0 << "lambda";
    QTest::newRow("geometric of Q, infinite KL") << "uniform:a=0,b=6"
                                                 << "geometric:p=0.4" << Side::Q << 0 << "p";
}

void TestSweepDialog::buttonOpensCoreSweep()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(Side, side);
    QFETCH(int, row);
    QFETCH(QString, parameter);
    const QList<Preset> presets; // the page keeps a reference
    ComparisonPage page(presets);
    page.resize(1280, 800);
    page.show();
    QVERIFY(page.document()->setDistribution(Side::P, klscope::parseSpec(p.toStdString())));
    QVERIFY(page.document()->setDistribution(Side::Q, klscope::parseSpec(q.toStdString())));
    QVERIFY(!page.findChild<SweepDialog *>());

    SweepDialog *dialog = openSweep(page, side, row);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QCOMPARE(dialog->side(), side);
    QCOMPARE(dialog->parameter(), parameter);

    // The curves are the core sweep's over the range shown, value for value.
    const klscope::SweepParameter swept{side == Side::P ? klscope::SweepSide::P : klscope::SweepSide::Q,
                                        parameter.toStdString()};
    const klscope::Sweep expected =
        klscope::sweep(page.document()->distribution(Side::P), page.document()->distribution(Side::Q), swept,
                       dialog->range(), page.document()->unit());
    QVERIFY(expected.values.size() >= 2);
    QVERIFY(sameCurve(dialog->sweep().values, expected.values));
    QVERIFY(sameCurve(dialog->sweep().klPQ, expected.klPQ));
    QVERIFY(sameCurve(dialog->sweep().klQP, expected.klQP));
    QVERIFY(sameCurve(dialog->sweep().js, expected.js));
    QCOMPARE(dialog->plot()->seriesCount(), 3);
    QCOMPARE(dialog->plot()->legendEntries(), (QStringList{"KL(P‖Q)", "KL(Q‖P)", "JS"}));
    // The current value is the first marker, and the minima follow it.
    QVERIFY(dialog->markers().size() >= 2);
    QCOMPARE(dialog->markers().first().x, expected.current);
    for (const char *curve : {"KL(P‖Q)", "KL(Q‖P)", "JS"})
        QVERIFY(dialog->plot()->footnoteText().simplified().contains(QString::fromUtf8(curve)));

    // A second click raises the same window.
    page.editor(side == Side::P ? 0 : 1)->sweepButton(row)->click();
    QCOMPARE(page.findChildren<SweepDialog *>().size(), 1);
}

void TestSweepDialog::continuousButtonOpensCoreSweep()
{
    const QList<Preset> presets;
    ComparisonPage page(presets);
    page.show();
    QVERIFY(page.document()->setContinuousFamily(Side::P, klscope::ContinuousFamily::Normal));
    QVERIFY(page.document()->setContinuous(Side::P, klscope::Normal(0.0, 1.0)));
    QVERIFY(page.document()->setContinuous(Side::Q, klscope::Normal(1.0, 1.5)));
    QToolButton *button = page.editor(1)->continuousEditor()->sweepButton(1);
    QVERIFY(button);
    QCOMPARE(button->objectName(), QStringLiteral("sigmaSweep"));
    button->click();
    auto *dialog = page.findChild<SweepDialog *>();
    QVERIFY(dialog);
    QSignalSpy shown(dialog, &SweepDialog::sweepShown);
    QVERIFY(shown.wait(60000));
    QCOMPARE(dialog->side(), Side::Q);
    QCOMPARE(dialog->parameter(), QStringLiteral("sigma"));
    const ContinuousPair *pair = page.document()->continuousPair();
    QVERIFY(pair);
    const klscope::Sweep expected = klscope::sweep(pair->p, pair->q, {klscope::SweepSide::Q, "sigma"},
                                                   dialog->range(), page.document()->unit());
    QVERIFY(sameCurve(dialog->sweep().values, expected.values));
    QVERIFY(sameCurve(dialog->sweep().klPQ, expected.klPQ));
    QVERIFY(sameCurve(dialog->sweep().klQP, expected.klQP));
    QVERIFY(sameCurve(dialog->sweep().js, expected.js));
    QCOMPARE(dialog->markers().first().x, 1.5);
}

void TestSweepDialog::editMovesCurrentMarker()
{
    const QList<Preset> presets; // the page keeps a reference
    ComparisonPage page(presets);
    page.show();
    QVERIFY(page.document()->setDistribution(Side::P, klscope::parseSpec("binomial:n=20,p=0.3")));
    QVERIFY(page.document()->setDistribution(Side::Q, klscope::parseSpec("binomial:n=20,p=0.5")));
    SweepDialog *dialog = openSweep(page, Side::Q, 1);
    QVERIFY(dialog);
    QCOMPARE(dialog->markers().first().x, 0.5);
    // Where Q = P all three curves are 0: one marker names the three minima at 0.3.
    QCOMPARE(dialog->markers().size(), 2);
    QCOMPARE(dialog->markers().at(1).x, dialog->sweep().values.at(30));
    QVERIFY(dialog->plot()->footnoteText().simplified().contains("JS = 0 at 0.3"));

    QSignalSpy shown(dialog, &SweepDialog::sweepShown);
    QVERIFY(page.document()->setDistribution(Side::Q, klscope::parseSpec("binomial:n=20,p=0.7")));
    QVERIFY(shown.wait(20000));
    QCOMPARE(dialog->markers().first().x, 0.7);
    QCOMPARE(dialog->sweep().current, 0.7);

    // Undo moves it back.
    page.document()->undoStack()->undo();
    QVERIFY(shown.wait(20000));
    QCOMPARE(dialog->markers().first().x, 0.5);
}

void TestSweepDialog::refusedRangeKeepsCurves_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("steps");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("reversed") << 0.8 << 0.2 << 11 << "";
    QTest::newRow("out of the parameter's range") << 0.0 << 1.5 << 11 << "out of range";
}

void TestSweepDialog::refusedRangeKeepsCurves()
{
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(int, steps);
    QFETCH(QString, sentence);
    const QList<Preset> presets; // the page keeps a reference
    ComparisonPage page(presets);
    page.show();
    QVERIFY(page.document()->setDistribution(Side::P, klscope::parseSpec("binomial:n=20,p=0.3")));
    SweepDialog *dialog = openSweep(page, Side::P, 1);
    QVERIFY(dialog);
    const klscope::Sweep before = dialog->sweep();
    const klscope::SweepRange range = dialog->range();
    QVERIFY(dialog->messageLabel()->isHidden());

    QSignalSpy refused(dialog, &SweepDialog::sweepRefused);
    QSignalSpy shown(dialog, &SweepDialog::sweepShown);
    dialog->fromBox()->setValue(from);
    dialog->toBox()->setValue(to);
    dialog->stepsBox()->setValue(steps);
    dialog->applyButton()->click();
    QVERIFY(refused.wait(20000));
    QCOMPARE(shown.count(), 0);
    QVERIFY(!dialog->messageLabel()->isHidden());
    QVERIFY(!dialog->messageLabel()->text().isEmpty());
    QVERIFY(dialog->messageLabel()->text().contains(sentence));
    // The old curves stay, and the boxes show their range again.
    QVERIFY(sameCurve(dialog->sweep().values, before.values));
    QVERIFY(sameCurve(dialog->sweep().klPQ, before.klPQ));
    QCOMPARE(dialog->plot()->seriesCount(), 3);
    QCOMPARE(dialog->fromBox()->value(), range.from);
    QCOMPARE(dialog->toBox()->value(), range.to);
    QCOMPARE(dialog->stepsBox()->value(), int(range.steps));

    // A good range afterwards draws and clears the message.
    dialog->fromBox()->setValue(0.1);
    dialog->toBox()->setValue(0.9);
    dialog->stepsBox()->setValue(9);
    dialog->applyButton()->click();
    QVERIFY(shown.wait(20000));
    QCOMPARE(dialog->sweep().values.size(), std::size_t(9));
    QVERIFY(dialog->messageLabel()->isHidden());
}

QTEST_MAIN(TestSweepDialog)
#include "tst_sweepdialog.moc"
