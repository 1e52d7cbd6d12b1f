// The 2-D Gaussian pair: the spec and its refusals, the closed forms (reference vector 26, 50-digit values
// for nearly equal pairs, the factorisation into 1-D pairs for diagonal covariances, seeded Monte Carlo), the
// cubature of JS and TV (against the 1-D pairs, rotations and Monte Carlo) and the mean-field fits.

#include "relativecompare.h"

#include "continuouscomparison.h"
#include "meanfield.h"
#include "normal.h"
#include "normal2.h"
#include "normal2comparison.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>

using klscope::Normal2;
using klscope::test::closeRelative;

namespace {

// ln p(x, y) directly from the inverse matrix (independent of the library's Cholesky).
double logPdf(const Normal2 &d, double x, double y)
{
    const double det = d.var1() * d.var2() - d.cov() * d.cov();
    const double dx = x - d.mu1(), dy = y - d.mu2();
    const double q = (d.var2() * dx * dx - 2.0 * d.cov() * dx * dy + d.var1() * dy * dy) / det;
    return -std::log(2.0 * std::numbers::pi) - 0.5 * std::log(det) - 0.5 * q;
}

// A draw from d: x = mu + L z.
template <class Rng> std::pair<double, double> draw(const Normal2 &d, Rng &rng)
{
    std::normal_distribution<double> n(0.0, 1.0);
    const double z1 = n(rng), z2 = n(rng);
    const double a = std::sqrt(d.var1()), b = d.cov() / a, c = std::sqrt(d.var2() - b * b);
    return {d.mu1() + a * z1, d.mu2() + b * z1 + c * z2};
}

struct MonteCarlo
{
    double mean = 0.0, standardError = 0.0;
};

// The mean of f over `n` draws from `d` and its standard error.
template <class F> MonteCarlo monteCarlo(const Normal2 &d, const F &f, int n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    double sum = 0.0, sum2 = 0.0;
    for (int i = 0; i < n; ++i) {
        const auto [x, y] = draw(d, rng);
        const double v = f(x, y);
        sum += v;
        sum2 += v * v;
    }
    const double mean = sum / n;
    return {mean, std::sqrt(std::fmax(0.0, sum2 / n - mean * mean) / n)};
}

Normal2 rotated(const Normal2 &d, double angle)
{
    const double c = std::cos(angle), s = std::sin(angle);
    // R S R^T and R mu.
    const double v1 = c * c * d.var1() - 2.0 * c * s * d.cov() + s * s * d.var2();
    const double v2 = s * s * d.var1() + 2.0 * c * s * d.cov() + c * c * d.var2();
    const double cv = c * s * (d.var1() - d.var2()) + (c * c - s * s) * d.cov();
    return Normal2(c * d.mu1() - s * d.mu2(), s * d.mu1() + c * d.mu2(), v1, v2, cv);
}

} // namespace

Q_DECLARE_METATYPE(Normal2)

class TestNormal2 : public QObject
{
    Q_OBJECT

private slots:
    void specRoundTrip_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("defaults") << "normal2:"
                                  << "normal2:mu1=0,mu2=0,var1=1,var2=1,cov=0";
        QTest::newRow("all") << "normal2:mu1=1,mu2=-1,var1=2,var2=1,cov=0.5"
                             << "normal2:mu1=1,mu2=-1,var1=2,var2=1,cov=0.5";
        QTest::newRow("any order, blanks, fractions") << " normal2: cov = -1/4 , var2=3, mu2=1e-3"
                                                      << "normal2:mu1=0,mu2=0.001,var1=1,var2=3,cov=-0.25";
    }
    void specRoundTrip()
    {
        QFETCH(QString, spec);
        QFETCH(QString, canonical);
        QVERIFY(klscope::isNormal2Spec(spec.toStdString()));
        const Normal2 d = klscope::parseNormal2Spec(spec.toStdString());
        QCOMPARE(QString::fromStdString(klscope::formatNormal2Spec(d)), canonical);
        const Normal2 again = klscope::parseNormal2Spec(klscope::formatNormal2Spec(d));
        QCOMPARE(again.cov(), d.cov());
        QCOMPARE(again.mu2(), d.mu2());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("cov too large")
            << "normal2:var1=1,var2=1,cov=2"
            << "the covariance matrix [[1, 2], [2, 1]] is not positive definite (var1·var2 − cov² = -3 < 0)";
        QTest::newRow("singular")
            << "normal2:var1=1,var2=4,cov=2"
            << "[[1, 2], [2, 4]] is not positive definite (var1·var2 − cov² = 0, not > 0)";
        QTest::newRow("var1 zero") << "normal2:var1=0"
                                   << "is not positive definite (var1 = 0 is not > 0)";
        QTest::newRow("var2 negative") << "normal2:var2=-1"
                                       << "is not positive definite (var2 = -1 is not > 0)";
        QTest::newRow("unknown key") << "normal2:rho=0.5"
                                     << "unknown parameter 'rho'";
        QTest::newRow("twice") << "normal2:mu1=1,mu1=2"
                               << "mu1 is given twice";
        QTest::newRow("not a number") << "normal2:var1=abc"
                                      << "var1='abc'";
        QTest::newRow("no value") << "normal2:var1"
                                  << "is not NAME=VALUE";
    }
    void refusals()
    {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        try {
            (void)klscope::parseNormal2Spec(spec.toStdString());
            QFAIL("accepted");
        } catch (const std::invalid_argument &e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.contains(message), qPrintable(what));
        }
    }

    void nearlySingularIsAccepted()
    {
        // var1 var2 - cov^2 = 2^-29 - 2^-60 > 0; the fma keeps it positive and exact enough.
        const double cov = 1.0 - std::ldexp(1.0, -30);
        const Normal2 d(0.0, 0.0, 1.0, 1.0, cov);
        QVERIFY(closeRelative(d.determinant(), std::ldexp(1.0, -29) - std::ldexp(1.0, -60), 1e-15));
        QVERIFY(std::isfinite(klscope::klNormal2(d, Normal2())));
    }

    void referenceVector26()
    {
        const Normal2 p;
        const Normal2 q(1.0, -1.0, 2.0, 1.0, 0.5);
        KLSCOPE_COMPARE_REL(klscope::klNormal2(p, q), 1.0 + 0.5 * std::log(7.0 / 4.0), 1e-12);
        KLSCOPE_COMPARE_REL(klscope::klNormal2(p, q), 1.2798078939677113, 1e-12);
        const klscope::Summary s = klscope::compareNormal2(p, q);
        KLSCOPE_COMPARE_REL(s.klPQ.value, 1.2798078939677113, 1e-12);
        QCOMPARE(QString::fromStdString(s.klPQ.method), QStringLiteral("closed_form"));
        // Bits: the same over ln 2.
        const klscope::Summary bits = klscope::compareNormal2(p, q, klscope::Unit::Bits);
        KLSCOPE_COMPARE_REL(bits.klPQ.value, 1.2798078939677113 / std::numbers::ln2, 1e-12);
    }

    // 50-digit values (mpmath, from the doubles as given) for pairs that cancel in the textbook formula.
    void nearlyEqual_data()
    {
        QTest::addColumn<Normal2>("p");
        QTest::addColumn<Normal2>("q");
        QTest::addColumn<double>("klPQ");
        QTest::addColumn<double>("klQP");
        QTest::newRow("means 1e-8 apart") << Normal2() << Normal2(1e-8, 0, 1, 1, 0)
                                          << 5.0000000000000002092e-17 << 5.0000000000000002092e-17;
        QTest::newRow("variance 1 + 1e-6") << Normal2() << Normal2(0, 0, 1.000001, 1, 0)
                                           << 2.4999966662590842956e-13 << 2.499998332923250554e-13;
        QTest::newRow("correlated, 1e-9")
            << Normal2(0.5, -0.2, 2, 0.5, 0.7) << Normal2(0.5, -0.2, 2.000000002, 0.5, 0.7000000009999999)
            << 1.1341790140370385013e-18 << 1.1341790131876923196e-18;
        QTest::newRow("mean and cov 1e-7")
            << Normal2(1, 2, 1.5, 0.8, -0.6) << Normal2(1.0000001, 2, 1.5, 0.8, -0.5999999)
            << 1.5816323171766868426e-14 << 1.5816325188287189014e-14;
        QTest::newRow("correlation .99 vs .98") << Normal2(0, 0, 1, 1, 0.99) << Normal2(0, 0, 1, 1, 0.98)
                                                << 0.096579945790246600402 << 0.15343274392093557311;
    }
    void nearlyEqual()
    {
        QFETCH(Normal2, p);
        QFETCH(Normal2, q);
        QFETCH(double, klPQ);
        QFETCH(double, klQP);
        KLSCOPE_COMPARE_REL(klscope::klNormal2(p, q), klPQ, 1e-9);
        KLSCOPE_COMPARE_REL(klscope::klNormal2(q, p), klQP, 1e-9);
    }

    // Diagonal covariances factorise: KL, h and ln(1 - H^2) add over the axes; with the second axis equal in
    // P and Q, JS and TV are those of the first axes (the 1-D pair's closed forms and quadrature).
    void factorises_data()
    {
        QTest::addColumn<double>("mu1p");
        QTest::addColumn<double>("sd1p");
        QTest::addColumn<double>("mu1q");
        QTest::addColumn<double>("sd1q");
        QTest::newRow("shift") << 0.0 << 1.0 << 1.0 << 1.0;
        QTest::newRow("wide vs narrow") << 0.0 << 1.0 << 0.5 << 0.2;
        QTest::newRow("far apart") << -3.0 << 0.5 << 4.0 << 2.0;
        QTest::newRow("nearly equal") << 0.0 << 1.0 << 1e-3 << 1.0;
    }
    void factorises()
    {
        QFETCH(double, mu1p);
        QFETCH(double, sd1p);
        QFETCH(double, mu1q);
        QFETCH(double, sd1q);
        const Normal2 p(mu1p, 2.0, sd1p * sd1p, 3.0, 0.0), q(mu1q, 2.0, sd1q * sd1q, 3.0, 0.0);
        const klscope::ContinuousComparison one =
            klscope::compareContinuous(klscope::Normal(mu1p, sd1p), klscope::Normal(mu1q, sd1q));
        const klscope::ContinuousComparison other = klscope::compareContinuous(
            klscope::Normal(2.0, std::sqrt(3.0)), klscope::Normal(2.0, std::sqrt(3.0)));
        const klscope::Summary s = klscope::compareNormal2(p, q);
        KLSCOPE_COMPARE_REL(s.klPQ.value, one.klPQ.value, 1e-12);
        KLSCOPE_COMPARE_REL(s.klQP.value, one.klQP.value, 1e-12);
        KLSCOPE_COMPARE_REL(s.entropyP.value, one.entropyP.value + other.entropyP.value, 1e-13);
        KLSCOPE_COMPARE_REL(s.hellinger.value, one.hellinger.value, 1e-9);
        // The cubature against the 1-D values, within its own error estimate (and 1e-9 relative).
        QVERIFY2(std::fabs(s.js.value - one.js.value) <= s.js.error + one.js.error + 1e-9 * one.js.value,
                 qPrintable(
                     QString::asprintf("JS %.17g vs %.17g (+- %.3g)", s.js.value, one.js.value, s.js.error)));
        QVERIFY2(std::fabs(s.totalVariation.value - one.totalVariation.value) <=
                     s.totalVariation.error + one.totalVariation.error + 1e-9 * one.totalVariation.value,
                 qPrintable(QString::asprintf("TV %.17g vs %.17g (+- %.3g)", s.totalVariation.value,
                                              one.totalVariation.value, s.totalVariation.error)));
        QCOMPARE(QString::fromStdString(s.js.method), QStringLiteral("cubature"));
        QVERIFY(s.js.error < 1e-8);
    }

    // Every metric is invariant under a rotation of the plane applied to both.
    void rotationInvariance()
    {
        const Normal2 p(0.3, -1.0, 2.0, 0.5, 0.4), q(1.0, 0.5, 1.0, 3.0, -1.2);
        const klscope::Summary a = klscope::compareNormal2(p, q);
        for (const double angle : {0.3, 1.0, 2.5}) {
            const klscope::Summary b = klscope::compareNormal2(rotated(p, angle), rotated(q, angle));
            KLSCOPE_COMPARE_REL(b.klPQ.value, a.klPQ.value, 1e-12);
            KLSCOPE_COMPARE_REL(b.klQP.value, a.klQP.value, 1e-12);
            KLSCOPE_COMPARE_REL(b.hellinger.value, a.hellinger.value, 1e-12);
            QVERIFY(std::fabs(b.js.value - a.js.value) <= a.js.error + b.js.error + 1e-12);
            QVERIFY(std::fabs(b.totalVariation.value - a.totalVariation.value) <=
                    a.totalVariation.error + b.totalVariation.error + 1e-12);
        }
    }

    // The closed forms and the cubature against seeded Monte Carlo (2 x 10^5 draws; within 5 standard
    // errors).
    void againstMonteCarlo_data()
    {
        QTest::addColumn<Normal2>("p");
        QTest::addColumn<Normal2>("q");
        QTest::newRow("vector 26") << Normal2() << Normal2(1, -1, 2, 1, 0.5);
        QTest::newRow("correlated") << Normal2(0, 0, 1, 1, 0.9) << Normal2(0.5, 0, 2, 0.5, -0.3);
        QTest::newRow("narrow q") << Normal2(0, 0, 4, 4, 1) << Normal2(1, 1, 0.05, 0.02, 0.01);
    }
    void againstMonteCarlo()
    {
        QFETCH(Normal2, p);
        QFETCH(Normal2, q);
        const klscope::Summary s = klscope::compareNormal2(p, q);
        constexpr int n = 200000;
        const auto check = [&](const char *what, double value, const MonteCarlo &mc) {
            KLSCOPE_VERIFY2(std::fabs(value - mc.mean) <= 5.0 * mc.standardError + 1e-12,
                            QString::asprintf("%s: %.10g vs Monte Carlo %.10g +- %.3g", what, value, mc.mean,
                                              mc.standardError));
        };
        check("KL(P||Q)", s.klPQ.value,
              monteCarlo(
                  p, [&](double x, double y) { return logPdf(p, x, y) - logPdf(q, x, y); }, n, 1));
        check("KL(Q||P)", s.klQP.value,
              monteCarlo(
                  q, [&](double x, double y) { return logPdf(q, x, y) - logPdf(p, x, y); }, n, 2));
        check("h(P)", s.entropyP.value,
              monteCarlo(
                  p, [&](double x, double y) { return -logPdf(p, x, y); }, n, 3));
        check("H(P,Q)", s.crossEntropyPQ.value,
              monteCarlo(
                  p, [&](double x, double y) { return -logPdf(q, x, y); }, n, 4));
        // TV = E_P[(1 - q/p)+]; 1 - H^2 = E_P[sqrt(q/p)]; JS = E_P[ln(2p/(p + q))]/2 + E_Q[ln(2q/(p + q))]/2.
        check("TV", s.totalVariation.value,
              monteCarlo(
                  p,
                  [&](double x, double y) {
                      return std::fmax(0.0, -std::expm1(logPdf(q, x, y) - logPdf(p, x, y)));
                  },
                  n, 5));
        const double h2 = s.hellinger.value * s.hellinger.value;
        check("1 - H^2", 1.0 - h2,
              monteCarlo(
                  p, [&](double x, double y) { return std::exp(0.5 * (logPdf(q, x, y) - logPdf(p, x, y))); },
                  n, 6));
        const auto half = [&](const Normal2 &a, const Normal2 &b, unsigned seed) {
            return monteCarlo(
                a,
                [&](double x, double y) {
                    const double la = logPdf(a, x, y), lb = logPdf(b, x, y);
                    return std::numbers::ln2 - std::log1p(std::exp(lb - la));
                },
                n, seed);
        };
        const MonteCarlo jp = half(p, q, 7), jq = half(q, p, 8);
        check("JS", s.js.value,
              {0.5 * (jp.mean + jq.mean), 0.5 * std::hypot(jp.standardError, jq.standardError)});
        QVERIFY(s.warnings.empty());
    }

    void meanField_data()
    {
        QTest::addColumn<Normal2>("p");
        QTest::newRow("correlation .9") << Normal2(1, -2, 1, 1, 0.9);
        QTest::newRow("unequal, negative") << Normal2(0, 0, 4, 0.25, -0.8);
        QTest::newRow("independent") << Normal2(0.5, 0.5, 2, 3, 0);
        QTest::newRow("correlation .999") << Normal2(0, 0, 1, 1, 0.999);
    }
    void meanField()
    {
        QFETCH(Normal2, p);
        const klscope::DiagonalNormal2 f = klscope::meanFieldForward(p);
        const klscope::DiagonalNormal2 r = klscope::meanFieldReverse(p);
        QCOMPARE(f.mu1, p.mu1());
        QCOMPARE(r.mu2, p.mu2());
        QCOMPARE(f.var1, p.var1());
        QCOMPARE(f.var2, p.var2());
        // 1/Lambda_ii from the textbook inverse.
        const double det = p.var1() * p.var2() - p.cov() * p.cov();
        KLSCOPE_COMPARE_REL(r.var1, 1.0 / (p.var2() / det), 1e-12);
        KLSCOPE_COMPARE_REL(r.var2, 1.0 / (p.var1() / det), 1e-12);
        QVERIFY(r.var1 <= f.var1 && r.var2 <= f.var2);
        // Each is a minimum of its objective: any nearby diagonal Gaussian is worse.
        const double forward = klscope::klNormal2(p, f.normal()), reverse = klscope::klNormal2(r.normal(), p);
        for (const double step : {1e-3, -1e-3}) {
            for (int axis = 0; axis < 4; ++axis) {
                klscope::DiagonalNormal2 g = f, h = r;
                double *gv[] = {&g.mu1, &g.mu2, &g.var1, &g.var2};
                double *hv[] = {&h.mu1, &h.mu2, &h.var1, &h.var2};
                *gv[axis] += axis < 2 ? step : step * *gv[axis];
                *hv[axis] += axis < 2 ? step : step * *hv[axis];
                QVERIFY(klscope::klNormal2(p, g.normal()) > forward);
                QVERIFY(klscope::klNormal2(h.normal(), p) > reverse);
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestNormal2)
#include "tst_normal2.moc"
