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

#include <algorithm>
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

// The integral of integrand(ln p, ln q) for two normals by adaptive Gauss-Kronrod 61 between the points
// where ln p = ln q (the roots of a quadratic), over 12 widths beyond either mean, and exp_sinh on the
// tails: the reference for the normal pair's trapezoid rules. f is a function of x.
template <class Integrand> double adaptiveIntegral(const Normal &a, const Normal &b, Integrand f)
{
    static boost::math::quadrature::exp_sinh<double> es;
    const double lo = std::fmin(a.mu() - 12 * a.sigma(), b.mu() - 12 * b.sigma());
    const double hi = std::fmax(a.mu() + 12 * a.sigma(), b.mu() + 12 * b.sigma());
    std::vector<double> cuts{lo};
    for (const Normal &d : {a, b})
        for (double k : {-4.0, -1.0, 0.0, 1.0, 4.0})
            cuts.push_back(d.mu() + k * d.sigma());
    // The roots of ln p - ln q, a quadratic A x^2 + B x + C, in long double.
    using L = long double;
    const L ia = 1.0L / a.sigma(), ib = 1.0L / b.sigma();
    const L A = -(ia * ia - ib * ib) / 2, B = a.mu() * ia * ia - b.mu() * ib * ib,
            C = std::log(L(b.sigma()) / a.sigma()) -
                (a.mu() * a.mu() * ia * ia - b.mu() * b.mu() * ib * ib) / 2;
    if (A == 0) {
        if (B != 0)
            cuts.push_back(static_cast<double>(-C / B));
    } else if (const L disc = B * B - 4 * A * C; disc >= 0) {
        const L q = -(B + std::copysign(std::sqrt(disc), B)) / 2;
        cuts.push_back(static_cast<double>(q / A));
        if (q != 0)
            cuts.push_back(static_cast<double>(C / q));
    }
    cuts.push_back(hi);
    std::sort(cuts.begin(), cuts.end());
    double sum = es.integrate([&](double t) { return f(lo - t); }, 0.0, INFINITY, 1e-14) +
                 es.integrate([&](double t) { return f(hi + t); }, 0.0, INFINITY, 1e-14);
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
        if (cuts[k] < cuts[k + 1] && cuts[k] >= lo && cuts[k + 1] <= hi)
            sum += boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, cuts[k], cuts[k + 1], 8,
                                                                                 1e-13);
    return sum;
}

// The JS integrand of two normals at x in long double, with ln p - ln q from exact differences of the
// parameters (ln(sigma_b/sigma_a) - (za - zb)(za + zb)/2), so that nearly equal normals keep their digits:
// (p + q)/2 (ln 2 - H(r)) with r = p/(p + q), the series sum t^2k/(2k (2k - 1)) in t = tanh(s/2) below
// t = 1/2.
double referenceJsIntegrand(const Normal &a, const Normal &b, double xd)
{
    using L = long double;
    const L x = xd, ma = a.mu(), mb = b.mu(), sa = a.sigma(), sb = b.sigma();
    const L za = (x - ma) / sa, zb = (x - mb) / sb;
    const L c = std::log1p((sb - sa) / sa), di = (sb - sa) / (sa * sb);
    const L s = std::fabs(c - 0.5L * ((x - ma) * di + (mb - ma) / sb) * (za + zb));
    const L halfLog2Pi = 0.918938533204672741780329736405617639861L;
    const L lp = -std::log(sa) - 0.5L * za * za - halfLog2Pi,
            lq = -std::log(sb) - 0.5L * zb * zb - halfLog2Pi;
    const L em = std::expm1(-s), t = -em / (2 + em);
    L d = 0;
    if (t < 0.5L) {
        L power = t * t;
        for (int k = 1; k <= 40; ++k, power *= t * t)
            d += power / (2.0L * k * (2.0L * k - 1));
    } else {
        d = t >= 1 ? std::log(2.0L) : 0.5L * ((1 + t) * std::log1p(t) + (1 - t) * std::log1p(-t));
    }
    return static_cast<double>(0.5L * std::exp(std::fmax(lp, lq)) * (2 + em) * d);
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

    void normalJsProperty_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("pairs");
        QTest::newRow("random") << 0 << 1000;
        QTest::newRow("nearly equal") << 1 << 400;
        QTest::newRow("very different widths") << 2 << 400;
        QTest::newRow("far-apart means") << 3 << 400;
    }

    // JS of two normals (a trapezoid rule, or ln 2 minus one) against adaptive Gauss-Kronrod quadrature of
    // the JS integrand split where ln p = ln q, on 2200 random pairs: within 1e-10 relative, the error
    // estimate below the 1e-10 tolerance (no warning), and the estimate covering the difference up to the
    // reference's own 1e-13.
    void normalJsProperty()
    {
        QFETCH(int, kind);
        QFETCH(int, pairs);
        std::mt19937_64 rng(31000 + kind);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        ContinuousCompareOptions o;
        o.samples = 0;
        o.gridPoints = 0;
        double worst = 0.0;
        for (int i = 0; i < pairs; ++i) {
            const double m1 = -5 + 10 * u(rng), s1 = std::exp(-2 + 4 * u(rng));
            double m2 = 0, s2 = 1;
            switch (kind) {
            case 0:
                m2 = -5 + 10 * u(rng);
                s2 = std::exp(-2 + 4 * u(rng));
                break;
            case 1: // relative differences from 1e-9 to 1e-1 in the mean and the width
                m2 = m1 + s1 * (u(rng) < 0.5 ? -1 : 1) * std::exp(std::log(1e-9) * u(rng));
                s2 = s1 * (1 + (u(rng) < 0.5 ? -0.5 : 1) * std::exp(std::log(1e-9) * u(rng)));
                break;
            case 2: // width ratios from 3 to 1000
                m2 = m1 + s1 * (-2 + 4 * u(rng));
                s2 = s1 * std::exp((u(rng) < 0.5 ? -1 : 1) *
                                   (std::log(3.0) + (std::log(1000.0) - std::log(3.0)) * u(rng)));
                break;
            default: // means 5 to 1000 widths apart
                s2 = s1 * std::exp(-1 + 2 * u(rng));
                m2 = m1 + (u(rng) < 0.5 ? -1 : 1) * s1 * std::exp(std::log(5.0) + std::log(200.0) * u(rng));
                break;
            }
            const Normal a(m1, s1), b(m2, s2);
            const double js = adaptiveIntegral(a, b, [&](double x) { return referenceJsIntegrand(a, b, x); });
            const ContinuousComparison c = compareContinuous(a, b, o);
            const double diff = std::fabs(c.js.value - js);
            worst = std::fmax(worst, diff / js);
            const QString pair = QString::fromStdString(describe(a) + " vs " + describe(b)) +
                                 QString::asprintf(": JS %.17g, quadrature %.17g, error estimate %.3g",
                                                   c.js.value, js, c.js.error);
            KLSCOPE_VERIFY2(diff <= 1e-10 * js, pair);
            KLSCOPE_VERIFY2(c.js.error <= 1e-10 * c.js.value, pair);
            KLSCOPE_VERIFY2(diff <= c.js.error + 1e-13 * js, pair);
        }
        qInfo("worst relative difference %.3g", worst);
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
