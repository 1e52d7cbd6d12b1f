// Each continuous family's hand-written log density, cdf and quantile against Boost.Math's distributions
// (pdf and cdf), over points across the body and both tails, plus mean, variance and entropy against
// Boost's moments and an independent quadrature of -f ln f.

#include "continuousdistribution.h"
#include "relativecompare.h"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/cauchy.hpp>
#include <boost/math/distributions/exponential.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/laplace.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>

#include <QTest>

#include <cmath>
#include <functional>

using namespace klscope;

Q_DECLARE_METATYPE(klscope::ContinuousDistribution)

namespace {

struct Reference
{
    std::function<double(double)> pdf, cdf;
    double mean, variance;
};

Reference reference(const ContinuousDistribution &d)
{
    namespace bm = boost::math;
    switch (family(d)) {
    case ContinuousFamily::Normal: {
        const auto &f = std::get<Normal>(d);
        const bm::normal_distribution<> b(f.mu(), f.sigma());
        return {[b](double x) { return bm::pdf(b, x); }, [b](double x) { return bm::cdf(b, x); }, bm::mean(b),
                bm::variance(b)};
    }
    case ContinuousFamily::LogNormal: {
        const auto &f = std::get<LogNormal>(d);
        const bm::lognormal_distribution<> b(f.mu(), f.sigma());
        return {[b](double x) { return bm::pdf(b, x); }, [b](double x) { return bm::cdf(b, x); }, bm::mean(b),
                bm::variance(b)};
    }
    case ContinuousFamily::Exponential: {
        const bm::exponential_distribution<> b(std::get<Exponential>(d).rate());
        return {[b](double x) { return bm::pdf(b, x); }, [b](double x) { return bm::cdf(b, x); }, bm::mean(b),
                bm::variance(b)};
    }
    case ContinuousFamily::Gamma: {
        const auto &f = std::get<Gamma>(d);
        const bm::gamma_distribution<> b(f.shape(), 1.0 / f.rate());
        return {[b](double x) { return bm::pdf(b, x); }, [b](double x) { return bm::cdf(b, x); }, bm::mean(b),
                bm::variance(b)};
    }
    case ContinuousFamily::Beta: {
        const auto &f = std::get<Beta>(d);
        const bm::beta_distribution<> b(f.a(), f.b());
        return {[b](double x) { return bm::pdf(b, x); }, [b](double x) { return bm::cdf(b, x); }, bm::mean(b),
                bm::variance(b)};
    }
    case ContinuousFamily::Laplace: {
        const auto &f = std::get<Laplace>(d);
        const bm::laplace_distribution<> b(f.mu(), f.b());
        return {[b](double x) { return bm::pdf(b, x); }, [b](double x) { return bm::cdf(b, x); }, bm::mean(b),
                bm::variance(b)};
    }
    case ContinuousFamily::StudentT: {
        const auto &f = std::get<StudentT>(d);
        const bm::students_t_distribution<> b(f.nu());
        const double mu = f.mu(), s = f.sigma();
        return {[=](double x) { return bm::pdf(b, (x - mu) / s) / s; },
                [=](double x) { return bm::cdf(b, (x - mu) / s); }, mu, s * s * f.nu() / (f.nu() - 2.0)};
    }
    case ContinuousFamily::Cauchy: {
        const auto &f = std::get<Cauchy>(d);
        const bm::cauchy_distribution<> b(f.x0(), f.gamma());
        return {[b](double x) { return bm::pdf(b, x); }, [b](double x) { return bm::cdf(b, x); }, NAN, NAN};
    }
    case ContinuousFamily::ContinuousUniform: {
        const auto &f = std::get<ContinuousUniform>(d);
        const bm::uniform_distribution<> b(f.a(), f.b());
        return {[b](double x) { return bm::pdf(b, x); }, [b](double x) { return bm::cdf(b, x); }, bm::mean(b),
                bm::variance(b)};
    }
    case ContinuousFamily::GaussianMixture: {
        const auto m = std::get<GaussianMixture>(d);
        return {[m](double x) {
                    double s = 0;
                    for (const auto &c : m.components())
                        s += c.weight * bm::pdf(bm::normal_distribution<>(c.mu, c.sigma), x);
                    return s;
                },
                [m](double x) {
                    double s = 0;
                    for (const auto &c : m.components())
                        s += c.weight * bm::cdf(bm::normal_distribution<>(c.mu, c.sigma), x);
                    return s;
                },
                mean(d), variance(d)};
    }
    }
    return {};
}

GaussianMixture mixture2()
{
    const MixtureComponent c[] = {{0.3, -2.0, 0.5}, {0.7, 1.5, 2.0}};
    return GaussianMixture(c);
}

} // namespace

class TestContinuousFamilies : public QObject
{
    Q_OBJECT

private slots:
    void againstBoost_data()
    {
        QTest::addColumn<ContinuousDistribution>("d");
        QTest::newRow("normal(0,1)") << ContinuousDistribution(Normal(0, 1));
        QTest::newRow("normal(-3,0.01)") << ContinuousDistribution(Normal(-3, 0.01));
        QTest::newRow("normal(1e6,1e3)") << ContinuousDistribution(Normal(1e6, 1e3));
        QTest::newRow("lognormal(0,1)") << ContinuousDistribution(LogNormal(0, 1));
        QTest::newRow("lognormal(2,0.3)") << ContinuousDistribution(LogNormal(2, 0.3));
        QTest::newRow("exponential(1)") << ContinuousDistribution(Exponential(1));
        QTest::newRow("exponential(250)") << ContinuousDistribution(Exponential(250));
        QTest::newRow("gamma(2,1)") << ContinuousDistribution(Gamma(2, 1));
        QTest::newRow("gamma(0.5,3)") << ContinuousDistribution(Gamma(0.5, 3));
        QTest::newRow("gamma(40,0.1)") << ContinuousDistribution(Gamma(40, 0.1));
        QTest::newRow("beta(2,3)") << ContinuousDistribution(Beta(2, 3));
        QTest::newRow("beta(0.5,0.5)") << ContinuousDistribution(Beta(0.5, 0.5));
        QTest::newRow("beta(1,1)") << ContinuousDistribution(Beta(1, 1));
        QTest::newRow("beta(30,4)") << ContinuousDistribution(Beta(30, 4));
        QTest::newRow("laplace(0,1)") << ContinuousDistribution(Laplace(0, 1));
        QTest::newRow("laplace(5,0.2)") << ContinuousDistribution(Laplace(5, 0.2));
        QTest::newRow("student_t(5)") << ContinuousDistribution(StudentT(5));
        QTest::newRow("student_t(2.5,1,3)") << ContinuousDistribution(StudentT(2.5, 1, 3));
        QTest::newRow("student_t(300,0,1)") << ContinuousDistribution(StudentT(300, 0, 1));
        QTest::newRow("cauchy(0,1)") << ContinuousDistribution(Cauchy(0, 1));
        QTest::newRow("cauchy(-2,0.5)") << ContinuousDistribution(Cauchy(-2, 0.5));
        QTest::newRow("uniform(0,1)") << ContinuousDistribution(ContinuousUniform(0, 1));
        QTest::newRow("uniform(-3,7)") << ContinuousDistribution(ContinuousUniform(-3, 7));
        QTest::newRow("gmm") << ContinuousDistribution(mixture2());
    }

    // ln f against ln of Boost's pdf, and the cdf and quantile against Boost's cdf, at 1e-6..1-1e-6
    // quantiles.
    void againstBoost()
    {
        QFETCH(ContinuousDistribution, d);
        const Reference ref = reference(d);
        for (double u : {1e-6, 1e-3, 0.02, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.98, 0.999, 1 - 1e-6}) {
            const double x = quantile(d, u);
            QVERIFY2(std::isfinite(x), qPrintable(QString::asprintf("quantile(%g) = %g", u, x)));
            KLSCOPE_COMPARE_REL(ref.cdf(x), u, 1e-9);
            KLSCOPE_COMPARE_REL(cdf(d, x), ref.cdf(x), 1e-12);
            const double boostPdf = ref.pdf(x);
            if (boostPdf > 1e-300)
                KLSCOPE_COMPARE_MIXED(logpdf(d, x), std::log(boostPdf), 1e-13, 1e-13);
            KLSCOPE_COMPARE_REL(pdf(d, x), boostPdf, 1e-12);
        }
        if (std::isfinite(ref.mean)) {
            KLSCOPE_COMPARE_MIXED(mean(d), ref.mean, 1e-14, 1e-300);
            KLSCOPE_COMPARE_REL(variance(d), ref.variance, 1e-13);
        }
    }

    void entropyAgainstQuadrature_data() { againstBoost_data(); }

    // The closed-form entropy against -int f ln f over the support, from Boost's pdf.
    void entropyAgainstQuadrature()
    {
        QFETCH(ContinuousDistribution, d);
        const double h = entropy(d);
        if (std::holds_alternative<GaussianMixture>(d)) {
            QVERIFY(std::isnan(h));
            return;
        }
        if (d == ContinuousDistribution(Beta(0.5, 0.5))) {
            // The arcsine law: h = ln(pi/4) (the quadrature below cannot resolve both 1/sqrt poles).
            KLSCOPE_COMPARE_REL(h, std::log(M_PI / 4), 1e-14);
            return;
        }
        const Reference ref = reference(d);
        const auto f = [&](double x) {
            const double p = ref.pdf(x);
            return p > 0 ? -p * std::log(p) : 0.0;
        };
        const Interval s = support(d);
        const double m = quantile(d, 0.5);
        double value = 0;
        boost::math::quadrature::tanh_sinh<double> ts;
        boost::math::quadrature::exp_sinh<double> es;
        value +=
            std::isfinite(s.low) ? ts.integrate(f, s.low, m, 1e-14) : es.integrate(f, -INFINITY, m, 1e-14);
        value +=
            std::isfinite(s.high) ? ts.integrate(f, m, s.high, 1e-14) : es.integrate(f, m, INFINITY, 1e-14);
        KLSCOPE_COMPARE_MIXED(h, value, 1e-10, 1e-12);
    }

    void supportAndTails()
    {
        QCOMPARE(support(ContinuousDistribution(Gamma(2, 1))), (Interval{0, INFINITY}));
        QCOMPARE(support(ContinuousDistribution(ContinuousUniform(-1, 2))), (Interval{-1, 2}));
        QCOMPARE(tails(ContinuousDistribution(Cauchy(0, 1))).left.kind, TailClass::Polynomial);
        QCOMPARE(tails(ContinuousDistribution(StudentT(5))).right.degree, 6.0);
        QCOMPARE(tails(ContinuousDistribution(Normal(0, 1))).right.kind, TailClass::Gaussian);
        QCOMPARE(tails(ContinuousDistribution(Laplace(0, 1))).left.kind, TailClass::Exponential);
        QCOMPARE(tails(ContinuousDistribution(Beta(2, 2))).left.kind, TailClass::Bounded);
        QVERIFY(std::isnan(mean(ContinuousDistribution(Cauchy(0, 1)))));
        QVERIFY(std::isinf(variance(ContinuousDistribution(StudentT(2)))));
    }

    // Log densities at the edges: outside the support -inf, poles +inf, far tails finite.
    void edges()
    {
        QCOMPARE(logpdf(ContinuousDistribution(Exponential(2)), -1.0), -INFINITY);
        QCOMPARE(logpdf(ContinuousDistribution(Gamma(0.5, 1)), 0.0), INFINITY);
        QCOMPARE(logpdf(ContinuousDistribution(Gamma(1, 3)), 0.0), std::log(3.0));
        QCOMPARE(logpdf(ContinuousDistribution(Beta(2, 2)), 1.5), -INFINITY);
        QCOMPARE(logpdf(ContinuousDistribution(ContinuousUniform(0, 1)), 1.5), -INFINITY);
        QCOMPARE(logpdf(ContinuousDistribution(LogNormal(0, 1)), 0.0), -INFINITY);
        // In the far tail the density underflows but its log stays finite.
        const double far = logpdf(ContinuousDistribution(Normal(0, 1)), 100.0);
        KLSCOPE_COMPARE_REL(far, -5000.0 - 0.91893853320467274, 1e-15);
        // At -60 the first component's term is e^-6700 of the second's.
        KLSCOPE_COMPARE_REL(logpdf(ContinuousDistribution(mixture2()), -60.0),
                            std::log(0.7) - std::log(2.0) - 0.91893853320467274 - 0.5 * 30.75 * 30.75, 1e-14);
        QVERIFY(std::isfinite(logpdf(ContinuousDistribution(Cauchy(0, 1)), 1e200)));
    }

    void badParameters_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("normal sigma 0") << 0 << "normal: sigma";
        QTest::newRow("student nu -1") << 1 << "student_t: nu";
        QTest::newRow("uniform a >= b") << 2 << "continuous_uniform: a must be less than b";
        QTest::newRow("gmm weights") << 3 << "sum to 0.9";
        QTest::newRow("gmm 17") << 4 << "at most 16";
        QTest::newRow("beta b nan") << 5 << "beta: b";
    }

    void badParameters()
    {
        QFETCH(int, which);
        QFETCH(QString, fragment);
        try {
            switch (which) {
            case 0:
                Normal(0, 0);
                break;
            case 1:
                StudentT(-1);
                break;
            case 2:
                ContinuousUniform(1, 1);
                break;
            case 3: {
                const MixtureComponent c[] = {{0.5, 0, 1}, {0.4, 1, 1}};
                GaussianMixture m(c);
                break;
            }
            case 4: {
                std::vector<MixtureComponent> c(17, MixtureComponent{1.0 / 17, 0, 1});
                GaussianMixture m(c);
                break;
            }
            case 5:
                Beta(1, NAN);
                break;
            }
            QFAIL("no exception");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(fragment), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestContinuousFamilies)
#include "tst_continuousfamilies.moc"
