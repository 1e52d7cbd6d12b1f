// The continuous editor driven by keyboard and mouse: typed values emit the right parameter and value, a
// slider drag is dragStarted / edits / dragFinished, holding a spin box arrow is a drag, values the family
// refuses are refused by the widget without an edit, the mixture table edits, adds and removes
// components and keeps the last, and setDistribution shows every digit.

#include "continuouseditor.h"
#include "continuousparameters.h"
#include "numberspinbox.h"
#include "widgetinput.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QStyleOptionSpinBox>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

Q_DECLARE_METATYPE(klscope::ContinuousDistribution)

using klscope::test::sliderHandleCentre;
using klscope::test::typeInto;

namespace {

QPoint upArrowCentre(NumberSpinBox *spin)
{
    QStyleOptionSpinBox option;
    option.initFrom(spin);
    option.rect = spin->rect();
    option.subControls = QStyle::SC_All;
    option.buttonSymbols = spin->buttonSymbols();
    option.frame = spin->hasFrame();
    return spin->style()->subControlRect(QStyle::CC_SpinBox, &option, QStyle::SC_SpinBoxUp, spin).center();
}

klscope::GaussianMixture twoComponents()
{
    const klscope::MixtureComponent c[] = {{0.25, -1, 0.5}, {0.75, 2, 1.5}};
    return klscope::GaussianMixture(c);
}

} // namespace

class TestContinuousEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void typedValueEmitsEdit_data();
    void typedValueEmitsEdit();
    void invalidValueIsRefused_data();
    void invalidValueIsRefused();
    void sliderDragIsOneDrag();
    void heldSpinArrowIsOneDrag();
    void setDistributionShowsEveryDigit_data();
    void setDistributionShowsEveryDigit();
    void mixtureComponentEdits();
    void mixtureAddAndRemoveKeepTheLast();
    void mixtureRefusesInvalidComponents_data();
    void mixtureRefusesInvalidComponents();

private:
    std::unique_ptr<ContinuousEditor> m_editor;
    // Every signal, in order, as "started", "edit 1 2.5", "finished", "refused", "mixture".
    QStringList m_events;
    // Every mixtureEdited, in order (GaussianMixture has no default constructor for QVariant::value).
    std::vector<klscope::GaussianMixture> m_mixtures;
};

void TestContinuousEditor::init()
{
    m_editor = std::make_unique<ContinuousEditor>();
    m_editor->resize(400, 300);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    m_events.clear();
    m_mixtures.clear();
    connect(m_editor.get(), &ContinuousEditor::dragStarted, this,
            [this] { m_events.append(QStringLiteral("started")); });
    connect(m_editor.get(), &ContinuousEditor::dragFinished, this,
            [this] { m_events.append(QStringLiteral("finished")); });
    connect(m_editor.get(), &ContinuousEditor::parameterEdited, this, [this](int index, double value) {
        m_events.append(QStringLiteral("edit %1 %2").arg(index).arg(value));
    });
    connect(m_editor.get(), &ContinuousEditor::editRefused, this,
            [this](const QString &) { m_events.append(QStringLiteral("refused")); });
    connect(m_editor.get(), &ContinuousEditor::mixtureEdited, this,
            [this](const klscope::GaussianMixture &m) {
                m_events.append(QStringLiteral("mixture"));
                m_mixtures.push_back(m);
            });
}

void TestContinuousEditor::cleanup()
{
    m_editor.reset();
}

void TestContinuousEditor::typedValueEmitsEdit_data()
{
    QTest::addColumn<klscope::ContinuousDistribution>("d");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("expected");
    QTest::newRow("normal sigma") << klscope::ContinuousDistribution(klscope::Normal(0, 1)) << 1 << "2.5"
                                  << 2.5;
    QTest::newRow("normal mu negative")
        << klscope::ContinuousDistribution(klscope::Normal(0, 1)) << 0 << "-3.25" << -3.25;
    QTest::newRow("student t nu as a fraction")
        << klscope::ContinuousDistribution(klscope::StudentT(5, 0, 1)) << 0 << "7/3" << 7.0 / 3.0;
    QTest::newRow("student t sigma") << klscope::ContinuousDistribution(klscope::StudentT(5, 0, 1)) << 2
                                     << "0.30000000000000004" << 0.30000000000000004;
    QTest::newRow("uniform b") << klscope::ContinuousDistribution(klscope::ContinuousUniform(0, 1)) << 1
                               << "4" << 4.0;
    QTest::newRow("gamma rate beyond the slider")
        << klscope::ContinuousDistribution(klscope::Gamma(2, 1)) << 1 << "1e6" << 1e6;
}

void TestContinuousEditor::typedValueEmitsEdit()
{
    QFETCH(klscope::ContinuousDistribution, d);
    QFETCH(int, index);
    QFETCH(QString, text);
    QFETCH(double, expected);
    m_editor->setDistribution(d);
    QVERIFY(m_events.isEmpty());
    QSignalSpy spy(m_editor.get(), &ContinuousEditor::parameterEdited);
    typeInto(m_editor->spinBox(index), text);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), index);
    QCOMPARE(spy.at(0).at(1).toDouble(), expected);
    QCOMPARE(klscope::parameterValues(m_editor->distribution()).at(std::size_t(index)), expected);
    QCOMPARE(m_editor->spinBox(index)->value(), expected);
    QVERIFY(!m_events.contains(QStringLiteral("refused")));
}

void TestContinuousEditor::invalidValueIsRefused_data()
{
    QTest::addColumn<klscope::ContinuousDistribution>("d");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("sentence"); // refused by the core (a sentence) rather than by the range
    QTest::newRow("normal sigma 0") << klscope::ContinuousDistribution(klscope::Normal(0, 1)) << 1 << "0"
                                    << false;
    QTest::newRow("normal sigma -1") << klscope::ContinuousDistribution(klscope::Normal(0, 1)) << 1 << "-1"
                                     << false;
    QTest::newRow("gamma shape 0") << klscope::ContinuousDistribution(klscope::Gamma(2, 1)) << 0 << "0"
                                   << false;
    QTest::newRow("uniform b below a")
        << klscope::ContinuousDistribution(klscope::ContinuousUniform(0, 1)) << 1 << "-2" << true;
    QTest::newRow("uniform a at b") << klscope::ContinuousDistribution(klscope::ContinuousUniform(0, 1)) << 0
                                    << "1" << true;
}

void TestContinuousEditor::invalidValueIsRefused()
{
    QFETCH(klscope::ContinuousDistribution, d);
    QFETCH(int, index);
    QFETCH(QString, text);
    QFETCH(bool, sentence);
    m_editor->setDistribution(d);
    const double before = klscope::parameterValues(d).at(std::size_t(index));
    QSignalSpy edits(m_editor.get(), &ContinuousEditor::parameterEdited);
    QSignalSpy refusals(m_editor.get(), &ContinuousEditor::editRefused);
    typeInto(m_editor->spinBox(index), text);
    QCOMPARE(edits.count(), 0);
    QCOMPARE(refusals.count(), sentence ? 1 : 0);
    if (sentence)
        QVERIFY2(refusals.at(0).at(0).toString().contains(QStringLiteral("continuous_uniform")),
                 qPrintable(refusals.at(0).at(0).toString()));
    QVERIFY(m_editor->distribution() == d);
    QCOMPARE(m_editor->spinBox(index)->value(), before);
    QCOMPARE(m_editor->spinBox(index)->text(), NumberSpinBox::format(before, false));
}

void TestContinuousEditor::sliderDragIsOneDrag()
{
    m_editor->setDistribution(klscope::Normal(0, 1));
    QSlider *slider = m_editor->slider(0);
    QVERIFY(slider);
    QPoint at = sliderHandleCentre(slider);
    QTest::mousePress(slider, Qt::LeftButton, {}, at);
    QVERIFY(slider->isSliderDown());
    for (int step = 0; step < 3; ++step) {
        at += QPoint(slider->width() / 10, 0);
        QTest::mouseMove(slider, at);
    }
    QTest::mouseRelease(slider, Qt::LeftButton, {}, at);
    QCOMPARE(m_events.size(), 5);
    QCOMPARE(m_events.first(), QStringLiteral("started"));
    QCOMPARE(m_events.last(), QStringLiteral("finished"));
    for (int i = 1; i < 4; ++i)
        QVERIFY2(m_events.at(i).startsWith(QStringLiteral("edit 0 ")), qPrintable(m_events.join(u',')));
    const double mu = klscope::parameterValues(m_editor->distribution()).at(0);
    QVERIFY(mu > 0);
    QCOMPARE(m_events.at(3), QStringLiteral("edit 0 %1").arg(mu));
    QCOMPARE(m_editor->spinBox(0)->value(), mu);
    // sigma is untouched.
    QCOMPARE(klscope::parameterValues(m_editor->distribution()).at(1), 1.0);
}

void TestContinuousEditor::heldSpinArrowIsOneDrag()
{
    m_editor->setDistribution(klscope::Laplace(0, 1));
    NumberSpinBox *spin = m_editor->spinBox(1);
    const QPoint up = upArrowCentre(spin);
    QTest::mousePress(spin, Qt::LeftButton, {}, up);
    QTest::mouseRelease(spin, Qt::LeftButton, {}, up);
    QCOMPARE(m_events.size(), 3);
    QCOMPARE(m_events.at(0), QStringLiteral("started"));
    QVERIFY2(m_events.at(1).startsWith(QStringLiteral("edit 1 ")), qPrintable(m_events.join(u',')));
    QCOMPARE(m_events.at(2), QStringLiteral("finished"));
    QVERIFY(klscope::parameterValues(m_editor->distribution()).at(1) > 1.0);
    // A press on the text is no drag.
    m_events.clear();
    QTest::mouseClick(spin, Qt::LeftButton, {}, QPoint(4, spin->height() / 2));
    QVERIFY2(m_events.isEmpty(), qPrintable(m_events.join(u',')));
}

void TestContinuousEditor::setDistributionShowsEveryDigit_data()
{
    QTest::addColumn<klscope::ContinuousDistribution>("d");
    QTest::newRow("normal") << klscope::ContinuousDistribution(klscope::Normal(0.1 + 0.2, 1.0 / 3.0));
    QTest::newRow("lognormal") << klscope::ContinuousDistribution(klscope::LogNormal(-1e-300, 1e300));
    QTest::newRow("exponential") << klscope::ContinuousDistribution(klscope::Exponential(7.0 / 15.0));
    QTest::newRow("gamma") << klscope::ContinuousDistribution(klscope::Gamma(123456789.12345678, 2.0 / 3.0));
    QTest::newRow("beta") << klscope::ContinuousDistribution(klscope::Beta(0.1, 1e12));
    QTest::newRow("laplace") << klscope::ContinuousDistribution(klscope::Laplace(-12345.678901234567, 0.7));
    QTest::newRow("student t") << klscope::ContinuousDistribution(
        klscope::StudentT(1.0 / 7.0, 1e-17, 1e5 / 3));
    QTest::newRow("cauchy") << klscope::ContinuousDistribution(
        klscope::Cauchy(std::nextafter(1.0, 2.0), 5e-324));
    QTest::newRow("uniform") << klscope::ContinuousDistribution(klscope::ContinuousUniform(-1e300, 1e300));
    const klscope::MixtureComponent c[] = {{1.0 / 3.0, 0.1 + 0.2, 1.0 / 7.0}, {2.0 / 3.0, -1e-300, 1e300}};
    QTest::newRow("mixture") << klscope::ContinuousDistribution(klscope::GaussianMixture(c));
}

// The spin boxes hold the values exactly, their text reads back to them, and nothing is emitted.
void TestContinuousEditor::setDistributionShowsEveryDigit()
{
    QFETCH(klscope::ContinuousDistribution, d);
    m_editor->setDistribution(d);
    QVERIFY(m_editor->distribution() == d);
    QVERIFY(m_events.isEmpty());
    std::vector<double> values = klscope::parameterValues(d);
    std::vector<NumberSpinBox *> spins;
    if (const auto *mixture = std::get_if<klscope::GaussianMixture>(&d)) {
        values.clear();
        for (std::size_t k = 0; k < mixture->size(); ++k) {
            const klscope::MixtureComponent &c = mixture->components()[k];
            values.insert(values.end(), {c.weight, c.mu, c.sigma});
            for (int column = 0; column < 3; ++column)
                spins.push_back(m_editor->componentSpinBox(int(k), column));
        }
        QVERIFY(!m_editor->spinBox(0));
    } else {
        for (std::size_t i = 0; i < values.size(); ++i)
            spins.push_back(m_editor->spinBox(int(i)));
        QVERIFY(!m_editor->componentSpinBox(0, 0));
    }
    QCOMPARE(spins.size(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        QVERIFY(spins[i] && spins[i]->isVisibleTo(m_editor.get()));
        QCOMPARE(spins[i]->value(), values[i]);
        const auto parsed = NumberSpinBox::parse(spins[i]->text());
        QVERIFY2(parsed && *parsed == values[i], qPrintable(spins[i]->text()));
    }
}

void TestContinuousEditor::mixtureComponentEdits()
{
    m_editor->setDistribution(twoComponents());
    typeInto(m_editor->componentSpinBox(0, 0), QStringLiteral("0.8"));
    QCOMPARE(int(m_mixtures.size()), 1);
    auto mixture = m_mixtures.at(0);
    QCOMPARE(mixture.components()[0].weight, 0.8);
    QCOMPARE(mixture.components()[1].weight, 0.2 * (0.75 / 0.75));
    QCOMPARE(m_editor->componentSpinBox(1, 0)->value(), mixture.components()[1].weight);
    typeInto(m_editor->componentSpinBox(1, 1), QStringLiteral("-7.5"));
    typeInto(m_editor->componentSpinBox(1, 2), QStringLiteral("0.25"));
    QCOMPARE(int(m_mixtures.size()), 3);
    mixture = m_mixtures.at(2);
    QCOMPARE(mixture.components()[1],
             (klscope::MixtureComponent{mixture.components()[1].weight, -7.5, 0.25}));
    QVERIFY(klscope::GaussianMixture(mixture) ==
            std::get<klscope::GaussianMixture>(m_editor->distribution()));
    QVERIFY(!m_events.contains(QStringLiteral("refused")));
}

void TestContinuousEditor::mixtureAddAndRemoveKeepTheLast()
{
    m_editor->setDistribution(twoComponents());
    QTest::mouseClick(m_editor->addButton(), Qt::LeftButton);
    QCOMPARE(int(m_mixtures.size()), 1);
    QCOMPARE(m_mixtures.at(0).size(), std::size_t(3));
    QVERIFY(m_editor->componentSpinBox(2, 1) &&
            m_editor->componentSpinBox(2, 1)->isVisibleTo(m_editor.get()));
    QCOMPARE(m_editor->componentSpinBox(2, 0)->value(), 1.0 / 3.0);

    // Remove the middle one: the first and the new one stay, rescaled to sum to 1.
    QTest::mouseClick(m_editor->removeButton(1), Qt::LeftButton);
    QCOMPARE(int(m_mixtures.size()), 2);
    const auto two = m_mixtures.at(1);
    QCOMPARE(two.size(), std::size_t(2));
    QCOMPARE(two.components()[0].mu, -1.0);
    QVERIFY(two.components()[1].mu > 2.0);
    QVERIFY(std::fabs(two.components()[0].weight + two.components()[1].weight - 1.0) < 1e-15);
    QVERIFY(!m_editor->componentSpinBox(2, 0));

    QTest::mouseClick(m_editor->removeButton(0), Qt::LeftButton);
    QCOMPARE(int(m_mixtures.size()), 3);
    QCOMPARE(m_mixtures.at(2).size(), std::size_t(1));
    // The last component cannot be removed.
    QVERIFY(m_editor->removeButton(0));
    QVERIFY(!m_editor->removeButton(0)->isEnabled());
    QTest::mouseClick(m_editor->removeButton(0), Qt::LeftButton);
    QCOMPARE(int(m_mixtures.size()), 3);
    QCOMPARE(std::get<klscope::GaussianMixture>(m_editor->distribution()).size(), std::size_t(1));

    // Sixteen at most: Add is disabled then.
    while (std::get<klscope::GaussianMixture>(m_editor->distribution()).size() < 16)
        QTest::mouseClick(m_editor->addButton(), Qt::LeftButton);
    QCOMPARE(int(m_mixtures.size()), 3 + 15);
    QVERIFY(!m_editor->addButton()->isEnabled());
}

void TestContinuousEditor::mixtureRefusesInvalidComponents_data()
{
    QTest::addColumn<int>("component");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("sentence");
    QTest::newRow("sigma 0") << 0 << 2 << "0" << false;
    QTest::newRow("weight 0") << 1 << 0 << "0" << false;
    QTest::newRow("weight 1") << 1 << 0 << "1" << true;
    QTest::newRow("weight above 1") << 0 << 0 << "1.5" << false;
}

void TestContinuousEditor::mixtureRefusesInvalidComponents()
{
    QFETCH(int, component);
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(bool, sentence);
    const klscope::GaussianMixture before = twoComponents();
    m_editor->setDistribution(before);
    QSignalSpy refusals(m_editor.get(), &ContinuousEditor::editRefused);
    NumberSpinBox *spin = m_editor->componentSpinBox(component, column);
    const double shown = spin->value();
    typeInto(spin, text);
    QVERIFY(m_mixtures.empty());
    QCOMPARE(refusals.count(), sentence ? 1 : 0);
    if (sentence)
        QVERIFY2(refusals.at(0).at(0).toString().contains(QStringLiteral("w%1").arg(component + 1)),
                 qPrintable(refusals.at(0).at(0).toString()));
    QCOMPARE(spin->value(), shown);
    QVERIFY(std::get<klscope::GaussianMixture>(m_editor->distribution()) == before);
}

QTEST_MAIN(TestContinuousEditor)
#include "tst_continuouseditor.moc"
