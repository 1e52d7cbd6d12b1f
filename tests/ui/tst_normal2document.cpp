// The 2-D page's document alone (no widgets): each edit one undo step that undo and redo reverse, drags
// merged into one step, and a covariance that is not positive definite refused with its sentence, leaving
// everything as it was.

#include "documenttesthelpers.h"

#include "normal2document.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <functional>

using Edit = std::function<bool(Normal2Document &)>;
Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(Normal2Params)

class TestNormal2Document : public QObject
{
    Q_OBJECT

private slots:
    void editIsOneStep_data();
    void editIsOneStep();
    void refusals_data();
    void refusals();
    void dragMerges();
    void dragBackLeavesNoStep();
    void resetClearsHistory();
};

void TestNormal2Document::editIsOneStep_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::newRow("P mean") << Edit([](Normal2Document &d) {
        return d.setSide(Normal2Document::P, {0.5, -0.25, 1.0, 1.0, 0.0});
    });
    QTest::newRow("P covariance") << Edit([](Normal2Document &d) {
        return d.setSide(Normal2Document::P, {0.0, 0.0, 2.0, 0.5, 0.9});
    });
    QTest::newRow("Q") << Edit([](Normal2Document &d) {
        return d.setSide(Normal2Document::Q, {3.0, 1.0, 1.0, 4.0, -1.5});
    });
    QTest::newRow("mean field") << Edit([](Normal2Document &d) { return d.setMeanField(true); });
    QTest::newRow("reverse integrand")
        << Edit([](Normal2Document &d) { return d.setReverseIntegrand(true); });
    QTest::newRow("whole state") << Edit([](Normal2Document &d) {
        Normal2State s;
        s.p = {0.0, 0.0, 1.0, 1.0, 0.9};
        s.preset = QStringLiteral("mean-field");
        return d.setState(s, QStringLiteral("Load preset"));
    });
}

void TestNormal2Document::editIsOneStep()
{
    QFETCH(Edit, edit);
    klscope::test::checkEditIsOneStep<Normal2Document>(edit, &Normal2Document::stateChanged);
}

void TestNormal2Document::refusals_data()
{
    QTest::addColumn<int>("side");
    QTest::addColumn<Normal2Params>("params");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("|cov| = sqrt(var1 var2)") << int(Normal2Document::P) << Normal2Params{0, 0, 1, 1, 1.0}
                                             << QStringLiteral("not positive definite");
    QTest::newRow("|cov| > sqrt(var1 var2)") << int(Normal2Document::Q) << Normal2Params{0, 0, 1, 4, -2.5}
                                             << QStringLiteral("not positive definite");
    QTest::newRow("negative variance") << int(Normal2Document::P) << Normal2Params{0, 0, -1, 1, 0}
                                       << QStringLiteral("not positive definite");
    QTest::newRow("zero variance") << int(Normal2Document::Q) << Normal2Params{0, 0, 1, 0, 0}
                                   << QStringLiteral("not positive definite");
    QTest::newRow("NaN mean") << int(Normal2Document::P) << Normal2Params{std::nan(""), 0, 1, 1, 0}
                              << QStringLiteral("mu1");
}

void TestNormal2Document::refusals()
{
    QFETCH(int, side);
    QFETCH(Normal2Params, params);
    QFETCH(QString, sentence);
    Normal2Document document;
    const Normal2State before = document.state();
    QSignalSpy refused(&document, &Normal2Document::editRefused);
    QSignalSpy changed(&document, &Normal2Document::stateChanged);
    QVERIFY(!document.setSide(Normal2Document::Side(side), params));
    QCOMPARE(refused.count(), 1);
    const QString message = refused.front().front().toString();
    QVERIFY2(message.startsWith(side == Normal2Document::P ? QLatin1String("P: ") : QLatin1String("Q: ")),
             qPrintable(message));
    QVERIFY2(message.contains(sentence), qPrintable(message));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(document.state() == before);
    QVERIFY(!document.isModified());
}

void TestNormal2Document::dragMerges()
{
    Normal2Document document;
    const Normal2State before = document.state();
    const int drag = document.beginDrag();
    QVERIFY(drag != 0);
    for (int i = 1; i <= 10; ++i)
        QVERIFY(document.setSide(Normal2Document::P, {0.1 * i, 0.0, 1.0, 1.0, 0.05 * i}));
    document.endDrag();
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.params(Normal2Document::P).mu1, 1.0);
    QCOMPARE(document.params(Normal2Document::P).cov, 0.5);
    // A second drag is a second step; an edit of Q never merges into P's drag.
    document.beginDrag();
    QVERIFY(document.setSide(Normal2Document::P, {2.0, 0.0, 1.0, 1.0, 0.5}));
    QVERIFY(document.setSide(Normal2Document::Q, {2.0, 0.0, 1.0, 1.0, 0.5}));
    document.endDrag();
    QCOMPARE(document.undoStack()->count(), 3);
    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(document.params(Normal2Document::P).mu1, 1.0);
    document.undoStack()->undo();
    QVERIFY(document.state() == before);
}

void TestNormal2Document::dragBackLeavesNoStep()
{
    Normal2Document document;
    const Normal2Params start = document.params(Normal2Document::P);
    klscope::test::checkDragBackLeavesNoStep<Normal2Document>(
        document,
        [](Normal2Document &d) {
            return d.setSide(Normal2Document::P, {1.0, 1.0, 1.0, 1.0, 0.0});
        },
        [start](Normal2Document &d) { return d.setSide(Normal2Document::P, start); });
}

void TestNormal2Document::resetClearsHistory()
{
    Normal2Document document;
    QVERIFY(document.setMeanField(true));
    Normal2State s;
    s.p = {0.0, 0.0, 1.0, 1.0, 0.9};
    QVERIFY(document.resetState(s));
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
    QVERIFY(document.state() == s);
    s.q.cov = 5.0;
    QSignalSpy refused(&document, &Normal2Document::editRefused);
    QVERIFY(!document.resetState(s));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(document.params(Normal2Document::Q).cov, 0.5);
}

QTEST_MAIN(TestNormal2Document)
#include "tst_normal2document.moc"
