// The discretisation panel bound to a real document: typing a bin width is one undo step on the document;
// the discrete KL at that width (computed in the background) matches the core's and shows beside the
// continuous one; the sweep against h never exceeds the continuous KL (data processing) and closes in on it
// as h shrinks; undo brings the width back to off.

#include "continuousbinder.h"
#include "continuousstate.h"
#include "discretisationpanel.h"
#include "document.h"
#include "eventreadout.h"
#include "numberspinbox.h"
#include "seriesplot.h"

#include <continuouscomparison.h>
#include <continuousspec.h>
#include <discretise.h>

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace klscope;

namespace {

void typeWidth(NumberSpinBox *box, const QString &text)
{
    QLineEdit *edit = box->findChild<QLineEdit *>();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace

class TestDiscretisationPanel : public QObject
{
    Q_OBJECT

private slots:
    void sweepConverges_data();
    void sweepConverges();
    void typedWidthIsOneUndoStep();
    void newPairRecomputes();
};

void TestDiscretisationPanel::sweepConverges_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::newRow("normal vs t5") << "normal:mu=0,sigma=1"
                                  << "student_t:nu=5";
    QTest::newRow("vae term") << "normal:mu=1,sigma=0.5"
                              << "normal:mu=0,sigma=1";
    QTest::newRow("gmm vs normal") << "gmm:w1=0.5,mu1=-1.5,sigma1=1,w2=0.5,mu2=1.5,sigma2=1"
                                   << "normal:mu=0,sigma=2";
}

void TestDiscretisationPanel::sweepConverges()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    Document document;
    QVERIFY(document.resetState(continuousState(p.toUtf8().constData(), q.toUtf8().constData())));
    DiscretisationPanel panel;
    QSignalSpy computed(&panel, &DiscretisationPanel::computed);
    bindDiscretisationPanel(&document, &panel);
    QVERIFY(panel.isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(computed.count(), 1, 30000);
    const ContinuousComparison &c = document.continuousComparison();
    QCOMPARE(panel.sweep().size(), std::size_t(11));
    // Continuous lines for both directions, the two discrete curves.
    QCOMPARE(panel.plot()->seriesCount(), 4);
    for (std::size_t i = 0; i < panel.sweep().size(); ++i) {
        const DiscreteKlPoint &point = panel.sweep()[i];
        QVERIFY(point.note.empty());
        // Data processing: binning never increases the KL (up to rounding).
        QVERIFY2(point.klPQ <= c.klPQ.value * (1 + 1e-9), qPrintable(QString::number(point.klPQ)));
        if (i > 0)
            QVERIFY(point.width < panel.sweep()[i - 1].width);
    }
    // The finest width is within 1e-4 (relative) of the continuous value.
    const double finest = panel.sweep().back().klPQ;
    QVERIFY2(std::fabs(finest - c.klPQ.value) <= 1e-4 * c.klPQ.value,
             qPrintable(QStringLiteral("%1 vs %2").arg(finest, 0, 'g', 12).arg(c.klPQ.value, 0, 'g', 12)));
    QVERIFY(panel.valuesText().startsWith(QStringLiteral("Off")));
}

void TestDiscretisationPanel::typedWidthIsOneUndoStep()
{
    Document document;
    QVERIFY(document.resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5")));
    DiscretisationPanel panel;
    QSignalSpy computed(&panel, &DiscretisationPanel::computed);
    bindDiscretisationPanel(&document, &panel);
    QTRY_COMPARE_WITH_TIMEOUT(computed.count(), 1, 30000);
    const int steps = document.undoStack()->count();

    typeWidth(panel.widthBox(), QStringLiteral("0.25"));
    QCOMPARE(document.continuousPair()->binWidth, 0.25);
    QCOMPARE(document.undoStack()->count(), steps + 1);
    QTRY_VERIFY(panel.current().has_value());
    const double one[] = {0.25};
    const DiscreteKlPoint expected =
        discreteKlAgainstWidth(document.continuousPair()->p, document.continuousPair()->q, one).front();
    QCOMPARE(panel.current()->klPQ, expected.klPQ);
    QCOMPARE(panel.current()->bins, expected.bins);
    QVERIFY2(panel.valuesText().contains(formatValue(expected.klPQ)), qPrintable(panel.valuesText()));
    QVERIFY(panel.valuesText().contains(formatValue(document.continuousComparison().klPQ.value)));
    // The sweep was kept: only the width changed.
    QCOMPARE(panel.sweep().size(), std::size_t(11));
    if (const QByteArray dir = qgetenv("KLSCOPE_GRAB_DIR"); !dir.isEmpty()) {
        panel.resize(420, 260);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY(!panel.plot()->replotPending());
        QVERIFY(panel.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/discretisation.png")));
    }

    document.undoStack()->undo();
    QCOMPARE(document.continuousPair()->binWidth, 0.0);
    QCOMPARE(panel.widthBox()->value(), 0.0);
    QVERIFY(!panel.current());
    QTRY_VERIFY(!panel.isBusy());
    QVERIFY(panel.valuesText().startsWith(QStringLiteral("Off")));
    document.undoStack()->redo();
    QCOMPARE(panel.widthBox()->value(), 0.25);
    QTRY_VERIFY(panel.current().has_value());
    QCOMPARE(panel.current()->klPQ, expected.klPQ);
}

void TestDiscretisationPanel::newPairRecomputes()
{
    Document document;
    QVERIFY(document.resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5")));
    DiscretisationPanel panel;
    QSignalSpy computed(&panel, &DiscretisationPanel::computed);
    bindDiscretisationPanel(&document, &panel);
    // An edit before the first result: only the new pair's result is delivered.
    QVERIFY(document.setContinuous(Side::P, parseContinuousSpec("normal:mu=1,sigma=0.5")));
    QVERIFY(document.setContinuous(Side::Q, parseContinuousSpec("normal:mu=0,sigma=1")));
    QTRY_COMPARE_WITH_TIMEOUT(computed.count(), 1, 30000);
    QVERIFY(!panel.isBusy());
    // The sweep is the new pair's: its finest width is near the new continuous KL.
    const double continuous = document.continuousComparison().klPQ.value;
    QVERIFY(std::fabs(panel.sweep().back().klPQ - continuous) <= 1e-4 * continuous);
    QCOMPARE(computed.count(), 1);
}

QTEST_MAIN(TestDiscretisationPanel)
#include "tst_discretisationpanel.moc"
