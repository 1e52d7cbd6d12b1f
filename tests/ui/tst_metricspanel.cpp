// MetricsPanel shows the core's totals in the comparison's unit, explains infinite KL values in words,
// shows warnings and offers the extend-support button.

#include "metricspanel.h"

#include <comparison.h>
#include <continuousspec.h>
#include <continuoussummary.h>
#include <spec.h>

#include "comparespecs.h"
#include "identitybar.h"

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
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
    void continuousShowsMethodAndError_data();
    void continuousShowsMethodAndError();
    void continuousExplainsInfinity_data();
    void continuousExplainsInfinity();
    void negativeEntropyDrawsLeftOfZero();

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
    panel.setSummary(klscope::summarize(seed));
    for (const auto &[name, value] : shownValues(seed.totals))
        QCOMPARE(text(panel, name), MetricsPanel::formatValue(value));
    QCOMPARE(text(panel, "klPQValue"), QStringLiteral("0.631110"));

    const auto extended = compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=15", "0..15");
    panel.setSummary(klscope::summarize(extended));
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
    panel.setSummary(klscope::summarize(nats));
    const auto converted = compareSpecs("poisson:lambda=3", "geometric:p=0.25", nullptr, unit);
    panel.setSummary(klscope::summarize(converted));

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
    panel.setSummary(klscope::summarize(compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..14")));
    auto *explanation = panel.findChild<QLabel *>("infinityExplanation");
    QVERIFY(explanation);
    QVERIFY(!explanation->isVisibleTo(&panel));

    const auto infinite = compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..15");
    QVERIFY(std::isinf(infinite.totals.klPQ));
    panel.setSummary(klscope::summarize(infinite));
    QVERIFY(explanation->isVisibleTo(&panel));
    QCOMPARE(explanation->text(), QStringLiteral("KL(P‖Q) = ∞ because Q = 0 at x = 15 where P = 1.1e-05."));
    QCOMPARE(text(panel, "klPQValue"), QStringLiteral("∞"));
    QCOMPARE(text(panel, "crossEntropyPQValue"), QStringLiteral("∞"));
    QCOMPARE(text(panel, "klQPValue"), MetricsPanel::formatValue(infinite.totals.klQP));

    panel.setSummary(klscope::summarize(compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=15")));
    QVERIFY(!explanation->isVisibleTo(&panel));
}

void TestMetricsPanel::explainsManyInfiniteEvents()
{
    MetricsPanel panel;
    panel.setSummary(klscope::summarize(compareSpecs("custom:0.5,0.5,0,0", "custom:0,0,0.5,0.5")));
    const QString both = text(panel, "infinityExplanation");
    QVERIFY2(both.contains(QStringLiteral("KL(P‖Q) = ∞ because Q = 0 where P > 0: at x = 0 (P = 0.5), "
                                          "x = 1 (P = 0.5).")),
             qPrintable(both));
    QVERIFY2(both.contains(QStringLiteral("KL(Q‖P) = ∞ because P = 0 where Q > 0: at x = 2 (Q = 0.5), "
                                          "x = 3 (Q = 0.5).")),
             qPrintable(both));

    // Imported data names its events.
    const std::string labels[] = {"apple", "pear"};
    panel.setSummary(klscope::summarize(compareSpecs("custom:0.25,0.75", "custom:0,1"), labels));
    QCOMPARE(text(panel, "infinityExplanation"),
             QStringLiteral("KL(P‖Q) = ∞ because Q = 0 at 'apple' (x = 0) where P = 0.25."));

    panel.setSummary(klscope::summarize(compareSpecs("binomial:n=20,p=0.5", "uniform:a=5,b=15")));
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
    panel.setSummary(klscope::summarize(seed));
    QVERIFY(warnings->isVisibleTo(&panel));
    QVERIFY2(warnings->text().contains(QStringLiteral("of its mass outside the support 0..14")),
             qPrintable(warnings->text()));
    QVERIFY(warnings->text().contains(QStringLiteral("do not sum to 1")));

    klscope::CompareOptions smoothed;
    smoothed.smoothing = 1e-6;
    panel.setSummary(klscope::summarize(
        klscope::compare(klscope::parseSpec("custom:1,0"), klscope::parseSpec("custom:0,1"), smoothed)));
    QVERIFY(warnings->text().contains(QStringLiteral("smoothing is on")));
    QVERIFY(panel.findChild<QLabel *>("infinityExplanation")->text().isEmpty());

    panel.setSummary(klscope::summarize(compareSpecs("poisson:lambda=4", "poisson:lambda=4.05")));
    QVERIFY(!warnings->isVisibleTo(&panel));
}

void TestMetricsPanel::jsCeilingInBits()
{
    MetricsPanel panel;
    panel.setSummary(klscope::summarize(
        compareSpecs("custom:0.5,0.5,0,0", "custom:0,0,0.5,0.5", nullptr, klscope::Unit::Bits)));
    QCOMPARE(text(panel, "jsValue"), QStringLiteral("1"));
    QCOMPARE(text(panel, "jsCeilingLabel"), QStringLiteral("100.0 % of max 1 bit"));
    panel.setSummary(klscope::summarize(compareSpecs("custom:0.5,0.5,0,0", "custom:0,0,0.5,0.5")));
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

namespace {

klscope::ContinuousComparison compareDensities(const char *p, const char *q)
{
    klscope::ContinuousCompareOptions options;
    options.samples = 0;
    options.gridPoints = 0;
    return klscope::compareContinuous(klscope::parseContinuousSpec(p), klscope::parseContinuousSpec(q),
                                      options);
}

} // namespace

void TestMetricsPanel::continuousShowsMethodAndError_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::newRow("normal vs t5: quadrature") << "normal:mu=0,sigma=1"
                                              << "student_t:nu=5";
    QTest::newRow("VAE term: closed form") << "normal:mu=1,sigma=1/2"
                                           << "normal:mu=0,sigma=1";
    QTest::newRow("gamma vs lognormal") << "gamma:shape=2,rate=1"
                                        << "lognormal:mu=0,sigma=1";
}

// Each row of a density pair reads "value unit · method ± error", the numbers straight from the core.
void TestMetricsPanel::continuousShowsMethodAndError()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    MetricsPanel panel;
    const klscope::ContinuousComparison c = compareDensities(qPrintable(p), qPrintable(q));
    panel.setSummary(klscope::summarize(c));
    const struct
    {
        const char *name;
        const klscope::MetricValue &m;
    } rows[] = {{"klPQ", c.klPQ},         {"klQP", c.klQP},         {"js", c.js},
                {"entropyP", c.entropyP}, {"entropyQ", c.entropyQ}, {"hellinger", c.hellinger}};
    for (const auto &row : rows) {
        const QString name = QString::fromLatin1(row.name);
        QCOMPARE(text(panel, name + "Value"), MetricsPanel::formatValue(row.m.value));
        auto *method = panel.findChild<QLabel *>(name + "Method");
        QVERIFY2(method, qPrintable(name));
        QVERIFY(method->isVisibleTo(&panel));
        const QString route = row.m.method == klscope::ContinuousMethod::Quadrature   ? "quadrature"
                              : row.m.method == klscope::ContinuousMethod::MonteCarlo ? "Monte Carlo"
                                                                                      : "closed form";
        QString expected = QStringLiteral("· ") + route;
        if (row.m.error > 0)
            expected += QStringLiteral(" ± ") + QString::number(row.m.error, 'g', 1);
        QCOMPARE(method->text(), expected);
    }
    // The form for a KL found by quadrature: "0.0333767 nats · quadrature ± 2e-15".
    if (c.klPQ.method == klscope::ContinuousMethod::Quadrature) {
        const QString line = text(panel, "klPQValue") + " nats " + text(panel, "klPQMethod");
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9.e-]+ nats · quadrature ± [0-9.e+-]+$"))
                     .match(line)
                     .hasMatch(),
                 qPrintable(line));
    }

    // Back to a discrete pair: no method noise beside sums.
    panel.setSummary(klscope::summarize(compareSpecs("poisson:lambda=3", "geometric:p=0.25")));
    for (const auto &row : rows) {
        auto *method = panel.findChild<QLabel *>(QString::fromLatin1(row.name) + "Method");
        QVERIFY(!method->isVisibleTo(&panel));
        QVERIFY(method->text().isEmpty());
    }
}

void TestMetricsPanel::continuousExplainsInfinity_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("support") << "normal:mu=0,sigma=1"
                             << "exponential:rate=1"
                             << "KL(P‖Q) = ∞ (support rule). Q = 0 for x < 0, where P holds 0.5 of its mass.";
    QTest::newRow("tails") << "cauchy:x0=0,gamma=1"
                           << "normal:mu=0,sigma=1"
                           << "KL(P‖Q) = ∞ (tail rule). P's tails are heavier: a Cauchy has no variance, so "
                              "E_P[−log q] diverges against a normal Q.";
}

void TestMetricsPanel::continuousExplainsInfinity()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, sentence);
    MetricsPanel panel;
    panel.setSummary(klscope::summarize(compareDensities(qPrintable(p), qPrintable(q))));
    auto *explanation = panel.findChild<QLabel *>("infinityExplanation");
    QVERIFY(explanation->isVisibleTo(&panel));
    QCOMPARE(explanation->text(), sentence);
    // Said once: the sentence is not repeated among the warnings.
    QVERIFY(!panel.findChild<QLabel *>("warningsLabel")->text().contains(sentence));
    QCOMPARE(text(panel, "klPQValue"), QStringLiteral("∞"));
    QVERIFY(text(panel, "contextLabel").startsWith(QStringLiteral("In nats, integrated over P's support")));
}

// Two narrow normals have negative differential entropies: the panel shows them with their sign and the
// identity bars put the entropy segment left of the zero line.
void TestMetricsPanel::negativeEntropyDrawsLeftOfZero()
{
    MetricsPanel panel;
    panel.resize(400, 900);
    const auto c = compareDensities("normal:mu=0,sigma=0.1", "normal:mu=0.05,sigma=0.2");
    QVERIFY(c.entropyP.value < 0 && c.entropyQ.value < 0);
    panel.setSummary(klscope::summarize(c));
    QVERIFY(text(panel, "entropyPValue").startsWith(QChar(0x2212)));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *bar = panel.findChild<IdentityBar *>("identityBarPQ");
    QVERIFY(bar);
    const IdentityBar::Segments s = bar->segments();
    // H(P) < 0: its segment ends at the zero line; KL > 0 starts where H(P) is and runs right.
    QVERIFY2(s.entropy.width() > 10, qPrintable(QString::number(s.entropy.width())));
    QCOMPARE(s.entropy.right(), s.zeroX);
    QCOMPARE(s.divergence.left(), s.entropy.left());
    QVERIFY(s.divergence.top() >= s.entropy.bottom()); // in its own lane
    QVERIFY(s.divergence.width() > 0);
    // Cross entropy H(P,Q) = H(P) + KL: the divergence segment ends where it lies relative to zero.
    QCOMPARE(s.divergence.right() > s.zeroX, c.crossEntropyPQ.value > 0);
}

QTEST_MAIN(TestMetricsPanel)
#include "tst_metricspanel.moc"
