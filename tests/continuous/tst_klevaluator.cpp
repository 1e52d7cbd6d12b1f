// The fast evaluator against the full comparison: a continuous P (normal, mixture, Student t, gamma, Laplace)
// against normal, Laplace, Cauchy, Student t, lognormal and exponential Q_theta over a sweep of theta; a
// discrete P against parametric discrete Q_theta against compare(); infinities from the rules; NaN for an
// invalid theta.

#include "comparison.h"
#include "continuouscomparison.h"
#include "continuousspec.h"
#include "klevaluator.h"
#include "relativecompare.h"
#include "spec.h"

#include <QTest>

#include <cmath>

using namespace klscope;

class TestKlEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void continuous_data()
    {
        QTest::addColumn<QString>("p");
        QTest::addColumn<int>("family");
        QTest::addColumn<double>("nu");
        QTest::addColumn<double>("tolerance");
        const int normal = int(ContinuousFamily::Normal), laplace = int(ContinuousFamily::Laplace),
                  cauchy = int(ContinuousFamily::Cauchy), t = int(ContinuousFamily::StudentT),
                  lognormal = int(ContinuousFamily::LogNormal),
                  exponential = int(ContinuousFamily::Exponential);
        QTest::newRow("mixture vs normal")
            << "gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1" << normal << 5.0 << 1e-12;
        QTest::newRow("mixture vs laplace")
            << "gmm:w1=0.3,mu1=-2,sigma1=0.5,w2=0.7,mu2=1,sigma2=1.5" << laplace << 5.0 << 1e-10;
        QTest::newRow("normal vs t5") << "normal:mu=0.5,sigma=2" << t << 5.0 << 1e-10;
        QTest::newRow("mixture vs t3")
            << "gmm:w1=0.3,mu1=-2,sigma1=0.5,w2=0.7,mu2=1,sigma2=1.5" << t << 3.0 << 1e-10;
        QTest::newRow("narrow normal vs t30") << "normal:mu=1,sigma=0.05" << t << 30.0 << 1e-10;
        QTest::newRow("normal vs laplace") << "normal:mu=0.5,sigma=2" << laplace << 5.0 << 1e-10;
        QTest::newRow("narrow normal vs laplace") << "normal:mu=-0.8,sigma=0.1" << laplace << 5.0 << 1e-10;
        QTest::newRow("t5 vs normal") << "student_t:nu=5" << normal << 5.0 << 1e-10;
        QTest::newRow("normal vs cauchy") << "normal:mu=0,sigma=1" << cauchy << 5.0 << 1e-10;
        QTest::newRow("gamma vs lognormal") << "gamma:shape=3,rate=2" << lognormal << 5.0 << 1e-10;
        QTest::newRow("gamma vs exponential") << "gamma:shape=2,rate=1" << exponential << 5.0 << 1e-10;
        QTest::newRow("laplace vs normal") << "laplace:mu=1,b=0.7" << normal << 5.0 << 1e-10;
    }

    // A sweep of theta: both directions within the row's tolerance of compareContinuous (or both infinite):
    // 1e-12 for the fast path (Gaussian or mixture P, normal Q), 1e-10 where the evaluator integrates
    // adaptively.
    void continuous()
    {
        QFETCH(QString, p);
        QFETCH(int, family);
        QFETCH(double, nu);
        QFETCH(double, tolerance);
        const ContinuousDistribution pd = parseContinuousSpec(p.toStdString());
        const auto f = static_cast<ContinuousFamily>(family);
        const ContinuousKlEvaluator evaluator(pd, f, nu);
        ContinuousCompareOptions o;
        o.samples = 0;
        o.gridPoints = 0;
        for (double a : {-1.0, 0.0, 0.3, 2.0})
            for (double b : {0.4, 1.0, 2.5}) {
                double theta[2] = {a, b};
                ContinuousDistribution q = Normal(a, b);
                switch (f) {
                case ContinuousFamily::Laplace:
                    q = Laplace(a, b);
                    break;
                case ContinuousFamily::Cauchy:
                    q = Cauchy(a, b);
                    break;
                case ContinuousFamily::StudentT:
                    q = StudentT(nu, a, b);
                    break;
                case ContinuousFamily::LogNormal:
                    q = LogNormal(a, b);
                    break;
                case ContinuousFamily::Exponential:
                    theta[0] = b;
                    q = Exponential(b);
                    break;
                default:
                    break;
                }
                const KlPair fast = evaluator.evaluate(theta);
                const ContinuousComparison full = compareContinuous(pd, q, o);
                KLSCOPE_COMPARE_MIXED(fast.pq, full.klPQ.value, tolerance, 1e-13);
                KLSCOPE_COMPARE_MIXED(fast.qp, full.klQP.value, tolerance, 1e-13);
            }
    }

    // KL(Laplace(mu, b) || N(m, s^2)) = -(1 + ln 2b) + ln(s sqrt(2 pi)) + (2 b^2 + (mu - m)^2)/(2 s^2),
    // against a very narrow normal P, where the adaptive quadrature of compareContinuous is off by 5e-10
    // relative (more than its estimate says).
    void laplaceAgainstNarrowNormal()
    {
        const ContinuousKlEvaluator evaluator(Normal(-0.8, 0.01), ContinuousFamily::Laplace);
        for (double mu : {-1.0, 0.0, 2.0})
            for (double b : {0.4, 2.5}) {
                const double theta[2] = {mu, b};
                const double expected = -(1 + std::log(2 * b)) + std::log(0.01 * std::sqrt(2 * M_PI)) +
                                        (2 * b * b + (mu + 0.8) * (mu + 0.8)) / (2 * 0.01 * 0.01);
                KLSCOPE_COMPARE_REL(evaluator.evaluate(theta).qp, expected, 1e-13);
            }
    }

    void infinitiesAndInvalid()
    {
        const ContinuousKlEvaluator cauchyVsNormal(Cauchy(0, 1), ContinuousFamily::Normal);
        const double theta[2] = {0.0, 1.0};
        const KlPair r = cauchyVsNormal.evaluate(theta);
        QCOMPARE(r.pq, qInf());
        QVERIFY(std::isfinite(r.qp));
        const ContinuousKlEvaluator normalVsExponential(Normal(0, 1), ContinuousFamily::Exponential);
        const double rate[1] = {2.0};
        QCOMPARE(normalVsExponential.evaluate(rate).pq, qInf());
        const double bad[2] = {0.0, -1.0};
        QVERIFY(std::isnan(cauchyVsNormal.evaluate(bad).pq));
        QVERIFY(std::isnan(cauchyVsNormal.evaluate(std::span<const double>(theta, 1)).qp));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ContinuousKlEvaluator(Normal(0, 1), ContinuousFamily::Gamma));
    }

    void discrete_data()
    {
        QTest::addColumn<QString>("p");
        QTest::addColumn<int>("family");
        QTest::addColumn<QList<double>>("theta");
        QTest::newRow("binomial vs binomial")
            << "binomial:n=10,p=0.3" << int(Family::Binomial) << QList<double>{10, 0.5};
        QTest::newRow("poisson vs poisson") << "poisson:lambda=3" << int(Family::Poisson) << QList<double>{5};
        QTest::newRow("custom vs geometric")
            << "custom:0.2,0.5,0.3" << int(Family::Geometric) << QList<double>{0.4};
        QTest::newRow("binomial vs poisson")
            << "binomial:n=20,p=0.2" << int(Family::Poisson) << QList<double>{4.5};
        QTest::newRow("poisson vs binomial (inf)")
            << "poisson:lambda=2" << int(Family::Binomial) << QList<double>{6, 0.4};
    }

    void discrete()
    {
        QFETCH(QString, p);
        QFETCH(int, family);
        QFETCH(QList<double>, theta);
        const Distribution pd = parseSpec(p.toStdString());
        const DiscreteKlEvaluator evaluator(pd, static_cast<Family>(family));
        const std::vector<double> values(theta.begin(), theta.end());
        const KlPair fast = evaluator.evaluate(values);
        CompareOptions o;
        o.perEvent = false;
        const Comparison full = compare(pd, makeDistribution(static_cast<Family>(family), values), o);
        KLSCOPE_COMPARE_MIXED(fast.pq, full.totals.klPQ, 1e-12, 1e-15);
        KLSCOPE_COMPARE_MIXED(fast.qp, full.totals.klQP, 1e-12, 1e-15);
        const std::vector<double> bad(values.size(), -1.0);
        QVERIFY(std::isnan(evaluator.evaluate(bad).pq));
    }
};

QTEST_APPLESS_MAIN(TestKlEvaluator)
#include "tst_klevaluator.moc"
