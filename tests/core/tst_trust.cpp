// The numeric half of the trust issue: every defect it lists, and a test for its class.
//   * Crashes: Boost.Math returns values under the core's policy; extreme same-family pairs compute.
//   * Closed forms: checked against 50-digit evaluations of their definitions over parameter ratios from
//     1e-300 to 1e300, and against 50-digit sums over the events for moderate parameters.
//   * Support containment decided from the families; near-equal terms; identical inputs give exactly 0;
//     sums that overflow or underflow; smoothing that must not zero the masses; a JS that must not be
//     clamped away.
//   * Limits: one event limit checked before allocation, capped lists, streamed reports.
//   * Messages: one number parser for specs and files; terminal-safe text.

#include "closedform.h"
#include "comparison.h"
#include "computecase.h"
#include "delimitedtext.h"
#include "numbertext.h"
#include "relativecompare.h"
#include "report.h"
#include "spec.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/log1p.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>

using namespace klscope;
using klscope::test::closeRelative;
using Big = boost::multiprecision::cpp_bin_float_50;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool allZero(const DivergenceTotals &t)
{
    return t.klPQ == 0.0 && t.klQP == 0.0 && t.js == 0.0 && t.jsDistance == 0.0 && t.totalVariation == 0.0 &&
           t.hellinger == 0.0;
}

// KL of two Bernoulli laws from the definition, in 50 digits (a, b are the exact doubles given).
Big bernoulliReference(double a, double b)
{
    // 1 - a is not formed: 50 digits cannot hold 1 - 1e-104, its log1p can.
    const Big A(a), B(b);
    return A * log(A / B) + (1 - A) * (boost::math::log1p(-A) - boost::math::log1p(-B));
}

Big poissonReference(double l1, double l2)
{
    const Big a(l1), b(l2);
    return a * log(a / b) + b - a;
}

// 10^u for u uniform in [lo, hi].
double logUniform(std::mt19937_64 &rng, double lo, double hi)
{
    return std::pow(10.0, std::uniform_real_distribution<double>(lo, hi)(rng));
}

CompareOptions options(bool renormalize = false, double smoothing = 0.0, bool perEvent = true)
{
    CompareOptions o;
    o.renormalize = renormalize;
    o.smoothing = smoothing;
    o.perEvent = perEvent;
    return o;
}

CompareOptions onSupport(EventRange support)
{
    CompareOptions o;
    o.support = support;
    return o;
}

std::string errorOf(auto &&call)
{
    try {
        call();
    } catch (const std::invalid_argument &e) {
        return e.what();
    }
    return {};
}

} // namespace

class TestTrust : public QObject
{
    Q_OBJECT
private slots:
    void boostReturnsValues();
    void extremePairsCompute_data();
    void extremePairsCompute();
    void bernoulliClosedFormOverAllRatios();
    void poissonClosedFormOverAllRatios();
    void familyClosedFormsAgainstEventSums_data();
    void familyClosedFormsAgainstEventSums();
    void supportContainment_data();
    void supportContainment();
    void nearlyEqualTerms();
    void nearlyEqualPairsAgainstBigSums();
    void identicalGiveExactlyZero_data();
    void identicalGiveExactlyZero();
    void subnormalAndHugeTotals();
    void hugeSmoothing();
    void jsNotClampedAway();
    void eventLimitBeforeAllocation_data();
    void eventLimitBeforeAllocation();
    void infiniteListsAreCapped();
    void reportsStream();
    void terminalSafeText();
    void oneNumberRule_data();
    void oneNumberRule();
    void crOnlyLineEndings();
    void computeCorpus_data();
    void computeCorpus();
};

// The core's Boost.Math policy (mathpolicy.h) holds in every target linking the core, tests included.
void TestTrust::boostReturnsValues()
{
    double value = 0;
    QVERIFY(errorOf([&] { value = boost::math::tgamma(1000.0); }).empty());
    QCOMPARE(value, kInf);
    QVERIFY(std::isnan(boost::math::tgamma(-1.0)));
}

void TestTrust::extremePairsCompute_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<double>("expectedKl"); // 0: only that it is finite
    // The aborts: Boost's log1pmx overflowed at a ratio below 1e-16, tgamma overflowed.
    QTest::newRow("poisson 1 vs 1e-17") << "poisson:lambda=1"
                                        << "poisson:lambda=1e-17" << double(poissonReference(1, 1e-17));
    QTest::newRow("poisson 1 vs 1e-16") << "poisson:lambda=1"
                                        << "poisson:lambda=1e-16" << 35.841361487904734;
    QTest::newRow("bernoulli .5 vs 1e-17") << "bernoulli:p=0.5"
                                           << "bernoulli:p=1e-17" << double(bernoulliReference(0.5, 1e-17));
    QTest::newRow("binomial 10 .5 vs 1e-17")
        << "binomial:n=10,p=0.5"
        << "binomial:n=10,p=1e-17" << double(10 * bernoulliReference(0.5, 1e-17));
    QTest::newRow("binomial 10 .5 vs 1e-16")
        << "binomial:n=10,p=0.5"
        << "binomial:n=10,p=1e-16" << double(10 * bernoulliReference(0.5, 1e-16));
    QTest::newRow("poisson 1e7-ish vs 1e-4")
        << "poisson:lambda=9.9e6"
        << "poisson:lambda=1e-4" << double(poissonReference(9.9e6, 1e-4));
}

void TestTrust::extremePairsCompute()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(double, expectedKl);
    Comparison c;
    const std::string error = errorOf([&] {
        c = compare(parseSpec(p.toStdString()), parseSpec(q.toStdString()), options(false, 0.0, false));
    });
    QVERIFY2(error.empty(), error.c_str());
    QCOMPARE(c.klPQMethod, Method::ClosedForm);
    KLSCOPE_COMPARE_REL(c.totals.klPQ, expectedKl, 1e-13);
    QVERIFY(std::isfinite(c.totals.klQP));
}

// The class test: bernoulliKl against the definition in 50 digits over ratios from 1e-300 to 1e300,
// including p near 1 (1 - p as small as 1e-16) and nearly equal pairs.
void TestTrust::bernoulliClosedFormOverAllRatios()
{
    std::mt19937_64 rng(20261130);
    std::uniform_int_distribution<int> kind(0, 3);
    double worst = 0;
    for (int i = 0; i < 4000; ++i) {
        const auto draw = [&] {
            switch (kind(rng)) {
            case 0:
                return logUniform(rng, -300, 0) * 0.5;
            case 1:
                return 1.0 - logUniform(rng, -16, -0.5);
            default:
                return std::uniform_real_distribution<double>(1e-3, 1 - 1e-3)(rng);
            }
        };
        const double a = draw();
        double b = draw();
        if (i % 4 == 0) // nearly equal: b = a (1 + tiny)
            b = std::min(a * (1.0 + logUniform(rng, -15, -1)), std::nextafter(1.0, 0.0));
        if (!(a > 0 && a < 1 && b > 0 && b < 1) || a == b)
            continue;
        const double got = bernoulliKl(a, b);
        const double want = double(bernoulliReference(a, b));
        if (want < std::numeric_limits<double>::min()) { // the true value underflows: no relative error
            QVERIFY(got >= 0 && got < 1e-300);
            continue;
        }
        const double rel = std::fabs(got - want) / want;
        worst = std::max(worst, rel);
        QVERIFY2(rel <= 1e-12, qPrintable(QStringLiteral("a=%1 b=%2: %3 vs %4 (rel %5)")
                                              .arg(a, 0, 'g', 17)
                                              .arg(b, 0, 'g', 17)
                                              .arg(got, 0, 'g', 17)
                                              .arg(want, 0, 'g', 17)
                                              .arg(rel)));
    }
    qInfo("worst relative error of the Bernoulli closed form: %.3g", worst);
}

void TestTrust::poissonClosedFormOverAllRatios()
{
    std::mt19937_64 rng(7);
    for (int i = 0; i < 4000; ++i) {
        const double l1 = logUniform(rng, -300, std::log10(9.9e6));
        double l2 = logUniform(rng, -300, std::log10(9.9e6));
        if (i % 4 == 0)
            l2 = std::min(l1 * (1.0 + logUniform(rng, -15, -1)), 9.9e6);
        if (l1 == l2)
            continue;
        const auto kl = closedFormKl(Poisson(l1), Poisson(l2));
        QVERIFY(kl);
        const double want = double(poissonReference(l1, l2));
        QVERIFY2(closeRelative(*kl, want, 1e-12), qPrintable(QStringLiteral("l1=%1 l2=%2: %3 vs %4")
                                                                 .arg(l1, 0, 'g', 17)
                                                                 .arg(l2, 0, 'g', 17)
                                                                 .arg(*kl, 0, 'g', 17)
                                                                 .arg(want, 0, 'g', 17)));
    }
}

// Each family's closed form against a 50-digit sum of p ln(p/q) over its events (moderate parameters,
// where the sum over a cut support is complete to far below 1e-12).
void TestTrust::familyClosedFormsAgainstEventSums_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::newRow("binomial") << "binomial:n=20,p=0.3"
                              << "binomial:n=20,p=0.31";
    QTest::newRow("binomial near") << "binomial:n=20,p=0.3"
                                   << "binomial:n=20,p=0.30000001";
    QTest::newRow("binomial far") << "binomial:n=20,p=0.5"
                                  << "binomial:n=20,p=1e-12";
    QTest::newRow("poisson") << "poisson:lambda=3"
                             << "poisson:lambda=3.0000001";
    QTest::newRow("poisson far") << "poisson:lambda=2"
                                 << "poisson:lambda=1e-9";
    QTest::newRow("geometric") << "geometric:p=0.2"
                               << "geometric:p=0.5";
    QTest::newRow("geometric near") << "geometric:p=0.2"
                                    << "geometric:p=0.2000000001";
    QTest::newRow("negative binomial") << "negative_binomial:r=3,p=0.4"
                                       << "negative_binomial:r=3,p=0.6";
    QTest::newRow("negative binomial real r") << "negative_binomial:r=2.5,p=0.7"
                                              << "negative_binomial:r=2.5,p=0.1";
    QTest::newRow("bernoulli") << "bernoulli:p=1e-20"
                               << "bernoulli:p=1e-10";
}

namespace {
// ln P(X = k) in 50 digits, from the definitions (not from the core's saddle-point forms).
Big bigLogPmf(const Distribution &d, std::int64_t k)
{
    using boost::math::lgamma;
    using boost::math::log1p;
    const Big K(k);
    if (const auto *x = std::get_if<Binomial>(&d)) {
        const Big n(x->trials()), p(x->successProbability());
        return lgamma(n + 1) - lgamma(K + 1) - lgamma(n - K + 1) + K * log(p) + (n - K) * log1p(-p);
    }
    if (const auto *x = std::get_if<Poisson>(&d)) {
        const Big l(x->rate());
        return K * log(l) - l - lgamma(K + 1);
    }
    if (const auto *x = std::get_if<Geometric>(&d)) {
        const Big p(x->successProbability());
        return log(p) + K * log1p(-p);
    }
    if (const auto *x = std::get_if<NegativeBinomial>(&d)) {
        const Big r(x->successes()), p(x->successProbability());
        return lgamma(K + r) - lgamma(r) - lgamma(K + 1) + r * log(p) + K * log1p(-p);
    }
    const Big p(std::get<Bernoulli>(d).successProbability());
    return k == 0 ? log1p(-p) : log(p);
}
} // namespace

void TestTrust::familyClosedFormsAgainstEventSums()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    const Distribution dp = parseSpec(p.toStdString()), dq = parseSpec(q.toStdString());
    const auto kl = closedFormKl(dp, dq);
    QVERIFY(kl);
    // Summed over P's support until its remaining mass is far below 1e-30 of the result.
    const EventRange s = support(dp);
    const std::int64_t last = hasInfiniteSupport(dp) ? 20 * s.last + 200 : s.last;
    Big sum = 0;
    for (std::int64_t k = s.first; k <= last; ++k) {
        const Big lp = bigLogPmf(dp, k);
        sum += exp(lp) * (lp - bigLogPmf(dq, k));
    }
    KLSCOPE_COMPARE_REL(*kl, double(sum), 1e-12);
}

void TestTrust::supportContainment_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<bool>("infinitePQ");
    QTest::addColumn<bool>("infiniteQP");
    QTest::addColumn<qlonglong>("from");
    // The case: P's tail beyond 60 holds 2^-61, below the 1e-16 cut, and still makes KL infinite.
    QTest::newRow("geometric vs binomial(60)") << "geometric:p=0.5"
                                               << "binomial:n=60,p=0.3" << true << false << 61LL;
    QTest::newRow("binomial(60) vs geometric") << "binomial:n=60,p=0.3"
                                               << "geometric:p=0.5" << false << true << 61LL;
    QTest::newRow("poisson vs uniform") << "poisson:lambda=3"
                                        << "uniform:a=0,b=40" << true << false << 41LL;
    QTest::newRow("negative binomial vs bernoulli") << "negative_binomial:r=2,p=0.9"
                                                    << "bernoulli:p=0.5" << true << false << 2LL;
    QTest::newRow("poisson(0) is finite") << "poisson:lambda=0"
                                          << "binomial:n=3,p=0.5" << false << true << 0LL;
    QTest::newRow("both infinite") << "poisson:lambda=3"
                                   << "geometric:p=0.5" << false << false << 0LL;
}

void TestTrust::supportContainment()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(bool, infinitePQ);
    QFETCH(bool, infiniteQP);
    QFETCH(qlonglong, from);
    const Distribution dp = parseSpec(p.toStdString()), dq = parseSpec(q.toStdString());
    const Comparison c = compare(dp, dq);
    QCOMPARE(std::isinf(c.totals.klPQ), infinitePQ);
    QCOMPARE(std::isinf(c.totals.klQP), infiniteQP);
    QCOMPARE(std::isinf(c.totals.crossEntropyPQ), infinitePQ);
    const auto &tail = infinitePQ ? c.tailPQ : c.tailQP;
    if (infinitePQ || (infiniteQP && c.infiniteQPCount == 0)) {
        QVERIFY(tail);
        QCOMPARE(tail->from, std::int64_t(from));
        // The mass from there on, from the family's cdf.
        const Distribution &positive = infinitePQ ? dp : dq;
        KLSCOPE_COMPARE_REL(tail->mass, massOutside(positive, EventRange{0, from - 1}), 1e-12);
        QVERIFY(tail->mass > 0);
        const std::string text = toText(c, false);
        QVERIFY2(text.find("= 0 for every x >= " + std::to_string(from)) != std::string::npos, text.c_str());
    }
    // An explicit support is used as given: the families' tails outside it are not looked at.
    if (infinitePQ) {
        const Comparison given = compare(dp, dq, onSupport(EventRange{0, from - 1}));
        QVERIFY(!given.tailPQ);
    }
}

// p (ln p - ln q) for nearly equal p and q: the pair, to 1e-12 relative.
void TestTrust::nearlyEqualTerms()
{
    const Comparison c =
        compare(parseSpec("custom:0.9456657713430001"), parseSpec("custom:0.9456657713430094"));
    KLSCOPE_COMPARE_REL(c.totals.klPQ, -9.325873406851269e-15, 1e-12);
    KLSCOPE_COMPARE_REL(c.totals.klQP, 9.3258734068513607e-15, 1e-12);
    QVERIFY(c.totals.js > 0);
}

// The class: random pairs with p/q within a few percent, every per-event term against 50 digits.
void TestTrust::nearlyEqualPairsAgainstBigSums()
{
    std::mt19937_64 rng(42);
    const std::size_t n = 1000;
    std::vector<double> p(n), q(n);
    for (std::size_t i = 0; i < n; ++i) {
        p[i] = logUniform(rng, -12, 0);
        q[i] = p[i] * (1.0 + (i % 2 ? 1 : -1) * logUniform(rng, -16, -1.2));
    }
    const Comparison c = compare(Custom(p), Custom(q));
    Big kl = 0, js = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Big P(p[i]), Q(q[i]), M = (P + Q) / 2;
        const Big termPQ = P * log(P / Q);
        const Big termJS = (P * log(P / M) + Q * log(Q / M)) / 2;
        kl += termPQ;
        js += termJS;
        KLSCOPE_COMPARE_REL(c.klPQ[i], double(termPQ), 1e-12);
        KLSCOPE_COMPARE_REL(c.js[i], double(termJS), 1e-12);
    }
    KLSCOPE_COMPARE_REL(c.totals.js, double(js), 1e-12);
}

void TestTrust::identicalGiveExactlyZero_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<bool>("renormalize");
    QTest::addColumn<double>("smoothing");
    QTest::newRow("same custom") << "custom:1,2,3"
                                 << "custom:1,2,3" << false << 0.0;
    QTest::newRow("same custom, renormalised") << "custom:1,2,3"
                                               << "custom:1,2,3" << true << 0.0;
    QTest::newRow("proportional, renormalised") << "custom:1,2,3"
                                                << "custom:2,4,6" << true << 0.0;
    QTest::newRow("proportional by 3, renormalised") << "custom:1,2,3"
                                                     << "custom:3,6,9" << true << 0.0;
    QTest::newRow("same family") << "binomial:n=15,p=7/15"
                                 << "binomial:n=15,p=7/15" << false << 0.0;
    QTest::newRow("same family, smoothed") << "poisson:lambda=4"
                                           << "poisson:lambda=4" << false << 1e-3;
    QTest::newRow("same family, renormalised") << "poisson:lambda=4"
                                               << "poisson:lambda=4" << true << 0.0;
}

void TestTrust::identicalGiveExactlyZero()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(bool, renormalize);
    QFETCH(double, smoothing);
    const Comparison c =
        compare(parseSpec(p.toStdString()), parseSpec(q.toStdString()), options(renormalize, smoothing));
    QVERIFY2(allZero(c.totals), qPrintable(QStringLiteral("KL %1 %2 JS %3 %4 TV %5 H %6")
                                               .arg(c.totals.klPQ)
                                               .arg(c.totals.klQP)
                                               .arg(c.totals.js)
                                               .arg(c.totals.jsDistance)
                                               .arg(c.totals.totalVariation)
                                               .arg(c.totals.hellinger)));
    for (std::size_t i = 0; i < c.p.size(); ++i)
        QVERIFY(c.klPQ[i] == 0.0 && c.klQP[i] == 0.0 && c.js[i] == 0.0);
}

void TestTrust::subnormalAndHugeTotals()
{
    // A subnormal total renormalises to 1/2, 1/2 (it gave NaN and -inf).
    const Comparison tiny =
        compare(parseSpec("custom:1e-320,1e-320"), parseSpec("custom:1,1"), options(true));
    QCOMPARE(tiny.p[0], 0.5);
    QCOMPARE(tiny.p[1], 0.5);
    QVERIFY(allZero(tiny.totals));
    // A total beyond the largest double: the masses exist (no "all masses are zero")...
    std::optional<Distribution> parsed;
    QVERIFY(errorOf([&] { parsed = parseSpec("custom:1e308,1e308"); }).empty());
    const Distribution huge = *parsed;
    const Comparison scaled = compare(huge, parseSpec("custom:1,3"), options(true));
    QCOMPARE(scaled.p[0], 0.5);
    KLSCOPE_COMPARE_REL(scaled.totals.klPQ, 0.5 * std::log(0.5 / 0.25) + 0.5 * std::log(0.5 / 0.75), 1e-14);
    bool stated = false;
    for (const std::string &w : scaled.warnings)
        stated = stated || w.find("P summed to 2e+308") != std::string::npos;
    QVERIFY(stated);
    // ... and used as given, whose sums overflow, they are refused in words, never shown as -inf.
    const std::string error = errorOf([&] { compare(huge, parseSpec("custom:1,1")); });
    QVERIFY2(error.find("too large") != std::string::npos && error.find("2e+308") != std::string::npos,
             error.c_str());
}

// Smoothing by 1e308 leaves nearly uniform masses (it zeroed every mass, and H showed 0).
void TestTrust::hugeSmoothing()
{
    const Comparison c =
        compare(parseSpec("custom:0.5,0.3,0.2"), parseSpec("custom:0.1,0.1,0.8"), options(false, 1e308));
    for (std::size_t i = 0; i < 3; ++i) {
        KLSCOPE_COMPARE_REL(c.p[i], 1.0 / 3, 1e-15);
        KLSCOPE_COMPARE_REL(c.q[i], 1.0 / 3, 1e-15);
    }
    KLSCOPE_COMPARE_REL(c.totals.entropyP, std::log(3.0), 1e-15);
}

// JS of Poisson(1e6) and Poisson(1e6 + 1e-6) is about KL / 4 = 1.25e-19 (distance 3.5e-10); it was
// clamped to 0. Every JS term is now >= 0 by construction.
void TestTrust::jsNotClampedAway()
{
    const Comparison c = compare(Poisson(1e6), Poisson(1e6 + 1e-6), options(false, 0.0, false));
    QVERIFY(c.totals.js > 0);
    KLSCOPE_COMPARE_REL(c.totals.js, c.totals.klPQ / 4, 1e-3);
    KLSCOPE_COMPARE_REL(c.totals.jsDistance, 3.5355e-10, 1e-3);
}

void TestTrust::eventLimitBeforeAllocation_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("message");
    QTest::newRow("union of two uniforms") << "uniform:a=-4.9e7,b=0"
                                           << "uniform:a=0,b=10"
                                           << "limit of 10000000";
    QTest::newRow("uniform itself") << "uniform:a=0,b=4.9e7"
                                    << "uniform:a=0,b=10"
                                    << "limit of 10000000";
    QTest::newRow("binomial") << "binomial:n=1e8,p=0.5"
                              << "uniform:a=0,b=10"
                              << "from 0 to 9999999";
    QTest::newRow("geometric below its minimum") << "geometric:p=1e-6"
                                                 << "geometric:p=0.5"
                                                 << "between 4e-06 and 1";
    QTest::newRow("negative binomial tail") << "negative_binomial:r=5,p=1e-6"
                                            << "geometric:p=0.5"
                                            << "limit of 10000000 events";
    QTest::newRow("poisson above its maximum") << "poisson:lambda=1e7"
                                               << "poisson:lambda=1"
                                               << "between 0 and 9900000";
}

void TestTrust::eventLimitBeforeAllocation()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, message);
    const std::string error =
        errorOf([&] { compare(parseSpec(p.toStdString()), parseSpec(q.toStdString())); });
    QVERIFY2(error.find(message.toStdString()) != std::string::npos, error.c_str());
}

void TestTrust::infiniteListsAreCapped()
{
    std::vector<double> p(1000, 1.0), q(1000, 0.0);
    q.push_back(1.0);
    p.push_back(0.0);
    const Comparison c = compare(Custom(p), Custom(q));
    QCOMPARE(c.infinitePQ.size(), kMaxListedEvents);
    QCOMPARE(c.infinitePQCount, std::size_t(1000));
    QCOMPARE(c.infiniteQPCount, std::size_t(1));
    const std::string json = toJson(c, false);
    QVERIFY(json.find("\"infinite_count\":{\"kl_pq\":1000,\"kl_qp\":1}") != std::string::npos);
    QVERIFY(toText(c, false).find("(1000 events)") != std::string::npos);
}

void TestTrust::reportsStream()
{
    const Comparison c = compare(Binomial(200000, 0.3), DiscreteUniform(0, 200000));
    std::string streamed;
    std::size_t pieces = 0, largest = 0;
    writeJson(c, true, {}, {}, [&](std::string_view piece) {
        streamed += piece;
        ++pieces;
        largest = std::max(largest, piece.size());
    });
    QCOMPARE(streamed, toJson(c, true));
    QVERIFY(pieces > 100);
    QVERIFY(largest < 80 * 1024);
}

void TestTrust::terminalSafeText()
{
    QCOMPARE(terminalSafe("a\x1b[31mred"), std::string("a\\x1b[31mred"));
    QCOMPARE(terminalSafe("csi\xc2\x9b"
                          "2J"),
             std::string("csi\\x9b2J"));
    QCOMPARE(terminalSafe("caf\xc3\xa9"), std::string("caf\xc3\xa9"));
    const Custom labelled({0.5, 0.5}, {"\x1b]0;pwned\x07", "ok"});
    const Comparison c = compare(labelled, Custom({0.5, 0.5}));
    const std::vector<std::string> labels{"\x1b]0;pwned\x07", "ok"};
    const std::string text = toText(c, true, labels);
    QVERIFY(text.find('\x1b') == std::string::npos && text.find('\x07') == std::string::npos);
    QVERIFY(text.find("\\x1b]0;pwned\\x07") != std::string::npos);
}

// Specs and files read numbers by one rule (numbertext.h): the same text gives the same value, or is
// refused by both.
void TestTrust::oneNumberRule_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    QTest::newRow("decimal") << "0.25" << true << 0.25;
    QTest::newRow("underflow to 0") << "1e-400" << true << 0.0;
    QTest::newRow("subnormal") << "4e-320" << true << 4e-320;
    QTest::newRow("overflow") << "1e309" << false << 0.0;
    QTest::newRow("plus minus") << "+-1" << false << 0.0;
    QTest::newRow("double plus") << "++1" << false << 0.0;
    QTest::newRow("nan") << "nan" << false << 0.0;
    QTest::newRow("inf") << "inf" << false << 0.0;
    QTest::newRow("hex") << "0x10" << false << 0.0;
}

void TestTrust::oneNumberRule()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(double, value);
    const std::string s = text.toStdString();
    double read = -1;
    QCOMPARE(readNumber(s, read) == NumberRead::Ok, ok);
    double spec = -1;
    const std::string specError = errorOf([&] { spec = parseNumber(s, "x"); });
    QCOMPARE(specError.empty(), ok);
    const auto table = import::parseDelimitedText("p\n" + s + "\n0.5\n", "n.csv");
    QCOMPARE(table.ok(), ok);
    if (ok) {
        QCOMPARE(read, value);
        QCOMPARE(spec, value);
        QCOMPARE(table->values.at(0).at(0), value);
    } else {
        // Both name the text and say what is wrong with it in the same words.
        const std::string fileError = table.error().message;
        const std::string problem(numberProblem(readNumber(s, read)));
        QVERIFY2(specError.find(problem) != std::string::npos, specError.c_str());
        QVERIFY2(fileError.find(problem) != std::string::npos, fileError.c_str());
    }
}

void TestTrust::crOnlyLineEndings()
{
    const auto table = import::parseDelimitedText("apple,0.5\rpear,0.25\rplum,0.25\r", "mac.csv");
    QVERIFY2(table.ok(), table.ok() ? "" : table.error().message.c_str());
    QCOMPARE(table->labels, (std::vector<std::string>{"apple", "pear", "plum"}));
    const auto bad = import::parseDelimitedText("apple,0.5\rpear,0.25\rplum,x\r", "mac.csv");
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.find("line 3") != std::string::npos, bad.error().message.c_str());
}

// Every input in the fuzz-compute corpus (seeds and findings) keeps the compute path's promises.
void TestTrust::computeCorpus_data()
{
    QTest::addColumn<QString>("path");
    const QDir corpus(QStringLiteral(KLSCOPE_COMPUTE_CORPUS));
    const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 10);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << corpus.filePath(file);
}

void TestTrust::computeCorpus()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray input = file.readAll();
    std::string broken;
    QVERIFY(errorOf([&] {
                broken = fuzz::runComputeCase(std::string_view(input.constData(), input.size()));
            }).empty());
    QVERIFY2(broken.empty(), broken.c_str());
}

QTEST_APPLESS_MAIN(TestTrust)
#include "tst_trust.moc"
