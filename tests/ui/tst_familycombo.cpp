// The family chooser of both domains: the discrete families in menu order with the editor's titles, a
// separator, the continuous families; a pick by keyboard emits the signal of its domain with its family;
// setCurrent shows a family and emits nothing.

#include "continuousparameters.h"
#include "familycombo.h"

#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(klscope::Family)
Q_DECLARE_METATYPE(klscope::ContinuousFamily)

class TestFamilyCombo : public QObject
{
    Q_OBJECT

private slots:
    void listsBothDomains();
    void pickingEmitsTheDomainsSignal();
    void setCurrentEmitsNothing();
};

void TestFamilyCombo::listsBothDomains()
{
    FamilyCombo combo;
    const auto discrete = klscope::allFamilies();
    const auto continuous = klscope::allContinuousFamilies();
    QCOMPARE(combo.count(), int(discrete.size() + 1 + continuous.size()));
    for (std::size_t i = 0; i < discrete.size(); ++i) {
        QCOMPARE(combo.itemText(int(i)), QString::fromUtf8(klscope::familyTitle(discrete[i]).data()));
        QCOMPARE(combo.indexOf(discrete[i]), int(i));
    }
    // The separator has no family.
    QVERIFY(!combo.itemData(int(discrete.size()), FamilyCombo::DomainRole).isValid());
    for (std::size_t i = 0; i < continuous.size(); ++i) {
        const int index = int(discrete.size() + 1 + i);
        QCOMPARE(combo.itemText(index), QString::fromUtf8(klscope::familyTitle(continuous[i]).data()));
        QCOMPARE(combo.indexOf(continuous[i]), index);
    }
    QCOMPARE(combo.itemText(combo.indexOf(klscope::ContinuousFamily::StudentT)), QStringLiteral("Student t"));
    QCOMPARE(combo.itemText(combo.indexOf(klscope::Family::NegativeBinomial)),
             QStringLiteral("Negative binomial"));
}

void TestFamilyCombo::pickingEmitsTheDomainsSignal()
{
    FamilyCombo combo;
    combo.show();
    QVERIFY(QTest::qWaitForWindowExposed(&combo));
    QSignalSpy discrete(&combo, &FamilyCombo::discreteFamilyChosen);
    QSignalSpy continuous(&combo, &FamilyCombo::continuousFamilyChosen);
    combo.setCurrent(klscope::Family::Custom);
    // Down from the last discrete family skips the separator to the first continuous one.
    QTest::keyClick(&combo, Qt::Key_Down);
    QCOMPARE(discrete.count(), 0);
    QCOMPARE(continuous.count(), 1);
    QCOMPARE(continuous.at(0).at(0).value<klscope::ContinuousFamily>(), klscope::ContinuousFamily::Normal);
    QVERIFY(combo.isContinuous());
    QTest::keyClick(&combo, Qt::Key_Up);
    QCOMPARE(discrete.count(), 1);
    QCOMPARE(discrete.at(0).at(0).value<klscope::Family>(), klscope::Family::Custom);
    QVERIFY(!combo.isContinuous());
    emit combo.activated(combo.indexOf(klscope::ContinuousFamily::GaussianMixture));
    QCOMPARE(continuous.count(), 2);
    QCOMPARE(continuous.at(1).at(0).value<klscope::ContinuousFamily>(),
             klscope::ContinuousFamily::GaussianMixture);
}

void TestFamilyCombo::setCurrentEmitsNothing()
{
    FamilyCombo combo;
    QSignalSpy discrete(&combo, &FamilyCombo::discreteFamilyChosen);
    QSignalSpy continuous(&combo, &FamilyCombo::continuousFamilyChosen);
    QSignalSpy index(&combo, &QComboBox::currentIndexChanged);
    combo.setCurrent(klscope::ContinuousFamily::Cauchy);
    QCOMPARE(combo.currentText(), QStringLiteral("Cauchy"));
    QVERIFY(combo.isContinuous());
    combo.setCurrent(klscope::Family::Poisson);
    QCOMPARE(combo.currentText(), QStringLiteral("Poisson"));
    QVERIFY(!combo.isContinuous());
    QCOMPARE(discrete.count() + continuous.count() + index.count(), 0);
}

QTEST_MAIN(TestFamilyCombo)
#include "tst_familycombo.moc"
