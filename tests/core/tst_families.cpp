// Each family's log mass function against Boost.Math's pdf over parameter grids, its support and tail
// cut, massOutside, constructor validation, and the spec parser and formatter.
//
// Where Boost's pdf is above 1e-280 the masses agree to 1e-12 relative. Below that (and where the pdf
// underflows to 0) the log mass must still be finite and agree with a long-double lgamma evaluation of
// the same closed form; events outside the support, and masses that are exactly zero (p = 0 or 1),
// must give -inf.

#include "distribution.h"
#include "neumaiersum.h"
#include "spec.h"

#include "relativecompare.h"

#include <QTest>

#include <boost/math/distributions/bernoulli.hpp>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/geometric.hpp>
#include <boost/math/distributions/hypergeometric.hpp>
#include <boost/math/distributions/negative_binomial.hpp>
#include <boost/math/distributions/poisson.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

using namespace klscope;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMassTolerance = 1e-12;
constexpr double kTinyPdf = 1e-280;

// Up to about `count` events spread over lo..hi, always with both ends and the neighbourhood of `centre`.
std::vector<std::int64_t> sampleEvents(std::int64_t lo, std::int64_t hi, double centre,
                                       std::int64_t count = 400)
{
    std::vector<std::int64_t> ks;
    if (hi - lo + 1 <= count) {
        for (std::int64_t k = lo; k <= hi; ++k)
            ks.push_back(k);
        return ks;
    }
    const double step = static_cast<double>(hi - lo) / static_cast<double>(count);
    for (std::int64_t i = 0; i <= count; ++i)
        ks.push_back(lo + static_cast<std::int64_t>(std::llround(step * static_cast<double>(i))));
    const auto c = static_cast<std::int64_t>(std::floor(centre));
    for (std::int64_t k = c - 20; k <= c + 20; ++k)
        if (k >= lo && k <= hi)
            ks.push_back(k);
    for (std::int64_t k : {lo + 1, lo + 2, hi - 1, hi - 2})
        ks.push_back(k);
    std::sort(ks.begin(), ks.end());
    ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
    return ks;
}

long double logChoose(long double n, long double k)
{
    return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1);
}

// x log(y), with 0 log 0 = 0 (a factor that is absent contributes nothing).
long double xLogY(long double x, long double y)
{
    return x == 0 ? 0.0L : x * std::log(y);
}

// Checks logpmf at `ks` against Boost's pdf and a long-double reference log mass. `inSupport(k)` says
// where Boost may be asked; `referenceLog(k)` is -inf where the mass is exactly zero.
void checkEvents(const std::vector<std::int64_t> &ks, const Distribution &d,
                 const std::function<bool(std::int64_t)> &inSupport,
                 const std::function<double(std::int64_t)> &pdf,
                 const std::function<long double(std::int64_t)> &referenceLog)
{
    for (std::int64_t k : ks) {
        const double logMass = logpmf(d, k);
        const QByteArray where = QByteArray(describe(d).c_str()) + " at k=" + QByteArray::number(qint64(k));
        QVERIFY2(!std::isnan(logMass), where.constData());
        if (!inSupport(k)) {
            QVERIFY2(logMass == -kInf,
                     (where + " is outside the support but logpmf = " + QByteArray::number(logMass, 'g', 17))
                         .constData());
            continue;
        }
        const long double ref = referenceLog(k);
        const double expected = pdf(k);
        if (ref == -INFINITY) {
            QVERIFY2(logMass == -kInf && expected == 0.0,
                     (where + ": the mass is exactly 0 but logpmf = " + QByteArray::number(logMass, 'g', 17))
                         .constData());
            continue;
        }
        QVERIFY2(logMass <= 1e-15, (where + ": logpmf above 0").constData());
        if (expected > kTinyPdf) {
            // Boost's pdf is itself off by up to ~2e-10 in places (the binomial at k = 0 for small p
            // and large n, the geometric for p = 1e-6; checked against 50-digit evaluations). There an
            // extended-precision evaluation of the same closed form must agree instead, to 1e-12 in the
            // log, i.e. 1e-12 relative in the mass.
            const bool agreesWithBoost = test::closeRelative(std::exp(logMass), expected, kMassTolerance);
            const bool agreesWithReference = std::fabs(static_cast<long double>(logMass) - ref) <=
                                             static_cast<long double>(kMassTolerance);
            QVERIFY2(
                agreesWithBoost || agreesWithReference,
                qPrintable(QString::fromLatin1(where) + QLatin1String(": ") +
                           test::describeMismatch("exp(logpmf)", std::exp(logMass), expected) +
                           QStringLiteral("; long-double log reference %1").arg(double(ref), 0, 'g', 17)));
        } else {
            // Underflowed or nearly: the log must stay finite, very negative, and right.
            QVERIFY2(std::isfinite(logMass) && logMass < std::log(1e-270),
                     (where + ": logpmf = " + QByteArray::number(logMass, 'g', 17)).constData());
            QVERIFY2(test::closeMixed(logMass, static_cast<double>(ref), 1e-9, 1e-9),
                     qPrintable(QString::fromLatin1(where) + QLatin1String(": ") +
                                test::describeMismatch("logpmf", logMass, static_cast<double>(ref))));
        }
    }
}

// Events outside the natural support and the natural support itself, sampled, for one family member.
std::vector<std::int64_t> eventsAround(std::int64_t lo, std::int64_t hi, double centre)
{
    auto ks = sampleEvents(lo, hi, centre);
    for (std::int64_t k : {lo - 1, lo - 2, hi + 1, hi + 2, std::int64_t(-1000)})
        ks.push_back(k);
    return ks;
}

} // namespace

class TestFamilies : public QObject
{
    Q_OBJECT

private slots:
    void binomialAgainstBoost_data();
    void binomialAgainstBoost();
    void binomialRangeMatchesPointwise_data() { binomialAgainstBoost_data(); }
    void binomialRangeMatchesPointwise();
    void poissonAgainstBoost_data();
    void poissonAgainstBoost();
    void geometricAgainstBoost_data();
    void geometricAgainstBoost();
    void negativeBinomialAgainstBoost_data();
    void negativeBinomialAgainstBoost();
    void hypergeometricAgainstBoost_data();
    void hypergeometricAgainstBoost();
    void bernoulliAgainstBoost_data();
    void bernoulliAgainstBoost();
    void uniformMasses_data();
    void uniformMasses();
    void customMasses();

    void naturalSupport_data();
    void naturalSupport();
    void tailCut_data();
    void tailCut();
    void massOutside_data();
    void massOutside();

    void constructorValidation_data();
    void constructorValidation();
    void customValidation_data();
    void customValidation();

    void specRoundTrip_data();
    void specRoundTrip();
    void specRoundTripRandom();
    void specFractionsAndSpaces();
    void specErrors_data();
    void specErrors();
    void supportParsing_data();
    void supportParsing();
    void supportErrors_data();
    void supportErrors();
};

void TestFamilies::binomialAgainstBoost_data()
{
    QTest::addColumn<double>("n");
    QTest::addColumn<double>("p");
    for (double n : {0.0, 1.0, 2.0, 15.0, 100.0, 1000.0, 1e5, 1e7})
        for (double p : {0.0, 1e-12, 1e-6, 1e-3, 0.3, 7.0 / 15.0, 0.5, 0.999, 1.0 - 1e-9, 1.0})
            QTest::addRow("n=%g p=%.17g", n, p) << n << p;
    // p one ulp from 0 or 1, where n p or n q rounds to (nearly) 0 or n.
    for (double p : {std::ldexp(1.0, -53), 1.0 - std::ldexp(1.0, -53)})
        QTest::addRow("n=1e8 p=%.17g", p) << 1e8 << p;
}

void TestFamilies::binomialAgainstBoost()
{
    QFETCH(double, n);
    QFETCH(double, p);
    const Binomial d(n, p);
    const boost::math::binomial_distribution<> b(n, p);
    const auto ni = static_cast<std::int64_t>(n);
    checkEvents(
        eventsAround(0, ni, n * p), d, [&](std::int64_t k) { return k >= 0 && k <= ni; },
        [&](std::int64_t k) { return pdf(b, static_cast<double>(k)); },
        [&](std::int64_t k) -> long double {
            const long double x = k, N = n, pp = p;
            if ((p == 0.0 && k > 0) || (p == 1.0 && k < ni))
                return -INFINITY;
            return logChoose(N, x) + xLogY(x, pp) + (N - x == 0 ? 0.0L : (N - x) * std::log1p(-pp));
        });
}

// evaluate() takes a binomial's log masses in batches with vectorised logarithms (logpmfRange); they must
// agree with logpmf, which the test above holds to the long-double reference, at every event of the
// support and beyond it (-inf), including both edges.
void TestFamilies::binomialRangeMatchesPointwise()
{
    QFETCH(double, n);
    QFETCH(double, p);
    const Binomial d(n, p);
    const auto ni = static_cast<std::int64_t>(n);
    // The whole support when it is small, else windows at both ends and around the mean.
    std::vector<std::pair<std::int64_t, std::int64_t>> windows;
    if (ni <= 20000)
        windows.emplace_back(-3, ni + 3);
    else
        for (std::int64_t centre : {std::int64_t{0}, static_cast<std::int64_t>(n * p), ni})
            windows.emplace_back(centre - 3000, centre + 3000);
    for (const auto &[first, last] : windows) {
        std::vector<double> batch(static_cast<std::size_t>(last - first + 1));
        logpmfRange(d, first, batch);
        for (std::int64_t k = first; k <= last; ++k) {
            const double expected = logpmf(d, k);
            const double actual = batch[static_cast<std::size_t>(k - first)];
            KLSCOPE_VERIFY2(klscope::test::closeMixed(actual, expected, 1e-14, 1e-12),
                            klscope::test::describeMismatch(
                                qPrintable(QStringLiteral("log mass at %1").arg(k)), actual, expected));
        }
    }
}

void TestFamilies::poissonAgainstBoost_data()
{
    QTest::addColumn<double>("lambda");
    for (double lambda : {0.0, 1e-3, 0.1, 1.0, 3.5, 10.0, 100.0, 1000.0, 1e4, 1e5})
        QTest::addRow("lambda=%g", lambda) << lambda;
}

void TestFamilies::poissonAgainstBoost()
{
    QFETCH(double, lambda);
    const Poisson d(lambda);
    const auto hi = static_cast<std::int64_t>(lambda + 40 * std::sqrt(lambda) + 200);
    auto ks = sampleEvents(0, hi, lambda);
    ks.push_back(-1);
    if (lambda == 0.0) {
        QCOMPARE(logpmf(d, 0), 0.0);
        for (std::int64_t k : ks)
            if (k != 0)
                QCOMPARE(logpmf(d, k), -kInf);
        return;
    }
    const boost::math::poisson_distribution<> b(lambda);
    checkEvents(
        ks, d, [](std::int64_t k) { return k >= 0; },
        [&](std::int64_t k) { return pdf(b, static_cast<double>(k)); },
        [&](std::int64_t k) -> long double {
            const long double x = k, m = lambda;
            return -m + xLogY(x, m) - std::lgamma(x + 1);
        });
}

void TestFamilies::geometricAgainstBoost_data()
{
    QTest::addColumn<double>("p");
    for (double p : {1e-6, 1e-3, 0.2, 0.5, 0.9, 1.0 - 1e-9, 1.0})
        QTest::addRow("p=%.17g", p) << p;
}

void TestFamilies::geometricAgainstBoost()
{
    QFETCH(double, p);
    const Geometric d(p);
    const boost::math::geometric_distribution<> b(p);
    const double m = (1 - p) / p, sd = std::sqrt(1 - p) / p;
    const auto hi = static_cast<std::int64_t>(m + 60 * sd + 1000);
    auto ks = sampleEvents(0, hi, 0);
    ks.push_back(-1);
    checkEvents(
        ks, d, [](std::int64_t k) { return k >= 0; },
        [&](std::int64_t k) { return pdf(b, static_cast<double>(k)); },
        [&](std::int64_t k) -> long double {
            if (p == 1.0)
                return k == 0 ? 0.0L : -INFINITY;
            return std::log(static_cast<long double>(p)) + k * std::log1p(-static_cast<long double>(p));
        });
}

void TestFamilies::negativeBinomialAgainstBoost_data()
{
    QTest::addColumn<double>("r");
    QTest::addColumn<double>("p");
    for (double r : {0.5, 1.0, 3.0, 10.5, 1000.0})
        for (double p : {1e-3, 0.4, 0.6, 0.99, 1.0})
            QTest::addRow("r=%g p=%g", r, p) << r << p;
}

void TestFamilies::negativeBinomialAgainstBoost()
{
    QFETCH(double, r);
    QFETCH(double, p);
    const NegativeBinomial d(r, p);
    const boost::math::negative_binomial_distribution<> b(r, p);
    const double m = r * (1 - p) / p, sd = std::sqrt(r * (1 - p)) / p;
    const auto hi = static_cast<std::int64_t>(m + 60 * sd + 1000);
    auto ks = sampleEvents(0, hi, m);
    ks.push_back(-1);
    checkEvents(
        ks, d, [](std::int64_t k) { return k >= 0; },
        [&](std::int64_t k) { return pdf(b, static_cast<double>(k)); },
        [&](std::int64_t k) -> long double {
            const long double x = k, rr = r, pp = p;
            if (p == 1.0)
                return k == 0 ? 0.0L : -INFINITY;
            return std::lgamma(x + rr) - std::lgamma(x + 1) - std::lgamma(rr) + rr * std::log(pp) +
                   x * std::log1p(-pp);
        });
}

void TestFamilies::hypergeometricAgainstBoost_data()
{
    QTest::addColumn<double>("N");
    QTest::addColumn<double>("K");
    QTest::addColumn<double>("n");
    const double rows[][3] = {
        {20, 7, 12}, {20, 8, 12}, {50, 20, 10}, {1000, 300, 500}, {10000, 10, 5000}, {100000, 30000, 50000},
        {10, 0, 5},  {10, 10, 5}, {10, 3, 0},   {5, 5, 5},        {1, 1, 1},         {171, 85, 86}};
    for (const auto &row : rows)
        QTest::addRow("N=%g K=%g n=%g", row[0], row[1], row[2]) << row[0] << row[1] << row[2];
}

void TestFamilies::hypergeometricAgainstBoost()
{
    QFETCH(double, N);
    QFETCH(double, K);
    QFETCH(double, n);
    const Hypergeometric d(N, K, n);
    const boost::math::hypergeometric_distribution<> b(static_cast<unsigned>(K), static_cast<unsigned>(n),
                                                       static_cast<unsigned>(N));
    const auto lo = static_cast<std::int64_t>(std::max(0.0, n - (N - K)));
    const auto hi = static_cast<std::int64_t>(std::min(n, K));
    checkEvents(
        eventsAround(lo, hi, n * K / N), d, [&](std::int64_t k) { return k >= lo && k <= hi; },
        [&](std::int64_t k) { return pdf(b, static_cast<unsigned>(k)); },
        [&](std::int64_t k) -> long double {
            const long double x = k;
            return logChoose(K, x) + logChoose(N - K, n - x) - logChoose(N, n);
        });
}

void TestFamilies::bernoulliAgainstBoost_data()
{
    QTest::addColumn<double>("p");
    for (double p : {0.0, 1e-20, 1e-10, 0.3, 0.5, 1.0 - 1e-10, 1.0})
        QTest::addRow("p=%.17g", p) << p;
}

void TestFamilies::bernoulliAgainstBoost()
{
    QFETCH(double, p);
    const Bernoulli d(p);
    const boost::math::bernoulli_distribution<> b(p);
    checkEvents(
        {-1, 0, 1, 2}, d, [](std::int64_t k) { return k == 0 || k == 1; },
        [&](std::int64_t k) { return pdf(b, static_cast<int>(k)); },
        [&](std::int64_t k) -> long double {
            const double m = k == 1 ? p : 1.0 - p;
            return m == 0.0 ? -INFINITY : std::log(static_cast<long double>(m));
        });
    // The log mass at 0 uses log1p: exact to rounding even where 1 - p rounds to 1.
    KLSCOPE_COMPARE_REL(logpmf(d, 0), std::log1p(-p), 1e-15);
}

void TestFamilies::uniformMasses_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::newRow("0..14") << 0.0 << 14.0;
    QTest::newRow("-5..5") << -5.0 << 5.0;
    QTest::newRow("3..3") << 3.0 << 3.0;
    QTest::newRow("far negative") << -1e12 << -1e12 + 10;
    QTest::newRow("kMaxEvents events") << 0.0 << double(kMaxEvents) - 1;
}

void TestFamilies::uniformMasses()
{
    QFETCH(double, a);
    QFETCH(double, b);
    const DiscreteUniform d(a, b);
    const auto lo = static_cast<std::int64_t>(a), hi = static_cast<std::int64_t>(b);
    const double count = b - a + 1;
    checkEvents(
        eventsAround(lo, hi, 0.5 * (a + b)), d, [&](std::int64_t k) { return k >= lo && k <= hi; },
        [&](std::int64_t) { return 1.0 / count; },
        [&](std::int64_t) { return -std::log(static_cast<long double>(count)); });
    QCOMPARE(support(Distribution(d)), (EventRange{lo, hi}));
}

void TestFamilies::customMasses()
{
    const std::vector<double> masses{0.2, 0.0, 1e-300, 0.5, 0.3};
    const Custom d(masses);
    for (std::size_t i = 0; i < masses.size(); ++i)
        QCOMPARE(logpmf(d, static_cast<std::int64_t>(i)), std::log(masses[i]));
    QCOMPARE(logpmf(d, -1), -kInf);
    QCOMPARE(logpmf(d, 5), -kInf);
    KLSCOPE_COMPARE_REL(d.total(), 1.0, 1e-15);
    QCOMPARE(support(Distribution(d)), (EventRange{0, 4}));
}

void TestFamilies::naturalSupport_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::newRow("binomial") << "binomial:n=15,p=0.4" << qint64(0) << qint64(15);
    QTest::newRow("binomial p=0") << "binomial:n=15,p=0" << qint64(0) << qint64(15);
    QTest::newRow("uniform") << "uniform:a=-3,b=4" << qint64(-3) << qint64(4);
    QTest::newRow("hypergeometric") << "hypergeometric:N=20,K=7,n=12" << qint64(0) << qint64(7);
    QTest::newRow("hypergeometric lower bound") << "hypergeometric:N=20,K=15,n=12" << qint64(7) << qint64(12);
    QTest::newRow("hypergeometric all drawn") << "hypergeometric:N=20,K=15,n=20" << qint64(15) << qint64(15);
    QTest::newRow("bernoulli") << "bernoulli:p=0.3" << qint64(0) << qint64(1);
    QTest::newRow("custom") << "custom:0.2,0.5,0.3" << qint64(0) << qint64(2);
    QTest::newRow("poisson 0") << "poisson:lambda=0" << qint64(0) << qint64(0);
    QTest::newRow("geometric 1") << "geometric:p=1" << qint64(0) << qint64(0);
    QTest::newRow("negative binomial p=1") << "negative_binomial:r=3,p=1" << qint64(0) << qint64(0);
}

void TestFamilies::naturalSupport()
{
    QFETCH(QString, spec);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    const Distribution d = parseSpec(spec.toStdString());
    QCOMPARE(support(d), (EventRange{first, last}));
    // The mass on the natural support is 1 (the tail cut leaves < 1e-16 out).
    const EventRange s = support(d);
    NeumaierSum total;
    for (std::int64_t k = s.first; k <= s.last; ++k)
        total.add(std::exp(logpmf(d, k)));
    KLSCOPE_COMPARE_REL(total.value(), 1.0, 1e-14);
}

void TestFamilies::tailCut_data()
{
    QTest::addColumn<QString>("spec");
    for (const char *spec :
         {"poisson:lambda=0.001", "poisson:lambda=1", "poisson:lambda=3.5", "poisson:lambda=100",
          "poisson:lambda=10000", "geometric:p=0.001", "geometric:p=0.2", "geometric:p=0.5",
          "geometric:p=0.99", "negative_binomial:r=3,p=0.4", "negative_binomial:r=0.5,p=0.1",
          "negative_binomial:r=100,p=0.9", "negative_binomial:r=1,p=0.5"})
        QTest::newRow(spec) << spec;
}

// The cut K is the first event whose upper tail P(X > K) is below 1e-16 (Boost's complemented cdf).
void TestFamilies::tailCut()
{
    QFETCH(QString, spec);
    const Distribution d = parseSpec(spec.toStdString());
    QVERIFY(hasInfiniteSupport(d));
    const EventRange s = support(d);
    QCOMPARE(s.first, std::int64_t(0));
    std::function<double(double)> tail;
    if (const auto *p = std::get_if<Poisson>(&d)) {
        const boost::math::poisson_distribution<> b(p->rate());
        tail = [b](double k) {
            return cdf(complement(b, k));
        };
    } else if (const auto *g = std::get_if<Geometric>(&d)) {
        const boost::math::geometric_distribution<> b(g->successProbability());
        tail = [b](double k) {
            return cdf(complement(b, k));
        };
    } else {
        const auto &nb = std::get<NegativeBinomial>(d);
        const boost::math::negative_binomial_distribution<> b(nb.successes(), nb.successProbability());
        tail = [b](double k) {
            return cdf(complement(b, k));
        };
    }
    const double at = tail(static_cast<double>(s.last));
    QVERIFY2(at < 1e-16, qPrintable(QStringLiteral("P(X > %1) = %2").arg(s.last).arg(at, 0, 'g', 17)));
    if (s.last > 0) {
        const double before = tail(static_cast<double>(s.last - 1));
        QVERIFY2(before >= 1e-16,
                 qPrintable(QStringLiteral("P(X > %1) = %2").arg(s.last - 1).arg(before, 0, 'g', 17)));
    }
    // The mass outside the cut support is that same tail.
    KLSCOPE_COMPARE_MIXED(klscope::massOutside(d, s), at, 1e-6, 1e-30);
}

void TestFamilies::massOutside_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::newRow("seed 0..14") << "binomial:n=15,p=7/15" << qint64(0) << qint64(14);
    QTest::newRow("binomial middle") << "binomial:n=40,p=0.3" << qint64(5) << qint64(20);
    QTest::newRow("binomial covering") << "binomial:n=40,p=0.3" << qint64(-5) << qint64(50);
    QTest::newRow("binomial disjoint") << "binomial:n=40,p=0.3" << qint64(41) << qint64(60);
    QTest::newRow("binomial below") << "binomial:n=40,p=0.3" << qint64(-10) << qint64(-1);
    QTest::newRow("uniform part") << "uniform:a=0,b=9" << qint64(3) << qint64(20);
    QTest::newRow("uniform disjoint") << "uniform:a=0,b=9" << qint64(10) << qint64(20);
    QTest::newRow("poisson middle") << "poisson:lambda=3.5" << qint64(2) << qint64(6);
    QTest::newRow("poisson from 1") << "poisson:lambda=20" << qint64(1) << qint64(100);
    QTest::newRow("geometric") << "geometric:p=0.3" << qint64(0) << qint64(4);
    QTest::newRow("geometric upper") << "geometric:p=0.3" << qint64(3) << qint64(200);
    QTest::newRow("negative binomial") << "negative_binomial:r=5,p=0.4" << qint64(3) << qint64(12);
    QTest::newRow("hypergeometric") << "hypergeometric:N=50,K=20,n=10" << qint64(2) << qint64(5);
    QTest::newRow("hypergeometric lower") << "hypergeometric:N=20,K=15,n=12" << qint64(9) << qint64(30);
    QTest::newRow("bernoulli 0") << "bernoulli:p=0.3" << qint64(0) << qint64(0);
    QTest::newRow("bernoulli 1") << "bernoulli:p=0.3" << qint64(1) << qint64(5);
    QTest::newRow("custom as given") << "custom:1,2,3,4" << qint64(1) << qint64(2);
}

// massOutside against 1 - (sum of the masses inside) and against the sum of the masses outside.
void TestFamilies::massOutside()
{
    QFETCH(QString, spec);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    const Distribution d = parseSpec(spec.toStdString());
    const EventRange range{first, last};
    const EventRange natural = support(d);
    NeumaierSum inside, outside;
    for (std::int64_t k = natural.first; k <= natural.last; ++k)
        (range.contains(k) ? inside : outside).add(std::exp(logpmf(d, k)));
    const double got = klscope::massOutside(d, range);
    if (family(d) == Family::Custom) {
        // Custom masses are not a share of their total.
        QCOMPARE(got, outside.value());
        return;
    }
    QVERIFY(got >= 0.0 && got <= 1.0);
    KLSCOPE_COMPARE_MIXED(got, 1.0 - inside.value(), 0.0, 1e-14);
    // The tail past the cut of an infinite support holds < 1e-16.
    KLSCOPE_COMPARE_MIXED(got, outside.value(), 1e-12, 1e-16);
}

void TestFamilies::constructorValidation_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QString>("expected");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto row = [](const char *name, Family f, QList<double> values, const char *expected) {
        QTest::newRow(name) << int(f) << values << QString::fromLatin1(expected);
    };
    row("binomial p > 1", Family::Binomial, {15, 1.5}, "binomial: p");
    row("binomial p < 0", Family::Binomial, {15, -0.1}, "binomial: p");
    row("binomial p NaN", Family::Binomial, {15, nan}, "binomial: p");
    row("binomial n negative", Family::Binomial, {-1, 0.5}, "binomial: n");
    row("binomial n fractional", Family::Binomial, {2.5, 0.5}, "binomial: n");
    row("binomial n too large", Family::Binomial, {1e9, 0.5}, "binomial: n");
    row("binomial n infinite", Family::Binomial, {kInf, 0.5}, "binomial: n");
    row("uniform a fractional", Family::Uniform, {0.5, 3}, "uniform: a");
    row("uniform b fractional", Family::Uniform, {0, 3.5}, "uniform: b");
    row("uniform b < a", Family::Uniform, {5, 3}, "uniform: b");
    row("uniform too many events", Family::Uniform, {0, 1e9}, "uniform:");
    row("poisson negative", Family::Poisson, {-1}, "poisson: lambda");
    row("poisson infinite", Family::Poisson, {kInf}, "poisson: lambda");
    row("poisson NaN", Family::Poisson, {nan}, "poisson: lambda");
    row("poisson too large", Family::Poisson, {1e8}, "poisson: lambda");
    row("geometric 0", Family::Geometric, {0}, "geometric: p");
    row("geometric > 1", Family::Geometric, {1.1}, "geometric: p");
    row("negative binomial r 0", Family::NegativeBinomial, {0, 0.5}, "negative_binomial: r");
    row("negative binomial r negative", Family::NegativeBinomial, {-2, 0.5}, "negative_binomial: r");
    row("negative binomial p 0", Family::NegativeBinomial, {3, 0}, "negative_binomial: p");
    row("negative binomial p NaN", Family::NegativeBinomial, {3, nan}, "negative_binomial: p");
    row("hypergeometric N negative", Family::Hypergeometric, {-1, 0, 0}, "hypergeometric: N");
    row("hypergeometric K > N", Family::Hypergeometric, {10, 11, 5}, "hypergeometric: K");
    row("hypergeometric n > N", Family::Hypergeometric, {10, 5, 11}, "hypergeometric: n");
    row("hypergeometric n fractional", Family::Hypergeometric, {10, 5, 2.5}, "hypergeometric: n");
    row("bernoulli negative", Family::Bernoulli, {-0.1}, "bernoulli: p");
    row("bernoulli > 1", Family::Bernoulli, {1.5}, "bernoulli: p");
}

void TestFamilies::constructorValidation()
{
    QFETCH(int, family);
    QFETCH(QList<double>, values);
    QFETCH(QString, expected);
    const std::vector<double> v(values.begin(), values.end());
    try {
        makeDistribution(static_cast<Family>(family), v);
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.startsWith(expected), qPrintable(message));
    }
}

void TestFamilies::customValidation_data()
{
    QTest::addColumn<QList<double>>("masses");
    QTest::addColumn<QStringList>("expected");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("empty") << QList<double>{} << QStringList{"custom:", "no masses"};
    QTest::newRow("negative") << QList<double>{0.2, -0.1}
                              << QStringList{"custom:", "event 1", "negative", "-0.1"};
    QTest::newRow("NaN") << QList<double>{0.2, 0.3, nan} << QStringList{"custom:", "event 2", "nan"};
    QTest::newRow("inf") << QList<double>{kInf, 0.3} << QStringList{"custom:", "event 0", "inf"};
    QTest::newRow("all zero") << QList<double>{0, 0, 0} << QStringList{"custom:", "zero"};
}

void TestFamilies::customValidation()
{
    QFETCH(QList<double>, masses);
    QFETCH(QStringList, expected);
    try {
        const Custom c(std::vector<double>(masses.begin(), masses.end()));
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        const QString message = QString::fromUtf8(e.what());
        for (const QString &part : expected)
            QVERIFY2(message.contains(part), qPrintable(message + QLatin1String(" lacks ") + part));
    }
}

void TestFamilies::specRoundTrip_data()
{
    QTest::addColumn<QString>("spec");
    for (const char *spec :
         {"binomial:n=15,p=0.4", "binomial:n=15,p=7/15", "uniform:a=0,b=14", "uniform:a=-7,b=-2",
          "poisson:lambda=3.5", "poisson:lambda=1e-3", "geometric:p=0.3", "negative_binomial:r=5,p=0.4",
          "negative_binomial:r=2.5,p=1/3", "hypergeometric:N=50,K=20,n=10", "bernoulli:p=0.3",
          "bernoulli:p=1e-20", "custom:0.2,0.5,0.3", "custom:1/3,2/3", "custom:0,1e-300,5"})
        QTest::newRow(spec) << spec;
}

void TestFamilies::specRoundTrip()
{
    QFETCH(QString, spec);
    const Distribution d = parseSpec(spec.toStdString());
    const std::string text = formatSpec(d);
    QVERIFY2(parseSpec(text) == d, text.c_str());
    QCOMPARE(formatSpec(parseSpec(text)), text);
    QVERIFY(QString::fromStdString(text).startsWith(
        QString::fromUtf8(familyKeyword(family(d)).data(), qsizetype(familyKeyword(family(d)).size())) +
        QLatin1Char(':')));
}

// Random parameters of every parametric family survive formatSpec -> parseSpec bit for bit.
void TestFamilies::specRoundTripRandom()
{
    std::mt19937_64 rng(20261122);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < 2000; ++i) {
        for (Family f : allFamilies()) {
            if (f == Family::Custom)
                continue;
            std::vector<double> values;
            for (const ParameterInfo &info : parameters(f)) {
                double v = info.sliderMinimum + unit(rng) * (info.sliderMaximum - info.sliderMinimum);
                if (info.integer)
                    v = std::round(v);
                values.push_back(std::clamp(v, info.minimum, info.maximum));
            }
            Distribution d = defaultDistribution(f);
            try {
                d = makeDistribution(f, values);
            } catch (const std::invalid_argument &) {
                continue; // e.g. uniform with b < a, hypergeometric with K > N
            }
            const std::string text = formatSpec(d);
            QVERIFY2(parseSpec(text) == d, text.c_str());
            QCOMPARE(parameterValues(parseSpec(text)), values);
        }
    }
}

void TestFamilies::specFractionsAndSpaces()
{
    const auto b = std::get<Binomial>(parseSpec("binomial:n=15,p=7/15"));
    QCOMPARE(b.successProbability(), 7.0 / 15.0);
    QCOMPARE(b.trials(), std::int64_t(15));
    const auto spaced = std::get<Binomial>(parseSpec("  binomial : p = 7 / 15 , n = 15 "));
    QCOMPARE(spaced, b);
    QCOMPARE(std::get<Poisson>(parseSpec("poisson:lambda=1e-3")).rate(), 1e-3);
    QCOMPARE(std::get<Poisson>(parseSpec("poisson:lambda=+2.5")).rate(), 2.5);
    const auto c = std::get<Custom>(parseSpec("custom:1/4, 0.5 ,1/4"));
    QCOMPARE(std::vector<double>(c.masses().begin(), c.masses().end()),
             (std::vector<double>{0.25, 0.5, 0.25}));
    QCOMPARE(parseNumber("7/15", "x"), 7.0 / 15.0);
    QCOMPARE(parseNumber(" -3 ", "x"), -3.0);
}

void TestFamilies::specErrors_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("not a number") << "binomial:n=15,p=abc"
                                  << QStringList{"binomial", "p", "'abc'", "not a number"};
    QTest::newRow("missing parameter") << "binomial:n=15" << QStringList{"binomial", "missing", "'p'"};
    QTest::newRow("unknown parameter") << "binomial:n=15,p=0.4,q=3" << QStringList{"binomial", "'q=3'"};
    QTest::newRow("unknown family") << "binomal:n=15,p=0.4" << QStringList{"'binomal'", "binomial"};
    QTest::newRow("out of range") << "binomial:n=15,p=1.5" << QStringList{"binomial: p", "1.5"};
    QTest::newRow("poisson abc") << "poisson:lambda=abc" << QStringList{"poisson", "lambda", "'abc'"};
    QTest::newRow("custom bad mass") << "custom:0.2,x,0.3" << QStringList{"custom", "mass 1", "'x'"};
    QTest::newRow("custom negative") << "custom:0.2,-0.1" << QStringList{"custom", "event 1", "-0.1"};
    QTest::newRow("custom empty") << "custom:" << QStringList{"custom", "nothing after"};
    QTest::newRow("custom empty mass") << "custom:0.2,,0.3" << QStringList{"custom", "mass 1"};
    QTest::newRow("nothing after") << "poisson" << QStringList{"poisson", "nothing after"};
    QTest::newRow("divides by zero") << "poisson:lambda=1/0" << QStringList{"lambda", "divides by zero"};
    QTest::newRow("given twice") << "binomial:n=15,n=3,p=0.5" << QStringList{"binomial", "'n'", "twice"};
    QTest::newRow("empty") << "" << QStringList{"empty"};
    QTest::newRow("no equals") << "geometric:p" << QStringList{"geometric", "name=value", "'p'"};
    QTest::newRow("trailing junk") << "geometric:p=0.3x" << QStringList{"geometric", "'0.3x'"};
    QTest::newRow("hypergeometric K > N")
        << "hypergeometric:N=10,K=11,n=5" << QStringList{"hypergeometric: K"};
}

void TestFamilies::specErrors()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, expected);
    try {
        parseSpec(spec.toStdString());
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        const QString message = QString::fromUtf8(e.what());
        for (const QString &part : expected)
            QVERIFY2(message.contains(part), qPrintable(message + QLatin1String(" lacks ") + part));
    }
}

void TestFamilies::supportParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::newRow("0..15") << "0..15" << qint64(0) << qint64(15);
    QTest::newRow("negative") << "-3..4" << qint64(-3) << qint64(4);
    QTest::newRow("one event, spaces") << " 2..2 " << qint64(2) << qint64(2);
    QTest::newRow("both negative") << "-10..-5" << qint64(-10) << qint64(-5);
}

void TestFamilies::supportParsing()
{
    QFETCH(QString, text);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    QCOMPARE(parseSupport(text.toStdString()), (EventRange{first, last}));
}

void TestFamilies::supportErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("no dots") << "0-15" << QStringList{"'0-15'", "A..B"};
    QTest::newRow("reversed") << "5..3" << QStringList{"'5..3'", "empty"};
    QTest::newRow("not a number") << "a..3" << QStringList{"'a'"};
    QTest::newRow("B not a number") << "0..abc" << QStringList{"'abc'"};
    QTest::newRow("fractional") << "0.5..3" << QStringList{"whole"};
    QTest::newRow("too many events") << "0..60000000" << QStringList{"limit"};
    QTest::newRow("empty") << "" << QStringList{"A..B"};
}

void TestFamilies::supportErrors()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    try {
        parseSupport(text.toStdString());
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        const QString message = QString::fromUtf8(e.what());
        for (const QString &part : expected)
            QVERIFY2(message.contains(part), qPrintable(message + QLatin1String(" lacks ") + part));
    }
}

QTEST_APPLESS_MAIN(TestFamilies)
#include "tst_families.moc"
