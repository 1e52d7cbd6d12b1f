// Every discrete vector of /work/shared/reference-vectors.md (the seed example and rows 1-19), through
// the public API: parseSpec() -> compare() for the totals, divergences() for the per-event terms, and
// the fused pass on its own for the same families summed event by event. 1e-12 relative; 0 and inf
// are compared exactly.

#include "comparison.h"
#include "divergence.h"
#include "spec.h"
#include "validation.h"

#include "relativecompare.h"

#include <QTest>

#include <cfloat>
#include <cmath>
#include <limits>
#include <vector>

using namespace klscope;

namespace {

constexpr double kTolerance = 1e-12;
constexpr double kInf = std::numeric_limits<double>::infinity();
const double kLn2 = std::log(2.0);

// Which total a row checks.
double quantity(const Comparison &c, const QString &name)
{
    const DivergenceTotals &t = c.totals;
    if (name == QLatin1String("kl_pq"))
        return t.klPQ;
    if (name == QLatin1String("kl_qp"))
        return t.klQP;
    if (name == QLatin1String("js"))
        return t.js;
    if (name == QLatin1String("js_distance"))
        return t.jsDistance;
    if (name == QLatin1String("h_p"))
        return t.entropyP;
    if (name == QLatin1String("h_q"))
        return t.entropyQ;
    if (name == QLatin1String("cross_entropy_pq"))
        return t.crossEntropyPQ;
    if (name == QLatin1String("p_mass"))
        return c.givenMassP;
    qFatal("unknown quantity %s", qPrintable(name));
}

Method methodOf(const Comparison &c, const QString &name)
{
    return name == QLatin1String("kl_qp") ? c.klQPMethod : c.klPQMethod;
}

QString number(double x)
{
    return QString::fromStdString(validation::formatNumber(x));
}

} // namespace

class TestReferenceVectors : public QObject
{
    Q_OBJECT

private slots:
    void totals_data();
    void totals();
    void closedFormsAgreeWithSummation_data();
    void closedFormsAgreeWithSummation();
    void perEventTerms_data();
    void perEventTerms();
    void jsBase2DistanceOfDisjointIsOne();
    void entropyOfLongUniform();
    void entropyOfLongCustom();
};

// Method column: 0 = any, 1 = must be the sum, 2 = must be the closed form.
void TestReferenceVectors::totals_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("support");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<bool>("renormalize");
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<double>("expected");
    QTest::addColumn<int>("method");

    const QString seedP = QStringLiteral("binomial:n=15,p=7/15");
    const QString nats = QStringLiteral("nats"), bits = QStringLiteral("bits");
    QTest::newRow("seed: KL on 0..14") << seedP << "uniform:a=0,b=14"
                                       << "0..14" << nats << false << "kl_pq" << 0.6311103254079738 << 1;
    QTest::newRow("seed: mass of P on 0..14")
        << seedP << "uniform:a=0,b=14"
        << "0..14" << nats << false << "p_mass" << 0.9999891581919401 << 0;
    QTest::newRow("seed: KL on 0..15") << seedP << "uniform:a=0,b=15"
                                       << "" << nats << false << "kl_pq" << 0.6955542620636594 << 0;

    const QString half = QStringLiteral("custom:0.5,0.5"), skew = QStringLiteral("custom:0.9,0.1");
    QTest::newRow("1: KL([.5,.5]||[.9,.1])")
        << half << skew << "" << nats << false << "kl_pq" << 0.51082562376599068 << 1;
    QTest::newRow("1: ... = ln(5/3)")
        << half << skew << "" << nats << false << "kl_pq" << std::log(5.0 / 3.0) << 1;
    QTest::newRow("1: in bits") << half << skew << "" << bits << false << "kl_pq" << 0.73696559416620617 << 1;
    QTest::newRow("2: KL([.9,.1]||[.5,.5])")
        << skew << half << "" << nats << false << "kl_pq" << 0.36806420716849707 << 1;
    QTest::newRow("2: as the reverse of 1")
        << half << skew << "" << nats << false << "kl_qp" << 0.36806420716849707 << 1;
    QTest::newRow("3: H([.9,.1]) bits")
        << skew << half << "" << bits << false << "h_p" << 0.46899559358928122 << 0;
    QTest::newRow("3: as H(Q)") << half << skew << "" << bits << false << "h_q" << 0.46899559358928122 << 0;
    QTest::newRow("4: H([.5,.5],[.9,.1]) bits")
        << half << skew << "" << bits << false << "cross_entropy_pq" << 1.7369655941662062 << 0;

    const QString one = QStringLiteral("custom:1,0");
    QTest::newRow("5: JS") << one << half << "" << nats << false << "js" << 0.21576155433883570 << 0;
    QTest::newRow("5: JS distance") << one << half << "" << nats << false << "js_distance"
                                    << 0.46450140402245901 << 0;
    QTest::newRow("5: JS base-2 distance")
        << one << half << "" << bits << false << "js_distance" << 0.55792304528414388 << 0;
    QTest::newRow("5: JS symmetric") << half << one << "" << nats << false << "js" << 0.21576155433883570
                                     << 0;
    QTest::newRow("6: JS disjoint = ln 2") << "custom:1,0,0"
                                           << "custom:0,1,0"
                                           << "" << nats << false << "js" << kLn2 << 0;
    QTest::newRow("6: JS disjoint base-2 distance") << "custom:1,0,0"
                                                    << "custom:0,1,0"
                                                    << "" << bits << false << "js_distance" << 1.0 << 0;

    QTest::newRow("7: renormalised [2,8]||[1,9]")
        << "custom:2,8"
        << "custom:1,9"
        << "" << nats << true << "kl_pq" << 0.044403007586882298 << 1;
    QTest::newRow("7: H([1,1,1,1]) renormalised") << "custom:1,1,1,1"
                                                  << "custom:1,1,1,1"
                                                  << "" << nats << true << "h_p" << 2 * kLn2 << 0;

    QTest::newRow("8: KL([1,0]||[0,1])") << one << "custom:0,1"
                                         << "" << nats << false << "kl_pq" << kInf << 0;
    QTest::newRow("8: KL([.5,.5]||[1,0])") << half << one << "" << nats << false << "kl_pq" << kInf << 0;
    QTest::newRow("8: KL(P||P) custom") << skew << skew << "" << nats << false << "kl_pq" << 0.0 << 0;
    QTest::newRow("8: KL(P||P) binomial") << seedP << seedP << "" << nats << false << "kl_pq" << 0.0 << 0;
    QTest::newRow("8: KL(P||P) hypergeometric") << "hypergeometric:N=50,K=20,n=10"
                                                << "hypergeometric:N=50,K=20,n=10"
                                                << "" << nats << false << "kl_pq" << 0.0 << 0;

    QTest::newRow("11: binomial(10,.3)||binomial(10,.5)")
        << "binomial:n=10,p=0.3"
        << "binomial:n=10,p=0.5"
        << "" << nats << false << "kl_pq" << 0.82282878505051846 << 2;
    QTest::newRow("12: Poisson(3)||Poisson(5)") << "poisson:lambda=3"
                                                << "poisson:lambda=5"
                                                << "" << nats << false << "kl_pq" << 0.46752312870202795 << 2;
    QTest::newRow("12: reverse") << "poisson:lambda=3"
                                 << "poisson:lambda=5"
                                 << "" << nats << false << "kl_qp" << 0.55412811882995342 << 2;
    QTest::newRow("13: geometric(.2)||geometric(.5)")
        << "geometric:p=0.2"
        << "geometric:p=0.5"
        << "" << nats << false << "kl_pq" << 0.96372378510878715 << 2;
    QTest::newRow("14: NB(3,.4)||NB(3,.6)") << "negative_binomial:r=3,p=0.4"
                                            << "negative_binomial:r=3,p=0.6"
                                            << "" << nats << false << "kl_pq" << 0.60819766216224657 << 2;
    const QString h7 = QStringLiteral("hypergeometric:N=20,K=7,n=12");
    const QString h8 = QStringLiteral("hypergeometric:N=20,K=8,n=12");
    QTest::newRow("15: hypergeometric")
        << h7 << h8 << "" << nats << false << "kl_pq" << 0.14974586888645879 << 1;
    QTest::newRow("15: reverse") << h7 << h8 << "" << nats << false << "kl_qp" << kInf << 1;
    QTest::newRow("16: uniform{0..3}||uniform{0..7}") << "uniform:a=0,b=3"
                                                      << "uniform:a=0,b=7"
                                                      << "" << nats << false << "kl_pq" << kLn2 << 1;
    QTest::newRow("16: reverse") << "uniform:a=0,b=3"
                                 << "uniform:a=0,b=7"
                                 << "" << nats << false << "kl_qp" << kInf << 1;
    QTest::newRow("18: Bernoulli(1e-20)||Bernoulli(1e-10)")
        << "bernoulli:p=1e-20"
        << "bernoulli:p=1e-10"
        << "" << nats << false << "kl_pq" << 9.99999997647414907e-11 << 2;
    QTest::newRow("19: Poisson(1)||Poisson(1+1e-10)") << "poisson:lambda=1"
                                                      << "poisson:lambda=" + number(1.0 + 1e-10) << "" << nats
                                                      << false << "kl_pq" << 5.0000008270704108e-21 << 2;
}

void TestReferenceVectors::totals()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, support);
    QFETCH(QString, unit);
    QFETCH(bool, renormalize);
    QFETCH(QString, quantity);
    QFETCH(double, expected);
    QFETCH(int, method);

    CompareOptions options;
    if (!support.isEmpty())
        options.support = parseSupport(support.toStdString());
    options.unit = *parseUnit(unit.toStdString());
    options.renormalize = renormalize;
    const Comparison c = compare(parseSpec(p.toStdString()), parseSpec(q.toStdString()), options);

    KLSCOPE_COMPARE_REL(::quantity(c, quantity), expected, kTolerance);
    if (method == 1)
        QCOMPARE(methodOf(c, quantity), Method::Sum);
    if (method == 2)
        QCOMPARE(methodOf(c, quantity), Method::ClosedForm);
}

// The fused pass alone, over the masses and log masses compare() evaluated: the same families must give
// the published values by summation too (their tails beyond the cut hold < 1e-16).
void TestReferenceVectors::closedFormsAgreeWithSummation_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<double>("klPQ");
    QTest::addColumn<double>("klQP");

    QTest::newRow("11") << "binomial:n=10,p=0.3"
                        << "binomial:n=10,p=0.5" << 0.82282878505051846 << qQNaN();
    QTest::newRow("12") << "poisson:lambda=3"
                        << "poisson:lambda=5" << 0.46752312870202795 << 0.55412811882995342;
    QTest::newRow("13") << "geometric:p=0.2"
                        << "geometric:p=0.5" << 0.96372378510878715 << qQNaN();
    QTest::newRow("14") << "negative_binomial:r=3,p=0.4"
                        << "negative_binomial:r=3,p=0.6" << 0.60819766216224657 << qQNaN();
    QTest::newRow("15") << "hypergeometric:N=20,K=7,n=12"
                        << "hypergeometric:N=20,K=8,n=12" << 0.14974586888645879 << kInf;
}

void TestReferenceVectors::closedFormsAgreeWithSummation()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(double, klPQ);
    QFETCH(double, klQP);

    const Comparison c = compare(parseSpec(p.toStdString()), parseSpec(q.toStdString()));
    const DivergenceTotals summed = divergences(c.p, c.q, Unit::Nats, {}, c.logP, c.logQ);
    KLSCOPE_COMPARE_REL(summed.klPQ, klPQ, kTolerance);
    if (!std::isnan(klQP))
        KLSCOPE_COMPARE_REL(summed.klQP, klQP, kTolerance);
}

// Rows 9 and 10: single per-event terms p ln(p/q), through compare() and through divergences() on
// plain masses (which then takes the logs itself).
void TestReferenceVectors::perEventTerms_data()
{
    QTest::addColumn<QList<double>>("pList");
    QTest::addColumn<QList<double>>("qList");
    QTest::addColumn<int>("event");
    QTest::addColumn<double>("expected");

    QTest::newRow("9: .5 ln(.5/.9)") << QList<double>{0.5, 0.5} << QList<double>{0.9, 0.1} << 0
                                     << -0.29389333245105950;
    QTest::newRow("10: 4 ln(4/DBL_MIN)")
        << QList<double>{4.0} << QList<double>{DBL_MIN} << 0 << 2839.1308515735360;
    QTest::newRow("10: among others")
        << QList<double>{0.25, 4.0, 0.25} << QList<double>{0.5, DBL_MIN, 0.5} << 1 << 2839.1308515735360;
}

void TestReferenceVectors::perEventTerms()
{
    QFETCH(QList<double>, pList);
    QFETCH(QList<double>, qList);
    const std::vector<double> p(pList.begin(), pList.end()), q(qList.begin(), qList.end());
    QFETCH(int, event);
    QFETCH(double, expected);

    const Comparison c = compare(Custom(p), Custom(q));
    QCOMPARE(c.klPQ.size(), p.size());
    KLSCOPE_COMPARE_REL(c.klPQ[static_cast<std::size_t>(event)], expected, kTolerance);
    QVERIFY(c.infinitePQ.empty());

    std::vector<double> klPQ(p.size()), klQP(p.size()), js(p.size());
    divergences(p, q, Unit::Nats, {klPQ, klQP, js});
    KLSCOPE_COMPARE_REL(klPQ[static_cast<std::size_t>(event)], expected, kTolerance);
    // The reverse term q ln(q/p) of the same event, by the same rule.
    const double reverse =
        q[static_cast<std::size_t>(event)] *
        (std::log(q[static_cast<std::size_t>(event)]) - std::log(p[static_cast<std::size_t>(event)]));
    KLSCOPE_COMPARE_REL(klQP[static_cast<std::size_t>(event)], reverse, kTolerance);
}

// Row 6 says "exactly 1": the base-2 JS distance of two disjoint distributions.
void TestReferenceVectors::jsBase2DistanceOfDisjointIsOne()
{
    CompareOptions options;
    options.unit = Unit::Bits;
    const Comparison c = compare(Custom({1, 0, 0}), Custom({0, 1, 0}), options);
    QCOMPARE(c.totals.js, 1.0);
    QCOMPARE(c.totals.jsDistance, 1.0);
}

// Row 17: H of 2^23 equal masses, a sum long enough that naive summation loses ~5e-11.
void TestReferenceVectors::entropyOfLongUniform()
{
    const double n = std::ldexp(1.0, 23);
    CompareOptions options;
    options.perEvent = false;
    const DiscreteUniform u(0, n - 1);
    const Comparison c = compare(u, u, options);
    QCOMPARE(c.support.size(), std::size_t(1) << 23);
    KLSCOPE_COMPARE_REL(c.totals.entropyP, 15.942385152878742, kTolerance);
    KLSCOPE_COMPARE_REL(c.totals.entropyQ, 15.942385152878742, kTolerance);
    KLSCOPE_COMPARE_REL(c.totals.entropyP, 23 * kLn2, kTolerance);
    KLSCOPE_COMPARE_REL(c.givenMassP, 1.0, kTolerance);
    QCOMPARE(c.totals.klPQ, 0.0);
}

void TestReferenceVectors::entropyOfLongCustom()
{
    const std::vector<double> p(std::size_t(1) << 23, std::ldexp(1.0, -23));
    const DivergenceTotals t = divergences(p, p, Unit::Nats);
    KLSCOPE_COMPARE_REL(t.entropyP, 15.942385152878742, kTolerance);
    KLSCOPE_COMPARE_REL(t.crossEntropyPQ, 15.942385152878742, kTolerance);
    QCOMPARE(t.massP, 1.0);
}

QTEST_APPLESS_MAIN(TestReferenceVectors)
#include "tst_referencevectors.moc"
