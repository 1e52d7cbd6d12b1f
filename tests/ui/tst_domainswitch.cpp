// The pair conversions of a domain switch: the chosen side takes the family with the moments the core
// promises and the other side its nearest counterpart, the sentence names both sides, and when a density
// is binned on integers below 0 (a custom distribution labelled "-8".."4") both sides end up on one event
// axis, so the peaks sit at the right integers and the KL is finite where it should be.

#include "domainswitch.h"

#include <comparison.h>
#include <continuousparameters.h>
#include <domainconversion.h>

#include <QTest>

#include <climits>
#include <cmath>
#include <string>

using namespace klscope;

Q_DECLARE_METATYPE(klscope::ContinuousDistribution)
Q_DECLARE_METATYPE(klscope::Family)
Q_DECLARE_METATYPE(Side)

namespace {

// The integer of event x: a labelled custom's label, else x itself.
std::int64_t integerOf(const Distribution &d, std::size_t x)
{
    if (const auto *custom = std::get_if<Custom>(&d); custom && !custom->labels().empty())
        return std::stoll(custom->labels()[x]);
    return std::int64_t(x);
}

// The integer where d holds the most mass.
std::int64_t peak(const Distribution &d)
{
    if (const auto *custom = std::get_if<Custom>(&d)) {
        const auto m = custom->masses();
        return integerOf(d, std::size_t(std::max_element(m.begin(), m.end()) - m.begin()));
    }
    const EventRange s = support(d);
    std::int64_t best = s.first;
    for (std::int64_t k = s.first; k <= s.last; ++k)
        if (logpmf(d, k) > logpmf(d, best))
            best = k;
    return best;
}

double massAt(const Distribution &d, std::int64_t k)
{
    const auto &custom = std::get<Custom>(d);
    for (std::size_t x = 0; x < custom.masses().size(); ++x)
        if (integerOf(d, x) == k)
            return custom.masses()[x];
    return 0.0;
}

double phi(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

} // namespace

class TestDomainSwitch : public QObject
{
    Q_OBJECT

private slots:
    void toContinuousPairMatchesMoments();
    void toDiscretePairSharesTheEventAxis_data();
    void toDiscretePairSharesTheEventAxis();
    void counterpartBelowZeroOfAFamily();
    void uniformCounterpartBelowZero();
    void convertContinuousFamilyKeepsMoments();
    void familyNames();
};

void TestDomainSwitch::toContinuousPairMatchesMoments()
{
    DiscretePair seed;
    seed.p = Binomial(15, 7.0 / 15.0);
    seed.q = DiscreteUniform(0, 14);
    QString message;
    const ContinuousPair c = toContinuousPair(seed, Side::Q, ContinuousFamily::Laplace, &message);
    QCOMPARE(family(c.q), ContinuousFamily::Laplace);
    QVERIFY(std::fabs(mean(c.q) - 7.0) < 1e-12);
    QVERIFY(std::fabs(variance(c.q) - 224.0 / 12.0) < 1e-12);
    QCOMPARE(family(c.p), ContinuousFamily::Normal);
    QVERIFY(std::fabs(mean(c.p) - 7.0) < 1e-12);
    QVERIFY(std::fabs(variance(c.p) - 15.0 * 7.0 / 15.0 * 8.0 / 15.0) < 1e-12);
    QCOMPARE(c.binWidth, 0.0);
    QVERIFY2(
        message.startsWith(QStringLiteral("P became normal(mu=7, sigma=1.932) with the same mean (7) and "
                                          "variance (3.733); Q became laplace(")),
        qPrintable(message));
}

void TestDomainSwitch::toDiscretePairSharesTheEventAxis_data()
{
    QTest::addColumn<ContinuousDistribution>("p");
    QTest::addColumn<ContinuousDistribution>("q");
    QTest::addColumn<Side>("side");
    QTest::addColumn<Family>("family");
    QTest::addColumn<Family>("familyP");
    QTest::addColumn<Family>("familyQ");
    QTest::addColumn<qint64>("peakP");
    QTest::addColumn<qint64>("peakQ");
    QTest::addColumn<bool>("finitePQ");
    QTest::addColumn<bool>("finiteQP");
    QTest::addColumn<double>("kl"); // KL(P||Q) of the densities, which the binned pair is near (NaN: skip)
    const double skip = std::nan("");
    const ContinuousDistribution below = Normal(-3, 1);
    QTest::newRow("custom, both binned, one below 0")
        << below << ContinuousDistribution(Normal(2, 1)) << Side::P << Family::Custom << Family::Custom
        << Family::Custom << qint64(-3) << qint64(2) << true << true << 12.5;
    QTest::newRow("custom on Q, P below 0")
        << below << ContinuousDistribution(Normal(2, 1)) << Side::Q << Family::Custom << Family::Custom
        << Family::Custom << qint64(-3) << qint64(2) << true << true << 12.5;
    // Q's natural counterpart would be the binomial(15, 7/15); next to a side below 0 it is binned too.
    QTest::newRow("custom below 0, binomial counterpart")
        << below << ContinuousDistribution(Normal(7, std::sqrt(56.0 / 15.0))) << Side::P << Family::Custom
        << Family::Custom << Family::Custom << qint64(-3) << qint64(7) << true << true << skip;
    // Both on the integers from 0: nothing to align; the custom side is finite where the binomial is.
    QTest::newRow("custom from 0, binomial counterpart")
        << ContinuousDistribution(Normal(20, 3)) << ContinuousDistribution(Normal(10, 2)) << Side::P
        << Family::Custom << Family::Custom << Family::Binomial << qint64(20) << qint64(10) << false << true
        << skip;
    QTest::newRow("binomial chosen, binomial counterpart")
        << ContinuousDistribution(Normal(10, 2)) << ContinuousDistribution(Normal(20, 3)) << Side::P
        << Family::Binomial << Family::Binomial << Family::Binomial << qint64(10) << qint64(20) << true
        << false << skip;
}

void TestDomainSwitch::toDiscretePairSharesTheEventAxis()
{
    QFETCH(ContinuousDistribution, p);
    QFETCH(ContinuousDistribution, q);
    QFETCH(Side, side);
    QFETCH(Family, family);
    QFETCH(Family, familyP);
    QFETCH(Family, familyQ);
    QFETCH(qint64, peakP);
    QFETCH(qint64, peakQ);
    QFETCH(bool, finitePQ);
    QFETCH(bool, finiteQP);
    QFETCH(double, kl);
    ContinuousPair pair;
    pair.p = p;
    pair.q = q;
    QString message;
    const DiscretePair d = toDiscretePair(pair, side, family, &message);
    QCOMPARE(klscope::family(d.p), familyP);
    QCOMPARE(klscope::family(d.q), familyQ);
    QVERIFY(!d.support);
    QCOMPARE(peak(d.p), peakP);
    QCOMPARE(peak(d.q), peakQ);
    if (familyP == Family::Custom && familyQ == Family::Custom) {
        const auto &cp = std::get<Custom>(d.p), &cq = std::get<Custom>(d.q);
        QCOMPARE(cp.masses().size(), cq.masses().size());
        QVERIFY(std::equal(cp.labels().begin(), cp.labels().end(), cq.labels().begin(), cq.labels().end()));
    }
    const Comparison c = compare(d.p, d.q);
    QCOMPARE(std::isfinite(c.totals.klPQ), finitePQ);
    QCOMPARE(std::isfinite(c.totals.klQP), finiteQP);
    // Binning at width 1 blurs each density by 1/12 of a variance: the KL is near, not at, the density's.
    if (!std::isnan(kl))
        QVERIFY2(std::fabs(c.totals.klPQ - kl) < 1.0, qPrintable(QString::number(c.totals.klPQ)));
    QVERIFY2(message.startsWith(QStringLiteral("P became ")) &&
                 message.contains(QStringLiteral("; Q became ")),
             qPrintable(message));
}

// A family chosen for one side counts its events from the integer 0; the counterpart below 0 is binned
// on 0.. as plain integers and loses (and says so) what lies below -1/2.
void TestDomainSwitch::counterpartBelowZeroOfAFamily()
{
    ContinuousPair pair;
    pair.p = Normal(3.5, 1.5);
    pair.q = Normal(-1, 2);
    QString message;
    const DiscretePair d = toDiscretePair(pair, Side::P, Family::Poisson, &message);
    QVERIFY(d.p == Distribution(Poisson(3.5)));
    const auto &q = std::get<Custom>(d.q);
    QVERIFY(q.labels().empty());
    QVERIFY(q.masses().size() >= std::size_t(support(d.p).last + 1));
    // Event 0 of Q holds N(-1, 2)'s mass between -1/2 and 1/2 out of what lies above -1/2.
    const double kept = 1.0 - phi(0.25);
    QVERIFY(std::fabs(q.masses()[0] - (phi(0.75) - phi(0.25)) / kept) < 1e-9);
    QCOMPARE(peak(d.p), std::int64_t(3));
    QVERIFY2(message.contains(QStringLiteral("Q became custom")) &&
                 message.contains(QStringLiteral("outside")),
             qPrintable(message));
    const Comparison c = compare(d.p, d.q);
    QVERIFY(std::isfinite(c.totals.klQP));
    // The Poisson's tail reaches beyond any custom list: KL(P||Q) is honestly infinite there.
    QVERIFY(c.tailPQ.has_value());
}

// A uniform on -3..3 as the counterpart of a custom side: both are binned on one labelled range, and
// each of the uniform's integers keeps 1/7.
void TestDomainSwitch::uniformCounterpartBelowZero()
{
    ContinuousPair pair;
    pair.p = ContinuousUniform(-3.5, 3.5);
    pair.q = Normal(2, 1);
    const DiscretePair d = toDiscretePair(pair, Side::Q, Family::Custom, nullptr);
    const auto &p = std::get<Custom>(d.p), &q = std::get<Custom>(d.q);
    QVERIFY(!p.labels().empty());
    QVERIFY(std::equal(p.labels().begin(), p.labels().end(), q.labels().begin(), q.labels().end()));
    for (std::int64_t k = -3; k <= 3; ++k)
        QVERIFY2(std::fabs(massAt(d.p, k) - 1.0 / 7.0) < 1e-12,
                 qPrintable(QStringLiteral("%1: %2").arg(k).arg(massAt(d.p, k), 0, 'g', 17)));
    QCOMPARE(massAt(d.p, 4), 0.0);
    QVERIFY(std::fabs(massAt(d.q, 2) - (phi(0.5) - phi(-0.5))) < 1e-8);
    const Comparison c = compare(d.p, d.q);
    QVERIFY(std::isfinite(c.totals.klPQ));
}

void TestDomainSwitch::convertContinuousFamilyKeepsMoments()
{
    const ContinuousDistribution n = Normal(2, 3);
    const ContinuousDistribution t = convertContinuousFamily(n, ContinuousFamily::StudentT);
    QCOMPARE(family(t), ContinuousFamily::StudentT);
    QVERIFY(std::fabs(mean(t) - 2.0) < 1e-12);
    QVERIFY(std::fabs(variance(t) - 9.0) < 1e-12);
    QVERIFY(convertContinuousFamily(n, ContinuousFamily::Normal) == n);
}

void TestDomainSwitch::familyNames()
{
    QCOMPARE(familyName(Family::Binomial), QStringLiteral("Binomial"));
    QCOMPARE(familyName(ContinuousFamily::StudentT), QStringLiteral("Student t"));
    QCOMPARE(familyName(ContinuousFamily::GaussianMixture), QStringLiteral("Gaussian mixture"));
}

QTEST_APPLESS_MAIN(TestDomainSwitch)
#include "tst_domainswitch.moc"
