// The comparison document without any widget: every kind of edit, undo and redo, the move between the
// discrete and the continuous domain, refusals, and drags that merge (and vanish when they come back).

#include "changevaluecommand.h"
#include "continuousstate.h"
#include "document.h"

#include <continuouscomparison.h>
#include <continuousspec.h>
#include <spec.h>

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace klscope;

namespace {

/// The comparison the core gives for the document's state, to check the document's against.
void checkAgainstCore(const Document &d)
{
    if (const ContinuousPair *c = d.continuousPair()) {
        ContinuousCompareOptions o;
        o.unit = d.unit();
        o.samples = 0;
        o.gridPoints = Document::kGridPoints;
        const ContinuousComparison expected = compareContinuous(c->p, c->q, o);
        const ContinuousComparison &got = d.continuousComparison();
        QCOMPARE(got.klPQ.value, expected.klPQ.value);
        QCOMPARE(got.klQP.value, expected.klQP.value);
        QCOMPARE(got.js.value, expected.js.value);
        QCOMPARE(got.grid.x.size(), Document::kGridPoints);
        QVERIFY(d.comparison().p.empty());
    } else {
        CompareOptions o;
        o.support = d.support();
        o.unit = d.unit();
        o.renormalize = d.renormalize();
        o.smoothing = d.smoothing();
        const Comparison expected = compare(d.distribution(Side::P), d.distribution(Side::Q), o);
        QCOMPARE(d.comparison().totals.klPQ, expected.totals.klPQ);
        QCOMPARE(d.comparison().totals.klQP, expected.totals.klQP);
        QCOMPARE(d.comparison().totals.js, expected.totals.js);
        QCOMPARE(d.comparison().support.first, expected.support.first);
        QCOMPARE(d.comparison().support.last, expected.support.last);
    }
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private slots:
    // Every discrete edit is one undo step; undo and redo give back each state and its comparison.
    void everyDiscreteEditUndoesAndRedoes()
    {
        Document d;
        QVERIFY(!d.isModified());
        std::vector<DocumentState> states{d.state()};
        const auto edit = [&](bool ok) {
            QVERIFY(ok);
            states.push_back(d.state());
            QCOMPARE(d.undoStack()->count(), int(states.size()) - 1);
            checkAgainstCore(d);
        };
        edit(d.setParameter(Side::P, 1, 0.25));
        edit(d.setFamily(Side::Q, Family::Poisson));
        edit(d.setSupport(EventRange{0, 20}));
        edit(d.setUnit(Unit::Bits));
        edit(d.setRenormalize(true));
        edit(d.setSmoothing(1e-6));
        edit(d.setDistribution(Side::P, parseSpec("custom:0.5,0.25,0.25")));
        edit(d.setCustomMass(Side::P, 1, 0.5));
        edit(d.setLocked(Side::P, 0, true));
        edit(d.addCustomEvent(Side::P));
        edit(d.removeCustomEvent(Side::P, 3));
        edit(d.swap());
        QVERIFY(d.isModified());
        for (std::size_t i = states.size() - 1; i > 0; --i) {
            d.undoStack()->undo();
            QVERIFY(d.state() == states[i - 1]);
            checkAgainstCore(d);
        }
        QVERIFY(!d.isModified());
        for (std::size_t i = 1; i < states.size(); ++i) {
            d.undoStack()->redo();
            QVERIFY(d.state() == states[i]);
            checkAgainstCore(d);
        }
    }

    // Swap is an ordinary change of the state (SwapCommand is gone): twice is the start again.
    void swapExchangesSidesInBothDomains()
    {
        Document d;
        const DocumentState start = d.state();
        QVERIFY(d.swap());
        QVERIFY(d.distribution(Side::P) == start.discrete()->q);
        QVERIFY(d.distribution(Side::Q) == start.discrete()->p);
        QCOMPARE(d.comparison().totals.klPQ, compare(start.discrete()->q, start.discrete()->p,
                                                     [&] {
                                                         CompareOptions o;
                                                         o.support = start.discrete()->support;
                                                         return o;
                                                     }())
                                                 .totals.klPQ);
        QVERIFY(d.resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5,mu=1,sigma=2")));
        const double forward = d.continuousComparison().klPQ.value;
        const double backward = d.continuousComparison().klQP.value;
        QVERIFY(d.swap());
        QCOMPARE(d.continuousComparison().klPQ.value, backward);
        QCOMPARE(d.continuousComparison().klQP.value, forward);
        d.undoStack()->undo();
        QCOMPARE(d.continuousComparison().klPQ.value, forward);
    }

    // A drag is one undo step, and a drag that ends where it began leaves none (Tiled's obsolete rule).
    void dragsMergeAndVanishWhenTheyComeBack_data()
    {
        QTest::addColumn<bool>("continuous");
        QTest::newRow("discrete parameter") << false;
        QTest::newRow("continuous parameter") << true;
    }
    void dragsMergeAndVanishWhenTheyComeBack()
    {
        QFETCH(bool, continuous);
        Document d;
        if (continuous)
            QVERIFY(d.resetState(continuousState("normal:mu=0,sigma=1", "normal:mu=1,sigma=1.5")));
        const DocumentState start = d.state();
        const QString preset = d.presetName();
        const auto move = [&](double value, int drag) {
            if (continuous)
                return d.setContinuous(Side::P, Normal(value, 1.0), drag);
            return d.setParameter(Side::P, 1, value, drag);
        };
        const double origin = continuous ? 0.0 : 7.0 / 15.0;

        int drag = d.beginDrag();
        for (double v : {0.3, 0.35, 0.4})
            QVERIFY(move(v, drag));
        d.endDrag();
        QCOMPARE(d.undoStack()->count(), 1);
        QVERIFY(d.isModified());
        d.undoStack()->undo();
        QVERIFY(d.state() == start);
        QVERIFY(!d.isModified());

        drag = d.beginDrag();
        for (double v : {0.3, 0.35})
            QVERIFY(move(v, drag));
        QVERIFY(move(origin, drag));
        d.endDrag();
        // The merged command saw no change and dropped itself: no empty undo step, not modified, and the
        // state is the start's, its preset name included.
        QCOMPARE(d.undoStack()->index(), 0);
        QVERIFY(!d.undoStack()->canUndo());
        QVERIFY(!d.isModified());
        QVERIFY(d.state() == start);
        QCOMPARE(d.presetName(), preset);
        checkAgainstCore(d);
    }

    // Choosing a continuous family moves the pair to the continuous domain as one undo step, with a
    // sentence for the status bar; undo comes back to the very same discrete state.
    void familyOfTheOtherDomainSwitchesInOneStep()
    {
        Document d;
        const DocumentState discrete = d.state();
        QSignalSpy domain(&d, &Document::domainChanged);
        QSignalSpy switched(&d, &Document::domainSwitched);
        QVERIFY(d.setContinuousFamily(Side::P, ContinuousFamily::Normal));
        QVERIFY(d.isContinuous());
        QCOMPARE(domain.count(), 1);
        QCOMPARE(switched.count(), 1);
        QVERIFY(!switched.at(0).at(0).toString().isEmpty());
        QCOMPARE(family(d.continuousPair()->p), ContinuousFamily::Normal);
        QCOMPARE(d.undoStack()->count(), 1);
        checkAgainstCore(d);
        const DocumentState continuous = d.state();

        // Within the domain: an ordinary edit, no switch.
        QVERIFY(d.setContinuousFamily(Side::Q, ContinuousFamily::Laplace));
        QCOMPARE(family(d.continuousPair()->q), ContinuousFamily::Laplace);
        QCOMPARE(switched.count(), 1);

        // And back: a discrete family on a side.
        QVERIFY(d.setFamily(Side::Q, Family::Poisson));
        QVERIFY(!d.isContinuous());
        QCOMPARE(switched.count(), 2);
        QCOMPARE(family(d.distribution(Side::Q)), Family::Poisson);
        checkAgainstCore(d);

        d.undoStack()->undo();
        d.undoStack()->undo();
        QVERIFY(d.state() == continuous);
        checkAgainstCore(d);
        d.undoStack()->undo();
        QVERIFY(d.state() == discrete);
        QCOMPARE(domain.count(), 4);
        checkAgainstCore(d);
        d.undoStack()->redo();
        QVERIFY(d.state() == continuous);
        checkAgainstCore(d);
    }

    // An edit of the other domain, or one the core refuses, changes nothing and says why.
    void refusedEditsChangeNothing_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("support on densities") << 0 << "needs a discrete pair";
        QTest::newRow("smoothing on densities") << 1 << "needs a discrete pair";
        QTest::newRow("negative bin width") << 2 << "bin width";
        QTest::newRow("custom mass on densities") << 3 << "";
        QTest::newRow("parameter on densities") << 4 << "needs a discrete pair";
    }
    void refusedEditsChangeNothing()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        Document d;
        QVERIFY(d.resetState(continuousState("normal:mu=0,sigma=1", "normal:mu=1,sigma=1.5")));
        const DocumentState before = d.state();
        QSignalSpy refused(&d, &Document::editRefused);
        QSignalSpy changed(&d, &Document::comparisonChanged);
        bool ok = true;
        switch (which) {
        case 0:
            ok = d.setSupport(EventRange{0, 3});
            break;
        case 1:
            ok = d.setSmoothing(0.1);
            break;
        case 2:
            ok = d.setBinWidth(-1);
            break;
        case 3:
            ok = d.setCustomMass(Side::P, 0, 0.5);
            break;
        case 4:
            ok = d.setParameter(Side::P, 0, 0.5);
            break;
        }
        QVERIFY(!ok);
        QVERIFY(d.state() == before);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(d.undoStack()->count(), 0);
        if (!expected.isEmpty()) {
            QCOMPARE(refused.count(), 1);
            QVERIFY2(refused.at(0).at(0).toString().contains(expected),
                     qPrintable(refused.at(0).at(0).toString()));
        }
    }

    // The bin width is an undoable option of the continuous pair that does not recompute the comparison.
    void binWidthIsAnOptionWithUndo()
    {
        Document d;
        QVERIFY(d.resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5,mu=0,sigma=1")));
        QSignalSpy options(&d, &Document::optionsChanged);
        QSignalSpy changed(&d, &Document::comparisonChanged);
        QVERIFY(d.setBinWidth(0.5));
        QCOMPARE(d.continuousPair()->binWidth, 0.5);
        QCOMPARE(options.count(), 1);
        QCOMPARE(changed.count(), 0);
        d.undoStack()->undo();
        QCOMPARE(d.continuousPair()->binWidth, 0.0);
    }

    // resetState starts clean, and a state the core refuses is not loaded.
    void resetStateIsClean()
    {
        Document d;
        QVERIFY(d.setUnit(Unit::Bits));
        QVERIFY(d.resetState(continuousState("cauchy:x0=0,gamma=1", "normal:mu=0,sigma=1")));
        QVERIFY(!d.isModified());
        QCOMPARE(d.undoStack()->count(), 0);
        QVERIFY(std::isinf(d.continuousComparison().klPQ.value));
        QVERIFY(!d.continuousComparison().infinitePQ.empty());
        checkAgainstCore(d);
        DiscretePair bad;
        bad.support = EventRange{100, 110};
        bad.renormalize = true;
        DocumentState refused;
        refused.pair = bad;
        const DocumentState before = d.state();
        QSignalSpy refusal(&d, &Document::editRefused);
        QVERIFY(!d.resetState(refused));
        QCOMPARE(refusal.count(), 1);
        QVERIFY(d.state() == before);
    }

    // The generic command on its own: merging back to the old value marks it obsolete.
    void changeValueCommandObsoleteRule()
    {
        int value = 0;
        QUndoStack stack;
        const auto set = [&](const int &v) {
            value = v;
        };
        stack.push(new ChangeValueCommand<int>(QStringLiteral("a"), 0, 1, set, 7, 3));
        stack.push(new ChangeValueCommand<int>(QStringLiteral("b"), 1, 2, set, 7, 3));
        QCOMPARE(stack.count(), 1);
        QCOMPARE(value, 2);
        stack.push(new ChangeValueCommand<int>(QStringLiteral("c"), 2, 0, set, 7, 3));
        QCOMPARE(stack.count(), 0);
        QCOMPARE(value, 0);
        // Another drag id or merge id does not merge.
        stack.push(new ChangeValueCommand<int>(QStringLiteral("d"), 0, 1, set, 7, 3));
        stack.push(new ChangeValueCommand<int>(QStringLiteral("e"), 1, 0, set, 7, 4));
        QCOMPARE(stack.count(), 2);
    }
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
