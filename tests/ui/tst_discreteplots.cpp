// The three discrete plots are fed with data: no Document. Each draws the comparison it is given
// (bars, markers of infinite terms, running sums), follows the term toggles it is given, and the
// distribution plot turns a drag on an editable bar into intents instead of edits.

#include "contributionplot.h"
#include "cumulativeplot.h"
#include "distributionplot.h"

#include <comparison.h>
#include <spec.h>

#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

namespace {

std::shared_ptr<const klscope::Comparison> compare(const char *p, const char *q, const char *support)
{
    klscope::CompareOptions options;
    options.support = klscope::parseSupport(support);
    return std::make_shared<const klscope::Comparison>(
        klscope::compare(klscope::parseSpec(p), klscope::parseSpec(q), options));
}

template <typename Plot> void show(Plot &plot)
{
    plot.resize(800, 400);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QTRY_VERIFY(!plot.replotPending());
}

} // namespace

class TestDiscretePlots : public QObject
{
    Q_OBJECT

private slots:
    void drawsTheComparisonGiven_data();
    void drawsTheComparisonGiven();
    void termsFollowTheToggles();
    void dragEmitsIntents();
    void dragNeedsAnEditableSide();
    void labelsNameTheEvents();
};

void TestDiscretePlots::drawsTheComparisonGiven_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("support");
    QTest::addColumn<bool>("bars");
    QTest::newRow("binomial vs poisson") << "binomial:n=10,p=0.4"
                                         << "poisson:lambda=5"
                                         << "0..12" << true;
    QTest::newRow("Q = 0 where p > 0") << "custom:0.5,0.5"
                                       << "custom:1,0"
                                       << "0..1" << true;
    QTest::newRow("many events: lines") << "poisson:lambda=300"
                                        << "poisson:lambda=320"
                                        << "0..2000" << false;
}

void TestDiscretePlots::drawsTheComparisonGiven()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, support);
    QFETCH(bool, bars);
    const auto c = compare(p.toUtf8().constData(), q.toUtf8().constData(), support.toUtf8().constData());
    DistributionPlot distributions;
    ContributionPlot contributions;
    CumulativePlot cumulative;
    distributions.setComparison(c);
    contributions.setComparison(c);
    cumulative.setComparison(c);
    show(distributions);
    show(contributions);
    show(cumulative);
    QCOMPARE(distributions.showsBars(), bars);
    QList<double> expected;
    for (std::int64_t x : c->infinitePQ)
        expected.append(double(x));
    for (std::int64_t x : c->infiniteQP)
        expected.append(double(x));
    std::sort(expected.begin(), expected.end());
    QCOMPARE(distributions.infiniteMarkers(), expected);
    QCOMPARE(contributions.infiniteMarkers().isEmpty(), expected.isEmpty());
    // The running sums end at the totals (or stop where a sum becomes infinite).
    if (std::isfinite(c->totals.klPQ))
        QVERIFY(std::fabs(cumulative.lastValue(0) - c->totals.klPQ) <= 1e-9 * std::max(1.0, c->totals.klPQ));
    else
        QVERIFY(!cumulative.infiniteMarkers().isEmpty());
    // The whole support (or where its mass is) is in view, and the read-out names an event there.
    const auto [lo, hi] = distributions.visibleRange();
    QVERIFY(lo <= double(c->support.first) + 0.5 || hi >= double(c->support.last) - 0.5);
    const QPoint middle((distributions.axisLeft() + distributions.canvas()->width()) / 2,
                        distributions.canvas()->height() / 2);
    QVERIFY(distributions.readoutAt(middle).startsWith(QStringLiteral("x = ")));
}

void TestDiscretePlots::termsFollowTheToggles()
{
    const auto c = compare("binomial:n=10,p=0.4", "poisson:lambda=5", "0..12");
    CumulativePlot cumulative;
    cumulative.setComparison(c);
    show(cumulative);
    // Binomial(10) against Poisson: KL(Q‖P) is infinite (Q > 0 = P past 10), JS and KL(P‖Q) are finite.
    QVERIFY(std::fabs(cumulative.lastValue(2) - c->totals.js) <= 1e-12);
    cumulative.setTermsVisible(true, true, false);
    QVERIFY(std::isnan(cumulative.lastValue(2)));
    QVERIFY(std::fabs(cumulative.lastValue(0) - c->totals.klPQ) <= 1e-12);
    const QPoint middle((cumulative.axisLeft() + cumulative.canvas()->width()) / 2,
                        cumulative.canvas()->height() / 2);
    QVERIFY(!cumulative.readoutAt(middle).contains(QStringLiteral("JS so far")));
    QVERIFY(cumulative.readoutAt(middle).contains(QStringLiteral("KL(P‖Q) so far")));
    cumulative.setTermsVisible(true, true, true);
    QVERIFY(cumulative.readoutAt(middle).contains(QStringLiteral("JS so far")));
}

void TestDiscretePlots::dragEmitsIntents()
{
    const auto c = compare("custom:0.1,0.2,0.3,0.4", "custom:0.25,0.25,0.25,0.25", "0..3");
    DistributionPlot plot;
    plot.setComparison(c);
    plot.setEditable(0, 4);
    show(plot);
    QVERIFY(plot.showsBars());
    QSignalSpy started(&plot, &DistributionPlot::massDragStarted);
    QSignalSpy dragged(&plot, &DistributionPlot::massDragged);
    QSignalSpy finished(&plot, &DistributionPlot::massDragFinished);
    const QPoint from = plot.pixelFor(0, 3, 0.4);
    const QPoint to = plot.pixelFor(0, 3, 0.5);
    QTest::mousePress(plot.canvas(), Qt::LeftButton, {}, from);
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().at(0).toInt(), 0);
    QTest::mouseMove(plot.canvas(), to);
    QTest::mouseRelease(plot.canvas(), Qt::LeftButton, {}, to);
    QCOMPARE(finished.count(), 1);
    QVERIFY(dragged.count() >= 2);
    const QList<QVariant> last = dragged.last();
    QCOMPARE(last.at(0).toInt(), 0);
    QCOMPARE(last.at(1).toInt(), 3);
    // The mass asked for is where the mouse is, to a pixel; the plot itself changed nothing.
    const double pixel = 1.0 / std::abs(plot.pixelFor(0, 3, 0.0).y() - plot.pixelFor(0, 3, 1.0).y());
    QVERIFY2(std::fabs(last.at(2).toDouble() - 0.5) <= 2 * pixel, qPrintable(last.at(2).toString()));
    QCOMPARE(c->p[3], 0.4);
}

void TestDiscretePlots::dragNeedsAnEditableSide()
{
    const auto c = compare("custom:0.1,0.2,0.3,0.4", "custom:0.25,0.25,0.25,0.25", "0..3");
    DistributionPlot plot;
    plot.setComparison(c);
    show(plot);
    QSignalSpy started(&plot, &DistributionPlot::massDragStarted);
    QSignalSpy dragged(&plot, &DistributionPlot::massDragged);
    QTest::mousePress(plot.canvas(), Qt::LeftButton, {}, plot.pixelFor(0, 3, 0.4));
    QTest::mouseRelease(plot.canvas(), Qt::LeftButton, {}, plot.pixelFor(0, 3, 0.4));
    QCOMPARE(started.count(), 0);
    QCOMPARE(dragged.count(), 0);
    // Q editable at events 0..1 only: event 3 stays fixed, event 1 of Q can be dragged.
    plot.setEditable(1, 2);
    QTest::mousePress(plot.canvas(), Qt::LeftButton, {}, plot.pixelFor(1, 3, 0.25));
    QTest::mouseRelease(plot.canvas(), Qt::LeftButton, {}, plot.pixelFor(1, 3, 0.25));
    QCOMPARE(started.count(), 0);
    QTest::mousePress(plot.canvas(), Qt::LeftButton, {}, plot.pixelFor(1, 1, 0.25));
    QTest::mouseRelease(plot.canvas(), Qt::LeftButton, {}, plot.pixelFor(1, 1, 0.25));
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().at(0).toInt(), 1);
}

void TestDiscretePlots::labelsNameTheEvents()
{
    const auto c = compare("custom:0.5,0.3,0.2", "custom:0.2,0.3,0.5", "0..2");
    const std::vector<std::string> labels = {"apple", "banana", "cherry"};
    ContributionPlot plot;
    plot.setComparison(c, labels);
    show(plot);
    // The middle of the plot is event 1.
    const QPoint middle((plot.axisLeft() + plot.canvas()->width()) / 2, plot.canvas()->height() / 2);
    QVERIFY2(plot.readoutAt(middle).contains(QStringLiteral("banana")), qPrintable(plot.readoutAt(middle)));
}

QTEST_MAIN(TestDiscretePlots)
#include "tst_discreteplots.moc"
