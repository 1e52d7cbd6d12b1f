// The presets of resources/presets.json: every one parses with the core, the core gives its documented
// values, and the metrics panel shows them.

#include "metricspanel.h"
#include "presets.h"

#include <comparison.h>
#include <spec.h>

#include <relativecompare.h>

#include <QLabel>
#include <QTest>

#include <cmath>

namespace {

klscope::Comparison comparePreset(const Preset &preset)
{
    klscope::CompareOptions options;
    options.unit = *klscope::parseUnit(preset.unit.toStdString());
    if (!preset.support.isEmpty())
        options.support = klscope::parseSupport(preset.support.toStdString());
    return klscope::compare(klscope::parseSpec(preset.pSpec.toStdString()),
                            klscope::parseSpec(preset.qSpec.toStdString()), options);
}

// The total behind each `expect` key (the names of `klscope-cli compute --json`) and its label.
struct Key
{
    const char *json;
    const char *label;
    double klscope::DivergenceTotals::*total;
};

constexpr Key kKeys[] = {
    {"kl_pq", "klPQValue", &klscope::DivergenceTotals::klPQ},
    {"kl_qp", "klQPValue", &klscope::DivergenceTotals::klQP},
    {"js", "jsValue", &klscope::DivergenceTotals::js},
    {"js_distance", "jsDistanceValue", &klscope::DivergenceTotals::jsDistance},
    {"h_p", "entropyPValue", &klscope::DivergenceTotals::entropyP},
    {"h_q", "entropyQValue", &klscope::DivergenceTotals::entropyQ},
    {"cross_entropy_pq", "crossEntropyPQValue", &klscope::DivergenceTotals::crossEntropyPQ},
    {"cross_entropy_qp", "crossEntropyQPValue", &klscope::DivergenceTotals::crossEntropyQP},
    {"total_variation", "totalVariationValue", &klscope::DivergenceTotals::totalVariation},
    {"hellinger", "hellingerValue", &klscope::DivergenceTotals::hellinger},
};

const Key *findKey(const QString &json)
{
    for (const Key &key : kKeys)
        if (json == QLatin1String(key.json))
            return &key;
    return nullptr;
}

} // namespace

class TestPresets : public QObject
{
    Q_OBJECT

private slots:
    void loadsEveryPreset();
    void presetGivesItsDocumentedValues_data();
    void presetGivesItsDocumentedValues();
    void seedWarnsAboutMass();
};

void TestPresets::loadsEveryPreset()
{
    const QList<Preset> presets = loadPresets();
    const QStringList names = {"seed",    "seed-extended", "near-identical",       "disjoint",
                               "p-wider", "q-wider",       "poisson-vs-geometric", "one-hot-softmax"};
    QCOMPARE(presets.size(), names.size());
    for (const QString &name : names) {
        const auto preset = findPreset(presets, name);
        QVERIFY2(preset, qPrintable(name));
        QCOMPARE(preset->name, name);
        QVERIFY(!preset->title.isEmpty());
        QVERIFY(!preset->lesson.isEmpty());
        QVERIFY2(!preset->expect.isEmpty(), qPrintable(name));
    }
    QVERIFY(!findPreset(presets, QStringLiteral("no-such-preset")));
    const auto seed = findPreset(presets, QStringLiteral("seed"));
    QCOMPARE(seed->pSpec, QStringLiteral("binomial:n=15,p=7/15"));
    QCOMPARE(seed->support, QStringLiteral("0..14"));
}

void TestPresets::presetGivesItsDocumentedValues_data()
{
    QTest::addColumn<QString>("name");
    for (const Preset &preset : loadPresets())
        QTest::newRow(qPrintable(preset.name)) << preset.name;
}

void TestPresets::presetGivesItsDocumentedValues()
{
    QFETCH(QString, name);
    const Preset preset = *findPreset(loadPresets(), name);
    klscope::Comparison c;
    try {
        klscope::parseSpec(preset.pSpec.toStdString());
        klscope::parseSpec(preset.qSpec.toStdString());
        QVERIFY(klscope::parseUnit(preset.unit.toStdString()));
        c = comparePreset(preset);
    } catch (const std::invalid_argument &e) {
        QFAIL(e.what());
    }

    MetricsPanel panel;
    panel.setSummary(klscope::summarize(c));
    for (auto it = preset.expect.cbegin(); it != preset.expect.cend(); ++it) {
        const Key *key = findKey(it.key());
        QVERIFY2(key, qPrintable(QStringLiteral("unknown expect key ") + it.key()));
        KLSCOPE_COMPARE_REL(c.totals.*key->total, it.value(), 1e-12);
        // The panel shows the documented value (to its six digits).
        QCOMPARE(panel.findChild<QLabel *>(key->label)->text(), MetricsPanel::formatValue(it.value()));
    }
    // An infinite KL always comes with its explanation.
    const bool infinite = std::isinf(c.totals.klPQ) || std::isinf(c.totals.klQP);
    QCOMPARE(!panel.findChild<QLabel *>("infinityExplanation")->text().isEmpty(), infinite);
}

void TestPresets::seedWarnsAboutMass()
{
    const QList<Preset> presets = loadPresets();
    QVERIFY(!comparePreset(*findPreset(presets, QStringLiteral("seed"))).warnings.empty());
    QVERIFY(comparePreset(*findPreset(presets, QStringLiteral("seed-extended"))).warnings.empty());
    QVERIFY(std::isinf(comparePreset(*findPreset(presets, QStringLiteral("disjoint"))).totals.klPQ));
}

QTEST_MAIN(TestPresets)
#include "tst_presets.moc"
