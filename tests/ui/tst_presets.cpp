// The presets of resources/presets.json: every one parses with the core, the core gives its documented
// values, and the metrics panel shows them. The continuous presets load into a Document and give what
// their lessons say: the VAE term's closed form, the tail and support infinities, finite quadratures.

#include "document.h"
#include "mainwindow.h"
#include "metricspanel.h"
#include "presets.h"

#include <comparison.h>
#include <continuousspec.h>
#include <continuoussummary.h>
#include <spec.h>
#include <summary.h>

#include <relativecompare.h>

#include <QLabel>
#include <QTest>

#include <QSet>
#include <QUndoStack>

#include <cmath>
#include <numbers>

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

// The metric behind each `expect` key (the names of `klscope-cli compute --json`) and its label.
struct Key
{
    const char *json;
    const char *label;
    klscope::Metric klscope::Summary::*metric;
};

constexpr Key kKeys[] = {
    {"kl_pq", "klPQValue", &klscope::Summary::klPQ},
    {"kl_qp", "klQPValue", &klscope::Summary::klQP},
    {"js", "jsValue", &klscope::Summary::js},
    {"js_distance", "jsDistanceValue", &klscope::Summary::jsDistance},
    {"h_p", "entropyPValue", &klscope::Summary::entropyP},
    {"h_q", "entropyQValue", &klscope::Summary::entropyQ},
    {"cross_entropy_pq", "crossEntropyPQValue", &klscope::Summary::crossEntropyPQ},
    {"cross_entropy_qp", "crossEntropyQPValue", &klscope::Summary::crossEntropyQP},
    {"total_variation", "totalVariationValue", &klscope::Summary::totalVariation},
    {"hellinger", "hellingerValue", &klscope::Summary::hellinger},
};

const Key *findKey(const QString &json)
{
    for (const Key &key : kKeys)
        if (json == QLatin1String(key.json))
            return &key;
    return nullptr;
}

// The summary of a preset as the window computes it: through a Document for a continuous pair (its
// grid and options), through the core for a discrete one.
klscope::Summary summarizePreset(const Preset &preset)
{
    if (!preset.isContinuous())
        return klscope::summarize(comparePreset(preset));
    Document document;
    if (!document.resetState(preset.state()))
        return {};
    return klscope::summarize(document.continuousComparison());
}

const QStringList kDiscreteNames = {"seed",    "seed-extended", "near-identical",       "disjoint",
                                    "p-wider", "q-wider",       "poisson-vs-geometric", "one-hot-softmax"};
const QStringList kContinuousNames = {"normal-vs-t5", "cauchy-vs-normal", "support-mismatch",
                                      "vae-term",     "gmm-vs-normal",    "gamma-vs-lognormal"};

} // namespace

class TestPresets : public QObject
{
    Q_OBJECT

private slots:
    void loadsEveryPreset();
    void presetGivesItsDocumentedValues_data();
    void presetGivesItsDocumentedValues();
    void seedWarnsAboutMass();
    void continuousPresetLoadsIntoDocument_data();
    void continuousPresetLoadsIntoDocument();
    void vaeTermIsItsClosedForm();
    void infinitiesAreWhereTheLessonsSay();
    void finitePresetsByQuadrature();
    void brokenPresetIsRefused_data();
    void brokenPresetIsRefused();
    void windowLoadsContinuousPreset();
    void differencesFromThePreset_data();
    void differencesFromThePreset();
};

void TestPresets::loadsEveryPreset()
{
    const QList<Preset> presets = loadPresets();
    const QStringList names = kDiscreteNames + kContinuousNames;
    QCOMPARE(presets.size(), names.size());
    QSet<QString> seen;
    for (const Preset &preset : presets) {
        QVERIFY2(!seen.contains(preset.name), qPrintable(preset.name + " is not unique"));
        seen.insert(preset.name);
    }
    for (const QString &name : names) {
        const auto preset = findPreset(presets, name);
        QVERIFY2(preset, qPrintable(name));
        QCOMPARE(preset->name, name);
        QCOMPARE(preset->isContinuous(), kContinuousNames.contains(name));
        QVERIFY(!preset->title.isEmpty());
        QVERIFY(!preset->lesson.isEmpty());
        // One line: the lesson label shows it as one sentence or two, never a paragraph.
        QVERIFY2(!preset->lesson.contains(QLatin1Char('\n')), qPrintable(name));
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
    klscope::Summary s;
    try {
        const DocumentState state = preset.state();
        QCOMPARE(state.isContinuous(), preset.isContinuous());
        QCOMPARE(state.preset, name);
        s = summarizePreset(preset);
    } catch (const std::invalid_argument &e) {
        QFAIL(e.what());
    }
    QCOMPARE(s.domain, preset.isContinuous() ? klscope::Domain::Continuous : klscope::Domain::Discrete);

    MetricsPanel panel;
    panel.setSummary(s);
    for (auto it = preset.expect.cbegin(); it != preset.expect.cend(); ++it) {
        const Key *key = findKey(it.key());
        QVERIFY2(key, qPrintable(QStringLiteral("unknown expect key ") + it.key()));
        const klscope::Metric &metric = s.*key->metric;
        // Sums and closed forms are exact to rounding; a quadrature to its tolerance.
        KLSCOPE_COMPARE_REL(metric.value, it.value(), metric.method == "quadrature" ? 1e-9 : 1e-12);
        // The panel shows the documented value (to its six digits).
        QCOMPARE(panel.findChild<QLabel *>(key->label)->text(), MetricsPanel::formatValue(it.value()));
    }
    // An infinite KL always comes with its explanation.
    const bool infinite = std::isinf(s.klPQ.value) || std::isinf(s.klQP.value);
    QCOMPARE(!panel.findChild<QLabel *>("infinityExplanation")->text().isEmpty(), infinite);
}

void TestPresets::seedWarnsAboutMass()
{
    const QList<Preset> presets = loadPresets();
    QVERIFY(!comparePreset(*findPreset(presets, QStringLiteral("seed"))).warnings.empty());
    QVERIFY(comparePreset(*findPreset(presets, QStringLiteral("seed-extended"))).warnings.empty());
    QVERIFY(std::isinf(comparePreset(*findPreset(presets, QStringLiteral("disjoint"))).totals.klPQ));
}

void TestPresets::continuousPresetLoadsIntoDocument_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : kContinuousNames)
        QTest::newRow(qPrintable(name)) << name;
}

void TestPresets::continuousPresetLoadsIntoDocument()
{
    // As the Presets menu does it: one undo step from the default pair, which undo takes back.
    QFETCH(QString, name);
    const Preset preset = *findPreset(loadPresets(), name);
    Document document;
    const DocumentState before = document.state();
    QVERIFY(document.loadState(preset.state(), QStringLiteral("Load preset")));
    QVERIFY(document.continuousPair());
    QCOMPARE(document.presetName(), name);
    QCOMPARE(document.continuousPair()->p, klscope::parseContinuousSpec(preset.pSpec.toStdString()));
    QCOMPARE(document.continuousPair()->q, klscope::parseContinuousSpec(preset.qSpec.toStdString()));
    QCOMPARE(document.unit(), klscope::Unit::Nats);
    // Nothing to warn about beyond an infinity's own explanation.
    QVERIFY(klscope::summarize(document.continuousComparison()).warnings.empty());
    QCOMPARE(document.continuousComparison().grid.x.size(), Document::kGridPoints);
    document.undoStack()->undo();
    QCOMPARE(document.state(), before);
    document.undoStack()->redo();
    QCOMPARE(document.presetName(), name);
}

void TestPresets::vaeTermIsItsClosedForm()
{
    const klscope::Summary s = summarizePreset(*findPreset(loadPresets(), QStringLiteral("vae-term")));
    // KL(N(1, 0.5^2) || N(0, 1)) = ln(1/0.5) + (0.5^2 + 1^2)/2 - 1/2 = 1/8 + ln 2.
    KLSCOPE_COMPARE_REL(s.klPQ.value, 0.125 + std::numbers::ln2, 1e-12);
    QCOMPARE(s.klPQ.method, std::string("closed_form"));
}

void TestPresets::infinitiesAreWhereTheLessonsSay()
{
    const QList<Preset> presets = loadPresets();
    // A Cauchy against a normal: infinite from the tails one way, finite the other.
    const klscope::Summary cauchy = summarizePreset(*findPreset(presets, QStringLiteral("cauchy-vs-normal")));
    QVERIFY(std::isinf(cauchy.klPQ.value) && cauchy.klPQ.value > 0);
    QVERIFY2(QString::fromStdString(cauchy.infinitePQ).contains(QStringLiteral("tail rule")),
             cauchy.infinitePQ.c_str());
    QVERIFY2(QString::fromStdString(cauchy.infinitePQ).contains(QStringLiteral("Cauchy has no variance")),
             cauchy.infinitePQ.c_str());
    QVERIFY(std::isfinite(cauchy.klQP.value));
    QVERIFY(cauchy.infiniteQP.empty());

    // The exponential inside the normal's support: exactly one direction infinite, by the support rule.
    const klscope::Summary mismatch =
        summarizePreset(*findPreset(presets, QStringLiteral("support-mismatch")));
    QCOMPARE(std::isinf(mismatch.klPQ.value) + std::isinf(mismatch.klQP.value), 1);
    QVERIFY(std::isfinite(mismatch.klPQ.value));
    QVERIFY(std::isinf(mismatch.klQP.value));
    QVERIFY2(QString::fromStdString(mismatch.infiniteQP).contains(QStringLiteral("support rule")),
             mismatch.infiniteQP.c_str());
}

void TestPresets::finitePresetsByQuadrature()
{
    const QList<Preset> presets = loadPresets();
    const klscope::Summary t5 = summarizePreset(*findPreset(presets, QStringLiteral("normal-vs-t5")));
    QVERIFY(std::isfinite(t5.klPQ.value) && t5.klPQ.value > 0);
    QVERIFY(std::isfinite(t5.klQP.value) && t5.klQP.value > 0);
    QCOMPARE(t5.klPQ.method, std::string("quadrature"));
    QCOMPARE(t5.klQP.method, std::string("quadrature"));
    // Heavy tails: the t5 against the normal costs more than the normal against the t5.
    QVERIFY(t5.klQP.value > t5.klPQ.value);
    for (const char *name : {"gmm-vs-normal", "gamma-vs-lognormal"}) {
        const klscope::Summary s = summarizePreset(*findPreset(presets, QString::fromLatin1(name)));
        QVERIFY2(std::isfinite(s.klPQ.value) && s.klPQ.value > 0, name);
        QVERIFY2(std::isfinite(s.klQP.value) && s.klQP.value > 0, name);
        QVERIFY2(s.infinitePQ.empty() && s.infiniteQP.empty(), name);
    }
}

void TestPresets::brokenPresetIsRefused_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("support");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("message");
    QTest::newRow("mixed domains") << "normal:mu=0,sigma=1"
                                   << "poisson:lambda=3"
                                   << ""
                                   << "nats"
                                   << "must both be continuous or both discrete";
    QTest::newRow("continuous with a support") << "normal:mu=0,sigma=1"
                                               << "normal:mu=1,sigma=1"
                                               << "0..5"
                                               << "nats"
                                               << "takes no support";
    QTest::newRow("bad continuous spec") << "normal:mu=0,sigma=-1"
                                         << "normal:mu=1,sigma=1"
                                         << ""
                                         << "nats"
                                         << "sigma";
    QTest::newRow("bad discrete support") << "poisson:lambda=3"
                                          << "poisson:lambda=4"
                                          << "5..1"
                                          << "nats"
                                          << "";
    QTest::newRow("bad unit") << "normal:mu=0,sigma=1"
                              << "normal:mu=1,sigma=1"
                              << ""
                              << "furlongs"
                              << "furlongs";
}

void TestPresets::brokenPresetIsRefused()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, support);
    QFETCH(QString, unit);
    QFETCH(QString, message);
    Preset preset;
    preset.name = QStringLiteral("broken");
    preset.pSpec = p;
    preset.qSpec = q;
    preset.support = support;
    preset.unit = unit;
    try {
        preset.state();
        QFAIL("a broken preset gave a state");
    } catch (const std::invalid_argument &e) {
        const QString what = QString::fromUtf8(e.what());
        QVERIFY2(what.contains(message), e.what());
    }
}

void TestPresets::windowLoadsContinuousPreset()
{
    // The window's Presets menu and --preset go through Preset::state(): a continuous preset opens
    // clean in the continuous domain, and loading a discrete one after it is one undo step back.
    MainWindow window;
    QVERIFY(window.openPreset(QStringLiteral("vae-term")));
    Document *document = window.document();
    QVERIFY(document->continuousPair());
    QVERIFY(!document->isModified());
    const Preset vae = *findPreset(window.presets(), QStringLiteral("vae-term"));
    QVERIFY2(window.lessonLabel()->text().contains(vae.lesson), qPrintable(window.lessonLabel()->text()));
    // An edit makes the lesson a thing of the past, and says what changed.
    QVERIFY(document->setContinuous(Side::Q, klscope::Normal(0.0, 2.0)));
    QVERIFY(!window.lessonLabel()->text().contains(vae.lesson));
    QVERIFY2(window.lessonLabel()->text().contains(QStringLiteral("Q changed")),
             qPrintable(window.lessonLabel()->text()));
    document->undoStack()->undo();
    QVERIFY(window.lessonLabel()->text().contains(vae.lesson));
    KLSCOPE_COMPARE_REL(document->continuousComparison().klPQ.value, 0.125 + std::numbers::ln2, 1e-12);
    QVERIFY(window.loadPreset(QStringLiteral("seed")));
    QVERIFY(!document->continuousPair());
    QCOMPARE(document->presetName(), QStringLiteral("seed"));
    document->undoStack()->undo();
    QVERIFY(document->continuousPair());
    QCOMPARE(document->presetName(), QStringLiteral("vae-term"));
    QVERIFY(!window.loadPreset(QStringLiteral("no-such-preset")));
}

void TestPresets::differencesFromThePreset_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("continuous as loaded") << "vae-term"
                                          << "" << QStringList();
    QTest::newRow("continuous P changed") << "vae-term"
                                          << "p" << QStringList{"P changed"};
    QTest::newRow("continuous swapped") << "vae-term"
                                        << "swap" << QStringList{"P and Q swapped"};
    QTest::newRow("continuous bin width") << "vae-term"
                                          << "bin" << QStringList();
    QTest::newRow("continuous unit") << "vae-term"
                                     << "unit" << QStringList();
    QTest::newRow("continuous now discrete") << "vae-term"
                                             << "discrete" << QStringList{"now discrete"};
    QTest::newRow("discrete as loaded") << "seed"
                                        << "" << QStringList();
    QTest::newRow("discrete smoothing") << "seed"
                                        << "smoothing" << QStringList{"ε-smoothing on"};
    QTest::newRow("discrete support") << "seed"
                                      << "support" << QStringList{"support changed"};
    QTest::newRow("discrete now continuous") << "seed"
                                             << "continuous" << QStringList{"now continuous"};
}

void TestPresets::differencesFromThePreset()
{
    QFETCH(QString, name);
    QFETCH(QString, edit);
    QFETCH(QStringList, expected);
    const Preset preset = *findPreset(loadPresets(), name);
    DocumentState state = preset.state();
    if (edit == QLatin1String("p")) {
        state.continuous()->p = klscope::Normal(1.0, 0.6);
    } else if (edit == QLatin1String("swap")) {
        std::swap(state.continuous()->p, state.continuous()->q);
    } else if (edit == QLatin1String("bin")) {
        state.continuous()->binWidth = 0.1;
    } else if (edit == QLatin1String("unit")) {
        state.unit = klscope::Unit::Bits;
    } else if (edit == QLatin1String("discrete")) {
        state.pair = DiscretePair();
    } else if (edit == QLatin1String("smoothing")) {
        state.discrete()->smoothing = 1e-6;
    } else if (edit == QLatin1String("support")) {
        state.discrete()->support.reset();
    } else if (edit == QLatin1String("continuous")) {
        state.pair = ContinuousPair();
    }
    QCOMPARE(presetDifferences(preset, state), expected);
}

QTEST_MAIN(TestPresets)
#include "tst_presets.moc"
