// Properties of the closed forms: every same-family KL closed form agrees with quadrature of the log
// densities on thousands of random pairs (quadrature is good to about 1e-10), and with a 50-digit evaluation
// of the textbook formula (boost::multiprecision::cpp_bin_float_50, where cancellation costs nothing) to
// 1e-12 relative for extreme parameter ratios and nearly equal parameters.

#include "continuousclosedform.h"
#include "continuouscomparison.h"
#include "integrands.h"
#include "relativecompare.h"

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>

#include <QTest>

#include <cmath>
#include <random>
#include <vector>

using namespace klscope;
using Big = boost::multiprecision::cpp_bin_float_50;

namespace {

// Textbook KL forms evaluated in 50 digits.
double bigNormal(double m1, double s1, double m2, double s2)
{
    const Big r = Big(s1) / Big(s2), d = (Big(m1) - Big(m2)) / Big(s2);
    return static_cast<double>(0.5 * (r * r - 1 - log(r * r)) + 0.5 * d * d);
}

double bigExponential(double l1, double l2)
{
    const Big r = Big(l1) / Big(l2);
    return static_cast<double>(log(r) + 1 / r - 1);
}

Big lgammaBig(const Big &x)
{
    return boost::math::lgamma(x);
}

double bigGamma(double k1, double b1, double k2, double b2)
{
    const Big K1(k1), B1(b1), K2(k2), B2(b2);
    const Big v = (K1 - K2) * boost::math::digamma(K1) - lgammaBig(K1) + lgammaBig(K2) +
                  K2 * (log(B1) - log(B2)) + K1 * (B2 - B1) / B1;
    return static_cast<double>(v);
}

double bigBeta(double a1, double b1, double a2, double b2)
{
    const Big A1(a1), B1(b1), A2(a2), B2(b2);
    const auto lbeta = [](const Big &a, const Big &b) {
        return lgammaBig(a) + lgammaBig(b) - lgammaBig(a + b);
    };
    const Big v = lbeta(A2, B2) - lbeta(A1, B1) - (A2 - A1) * boost::math::digamma(A1) -
                  (B2 - B1) * boost::math::digamma(B1) + (A2 - A1 + B2 - B1) * boost::math::digamma(A1 + B1);
    return static_cast<double>(v);
}

double bigLaplace(double m1, double b1, double m2, double b2)
{
    const Big d = abs(Big(m1) - Big(m2));
    return static_cast<double>(log(Big(b2) / Big(b1)) + d / Big(b2) + Big(b1) / Big(b2) * exp(-d / Big(b1)) -
                               1);
}

} // namespace

class TestContinuousProperties : public QObject
{
    Q_OBJECT

private slots:
    void closedFormAgainstQuadrature_data()
    {
        QTest::addColumn<int>("family");
        for (int f : {0, 1, 2, 3, 4, 5, 8})
            QTest::newRow(std::string(familyKeyword(static_cast<ContinuousFamily>(f))).c_str()) << f;
    }

    // 500 random pairs per family, both directions: |closed - quadrature| within 1e-9 relative (or the
    // quadrature's own error estimate when that is larger).
    void closedFormAgainstQuadrature()
    {
        QFETCH(int, family);
        std::mt19937_64 rng(9000 + family);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        const auto logUniform = [&](double lo, double hi) {
            return std::exp(lo + (hi - lo) * u(rng));
        };
        const auto make = [&]() -> ContinuousDistribution {
            switch (static_cast<ContinuousFamily>(family)) {
            case ContinuousFamily::Normal:
                return Normal(-5 + 10 * u(rng), logUniform(-2.5, 2.5));
            case ContinuousFamily::LogNormal:
                return LogNormal(-2 + 4 * u(rng), logUniform(-2, 0.7));
            case ContinuousFamily::Exponential:
                return Exponential(logUniform(-3, 3));
            case ContinuousFamily::Gamma:
                return Gamma(logUniform(-1.5, 4), logUniform(-3, 3));
            case ContinuousFamily::Beta:
                return Beta(logUniform(-1.2, 3.5), logUniform(-1.2, 3.5));
            case ContinuousFamily::Laplace:
                return Laplace(-5 + 10 * u(rng), logUniform(-2.5, 2.5));
            default: {
                const double a = -5 + 10 * u(rng);
                return ContinuousUniform(a, a + logUniform(-2, 2));
            }
            }
        };
        int compared = 0;
        for (int i = 0; i < 500; ++i) {
            ContinuousDistribution p = make(), q = make();
            if (static_cast<ContinuousFamily>(family) == ContinuousFamily::ContinuousUniform) {
                // A uniform inside another: widen q around p.
                const auto &a = std::get<ContinuousUniform>(p);
                q = ContinuousUniform(a.a() - logUniform(-3, 1), a.b() + logUniform(-3, 1));
            }
            const double closed = *closedFormKl(p, q);
            const MetricValue quad = klByQuadrature(p, q, 1e-11);
            const double allowed = std::fmax(1e-9 * closed, 2.0 * quad.error) + 1e-15;
            KLSCOPE_VERIFY2(std::fabs(closed - quad.value) <= allowed,
                            QString::asprintf("%s || %s: closed %.17g, quadrature %.17g +- %.3g",
                                              describe(p).c_str(), describe(q).c_str(), closed, quad.value,
                                              quad.error));
            ++compared;
        }
        QCOMPARE(compared, 500);
    }

    // The normal pair's TV and Hellinger closed forms and its trapezoid-rule JS against adaptive quadrature
    // of the same integrands on 300 random pairs.
    void normalPairMetrics()
    {
        std::mt19937_64 rng(77);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        boost::math::quadrature::exp_sinh<double> es;
        boost::math::quadrature::gauss_kronrod<double, 61> gk;
        ContinuousCompareOptions o;
        o.samples = 0;
        o.gridPoints = 0;
        for (int i = 0; i < 300; ++i) {
            const Normal a(-3 + 6 * u(rng), std::exp(-1.5 + 3 * u(rng))),
                b(-3 + 6 * u(rng), std::exp(-1.5 + 3 * u(rng)));
            // Split where ln p = ln q (found by a fine scan and bisection), so no piece straddles a kink of
            // |p - q|.
            const auto diff = [&](double x) {
                return logpdf(a, x) - logpdf(b, x);
            };
            const double lo = std::fmin(a.mu() - 12 * a.sigma(), b.mu() - 12 * b.sigma());
            const double hi = std::fmax(a.mu() + 12 * a.sigma(), b.mu() + 12 * b.sigma());
            std::vector<double> cuts{lo};
            for (int k = 0; k < 4000; ++k) {
                double x0 = lo + (hi - lo) * k / 4000, x1 = lo + (hi - lo) * (k + 1) / 4000;
                if ((diff(x0) < 0) == (diff(x1) < 0))
                    continue;
                for (int it = 0; it < 200 && x1 - x0 > 1e-15 * std::fabs(x0); ++it) {
                    const double m = 0.5 * (x0 + x1);
                    ((diff(m) < 0) == (diff(x0) < 0) ? x0 : x1) = m;
                }
                cuts.push_back(0.5 * (x0 + x1));
            }
            cuts.push_back(hi);
            const auto integral = [&](auto integrand) {
                const auto f = [&](double x) {
                    return integrand(logpdf(a, x), logpdf(b, x));
                };
                double sum = es.integrate([&](double t) { return f(lo - t); }, 0.0, INFINITY, 1e-14) +
                             es.integrate([&](double t) { return f(hi + t); }, 0.0, INFINITY, 1e-14);
                for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
                    sum += gk.integrate(f, cuts[k], cuts[k + 1], 8, 1e-13);
                return sum;
            };
            const ContinuousComparison c = compareContinuous(a, b, o);
            const double tv = integral(continuous::tvIntegrand);
            const double h2 = integral(continuous::hellingerIntegrand);
            const double js = integral(continuous::jsIntegrand);
            const QString pair = QString::fromStdString(describe(a) + " vs " + describe(b));
            KLSCOPE_VERIFY2(std::fabs(c.totalVariation.value - tv) <= 1e-10 * tv + 1e-14,
                            pair + QString::asprintf(" TV %.17g vs %.17g", c.totalVariation.value, tv));
            KLSCOPE_VERIFY2(std::fabs(c.hellinger.value * c.hellinger.value - h2) <= 1e-10 * h2 + 1e-14,
                            pair + " Hellinger");
            KLSCOPE_VERIFY2(std::fabs(c.js.value - js) <= 1e-10 * js + 1e-14, pair + " JS");
        }
    }

    void highPrecision_data()
    {
        QTest::addColumn<int>("family");
        QTest::addColumn<double>("a1");
        QTest::addColumn<double>("b1");
        QTest::addColumn<double>("a2");
        QTest::addColumn<double>("b2");
        QTest::newRow("normal sigma ratio 1e6") << 0 << 0.0 << 1e-3 << 0.0 << 1e3;
        QTest::newRow("normal sigma ratio 1e-6") << 0 << 1.0 << 1e3 << 0.0 << 1e-3;
        QTest::newRow("normal mean 1e-12") << 0 << 0.0 << 1.0 << 1e-12 << 1.0;
        QTest::newRow("normal sigma 1+1e-12") << 0 << 0.0 << 1e5 << 0.0 << 1e5 * (1 + 1e-12);
        QTest::newRow("normal far apart") << 0 << -1e8 << 1.0 << 1e8 << 2.0;
        QTest::newRow("exponential ratio 1e8") << 2 << 1e-4 << 0.0 << 1e4 << 0.0;
        QTest::newRow("exponential 1+1e-12") << 2 << 3.0 << 0.0 << 3.0 * (1 + 1e-12) << 0.0;
        QTest::newRow("gamma small shapes") << 3 << 1e-3 << 1.0 << 2e-3 << 5.0;
        QTest::newRow("gamma large shapes") << 3 << 1e4 << 1.0 << 2e4 << 3.0;
        QTest::newRow("gamma close shapes") << 3 << 5.0 << 2.0 << 5.0 * (1 + 1e-9) << 2.0;
        QTest::newRow("gamma close rates") << 3 << 5.0 << 2.0 << 5.0 << 2.0 * (1 + 1e-9);
        QTest::newRow("gamma row 23") << 3 << 2.0 << 1.0 << 3.0 << 2.0;
        QTest::newRow("beta small") << 4 << 1e-2 << 3.0 << 2e-2 << 0.5;
        QTest::newRow("beta large") << 4 << 1e4 << 3e4 << 2e3 << 1e3;
        QTest::newRow("beta pole vs pole")
            << 4 << 0.9293280833325014 << 5.030529593672908 << 2.083600879031408 << 0.49051440062897667;
        QTest::newRow("beta close 1e6") << 4 << 1e6 << 1e6 << 1e6 * (1 + 1e-6) << 1e6;
        QTest::newRow("beta 1e8") << 4 << 1e8 << 3e8 << 2e7 << 1e7;
        QTest::newRow("gamma 1e8") << 3 << 1e8 << 1.0 << 2e8 << 3.0;
        QTest::newRow("beta close") << 4 << 2.0 << 3.0 << 2.0 * (1 + 1e-9) << 3.0;
        QTest::newRow("laplace ratio 1e6") << 5 << 0.0 << 1e-3 << 1.0 << 1e3;
        QTest::newRow("laplace close scales") << 5 << 0.0 << 1.0 << 0.0 << 1 + 1e-10;
        QTest::newRow("laplace close means") << 5 << 0.0 << 1.0 << 1e-9 << 1.0;
    }

    // The closed form against the textbook formula in 50 digits, to 1e-12 relative.
    void highPrecision()
    {
        QFETCH(int, family);
        QFETCH(double, a1);
        QFETCH(double, b1);
        QFETCH(double, a2);
        QFETCH(double, b2);
        double expected = 0, actual = 0;
        switch (static_cast<ContinuousFamily>(family)) {
        case ContinuousFamily::Normal:
            expected = bigNormal(a1, b1, a2, b2);
            actual = *closedFormKl(Normal(a1, b1), Normal(a2, b2));
            break;
        case ContinuousFamily::Exponential:
            expected = bigExponential(a1, a2);
            actual = *closedFormKl(Exponential(a1), Exponential(a2));
            break;
        case ContinuousFamily::Gamma:
            expected = bigGamma(a1, b1, a2, b2);
            actual = *closedFormKl(Gamma(a1, b1), Gamma(a2, b2));
            break;
        case ContinuousFamily::Beta:
            expected = bigBeta(a1, b1, a2, b2);
            actual = *closedFormKl(Beta(a1, b1), Beta(a2, b2));
            break;
        case ContinuousFamily::Laplace:
            expected = bigLaplace(a1, b1, a2, b2);
            actual = *closedFormKl(Laplace(a1, b1), Laplace(a2, b2));
            break;
        default:
            QFAIL("family");
        }
        KLSCOPE_COMPARE_REL(actual, expected, 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestContinuousProperties)
#include "tst_continuousproperties.moc"
