// The fit page's document alone (no widgets): each edit one undo step that undo and redo reverse, drags
// merged into one step, refusals that change nothing, P's domain carrying the family along, and the state's
// JSON for a session's pages.fit, round trip and refusals.

#include "documenttesthelpers.h"

#include "fitdocument.h"
#include "fitpage.h"
#include "fitstatejson.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <functional>

Q_DECLARE_METATYPE(std::function<bool(FitDocument &)>)

using Edit = std::function<bool(FitDocument &)>;

class TestFitDocument : public QObject
{
    Q_OBJECT

private slots:
    void editIsOneStep_data();
    void editIsOneStep();
    void refusals_data();
    void refusals();
    void dragMerges();
    void domainFollowsP();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonRefusals_data();
    void jsonRefusals();
};

void TestFitDocument::editIsOneStep_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::newRow("target") << Edit(
        [](FitDocument &d) { return d.setTarget(QStringLiteral("normal:mu=1,sigma=2")); });
    QTest::newRow("family") << Edit([](FitDocument &d) { return d.setFamily(klscope::FitFamily::Laplace); });
    QTest::newRow("fix sigma") << Edit([](FitDocument &d) { return d.setFixed(1, 1.0); });
    QTest::newRow("alpha") << Edit([](FitDocument &d) { return d.setAlpha(0.1); });
    QTest::newRow("q") << Edit([](FitDocument &d) { return d.setQ({1.0, 2.0}); });
}

void TestFitDocument::editIsOneStep()
{
    QFETCH(Edit, edit);
    klscope::test::checkEditIsOneStep<FitDocument>(edit, &FitDocument::stateChanged);
}

void TestFitDocument::refusals_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("sentence"); // a part of the refusal
    QTest::newRow("bad spec") << Edit([](FitDocument &d) {
        return d.setTarget(QStringLiteral("normal:mu=0,sigma=-1"));
    }) << "sigma";
    QTest::newRow("discrete family, continuous P")
        << Edit([](FitDocument &d) { return d.setFamily(klscope::FitFamily::Poisson); }) << "discrete";
    QTest::newRow("alpha above 1") << Edit([](FitDocument &d) { return d.setAlpha(1.5); }) << "α";
    QTest::newRow("no such parameter")
        << Edit([](FitDocument &d) { return d.setFixed(7, 1.0); }) << "parameter";
    QTest::newRow("negative sigma held")
        << Edit([](FitDocument &d) { return d.setFixed(1, -1.0); }) << "sigma";
    QTest::newRow("everything held") << Edit([](FitDocument &d) {
        d.setFixed(0, 0.0);
        return d.setFixed(1, 1.0);
    }) << "nothing to fit";
}

void TestFitDocument::refusals()
{
    QFETCH(Edit, edit);
    QFETCH(QString, sentence);
    FitDocument document;
    QSignalSpy refused(&document, &DocumentBase::editRefused);
    const int steps = document.undoStack()->count();
    const bool accepted = edit(document);
    QVERIFY(!accepted);
    QVERIFY(refused.count() >= 1);
    QVERIFY2(refused.last().first().toString().contains(sentence, Qt::CaseInsensitive),
             qPrintable(refused.last().first().toString()));
    // The last edit left nothing behind (an edit before it in the same row may have been accepted).
    QVERIFY(document.undoStack()->count() <= steps + 1);
}

void TestFitDocument::dragMerges()
{
    FitDocument document;
    document.beginDrag();
    for (double a : {0.4, 0.3, 0.2})
        QVERIFY(document.setAlpha(a));
    document.endDrag();
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.state().alpha, 0.2);
    document.undoStack()->undo();
    QCOMPARE(document.state().alpha, 0.5);
    // A drag that comes back to where it began leaves no step.
    klscope::test::checkDragBackLeavesNoStep<FitDocument>(
        document, [](FitDocument &d) { return d.setAlpha(0.7); },
        [](FitDocument &d) { return d.setAlpha(0.5); });
}

void TestFitDocument::domainFollowsP()
{
    FitDocument document;
    QVERIFY(document.setTarget(QStringLiteral("custom:0.1,0.2,0.3,0.4")));
    QCOMPARE(document.state().family, klscope::FitFamily::Binomial);
    QVERIFY(document.state().fixed[0].has_value());
    QCOMPARE(*document.state().fixed[0], 3.0); // n reaches P's last event
    QVERIFY(!document.state().fixed[1]);
    QVERIFY(document.setFamily(klscope::FitFamily::Poisson));
    QVERIFY(document.setTarget(QStringLiteral("laplace:mu=0,b=1")));
    QCOMPARE(document.state().family, klscope::FitFamily::Normal);
    QCOMPARE(document.undoStack()->count(), 3);
    document.undoStack()->undo();
    QCOMPARE(document.state().family, klscope::FitFamily::Poisson);
    QVERIFY(document.target().index() == 1);
}

void TestFitDocument::jsonRoundTrip_data()
{
    QTest::addColumn<int>("preset");
    for (int i = 0; i < fitPresets().size(); ++i)
        QTest::newRow(qPrintable(fitPresets()[i].name)) << i;
    QTest::newRow("fixed and picked") << -1;
}

void TestFitDocument::jsonRoundTrip()
{
    QFETCH(int, preset);
    FitState state;
    if (preset >= 0) {
        state = fitPresets()[preset].state;
    } else {
        state.fixed = {std::nullopt, 1.25};
        state.q = {0.5, 1.25};
        state.alpha = 0.125;
    }
    QVERIFY(FitDocument::validate(state).isEmpty());
    const auto back = fitStateFromJson(fitStateToJson(state));
    const QString error = std::holds_alternative<QString>(back) ? std::get<QString>(back) : QString();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(std::get<FitState>(back) == state);
}

void TestFitDocument::jsonRefusals_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("family") << "family" << QJsonValue(QStringLiteral("gamma")) << "pages.fit.family";
    QTest::newRow("target") << "target" << QJsonValue(3) << "pages.fit.target";
    QTest::newRow("alpha") << "alpha" << QJsonValue(2.0) << "α";
    QTest::newRow("fixed") << "fixed" << QJsonValue(QJsonObject{{QStringLiteral("nu"), 3}})
                           << "pages.fit.fixed.nu";
}

void TestFitDocument::jsonRefusals()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, sentence);
    QJsonObject o = fitStateToJson(FitState{});
    o.insert(key, value);
    const auto read = fitStateFromJson(o);
    QVERIFY(std::holds_alternative<QString>(read));
    const QString error = std::get<QString>(read);
    QVERIFY2(error.contains(sentence), qPrintable(error));
}

QTEST_MAIN(TestFitDocument)
#include "tst_fitdocument.moc"
