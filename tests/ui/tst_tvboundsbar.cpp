// The bounds on total variation in the metrics panel (TvBoundsBar under Distances): for presets of both
// domains and every unit, each lane shows Pinsker min(1, √(KL/2)) or Bretagnolle–Huber √(1 − e^(−KL)) of
// KL(P‖Q) or KL(Q‖P) in nats, computed here from the formulas; an infinite KL shows the trivial bound 1
// and says so; TV is painted as a marker at its value on the [0, 1] axis.

#include "metricspanel.h"
#include "palette.h"
#include "presets.h"
#include "tvboundsbar.h"

#include <comparison.h>
#include <continuouscomparison.h>
#include <continuousspec.h>
#include <continuoussummary.h>
#include <spec.h>
#include <summary.h>
#include <units.h>

#include <QImage>
#include <QTest>

#include <cmath>

class TestTvBoundsBar : public QObject
{
    Q_OBJECT

private slots:
    void lanesMatchFormulas_data();
    void lanesMatchFormulas();
    void paintsTvMarker();
};

namespace {

klscope::Summary summaryOf(const QString &presetName, const QString &unit)
{
    const std::optional<Preset> preset = findPreset(loadPresets(), presetName);
    if (!preset)
        return {};
    const klscope::Unit u = *klscope::parseUnit(unit.toStdString());
    if (preset->isContinuous()) {
        klscope::ContinuousCompareOptions o;
        o.unit = u;
        o.samples = 0;
        o.gridPoints = 0;
        return klscope::summarize(
            klscope::compareContinuous(klscope::parseContinuousSpec(preset->pSpec.toStdString()),
                                       klscope::parseContinuousSpec(preset->qSpec.toStdString()), o));
    }
    klscope::CompareOptions options;
    options.unit = u;
    if (!preset->support.isEmpty())
        options.support = klscope::parseSupport(preset->support.toStdString());
    return klscope::summarize(klscope::compare(klscope::parseSpec(preset->pSpec.toStdString()),
                                               klscope::parseSpec(preset->qSpec.toStdString()), options));
}

} // namespace

void TestTvBoundsBar::lanesMatchFormulas_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("unit");
    QTest::newRow("seed, nats") << "seed"
                                << "nats";
    QTest::newRow("seed, bits") << "seed"
                                << "bits";
    QTest::newRow("seed, bans") << "seed"
                                << "bans";
    QTest::newRow("near-identical") << "near-identical"
                                    << "nats";
    QTest::newRow("disjoint: both KL infinite") << "disjoint"
                                                << "bits";
    QTest::newRow("seed-extended") << "seed-extended"
                                   << "nats";
    QTest::newRow("support-mismatch: KL(Q||P) infinite (densities)") << "support-mismatch"
                                                                     << "bits";
    QTest::newRow("poisson-vs-geometric") << "poisson-vs-geometric"
                                          << "nats";
    QTest::newRow("cauchy-vs-normal (densities)") << "cauchy-vs-normal"
                                                  << "nats";
}

void TestTvBoundsBar::lanesMatchFormulas()
{
    QFETCH(QString, preset);
    QFETCH(QString, unit);
    const klscope::Summary s = summaryOf(preset, unit);
    QVERIFY(!s.context.empty());
    MetricsPanel panel;
    panel.setSummary(s);
    const auto *bar = panel.findChild<TvBoundsBar *>(QStringLiteral("tvBoundsBar"));
    QVERIFY(bar);
    QCOMPARE(bar->totalVariation(), s.totalVariation.value);

    // KL back in nats, then the formulas written out here.
    const double toNats = 1.0 / klscope::fromNats(s.unit);
    const double pq = s.klPQ.value * toNats, qp = s.klQP.value * toNats;
    auto pinsker = [](double kl) {
        return std::isinf(kl) ? 1.0 : std::min(1.0, std::sqrt(kl / 2));
    };
    auto huber = [](double kl) {
        return std::isinf(kl) ? 1.0 : std::sqrt(1 - std::exp(-kl));
    };
    const double expected[4] = {pinsker(pq), pinsker(qp), huber(pq), huber(qp)};
    const bool infinite[4] = {std::isinf(pq), std::isinf(qp), std::isinf(pq), std::isinf(qp)};

    const QList<TvBoundsBar::Lane> lanes = bar->lanes();
    QCOMPARE(lanes.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QVERIFY2(std::abs(lanes[i].bound - expected[i]) <= 1e-12,
                 qPrintable(
                     QStringLiteral("%1: %2 vs %3").arg(lanes[i].name).arg(lanes[i].bound).arg(expected[i])));
        QCOMPARE(lanes[i].trivial, infinite[i]);
        if (infinite[i])
            QVERIFY2(lanes[i].text.contains(QStringLiteral("trivial")), qPrintable(lanes[i].text));
        else
            QVERIFY2(lanes[i].text.endsWith(QString::number(expected[i], 'g', 3)), qPrintable(lanes[i].text));
        // Every bound holds for the pair shown.
        QVERIFY(s.totalVariation.value <= lanes[i].bound + 1e-9);
    }
    QVERIFY(lanes[0].name.contains(QStringLiteral("Pinsker")) &&
            lanes[0].name.contains(QStringLiteral("P‖Q")));
    QVERIFY(lanes[3].name.contains(QStringLiteral("Bretagnolle")) &&
            lanes[3].name.contains(QStringLiteral("Q‖P")));
}

// TV is drawn as a marker in the JS colour at its value on the axis, across every lane.
void TestTvBoundsBar::paintsTvMarker()
{
    const klscope::Summary s = summaryOf(QStringLiteral("seed"), QStringLiteral("nats"));
    TvBoundsBar bar;
    bar.setSummary(s);
    bar.resize(402, bar.sizeHint().height());
    QImage image(bar.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    bar.render(&image);
    const QRectF axis(1, 0, 400, 10);
    const int x = static_cast<int>(std::floor(TvBoundsBar::xOf(s.totalVariation.value, axis)));
    const QColor marker = klscope::palette::js();
    auto count = [&](int column) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            n += image.pixelColor(column, y) == marker;
        return n;
    };
    const int laneHeight = bar.fontMetrics().height() + 2;
    QVERIFY2(count(x) >= 4 * laneHeight, qPrintable(QString::number(count(x))));
    // Far from the marker the colour is absent (the caption text is next to the marker only).
    QCOMPARE(count(x > 200 ? 20 : 380), 0);
}

QTEST_MAIN(TestTvBoundsBar)
#include "tst_tvboundsbar.moc"
