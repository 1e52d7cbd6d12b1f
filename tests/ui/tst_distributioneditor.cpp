// The side editors on a document, without the window: choosing a family of the other domain in either
// side's chooser moves the pair in one undo step (the other side becomes its nearest counterpart, with
// the numbers the core promises), the continuous editor takes the place of the discrete rows, typed
// values, slider drags and mixture edits reach the document (a drag as one undo step), values the family
// refuses reach the document's refusal path, and undo and redo bring every editor back in step.

#include "continuouseditor.h"
#include "distributioneditor.h"
#include "document.h"
#include "familycombo.h"
#include "numberspinbox.h"
#include "widgetinput.h"

#include <continuousparameters.h>

#include <QHBoxLayout>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <memory>

using namespace klscope;

Q_DECLARE_METATYPE(klscope::ContinuousFamily)
Q_DECLARE_METATYPE(Side)

using klscope::test::choose;
using klscope::test::sliderHandleCentre;
using klscope::test::typeInto;

class TestDistributionEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void continuousFamilySwitchesThePair_data();
    void continuousFamilySwitchesThePair();
    void typedValueEditsTheDocument();
    void sliderDragIsOneUndoStep();
    void refusedValueReachesTheDocument();
    void discreteFamilySwitchesBack();
    void familyWithinTheContinuousDomain();
    void mixtureEditsReachTheDocument();

private:
    DistributionEditor *editor(Side side) const { return side == Side::P ? m_p : m_q; }
    void switchPToNormal();

    std::unique_ptr<Document> m_document;
    std::unique_ptr<QWidget> m_window;
    DistributionEditor *m_p = nullptr;
    DistributionEditor *m_q = nullptr;
};

void TestDistributionEditor::init()
{
    m_document = std::make_unique<Document>();
    m_window = std::make_unique<QWidget>();
    auto *layout = new QHBoxLayout(m_window.get());
    m_p = new DistributionEditor(m_document.get(), Side::P, m_window.get());
    m_q = new DistributionEditor(m_document.get(), Side::Q, m_window.get());
    layout->addWidget(m_p);
    layout->addWidget(m_q);
    m_window->resize(900, 500);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDistributionEditor::cleanup()
{
    m_window.reset();
    m_document.reset();
}

void TestDistributionEditor::switchPToNormal()
{
    choose(m_p->familyBox(), m_p->familyBox()->indexOf(ContinuousFamily::Normal));
    QVERIFY(m_document->isContinuous());
}

void TestDistributionEditor::continuousFamilySwitchesThePair_data()
{
    QTest::addColumn<Side>("side");
    QTest::addColumn<ContinuousFamily>("family");
    QTest::addColumn<ContinuousFamily>("otherFamily");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("variance");
    QTest::addColumn<double>("otherMean");
    QTest::addColumn<double>("otherVariance");
    // The seed: P binomial(15, 7/15) (mean 7, variance 15 (7/15)(8/15)), Q uniform 0..14 (mean 7,
    // variance (15^2 - 1)/12), whose counterpart is the continuous uniform -1/2..14.5 (variance 15^2/12).
    const double binomial = 15.0 * (7.0 / 15.0) * (8.0 / 15.0);
    QTest::newRow("P normal") << Side::P << ContinuousFamily::Normal << ContinuousFamily::ContinuousUniform
                              << 7.0 << binomial << 7.0 << 225.0 / 12.0;
    QTest::newRow("P Laplace") << Side::P << ContinuousFamily::Laplace << ContinuousFamily::ContinuousUniform
                               << 7.0 << binomial << 7.0 << 225.0 / 12.0;
    QTest::newRow("Q normal") << Side::Q << ContinuousFamily::Normal << ContinuousFamily::Normal << 7.0
                              << 224.0 / 12.0 << 7.0 << binomial;
    QTest::newRow("Q gamma") << Side::Q << ContinuousFamily::Gamma << ContinuousFamily::Normal << 7.0
                             << 224.0 / 12.0 << 7.0 << binomial;
}

void TestDistributionEditor::continuousFamilySwitchesThePair()
{
    QFETCH(Side, side);
    QFETCH(ContinuousFamily, family);
    QFETCH(ContinuousFamily, otherFamily);
    QFETCH(double, mean);
    QFETCH(double, variance);
    QFETCH(double, otherMean);
    QFETCH(double, otherVariance);
    const Side other = side == Side::P ? Side::Q : Side::P;
    const DocumentState discrete = m_document->state();
    QSignalSpy switched(m_document.get(), &Document::domainSwitched);

    choose(editor(side)->familyBox(), editor(side)->familyBox()->indexOf(family));

    QVERIFY(m_document->isContinuous());
    QCOMPARE(m_document->undoStack()->count(), 1);
    const ContinuousPair &pair = *m_document->continuousPair();
    QCOMPARE(klscope::family(pair.distribution(side)), family);
    QCOMPARE(klscope::family(pair.distribution(other)), otherFamily);
    QVERIFY(std::fabs(klscope::mean(pair.distribution(side)) - mean) < 1e-12);
    QVERIFY(std::fabs(klscope::variance(pair.distribution(side)) - variance) < 1e-12);
    QVERIFY(std::fabs(klscope::mean(pair.distribution(other)) - otherMean) < 1e-12);
    QVERIFY(std::fabs(klscope::variance(pair.distribution(other)) - otherVariance) < 1e-12);

    // The status bar's sentence names both sides, P first.
    QCOMPARE(switched.count(), 1);
    const QString message = switched.at(0).at(0).toString();
    QVERIFY2(message.startsWith(QStringLiteral("P became ")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("; Q became ")), qPrintable(message));

    // Both editors show the continuous editor with the document's values, and their choosers the family.
    for (Side s : {Side::P, Side::Q}) {
        DistributionEditor *e = editor(s);
        QVERIFY(e->continuousEditor()->isVisible());
        QVERIFY(e->continuousEditor()->distribution() == pair.distribution(s));
        QVERIFY(e->familyBox()->isContinuous());
        QCOMPARE(e->familyBox()->currentIndex(),
                 e->familyBox()->indexOf(klscope::family(pair.distribution(s))));
        QVERIFY(!e->slider(0) || !e->slider(0)->isVisible());
        QCOMPARE(e->continuousEditor()->spinBox(0)->value(), parameterValues(pair.distribution(s)).at(0));
    }

    // Undo brings back the very same discrete state and the discrete rows.
    m_document->undoStack()->undo();
    QVERIFY(m_document->state() == discrete);
    QVERIFY(!m_p->continuousEditor()->isVisible());
    QVERIFY(m_p->slider(1)->isVisible());
    QCOMPARE(m_p->familyBox()->currentData().toInt(), int(Family::Binomial));
    QCOMPARE(m_q->familyBox()->currentData().toInt(), int(Family::Uniform));
    QCOMPARE(m_p->slider(1)->value(), int(std::lround(7.0 / 15.0 * 1000)));
    m_document->undoStack()->redo();
    QVERIFY(m_document->isContinuous());
    QVERIFY(editor(side)->continuousEditor()->isVisible());
    QVERIFY(editor(side)->continuousEditor()->distribution() ==
            m_document->continuousPair()->distribution(side));
}

void TestDistributionEditor::typedValueEditsTheDocument()
{
    switchPToNormal();
    const ContinuousDistribution before = m_document->continuousPair()->p;
    typeInto(m_p->continuousEditor()->spinBox(0), QStringLiteral("2.5"));
    const double sigma = parameterValues(before).at(1);
    QVERIFY(std::fabs(sigma - std::sqrt(56.0 / 15.0)) < 1e-12);
    QVERIFY(m_document->continuousPair()->p == ContinuousDistribution(Normal(2.5, sigma)));
    QCOMPARE(m_document->undoStack()->count(), 2);
    // Q is untouched, and its editor still shows it.
    QVERIFY(m_q->continuousEditor()->distribution() == m_document->continuousPair()->q);

    m_document->undoStack()->undo();
    QVERIFY(m_document->continuousPair()->p == before);
    QVERIFY(m_p->continuousEditor()->distribution() == before);
    QCOMPARE(m_p->continuousEditor()->spinBox(0)->value(), 7.0);
    m_document->undoStack()->redo();
    QCOMPARE(m_p->continuousEditor()->spinBox(0)->value(), 2.5);
}

void TestDistributionEditor::sliderDragIsOneUndoStep()
{
    switchPToNormal();
    const ContinuousDistribution before = m_document->continuousPair()->p;
    QSlider *slider = m_p->continuousEditor()->slider(0);
    QVERIFY(slider && slider->isVisible());
    QSignalSpy changes(m_document.get(), &Document::distributionChanged);
    QPoint at = sliderHandleCentre(slider);
    QTest::mousePress(slider, Qt::LeftButton, {}, at);
    QVERIFY(slider->isSliderDown());
    for (int step = 0; step < 4; ++step) {
        at -= QPoint(slider->width() / 12, 0);
        QTest::mouseMove(slider, at);
    }
    QTest::mouseRelease(slider, Qt::LeftButton, {}, at);

    QVERIFY2(changes.count() >= 3, qPrintable(QString::number(changes.count())));
    const double mu = parameterValues(m_document->continuousPair()->p).at(0);
    QVERIFY(mu < 7.0);
    QCOMPARE(m_p->continuousEditor()->spinBox(0)->value(), mu);
    // The switch and the whole drag: two undo steps.
    QCOMPARE(m_document->undoStack()->count(), 2);
    QCOMPARE(m_document->currentDrag(), 0);

    m_document->undoStack()->undo();
    QVERIFY(m_document->continuousPair()->p == before);
    QCOMPARE(m_p->continuousEditor()->spinBox(0)->value(), 7.0);
    const int expected = m_p->continuousEditor()->slider(0)->value();
    m_document->undoStack()->redo();
    QCOMPARE(m_p->continuousEditor()->spinBox(0)->value(), mu);
    QVERIFY(m_p->continuousEditor()->slider(0)->value() < expected);
}

void TestDistributionEditor::refusedValueReachesTheDocument()
{
    // Q's counterpart is the continuous uniform -1/2..14.5; a b below a is refused with the core's words.
    switchPToNormal();
    const DocumentState before = m_document->state();
    QSignalSpy refused(m_document.get(), &Document::editRefused);
    typeInto(m_q->continuousEditor()->spinBox(1), QStringLiteral("-2"));
    QCOMPARE(refused.count(), 1);
    QVERIFY2(refused.at(0).at(0).toString().contains(QStringLiteral("continuous_uniform")),
             qPrintable(refused.at(0).at(0).toString()));
    QVERIFY(m_document->state() == before);
    QCOMPARE(m_q->continuousEditor()->spinBox(1)->value(), 14.5);
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void TestDistributionEditor::discreteFamilySwitchesBack()
{
    switchPToNormal();
    QSignalSpy switched(m_document.get(), &Document::domainSwitched);
    // Q (the continuous uniform) becomes a Poisson with its mean; P (the normal with the binomial's
    // moments) its nearest discrete counterpart, the binomial(15, 7/15) again.
    choose(m_q->familyBox(), m_q->familyBox()->indexOf(Family::Poisson));
    QVERIFY(!m_document->isContinuous());
    QCOMPARE(m_document->undoStack()->count(), 2);
    QCOMPARE(switched.count(), 1);
    QVERIFY(m_document->distribution(Side::Q) == Distribution(Poisson(7)));
    const Distribution &p = m_document->distribution(Side::P);
    QCOMPARE(klscope::family(p), Family::Binomial);
    QCOMPARE(parameterValues(p).at(0), 15.0);
    QVERIFY(std::fabs(parameterValues(p).at(1) - 7.0 / 15.0) < 1e-12);
    QVERIFY(!m_document->support());
    QVERIFY(std::isfinite(m_document->comparison().totals.klPQ));
    QCOMPARE(m_q->familyBox()->currentData().toInt(), int(Family::Poisson));
    // Rows built into a shown editor appear once the event loop runs (QLayout shows them queued).
    QTRY_VERIFY(m_q->slider(0)->isVisible());
    QVERIFY(!m_q->continuousEditor()->isVisible());
    QCOMPARE(m_p->slider(0)->value(), 15);
    m_document->undoStack()->undo();
    QVERIFY(m_document->isContinuous());
    QVERIFY(m_q->continuousEditor()->isVisible());
    QVERIFY(m_q->familyBox()->isContinuous());
}

void TestDistributionEditor::familyWithinTheContinuousDomain()
{
    switchPToNormal();
    QSignalSpy switched(m_document.get(), &Document::domainSwitched);
    choose(m_q->familyBox(), m_q->familyBox()->indexOf(ContinuousFamily::Normal));
    QCOMPARE(switched.count(), 0);
    const ContinuousDistribution &q = m_document->continuousPair()->q;
    QCOMPARE(klscope::family(q), ContinuousFamily::Normal);
    QVERIFY(std::fabs(klscope::variance(q) - 225.0 / 12.0) < 1e-9);
    QVERIFY(m_q->continuousEditor()->distribution() == q);
    QCOMPARE(m_q->continuousEditor()->spinBox(1)->value(), std::sqrt(225.0 / 12.0));
    QCOMPARE(m_document->undoStack()->count(), 2);
}

void TestDistributionEditor::mixtureEditsReachTheDocument()
{
    choose(m_p->familyBox(), m_p->familyBox()->indexOf(ContinuousFamily::GaussianMixture));
    const auto *one = std::get_if<GaussianMixture>(&m_document->continuousPair()->p);
    QVERIFY(one);
    QCOMPARE(one->size(), std::size_t(1));
    QCOMPARE(one->components()[0].mu, 7.0);

    QTest::mouseClick(m_p->continuousEditor()->addButton(), Qt::LeftButton);
    const auto *two = std::get_if<GaussianMixture>(&m_document->continuousPair()->p);
    QVERIFY(two);
    QCOMPARE(two->size(), std::size_t(2));
    QCOMPARE(m_document->undoStack()->count(), 2);

    NumberSpinBox *mu = m_p->continuousEditor()->componentSpinBox(1, 1);
    QVERIFY(mu);
    typeInto(mu, QStringLiteral("12"));
    const auto *edited = std::get_if<GaussianMixture>(&m_document->continuousPair()->p);
    QVERIFY(edited);
    QCOMPARE(edited->components()[1].mu, 12.0);
    QCOMPARE(m_document->undoStack()->count(), 3);

    QTest::mouseClick(m_p->continuousEditor()->removeButton(0), Qt::LeftButton);
    const auto *removed = std::get_if<GaussianMixture>(&m_document->continuousPair()->p);
    QVERIFY(removed);
    QCOMPARE(removed->size(), std::size_t(1));
    QCOMPARE(removed->components()[0].mu, 12.0);

    m_document->undoStack()->undo();
    QVERIFY(m_p->continuousEditor()->componentSpinBox(1, 1));
    QCOMPARE(m_p->continuousEditor()->componentSpinBox(1, 1)->value(), 12.0);
}

QTEST_MAIN(TestDistributionEditor)
#include "tst_distributioneditor.moc"
