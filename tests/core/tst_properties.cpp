// Properties of the fused pass over thousands of random normalised distributions (seeded, so every
// run sees the same ones): KL >= 0, JS symmetric and in [0, ln 2], H(P,Q) = H(P) + KL(P||Q) term by
// term and in total, consistent units, TV and Hellinger in [0, 1], KL(P||P) = 0, and totals that do
// not depend on how the work was split.

#include "divergence.h"
#include "neumaiersum.h"

#include "relativecompare.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace klscope;

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
const double kLn2 = std::log(2.0);
const double kLn10 = std::log(10.0);

struct Pair
{
    std::vector<double> p, q;
};

// A normalised random distribution of `size` events; with `zeros`, about a quarter of the masses are 0.
std::vector<double> randomDistribution(std::mt19937_64 &rng, std::size_t size, bool zeros)
{
    std::exponential_distribution<double> mass(1.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<double> m(size);
    for (double &x : m)
        x = (zeros && unit(rng) < 0.25) ? 0.0 : mass(rng) * std::pow(10.0, -6.0 * unit(rng) * unit(rng));
    if (compensatedSum(m) == 0.0)
        m[std::uniform_int_distribution<std::size_t>(0, size - 1)(rng)] = 1.0;
    const double total = compensatedSum(m);
    for (double &x : m)
        x /= total;
    return m;
}

// Pairs of distributions of sizes 1..1000; Q has zeros in some, so that some KL totals are infinite.
std::vector<Pair> randomPairs(std::uint64_t seed, int count)
{
    std::mt19937_64 rng(seed);
    const std::size_t fixedSizes[] = {1, 2, 3, 10, 100, 1000};
    std::vector<Pair> pairs;
    for (int i = 0; i < count; ++i) {
        const std::size_t size =
            i < 6 ? fixedSizes[i] : std::uniform_int_distribution<std::size_t>(1, 1000)(rng);
        Pair pair;
        pair.p = randomDistribution(rng, size, i % 3 == 1);
        pair.q = randomDistribution(rng, size, i % 3 == 2);
        pairs.push_back(std::move(pair));
    }
    return pairs;
}

struct Pass
{
    DivergenceTotals totals;
    std::vector<double> klPQ, klQP, js;
};

Pass run(const std::vector<double> &p, const std::vector<double> &q, Unit unit = Unit::Nats)
{
    Pass r;
    r.klPQ.resize(p.size());
    r.klQP.resize(p.size());
    r.js.resize(p.size());
    r.totals = divergences(p, q, unit, {r.klPQ, r.klQP, r.js});
    return r;
}

double sumAbs(const std::vector<double> &xs)
{
    NeumaierSum s;
    for (double x : xs)
        s.add(std::fabs(x));
    return s.value();
}

// |x ln x|, 0 at 0.
double xLogXAbs(double x)
{
    return x > 0 ? std::fabs(x * std::log(x)) : 0.0;
}

QString where(int i, std::size_t size)
{
    return QStringLiteral("pair %1 (%2 events)").arg(i).arg(size);
}

} // namespace

class TestProperties : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void klNonNegative();
    void jsSymmetricAndBounded();
    void crossEntropyDecomposition();
    void unitsConsistent_data();
    void unitsConsistent();
    void distancesBounded();
    void selfDivergenceIsZero();
    void independentOfSplitting();
    void repeatable();

private:
    std::vector<Pair> m_pairs;
};

void TestProperties::initTestCase()
{
    m_pairs = randomPairs(0x6b6c73636f7065, 3000);
}

void TestProperties::klNonNegative()
{
    for (int i = 0; i < int(m_pairs.size()); ++i) {
        const Pair &pair = m_pairs[std::size_t(i)];
        const Pass r = run(pair.p, pair.q);
        // Gibbs' inequality, within the rounding of the terms' sum.
        const double slack = 64 * kEps * (1.0 + sumAbs(r.klPQ));
        KLSCOPE_VERIFY2(!std::isnan(r.totals.klPQ) && r.totals.klPQ >= -slack,
                        where(i, pair.p.size()) + test::describeMismatch(" KL(P||Q)", r.totals.klPQ, 0));
        KLSCOPE_VERIFY2(!std::isnan(r.totals.klQP) && r.totals.klQP >= -64 * kEps * (1.0 + sumAbs(r.klQP)),
                        where(i, pair.p.size()) + test::describeMismatch(" KL(Q||P)", r.totals.klQP, 0));
        // +inf exactly when Q has a zero where P has mass.
        bool infinite = false;
        for (std::size_t k = 0; k < pair.p.size(); ++k)
            infinite = infinite || (pair.p[k] > 0 && pair.q[k] == 0);
        QCOMPARE(std::isinf(r.totals.klPQ), infinite);
    }
}

void TestProperties::jsSymmetricAndBounded()
{
    for (int i = 0; i < int(m_pairs.size()); ++i) {
        const Pair &pair = m_pairs[std::size_t(i)];
        const Pass pq = run(pair.p, pair.q);
        const Pass qp = run(pair.q, pair.p);
        const QString at = where(i, pair.p.size());
        KLSCOPE_VERIFY2(test::closeMixed(pq.totals.js, qp.totals.js, 1e-14, 1e-300),
                        (at + test::describeMismatch(" JS(P,Q) vs JS(Q,P)", pq.totals.js, qp.totals.js)));
        KLSCOPE_VERIFY2(pq.totals.js >= 0.0, at);
        KLSCOPE_VERIFY2(pq.totals.js <= kLn2 * (1 + 1e-14),
                        (at + test::describeMismatch(" JS", pq.totals.js, kLn2)));
        KLSCOPE_VERIFY2(std::isfinite(pq.totals.jsDistance), at);
        KLSCOPE_COMPARE_REL(pq.totals.jsDistance, std::sqrt(pq.totals.js), 1e-15);
        for (std::size_t k = 0; k < pair.p.size(); ++k) {
            KLSCOPE_VERIFY2(pq.js[k] >= 0.0, (at + QStringLiteral(" JS term %1 = %2").arg(k).arg(pq.js[k])));
            KLSCOPE_VERIFY2(test::closeMixed(pq.js[k], qp.js[k], 1e-14, 1e-300), at);
            // The reverse pass swaps the two KL terms.
            KLSCOPE_VERIFY2(test::closeMixed(pq.klPQ[k], qp.klQP[k], 1e-14, 1e-300), at);
        }
    }
}

// H(P,Q) = H(P) + KL(P||Q): checked term by term against the definitions, and in total.
void TestProperties::crossEntropyDecomposition()
{
    for (int i = 0; i < int(m_pairs.size()); ++i) {
        const Pair &pair = m_pairs[std::size_t(i)];
        const Pass r = run(pair.p, pair.q);
        const QString at = where(i, pair.p.size());
        NeumaierSum hp, cross, scale;
        for (std::size_t k = 0; k < pair.p.size(); ++k) {
            const double p = pair.p[k], q = pair.q[k];
            if (p == 0.0) {
                QCOMPARE(r.klPQ[k], 0.0); // 0 log(0/q) = 0, never NaN
                continue;
            }
            const double selfTerm = -p * std::log(p);  // this event's share of H(P)
            const double crossTerm = -p * std::log(q); // its share of H(P,Q); +inf where q = 0
            hp.add(selfTerm);
            cross.add(crossTerm);
            scale.add(std::fabs(selfTerm) + std::fabs(crossTerm));
            // p log(p/q) = (-p log q) - (-p log p), to the rounding of both logs.
            KLSCOPE_VERIFY2(test::closeMixed(r.klPQ[k], crossTerm - selfTerm, 1e-13,
                                             16 * kEps * (std::fabs(selfTerm) + std::fabs(crossTerm))),
                            (at + QStringLiteral(" event %1: ").arg(k) +
                             test::describeMismatch("KL term", r.klPQ[k], crossTerm - selfTerm)));
        }
        const double tolerance = 1e-13 * (1.0 + scale.value());
        KLSCOPE_VERIFY2(test::closeMixed(r.totals.entropyP, hp.value(), 0, tolerance),
                        (at + test::describeMismatch(" H(P)", r.totals.entropyP, hp.value())));
        KLSCOPE_VERIFY2(test::closeMixed(r.totals.crossEntropyPQ, cross.value(), 0, tolerance),
                        (at + test::describeMismatch(" H(P,Q)", r.totals.crossEntropyPQ, cross.value())));
        KLSCOPE_VERIFY2(
            test::closeMixed(r.totals.crossEntropyPQ, r.totals.entropyP + r.totals.klPQ, 0, tolerance),
            (at + test::describeMismatch(" H(P,Q) vs H(P)+KL", r.totals.crossEntropyPQ,
                                         r.totals.entropyP + r.totals.klPQ)));
        KLSCOPE_VERIFY2(test::closeMixed(r.totals.crossEntropyQP, r.totals.entropyQ + r.totals.klQP, 0,
                                         1e-13 * (1.0 + sumAbs(r.klQP) + std::fabs(r.totals.crossEntropyQP))),
                        (at + test::describeMismatch(" H(Q,P) vs H(Q)+KL", r.totals.crossEntropyQP,
                                                     r.totals.entropyQ + r.totals.klQP)));
    }
}

void TestProperties::unitsConsistent_data()
{
    QTest::addColumn<int>("unit");
    QTest::addColumn<double>("lnBase");
    QTest::newRow("bits") << int(Unit::Bits) << kLn2;
    QTest::newRow("bans") << int(Unit::Bans) << kLn10;
}

void TestProperties::unitsConsistent()
{
    QFETCH(int, unit);
    QFETCH(double, lnBase);
    constexpr double rel = 1e-14;
    for (std::size_t i = 0; i < m_pairs.size(); i += 3) {
        const Pair &pair = m_pairs[i];
        const Pass nats = run(pair.p, pair.q, Unit::Nats);
        const Pass other = run(pair.p, pair.q, static_cast<Unit>(unit));
        const DivergenceTotals &n = nats.totals, &o = other.totals;
        KLSCOPE_COMPARE_MIXED(o.klPQ, n.klPQ / lnBase, rel, 1e-300);
        KLSCOPE_COMPARE_MIXED(o.klQP, n.klQP / lnBase, rel, 1e-300);
        KLSCOPE_COMPARE_MIXED(o.js, n.js / lnBase, rel, 1e-300);
        KLSCOPE_COMPARE_MIXED(o.entropyP, n.entropyP / lnBase, rel, 1e-300);
        KLSCOPE_COMPARE_MIXED(o.entropyQ, n.entropyQ / lnBase, rel, 1e-300);
        KLSCOPE_COMPARE_MIXED(o.crossEntropyPQ, n.crossEntropyPQ / lnBase, rel, 1e-300);
        KLSCOPE_COMPARE_MIXED(o.crossEntropyQP, n.crossEntropyQP / lnBase, rel, 1e-300);
        // The JS distance in a unit is the square root of the JS divergence in that unit.
        KLSCOPE_COMPARE_MIXED(o.jsDistance, std::sqrt(o.js), rel, 1e-300);
        // Total variation, Hellinger and the masses have no unit.
        QCOMPARE(o.totalVariation, n.totalVariation);
        QCOMPARE(o.hellinger, n.hellinger);
        QCOMPARE(o.massP, n.massP);
        for (std::size_t k = 0; k < pair.p.size(); ++k) {
            KLSCOPE_COMPARE_MIXED(other.klPQ[k], nats.klPQ[k] / lnBase, rel, 1e-300);
            KLSCOPE_COMPARE_MIXED(other.js[k], nats.js[k] / lnBase, rel, 1e-300);
        }
    }
}

void TestProperties::distancesBounded()
{
    for (int i = 0; i < int(m_pairs.size()); ++i) {
        const Pair &pair = m_pairs[std::size_t(i)];
        const DivergenceTotals t = divergences(pair.p, pair.q, Unit::Nats);
        const QString at = where(i, pair.p.size());
        KLSCOPE_VERIFY2(t.totalVariation >= 0.0 && t.totalVariation <= 1.0 + 1e-15, at);
        KLSCOPE_VERIFY2(t.hellinger >= 0.0 && t.hellinger <= 1.0 + 1e-15, at);
        // Against their definitions.
        NeumaierSum tv, hel;
        for (std::size_t k = 0; k < pair.p.size(); ++k) {
            tv.add(std::fabs(pair.p[k] - pair.q[k]));
            const double d = std::sqrt(pair.p[k]) - std::sqrt(pair.q[k]);
            hel.add(d * d);
        }
        KLSCOPE_COMPARE_MIXED(t.totalVariation, 0.5 * tv.value(), 1e-13, 1e-16);
        KLSCOPE_COMPARE_MIXED(t.hellinger, std::sqrt(0.5 * hel.value()), 1e-13, 1e-16);
        // H^2 <= TV <= sqrt(2) H (Le Cam's inequalities).
        KLSCOPE_VERIFY2(t.hellinger * t.hellinger <= t.totalVariation * (1 + 1e-12) + 1e-16, at);
        KLSCOPE_VERIFY2(t.totalVariation <= std::sqrt(2.0) * t.hellinger * (1 + 1e-12) + 1e-16, at);
        KLSCOPE_COMPARE_REL(t.massP, 1.0, 1e-14);
    }
}

void TestProperties::selfDivergenceIsZero()
{
    for (int i = 0; i < int(m_pairs.size()); ++i) {
        const std::vector<double> &p = m_pairs[std::size_t(i)].p;
        const Pass r = run(p, p);
        QCOMPARE(r.totals.klPQ, 0.0);
        QCOMPARE(r.totals.klQP, 0.0);
        QCOMPARE(r.totals.js, 0.0);
        QCOMPARE(r.totals.jsDistance, 0.0);
        QCOMPARE(r.totals.totalVariation, 0.0);
        QCOMPARE(r.totals.hellinger, 0.0);
        KLSCOPE_COMPARE_REL(r.totals.crossEntropyPQ, r.totals.entropyP, 1e-15);
        for (std::size_t k = 0; k < p.size(); ++k) {
            QCOMPARE(r.klPQ[k], 0.0);
            QCOMPARE(r.js[k], 0.0);
        }
    }
}

// 300000 events: the pass splits work across threads above 2^17 events. The same data summed in
// pieces of at most 4999 events (each run on one thread) must give the same totals and terms.
void TestProperties::independentOfSplitting()
{
    std::mt19937_64 rng(42);
    const std::size_t n = 300000;
    const std::vector<double> p = randomDistribution(rng, n, true);
    const std::vector<double> q = randomDistribution(rng, n, false);
    const Pass whole = run(p, q);

    NeumaierSum klPQ, klQP, js, hp, hq, xpq, xqp, tv, hel2, massP, massQ;
    std::size_t start = 0;
    std::uniform_int_distribution<std::size_t> pieceSize(1, 4999);
    while (start < n) {
        const std::size_t len = std::min(pieceSize(rng), n - start);
        const std::vector<double> pp(p.begin() + std::ptrdiff_t(start),
                                     p.begin() + std::ptrdiff_t(start + len));
        const std::vector<double> qq(q.begin() + std::ptrdiff_t(start),
                                     q.begin() + std::ptrdiff_t(start + len));
        const Pass piece = run(pp, qq);
        const DivergenceTotals &t = piece.totals;
        klPQ.add(t.klPQ);
        klQP.add(t.klQP);
        js.add(t.js);
        hp.add(t.entropyP);
        hq.add(t.entropyQ);
        xpq.add(t.crossEntropyPQ);
        xqp.add(t.crossEntropyQP);
        tv.add(t.totalVariation);
        hel2.add(t.hellinger * t.hellinger);
        massP.add(t.massP);
        massQ.add(t.massQ);
        // Per event the same operations run, but an event may meet a vectorised log in one split
        // and the scalar one in another (both within a few ulp), so the terms agree to the rounding
        // of their logs, not bit for bit.
        for (std::size_t k = 0; k < len; ++k) {
            const double pk = p[start + k], qk = q[start + k], mk = 0.5 * (pk + qk);
            const double logScale =
                xLogXAbs(pk) + xLogXAbs(qk) + 2 * xLogXAbs(mk) + pk * std::fabs(std::log(qk));
            KLSCOPE_COMPARE_MIXED(piece.klPQ[k], whole.klPQ[start + k], 1e-15, 16 * kEps * logScale);
            KLSCOPE_COMPARE_MIXED(piece.klQP[k], whole.klQP[start + k], 1e-15, 16 * kEps * logScale);
            KLSCOPE_COMPARE_MIXED(piece.js[k], whole.js[start + k], 1e-15, 16 * kEps * logScale);
        }
        start += len;
    }
    const DivergenceTotals &t = whole.totals;
    constexpr double rel = 1e-13;
    KLSCOPE_COMPARE_REL(t.klPQ, klPQ.value(), rel);
    KLSCOPE_COMPARE_REL(t.klQP, klQP.value(), rel);
    KLSCOPE_COMPARE_REL(t.js, js.value(), rel);
    KLSCOPE_COMPARE_REL(t.entropyP, hp.value(), rel);
    KLSCOPE_COMPARE_REL(t.entropyQ, hq.value(), rel);
    KLSCOPE_COMPARE_REL(t.crossEntropyPQ, xpq.value(), rel);
    KLSCOPE_COMPARE_REL(t.crossEntropyQP, xqp.value(), rel);
    KLSCOPE_COMPARE_REL(t.totalVariation, tv.value(), rel);
    KLSCOPE_COMPARE_REL(t.hellinger, std::sqrt(hel2.value()), rel);
    KLSCOPE_COMPARE_REL(t.massP, massP.value(), rel);
    KLSCOPE_COMPARE_REL(t.massQ, massQ.value(), rel);
}

// The split across threads is fixed by the input, so the same input gives bit-identical totals.
void TestProperties::repeatable()
{
    std::mt19937_64 rng(7);
    const std::vector<double> p = randomDistribution(rng, 300001, false);
    const std::vector<double> q = randomDistribution(rng, 300001, true);
    const DivergenceTotals a = divergences(p, q, Unit::Bits);
    for (int run = 0; run < 5; ++run) {
        const DivergenceTotals b = divergences(p, q, Unit::Bits);
        QCOMPARE(b.klPQ, a.klPQ);
        QCOMPARE(b.klQP, a.klQP);
        QCOMPARE(b.js, a.js);
        QCOMPARE(b.entropyP, a.entropyP);
        QCOMPARE(b.crossEntropyPQ, a.crossEntropyPQ);
        QCOMPARE(b.totalVariation, a.totalVariation);
        QCOMPARE(b.hellinger, a.hellinger);
    }
}

QTEST_APPLESS_MAIN(TestProperties)
#include "tst_properties.moc"
