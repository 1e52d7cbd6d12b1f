// MetricsPanel shows the core's totals in the comparison's unit, explains infinite KL values in words,
// shows warnings and offers the extend-support button.

#include "metricspanel.h"

#include <comparison.h>
#include <spec.h>

#include "comparespecs.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>

#include <QTest>

#include <cmath>
#include <optional>

namespace {

using klscope::test::compareSpecs;

// Every value label with the total it shows.
QList<std::pair<QString, double>> shownValues(const klscope::DivergenceTotals &t)
{
    return {{"klPQValue", t.klPQ},
            {"klQPValue", t.klQP},
            {"jsValue", t.js},
            {"jsDistanceValue", t.jsDistance},
            {"entropyPValue", t.entropyP},
            {"entropyQValue", t.entropyQ},
            {"crossEntropyPQValue", t.crossEntropyPQ},
            {"crossEntropyQPValue", t.crossEntropyQP},
            {"totalVariationValue", t.totalVariation},
            {"hellingerValue", t.hellinger}};
}

} // namespace

class TestMetricsPanel : public QObject
{
    Q_OBJECT

private slots:
    void formatsValues();
    void showsCoreValuesAndUpdates();
    void unitSwitchConvertsEveryValue_data();
    void unitSwitchConvertsEveryValue();
    void explainsSingleInfiniteEvent();
    void explainsManyInfiniteEvents();
    void showsWarnings();
    void jsCeilingInBits();
    void extendSupportButton();

private:
    QString text(const MetricsPanel &panel, const QString &name)
    {
        auto *label = panel.findChild<QLabel *>(name);
        return label ? label->text() : QStringLiteral("<no label %1>").arg(name);
    }
};

void TestMetricsPanel::formatsValues()
{
    QCOMPARE(MetricsPanel::formatValue(0.6311103254079738), QStringLiteral("0.631110"));
    QCOMPARE(MetricsPanel::formatValue(7.7634223538242979e-05), QStringLiteral("7.76342e-05"));
    QCOMPARE(MetricsPanel::formatValue(std::numeric_limits<double>::infinity()), QStringLiteral("∞"));
    QCOMPARE(MetricsPanel::formatValue(-std::numeric_limits<double>::infinity()), QStringLiteral("−∞"));
    QCOMPARE(MetricsPanel::formatValue(-0.0), QStringLiteral("0"));
    QCOMPARE(MetricsPanel::formatValue(std::nan("")), QStringLiteral("—"));
}

void TestMetricsPanel::showsCoreValuesAndUpdates()
{
    MetricsPanel panel;
    const auto seed = compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..14");
    panel.setComparison(seed);
    for (const auto &[name, value] : shownValues(seed.totals))
        QCOMPARE(text(panel, name), MetricsPanel::formatValue(value));
    QCOMPARE(text(panel, "klPQValue"), QStringLiteral("0.631110"));

    const auto extended = compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=15", "0..15");
    panel.setComparison(extended);
    for (const auto &[name, value] : shownValues(extended.totals))
        QCOMPARE(text(panel, name), MetricsPanel::formatValue(value));
    QCOMPARE(text(panel, "klPQValue"), QStringLiteral("0.695554"));
    QVERIFY(text(panel, "contextLabel").contains(QStringLiteral("0..15")));
}

void TestMetricsPanel::unitSwitchConvertsEveryValue_data()
{
    QTest::addColumn<klscope::Unit>("unit");
    QTest::addColumn<QString>("unitName");
    QTest::newRow("bits") << klscope::Unit::Bits << QStringLiteral("bits");
    QTest::newRow("bans") << klscope::Unit::Bans << QStringLiteral("bans");
}

void TestMetricsPanel::unitSwitchConvertsEveryValue()
{
    QFETCH(klscope::Unit, unit);
    QFETCH(QString, unitName);
    MetricsPanel panel;
    const auto nats = compareSpecs("poisson:lambda=3", "geometric:p=0.25");
    panel.setComparison(nats);
    const auto converted = compareSpecs("poisson:lambda=3", "geometric:p=0.25", nullptr, unit);
    panel.setComparison(converted);

    const double factor = klscope::fromNats(unit);
    const auto natsValues = shownValues(nats.totals);
    for (const auto &[name, natsValue] : natsValues) {
        double expected = natsValue;
        if (name == QLatin1String("jsDistanceValue"))
            expected = std::sqrt(nats.totals.js * factor);
        else if (name != QLatin1String("totalVariationValue") && name != QLatin1String("hellingerValue"))
            expected = natsValue * factor;
        bool ok = false;
        const double shown = text(panel, name).toDouble(&ok);
        QVERIFY2(ok, qPrintable(name));
        // Six significant digits on screen.
        QVERIFY2(std::fabs(shown - expected) <= 1e-5 * std::fabs(expected),
                 qPrintable(QStringLiteral("%1: shown %2, expected %3").arg(name).arg(shown).arg(expected)));
    }
    for (const auto &[name, value] : shownValues(converted.totals))
        QCOMPARE(text(panel, name), MetricsPanel::formatValue(value));

    // Every information quantity carries the new unit; the old one is gone.
    int unitLabels = 0;
    for (QLabel *label : panel.findChildren<QLabel *>()) {
        QVERIFY2(!label->text().contains(QLatin1String("nats")), qPrintable(label->text()));
        if (label->text() == unitName)
            ++unitLabels;
    }
    QCOMPARE(unitLabels, 7);
}

void TestMetricsPanel::explainsSingleInfiniteEvent()
{
    MetricsPanel panel;
    panel.setComparison(compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..14"));
    auto *explanation = panel.findChild<QLabel *>("infinityExplanation");
    QVERIFY(explanation);
    QVERIFY(!explanation->isVisibleTo(&panel));

    const auto infinite = compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..15");
    QVERIFY(std::isinf(infinite.totals.klPQ));
    panel.setComparison(infinite);
    QVERIFY(explanation->isVisibleTo(&panel));
    QCOMPARE(explanation->text(), QStringLiteral("KL(P‖Q) = ∞ because Q = 0 at x = 15 where P = 1.1e-05."));
    QCOMPARE(text(panel, "klPQValue"), QStringLiteral("∞"));
    QCOMPARE(text(panel, "crossEntropyPQValue"), QStringLiteral("∞"));
    QCOMPARE(text(panel, "klQPValue"), MetricsPanel::formatValue(infinite.totals.klQP));

    panel.setComparison(compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=15"));
    QVERIFY(!explanation->isVisibleTo(&panel));
}

void TestMetricsPanel::explainsManyInfiniteEvents()
{
    MetricsPanel panel;
    panel.setComparison(compareSpecs("custom:0.5,0.5,0,0", "custom:0,0,0.5,0.5"));
    const QString both = text(panel, "infinityExplanation");
    QVERIFY2(both.contains(QStringLiteral("KL(P‖Q) = ∞ because Q = 0 where P > 0: at x = 0 (P = 0.5), "
                                          "x = 1 (P = 0.5).")),
             qPrintable(both));
    QVERIFY2(both.contains(QStringLiteral("KL(Q‖P) = ∞ because P = 0 where Q > 0: at x = 2 (Q = 0.5), "
                                          "x = 3 (Q = 0.5).")),
             qPrintable(both));

    panel.setComparison(compareSpecs("binomial:n=20,p=0.5", "uniform:a=5,b=15"));
    const QString many = text(panel, "infinityExplanation");
    QVERIFY2(many.startsWith(QStringLiteral("KL(P‖Q) = ∞ because Q = 0 where P > 0: at x = 0 (P = 9.5e-07), "
                                            "x = 1 (P = 1.9e-05), x = 2 (P = 0.00018) and 7 more.")),
             qPrintable(many));
    QVERIFY(!many.contains(QStringLiteral("KL(Q‖P)")));
}

void TestMetricsPanel::showsWarnings()
{
    MetricsPanel panel;
    auto *warnings = panel.findChild<QLabel *>("warningsLabel");
    QVERIFY(warnings);
    const auto seed = compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..14");
    QCOMPARE(seed.warnings.size(), std::size_t(2));
    panel.setComparison(seed);
    QVERIFY(warnings->isVisibleTo(&panel));
    QVERIFY2(warnings->text().contains(QStringLiteral("of its mass outside the support 0..14")),
             qPrintable(warnings->text()));
    QVERIFY(warnings->text().contains(QStringLiteral("do not sum to 1")));

    klscope::CompareOptions smoothed;
    smoothed.smoothing = 1e-6;
    panel.setComparison(
        klscope::compare(klscope::parseSpec("custom:1,0"), klscope::parseSpec("custom:0,1"), smoothed));
    QVERIFY(warnings->text().contains(QStringLiteral("smoothing is on")));
    QVERIFY(panel.findChild<QLabel *>("infinityExplanation")->text().isEmpty());

    panel.setComparison(compareSpecs("poisson:lambda=4", "poisson:lambda=4.05"));
    QVERIFY(!warnings->isVisibleTo(&panel));
}

void TestMetricsPanel::jsCeilingInBits()
{
    MetricsPanel panel;
    panel.setComparison(
        compareSpecs("custom:0.5,0.5,0,0", "custom:0,0,0.5,0.5", nullptr, klscope::Unit::Bits));
    QCOMPARE(text(panel, "jsValue"), QStringLiteral("1"));
    QCOMPARE(text(panel, "jsCeilingLabel"), QStringLiteral("100.0 % of max 1 bit"));
    panel.setComparison(compareSpecs("custom:0.5,0.5,0,0", "custom:0,0,0.5,0.5"));
    QCOMPARE(text(panel, "jsValue"), QStringLiteral("0.693147"));
    QCOMPARE(text(panel, "jsCeilingLabel"), QStringLiteral("100.0 % of max ln 2 = 0.693147 nats"));
}

void TestMetricsPanel::extendSupportButton()
{
    MetricsPanel panel;
    auto *button = panel.findChild<QPushButton *>("extendSupportButton");
    QVERIFY(button);
    QVERIFY(!button->isVisibleTo(&panel));
    panel.setExtendSupportOffer(QStringLiteral("Extend support to 0..15"));
    QVERIFY(button->isVisibleTo(&panel));
    QCOMPARE(button->text(), QStringLiteral("Extend support to 0..15"));

    QSignalSpy spy(&panel, &MetricsPanel::extendSupportRequested);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);

    panel.setExtendSupportOffer({});
    QVERIFY(!button->isVisibleTo(&panel));
}

QTEST_MAIN(TestMetricsPanel)
#include "tst_metricspanel.moc"
