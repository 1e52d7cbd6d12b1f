// The bimodal 2-D target (Bishop, PRML, figure 10.3): the mixture's density and refusals, the forward fit
// against the mixture's moments (an exact 3-point Gauss-Hermite rule per component, independent of the
// library's rule) and as a stationary point of KL(P || Q), KL(Q || P) against the closed form for a
// one-component mixture, and the reverse fit: one local minimum on each mode, the heavier one global, each a
// checked minimum, and BOBYQA's ends agreeing with NLopt's Nelder-Mead to 1e-6.

#include "relativecompare.h"

#include "mixture2.h"
#include "normal2comparison.h"

#include <QTest>

#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

using klscope::Mixture2;
using klscope::Normal2;

Q_DECLARE_METATYPE(Normal2)

namespace {

Mixture2 bimodal(double w1)
{
    return Mixture2({w1, 1.0 - w1}, {Normal2(-2, -2, 0.5, 0.5, 0), Normal2(2, 2, 0.5, 0.5, 0)});
}

// E_P[f] by the 3-point rule (nodes 0, ±sqrt 3; weights 2/3, 1/6, 1/6) in each component's Cholesky
// coordinates: exact for polynomials of degree <= 5 in each axis, so for the first two moments.
template <class F> double momentOf(const Mixture2 &p, F f)
{
    const double r3 = std::sqrt(3.0);
    const std::array<double, 3> z{-r3, 0.0, r3}, w{1.0 / 6, 2.0 / 3, 1.0 / 6};
    double sum = 0.0;
    for (std::size_t k = 0; k < p.size(); ++k) {
        const Normal2 &c = p.components()[k];
        const double a = std::sqrt(c.var1()), b = c.cov() / a, l = std::sqrt(c.var2() - b * b);
        for (std::size_t i = 0; i < 3; ++i)
            for (std::size_t j = 0; j < 3; ++j)
                sum += p.weights()[k] * w[i] * w[j] * f(c.mu1() + a * z[i], c.mu2() + b * z[i] + l * z[j]);
    }
    return sum;
}

bool closeAbs(double a, double b, double tol)
{
    return std::fabs(a - b) <= tol;
}

} // namespace

class TestMixture2 : public QObject
{
    Q_OBJECT

private slots:
    void refusals()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Mixture2({}, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Mixture2({1.0}, {Normal2(), Normal2()}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Mixture2({1.0, -0.5}, {Normal2(), Normal2()}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Mixture2({0.0, 0.0}, {Normal2(), Normal2()}));
        const Mixture2 m({2.0, 6.0}, {Normal2(), Normal2()});
        QCOMPARE(m.weights()[0], 0.25);
        QCOMPARE(m.weights()[1], 0.75);
    }

    void density()
    {
        // Equal components: the mixture is the component; far from both, log-sum-exp keeps it finite.
        const Normal2 c(1, -1, 2, 1, 0.5);
        const Mixture2 same({0.3, 0.7}, {c, c});
        QVERIFY(klscope::test::closeRelative(klscope::logpdf(same, 0.4, 0.2), klscope::logpdf(c, 0.4, 0.2),
                                             1e-14));
        const Mixture2 p = bimodal(0.5);
        const double far = klscope::logpdf(p, 60, 60);
        QVERIFY(std::isfinite(far));
        // At (2, 2) the other component is e^-16 smaller: ln(1/2 N((2,2); (2,2), I/2)) = ln(1/2) - ln(pi).
        QVERIFY(closeAbs(klscope::logpdf(p, 2, 2), std::log(0.5) - std::log(std::numbers::pi), 1e-6));
    }

    void rowsMatchThePointwiseDensity_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("one normal") << 0;
        QTest::newRow("bimodal") << 1;
        QTest::newRow("three, one weight 0") << 2;
    }

    void rowsMatchThePointwiseDensity()
    {
        // The row sampler of the density maps (the quadratic expanded along x, log-add-exp between
        // components) against logpdf at each point, across a plane reaching far into the tails.
        QFETCH(int, which);
        const Normal2 n(0.5, -1, 2, 0.7, 0.9);
        const Mixture2 p = which == 1
                               ? bimodal(0.3)
                               : Mixture2({0.0, 0.5, 0.5}, {Normal2(), n, Normal2(3, 3, 0.2, 0.3, 0.1)});
        for (double y = -40; y <= 40; y += 0.37) {
            std::vector<double> row(301);
            const double x0 = -30, dx = 0.2;
            if (which == 0)
                klscope::logpdfRow(n, y, x0, dx, row);
            else
                klscope::logpdfRow(p, y, x0, dx, row);
            for (std::size_t i = 0; i < row.size(); ++i) {
                const double x = x0 + double(i) * dx;
                const double expected = which == 0 ? klscope::logpdf(n, x, y) : klscope::logpdf(p, x, y);
                QVERIFY2(closeAbs(row[i], expected, 1e-12 * std::max(1.0, std::fabs(expected))),
                         qPrintable(QStringLiteral("(%1, %2): %3 against %4")
                                        .arg(x)
                                        .arg(y)
                                        .arg(row[i], 0, 'g', 17)
                                        .arg(expected, 0, 'g', 17)));
            }
        }
    }

    void forwardIsMomentMatching_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("bimodal") << 0;
        QTest::newRow("unequal weights") << 1;
        QTest::newRow("correlated, three") << 2;
    }

    void forwardIsMomentMatching()
    {
        QFETCH(int, which);
        const Mixture2 p = which == 0   ? bimodal(0.5)
                           : which == 1 ? bimodal(0.8)
                                        : Mixture2({0.2, 0.5, 0.3},
                                                   {Normal2(-1, 3, 1, 2, 0.9), Normal2(4, 0, 0.3, 0.6, -0.2),
                                                    Normal2(0, -2, 5, 1, 2)});
        const Normal2 q = klscope::momentMatch(p);
        const double m1 = momentOf(p, [](double x, double) { return x; });
        const double m2 = momentOf(p, [](double, double y) { return y; });
        const double s11 = momentOf(p, [&](double x, double) { return (x - m1) * (x - m1); });
        const double s22 = momentOf(p, [&](double, double y) { return (y - m2) * (y - m2); });
        const double s12 = momentOf(p, [&](double x, double y) { return (x - m1) * (y - m2); });
        QVERIFY(closeAbs(q.mu1(), m1, 1e-10));
        QVERIFY(closeAbs(q.mu2(), m2, 1e-10));
        QVERIFY(closeAbs(q.var1(), s11, 1e-10 * s11));
        QVERIFY(closeAbs(q.var2(), s22, 1e-10 * s22));
        QVERIFY(closeAbs(q.cov(), s12, 1e-10 * std::sqrt(s11 * s22)));
        // It is the forward fit: KL(P || Q) grows in every direction of the search parameters.
        const std::array<double, 5> theta = klscope::toTheta(q);
        const double best = klscope::forwardKl(p, q);
        for (std::size_t i = 0; i < 5; ++i)
            for (double h : {-1e-2, 1e-2}) {
                std::array<double, 5> t = theta;
                t[i] += h;
                QVERIFY2(klscope::forwardKl(p, klscope::fromTheta(std::span<const double, 5>(t))) > best,
                         qPrintable(QStringLiteral("parameter %1, step %2").arg(i).arg(h)));
            }
    }

    void reverseKlOfOneComponent_data()
    {
        QTest::addColumn<Normal2>("q");
        QTest::addColumn<Normal2>("p");
        QTest::newRow("standard") << Normal2(0.3, -0.2, 0.8, 1.3, 0.1) << Normal2();
        QTest::newRow("correlated") << Normal2(1, 1, 0.5, 2, -0.6) << Normal2(0, 2, 3, 1, 1.2);
    }

    void reverseKlOfOneComponent()
    {
        // A one-component mixture's ln p is a quadratic, on which the rule is exact: the closed form.
        QFETCH(Normal2, q);
        QFETCH(Normal2, p);
        const Mixture2 single({1.0}, {p});
        KLSCOPE_COMPARE_REL(klscope::reverseKl(q, single), klscope::klNormal2(q, p), 1e-12);
        KLSCOPE_COMPARE_REL(klscope::forwardKl(single, q), klscope::klNormal2(p, q), 1e-12);
    }

    void reverseFitBimodal_data()
    {
        QTest::addColumn<double>("w1");
        QTest::newRow("equal weights") << 0.5;
        QTest::newRow("heavier at (-2, -2)") << 0.7;
        QTest::newRow("heavier at (2, 2)") << 0.3;
    }

    void reverseFitBimodal()
    {
        QFETCH(double, w1);
        const Mixture2 p = bimodal(w1);
        const klscope::Mixture2ReverseFit fit = klscope::fitReverse(p);
        QVERIFY(fit.minima.size() >= 2);
        const klscope::Mixture2Minimum *low = nullptr, *high = nullptr;
        for (const klscope::Mixture2Minimum &m : fit.minima) {
            QVERIFY(m.smallestCurvature > 0.0);
            if (closeAbs(m.q.mu1(), -2, 0.05) && closeAbs(m.q.mu2(), -2, 0.05))
                low = &m;
            if (closeAbs(m.q.mu1(), 2, 0.05) && closeAbs(m.q.mu2(), 2, 0.05))
                high = &m;
        }
        QVERIFY2(low && high, "one local minimum on each mode");
        // Each fit sits on its component, nudged away from the other mode (the modes are 8 standard
        // deviations apart, so the other component's pull is about Phi(-4)): KL(Q || P) is just below -ln w
        // and below that of the component itself.
        const Normal2 lowComponent = p.components()[0], highComponent = p.components()[1];
        QVERIFY(low->kl < klscope::reverseKl(lowComponent, p) && low->kl > -std::log(w1) - 1e-3);
        QVERIFY(high->kl < klscope::reverseKl(highComponent, p) && high->kl > -std::log(1.0 - w1) - 1e-3);
        QVERIFY(closeAbs(low->q.mu1(), -2, 1e-3) && closeAbs(low->q.var1(), 0.5, 1e-3) &&
                closeAbs(low->q.cov(), 0.0, 1e-3));
        if (w1 == 0.5) // the two mirror images
            QVERIFY(closeAbs(low->kl, high->kl, 1e-9) && closeAbs(low->q.mu1(), -high->q.mu1(), 1e-6));
        // minima[0] is the global one: the heavier mode (either, when they tie).
        QCOMPARE(fit.minima.front().kl, std::min(low->kl, high->kl));
        if (w1 != 0.5)
            QCOMPARE(&fit.minima.front(), w1 > 0.5 ? low : high);
    }

    void nelderMeadAgrees()
    {
        const Mixture2 p({0.6, 0.4}, {Normal2(-2, -2, 0.5, 0.5, 0.2), Normal2(2, 2, 0.8, 0.5, -0.3)});
        const klscope::Mixture2ReverseFit bobyqa = klscope::fitReverse(p);
        const klscope::Mixture2ReverseFit nelderMead =
            klscope::fitReverse(p, klscope::Mixture2Optimizer::NelderMead);
        QVERIFY(!bobyqa.minima.empty());
        QCOMPARE(nelderMead.minima.size(), bobyqa.minima.size());
        for (std::size_t k = 0; k < bobyqa.minima.size(); ++k) {
            const Normal2 &a = bobyqa.minima[k].q, &b = nelderMead.minima[k].q;
            for (const auto &[x, y] : {std::pair{a.mu1(), b.mu1()},
                                       {a.mu2(), b.mu2()},
                                       {a.var1(), b.var1()},
                                       {a.var2(), b.var2()},
                                       {a.cov(), b.cov()}})
                QVERIFY2(closeAbs(x, y, 1e-6), qPrintable(QStringLiteral("minimum %1: %2 against %3")
                                                              .arg(k)
                                                              .arg(x, 0, 'g', 17)
                                                              .arg(y, 0, 'g', 17)));
            QVERIFY(closeAbs(bobyqa.minima[k].kl, nelderMead.minima[k].kl, 1e-10));
        }
    }
};

QTEST_APPLESS_MAIN(TestMixture2)
#include "tst_mixture2.moc"
