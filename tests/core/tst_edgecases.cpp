// The rules users trip on elsewhere: 0 log 0, infinities and the events that cause them, underflow,
// unnormalised input, renormalising, explicit supports, invalid masses and supports over the limit.

#include "comparison.h"
#include "divergence.h"
#include "neumaiersum.h"
#include "spec.h"

#include "relativecompare.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

using namespace klscope;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<double> toVector(const QList<double> &xs)
{
    return {xs.begin(), xs.end()};
}

std::vector<std::int64_t> toEvents(const QList<qint64> &xs)
{
    return {xs.begin(), xs.end()};
}

bool anyNaN(const DivergenceTotals &t)
{
    for (double x : {t.klPQ, t.klQP, t.js, t.jsDistance, t.entropyP, t.entropyQ, t.crossEntropyPQ,
                     t.crossEntropyQP, t.totalVariation, t.hellinger, t.massP, t.massQ})
        if (std::isnan(x))
            return true;
    return false;
}

QString joined(const std::vector<std::string> &warnings)
{
    QString all;
    for (const std::string &w : warnings)
        all += QString::fromStdString(w) + QLatin1Char('\n');
    return all;
}

} // namespace

class TestEdgeCases : public QObject
{
    Q_OBJECT

private slots:
    void zeroTimesLogZero();
    void infiniteEvents_data();
    void infiniteEvents();
    void underflowIsNotInfinity();
    void unnormalisedWarnsWithBothSums();
    void normalisedDoesNotWarn();
    void renormaliseRescales();
    void renormaliseNeedsMass();
    void explicitSupportReportsMassOutside();
    void explicitSupportBeyondBoth();
    void invalidMasses_data();
    void invalidMasses();
    void supportOverLimit();
    void tailBeyondLimit();
    void emptyCustom();
    void customLabelChecks_data();
    void customLabelChecks();
    void customSharesLabels();
};

// 0 log(0/q) = 0: an event where P has no mass adds nothing to KL(P||Q) or H(P).
void TestEdgeCases::zeroTimesLogZero()
{
    const std::vector<double> p{0.0, 1.0}, q{0.5, 0.5};
    std::vector<double> klPQ(2), klQP(2), js(2);
    const DivergenceTotals t = divergences(p, q, Unit::Nats, {klPQ, klQP, js});
    QCOMPARE(klPQ[0], 0.0);
    KLSCOPE_COMPARE_REL(t.klPQ, std::log(2.0), 1e-15);
    QCOMPARE(t.entropyP, 0.0);
    QCOMPARE(klQP[0], kInf); // q > 0 where p = 0
    QVERIFY(!anyNaN(t));

    // Both zero: every term is 0.
    const std::vector<double> pz{0.0, 1.0}, qz{0.0, 1.0};
    const DivergenceTotals z = divergences(pz, qz, Unit::Bits, {klPQ, klQP, js});
    for (const auto *terms : {&klPQ, &klQP, &js})
        QCOMPARE((*terms)[0], 0.0);
    QCOMPARE(z.klPQ, 0.0);
    QCOMPARE(z.klQP, 0.0);
    QCOMPARE(z.js, 0.0);
}

void TestEdgeCases::infiniteEvents_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QList<qint64>>("infinitePQ");
    QTest::addColumn<QList<qint64>>("infiniteQP");
    QTest::newRow("custom") << "custom:0.2,0.3,0.5,0"
                            << "custom:0,0.5,0,0.5" << QList<qint64>{0, 2} << QList<qint64>{3};
    QTest::newRow("disjoint") << "custom:1,0"
                              << "custom:0,1" << QList<qint64>{0} << QList<qint64>{1};
    QTest::newRow("shifted uniforms") << "uniform:a=3,b=5"
                                      << "uniform:a=0,b=4" << QList<qint64>{5} << QList<qint64>{0, 1, 2};
    QTest::newRow("hypergeometric") << "hypergeometric:N=20,K=7,n=12"
                                    << "hypergeometric:N=20,K=8,n=12" << QList<qint64>{} << QList<qint64>{8};
    QTest::newRow("binomial p=0 vs p=1") << "binomial:n=3,p=0"
                                         << "binomial:n=3,p=1" << QList<qint64>{0} << QList<qint64>{3};
    QTest::newRow("bernoulli vs custom") << "bernoulli:p=0.5"
                                         << "custom:1" << QList<qint64>{1} << QList<qint64>{};
}

// p > 0 where q = 0 gives +inf (never NaN, never a clipped number), and exactly those events are listed.
void TestEdgeCases::infiniteEvents()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QList<qint64>, infinitePQ);
    QFETCH(QList<qint64>, infiniteQP);
    const Comparison c = compare(parseSpec(p.toStdString()), parseSpec(q.toStdString()));
    QCOMPARE(c.infinitePQ, toEvents(infinitePQ));
    QCOMPARE(c.infiniteQP, toEvents(infiniteQP));
    QCOMPARE(c.totals.klPQ, infinitePQ.isEmpty() ? c.totals.klPQ : kInf);
    QCOMPARE(c.totals.klQP, infiniteQP.isEmpty() ? c.totals.klQP : kInf);
    QCOMPARE(std::isinf(c.totals.klPQ), !infinitePQ.isEmpty());
    QCOMPARE(std::isinf(c.totals.klQP), !infiniteQP.isEmpty());
    QCOMPARE(std::isinf(c.totals.crossEntropyPQ), !infinitePQ.isEmpty());
    QVERIFY(!anyNaN(c.totals));
    QVERIFY(std::isfinite(c.totals.js) && std::isfinite(c.totals.totalVariation) &&
            std::isfinite(c.totals.hellinger));
    for (std::size_t i = 0; i < c.p.size(); ++i) {
        const std::int64_t x = c.support.first + std::int64_t(i);
        QCOMPARE(c.klPQ[i] == kInf, infinitePQ.contains(x));
        QCOMPARE(c.klQP[i] == kInf, infiniteQP.contains(x));
        QVERIFY(!std::isnan(c.klPQ[i]) && !std::isnan(c.klQP[i]) && std::isfinite(c.js[i]));
    }
    // The same through eventsWhereInfinite on the masses alone.
    const auto indices = eventsWhereInfinite(c.p, c.q).listed;
    QCOMPARE(indices.size(), std::size_t(infinitePQ.size()));
    QCOMPARE(c.infinitePQCount, std::size_t(infinitePQ.size()));
    for (std::size_t i = 0; i < indices.size(); ++i)
        QCOMPARE(c.support.first + std::int64_t(indices[i]), std::int64_t(infinitePQ[qsizetype(i)]));
}

// Poisson(1000) vs Poisson(1): far masses underflow to 0 in double precision, but their logs are finite,
// so no event is infinite and both KL totals are the finite closed-form values.
void TestEdgeCases::underflowIsNotInfinity()
{
    CompareOptions options;
    options.support = EventRange{0, 2000}; // explicit: the totals are summed, not taken from a closed form
    const double l1 = 1000, l2 = 1;
    const Comparison c = compare(Poisson(l1), Poisson(l2), options);
    QCOMPARE(c.klPQMethod, Method::Sum);
    QCOMPARE(c.klQPMethod, Method::Sum);

    bool underflowedP = false, underflowedQ = false;
    for (std::size_t i = 0; i < c.p.size(); ++i) {
        underflowedP = underflowedP || (c.p[i] == 0.0 && std::isfinite(c.logP[i]));
        underflowedQ = underflowedQ || (c.q[i] == 0.0 && std::isfinite(c.logQ[i]));
        QVERIFY(std::isfinite(c.klPQ[i]) && std::isfinite(c.klQP[i]));
    }
    QVERIFY2(underflowedP && underflowedQ, "the test needs masses that underflow");
    QVERIFY(c.infinitePQ.empty());
    QVERIFY(c.infiniteQP.empty());
    // KL(Poisson(a)||Poisson(b)) = a ln(a/b) + b - a.
    KLSCOPE_COMPARE_REL(c.totals.klPQ, l1 * std::log(l1 / l2) + l2 - l1, 1e-12);
    KLSCOPE_COMPARE_REL(c.totals.klQP, l2 * std::log(l2 / l1) + l1 - l2, 1e-12);
    QVERIFY(std::isfinite(c.totals.crossEntropyPQ) && std::isfinite(c.totals.crossEntropyQP));

    // The default support gives the same numbers by the closed form.
    const Comparison d = compare(Poisson(l1), Poisson(l2));
    QVERIFY(d.infinitePQ.empty() && d.infiniteQP.empty());
    KLSCOPE_COMPARE_REL(d.totals.klPQ, c.totals.klPQ, 1e-12);
}

void TestEdgeCases::unnormalisedWarnsWithBothSums()
{
    const std::vector<double> p{0.2, 0.3}, q{0.6, 0.6};
    const Comparison c = compare(Custom(p), Custom(q));
    QCOMPARE(c.warnings.size(), std::size_t(1));
    const QString w = joined(c.warnings);
    QVERIFY2(w.contains(QLatin1String("0.5")) && w.contains(QLatin1String("1.2")), qPrintable(w));
    KLSCOPE_COMPARE_REL(c.givenMassP, 0.5, 1e-15);
    KLSCOPE_COMPARE_REL(c.givenMassQ, 1.2, 1e-15);
    // Computed as given: nothing rescaled.
    QCOMPARE(std::vector<double>(c.p.begin(), c.p.end()), p);
    QCOMPARE(std::vector<double>(c.q.begin(), c.q.end()), q);
    KLSCOPE_COMPARE_REL(c.totals.klPQ, 0.2 * std::log(0.2 / 0.6) + 0.3 * std::log(0.3 / 0.6), 1e-14);
    KLSCOPE_COMPARE_REL(c.totals.klQP, 0.6 * std::log(0.6 / 0.2) + 0.6 * std::log(0.6 / 0.3), 1e-14);
    KLSCOPE_COMPARE_REL(c.totals.massP, 0.5, 1e-15);
}

void TestEdgeCases::normalisedDoesNotWarn()
{
    const Comparison c = compare(parseSpec("binomial:n=15,p=7/15"), parseSpec("uniform:a=0,b=15"));
    QVERIFY2(c.warnings.empty(), qPrintable(joined(c.warnings)));
    const Comparison d = compare(Custom({0.1, 0.2, 0.7}), Custom({1.0 / 3, 1.0 / 3, 1.0 / 3}));
    QVERIFY2(d.warnings.empty(), qPrintable(joined(d.warnings)));
}

void TestEdgeCases::renormaliseRescales()
{
    CompareOptions options;
    options.renormalize = true;
    const Comparison c = compare(Custom({2, 8}), Custom({1, 9}), options);
    KLSCOPE_COMPARE_REL(c.p[0], 0.2, 1e-15);
    KLSCOPE_COMPARE_REL(c.p[1], 0.8, 1e-15);
    KLSCOPE_COMPARE_REL(c.q[0], 0.1, 1e-15);
    KLSCOPE_COMPARE_REL(c.q[1], 0.9, 1e-15);
    KLSCOPE_COMPARE_REL(c.logP[0], std::log(0.2), 1e-15);
    QCOMPARE(c.givenMassP, 10.0);
    QCOMPARE(c.givenMassQ, 10.0);
    KLSCOPE_COMPARE_REL(c.totals.massP, 1.0, 1e-15);
    const QString w = joined(c.warnings);
    QVERIFY2(w.contains(QLatin1String("enormalised")) && w.contains(QLatin1String("10")), qPrintable(w));
    KLSCOPE_COMPARE_REL(c.totals.klPQ, 0.2 * std::log(2.0) + 0.8 * std::log(0.8 / 0.9), 1e-14);

    // An explicit support that cuts the seed binomial, renormalised: P sums to 1 there, and with M the
    // mass P had on the support, KL(P/M||Q) = KL(P||Q)/M - ln M.
    CompareOptions cut;
    cut.support = EventRange{0, 14};
    const Distribution p = parseSpec("binomial:n=15,p=7/15"), q = parseSpec("uniform:a=0,b=14");
    const Comparison given = compare(p, q, cut);
    cut.renormalize = true;
    const Comparison s = compare(p, q, cut);
    NeumaierSum total;
    for (double x : s.p)
        total.add(x);
    KLSCOPE_COMPARE_REL(total.value(), 1.0, 1e-15);
    const double m = given.givenMassP;
    KLSCOPE_COMPARE_REL(s.totals.klPQ, given.totals.klPQ / m - std::log(m), 1e-12);
}

void TestEdgeCases::renormaliseNeedsMass()
{
    CompareOptions options;
    options.renormalize = true;
    options.support = EventRange{5, 6};
    try {
        compare(Custom({0.5, 0.5}), Custom({0.5, 0.5}), options);
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("5..6")), e.what());
    }
}

void TestEdgeCases::explicitSupportReportsMassOutside()
{
    CompareOptions options;
    options.support = EventRange{0, 14};
    const double p = 7.0 / 15.0;
    const Comparison c = compare(Binomial(15, p), DiscreteUniform(0, 14), options);
    // Not renormalised: P keeps its mass on 0..14, and the mass at 15, p^15, is outside.
    KLSCOPE_COMPARE_REL(c.outsideP, std::pow(p, 15), 1e-12);
    QCOMPARE(c.outsideQ, 0.0);
    KLSCOPE_COMPARE_REL(c.givenMassP, 0.9999891581919401, 1e-12);
    QCOMPARE(c.support, (EventRange{0, 14}));
    // One warning for the mass outside (P only), one for the sums on the support.
    QCOMPARE(c.warnings.size(), std::size_t(2));
    const QString w = joined(c.warnings);
    QVERIFY2(w.contains(QLatin1String("P has")) && !w.contains(QLatin1String("Q has")) &&
                 w.contains(QLatin1String("outside")) && w.contains(QLatin1String("0..14")) &&
                 w.contains(QLatin1String("0.9999891582")),
             qPrintable(w));
    KLSCOPE_COMPARE_REL(c.totals.klPQ, 0.6311103254079738, 1e-12);
}

// A support wider than both natural supports: events outside them have zero mass on both sides.
void TestEdgeCases::explicitSupportBeyondBoth()
{
    CompareOptions options;
    options.support = EventRange{-3, 30};
    const Comparison c = compare(parseSpec("binomial:n=10,p=0.3"), parseSpec("binomial:n=10,p=0.5"), options);
    QCOMPARE(c.p.size(), std::size_t(34));
    QCOMPARE(c.outsideP, 0.0);
    QCOMPARE(c.outsideQ, 0.0);
    QVERIFY2(c.warnings.empty(), qPrintable(joined(c.warnings)));
    QVERIFY(c.infinitePQ.empty() && c.infiniteQP.empty());
    for (std::size_t i = 0; i < 3; ++i)
        QCOMPARE(c.klPQ[i], 0.0);
    KLSCOPE_COMPARE_REL(c.totals.klPQ, 0.82282878505051846, 1e-12);
}

void TestEdgeCases::invalidMasses_data()
{
    QTest::addColumn<QList<double>>("masses");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("value");
    QTest::newRow("negative") << QList<double>{0.2, -0.1, 0.9} << "event 1"
                              << "-0.1";
    QTest::newRow("NaN") << QList<double>{0.2, 0.3, std::numeric_limits<double>::quiet_NaN()} << "event 2"
                         << "nan";
    QTest::newRow("inf") << QList<double>{kInf, 0.3} << "event 0"
                         << "inf";
    QTest::newRow("-inf") << QList<double>{0.5, 0.5, 0.0, -kInf} << "event 3"
                          << "-inf";
    QTest::newRow("negative zero is fine") << QList<double>{-0.0, 1.0} << ""
                                           << "";
}

void TestEdgeCases::invalidMasses()
{
    QFETCH(QList<double>, masses);
    QFETCH(QString, event);
    QFETCH(QString, value);
    if (event.isEmpty()) {
        const Custom ok(toVector(masses));
        QCOMPARE(ok.total(), 1.0);
        return;
    }
    try {
        const Custom c(toVector(masses));
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(event) && message.contains(value), qPrintable(message));
    }
}

void TestEdgeCases::supportOverLimit()
{
    CompareOptions options;
    options.support = EventRange{0, std::int64_t(kMaxEvents)}; // kMaxEvents + 1 events
    try {
        compare(Custom({1}), Custom({1}), options);
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("limit")), e.what());
    }
    // The union of two far-apart supports is refused the same way.
    try {
        compare(DiscreteUniform(-4e7, -4e7 + 1), DiscreteUniform(4e7, 4e7 + 1));
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("limit")), e.what());
    }
}

// An infinite support whose 1e-16 cut lies beyond the limit is refused, not truncated.
void TestEdgeCases::tailBeyondLimit()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, support(Distribution(NegativeBinomial(1e6, 1e-6))));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, compare(NegativeBinomial(1e6, 1e-6), Poisson(1)));
}

void TestEdgeCases::emptyCustom()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Custom(std::vector<double>{}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Custom(std::vector<double>{0.0, 0.0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseSpec("custom:"));
}

void TestEdgeCases::customLabelChecks_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("repeatAt"); // event that repeats event 0's label, or -1
    QTest::addColumn<int>("emptyAt");  // event with an empty label, or -1
    QTest::addColumn<QString>("message");
    // 20 labels: past the look-ahead of the label index, so late events are checked too.
    QTest::newRow("distinct") << 20 << -1 << -1 << QString();
    QTest::newRow("repeat at 1") << 20 << 1 << -1 << "custom: label 'w0' appears twice (event 1)";
    QTest::newRow("repeat at 19") << 20 << 19 << -1 << "custom: label 'w0' appears twice (event 19)";
    QTest::newRow("empty at 13") << 20 << -1 << 13 << "custom: label of event 13 is empty";
    QTest::newRow("empty before repeat") << 20 << 17 << 9 << "custom: label of event 9 is empty";
}

void TestEdgeCases::customLabelChecks()
{
    QFETCH(int, count);
    QFETCH(int, repeatAt);
    QFETCH(int, emptyAt);
    QFETCH(QString, message);
    std::vector<std::string> labels;
    for (int i = 0; i < count; ++i)
        labels.push_back(std::string("w").append(std::to_string(i)));
    if (repeatAt >= 0)
        labels[static_cast<std::size_t>(repeatAt)] = labels[0];
    if (emptyAt >= 0)
        labels[static_cast<std::size_t>(emptyAt)].clear();
    const std::vector<double> masses(static_cast<std::size_t>(count), 1.0);
    try {
        const Custom c(masses, labels);
        QVERIFY2(message.isEmpty(), "accepted labels it should refuse");
        QCOMPARE(c.labels().size(), labels.size());
    } catch (const std::invalid_argument &e) {
        QCOMPARE(QString::fromUtf8(e.what()), message);
    }
}

void TestEdgeCases::customSharesLabels()
{
    const Custom p(std::vector<double>{0.5, 0.5, 0.0}, {"a", "b", "c"});
    const Custom q(std::vector<double>{0.25, 0.25, 0.5}, p);
    QCOMPARE(q.labels().data(), p.labels().data()); // one list, not a copy
    QCOMPARE(q.masses()[2], 0.5);
    QCOMPARE(q.total(), 1.0);
    // The masses are checked as ever, and the count must match the labels.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Custom(std::vector<double>{0.5, -0.5, 1.0}, p));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Custom(std::vector<double>{0.5, 0.5}, p));
    // Without labels, any count is fine.
    const Custom plain(std::vector<double>{1.0});
    QCOMPARE(Custom(std::vector<double>{0.5, 0.5}, plain).labels().size(), std::size_t(0));
}

QTEST_APPLESS_MAIN(TestEdgeCases)
#include "tst_edgecases.moc"
