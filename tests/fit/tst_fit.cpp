// The fitting core (issue 11): closed forms, the minima of reverse KL, the discrete bimodal case, the
// alpha-divergence's limits, agreement with an independent optimiser and the refusals.

#include "relativecompare.h"

#include "binomial.h"
#include "continuousspec.h"
#include "custom.h"
#include "fitter.h"
#include "spec.h"

#include <QTest>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/tools/minima.hpp>

#include <cmath>
#include <limits>

using namespace klscope;
using klscope::test::closeMixed;

Q_DECLARE_METATYPE(klscope::FitFamily)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const char *const kBimodal = "gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=3,sigma2=1";

// 1/2 Bin(20, .2) + 1/2 Bin(20, .8) as custom masses on 0..20.
Distribution binomialMixture()
{
    std::vector<double> masses;
    const Distribution a = Binomial(20, 0.2), b = Binomial(20, 0.8);
    for (int k = 0; k <= 20; ++k)
        masses.push_back(0.5 * std::exp(logpmf(a, k)) + 0.5 * std::exp(logpmf(b, k)));
    return Custom(masses);
}

// The minimum of f over (mu, sigma) by Brent inside Brent (Boost.Math), started from a bracket around
// (mu0, sigma0): an optimiser independent of the fit's NLopt search and Newton polish.
std::pair<double, double> nestedBrent(const FitObjective &objective, FitDirection direction,
                                      std::vector<double> parameters, std::size_t mu)
{
    const int bits = std::numeric_limits<double>::digits / 2;
    const double mu0 = parameters[mu], sigma0 = parameters[mu + 1];
    const auto inner = [&](double m) {
        return boost::math::tools::brent_find_minima(
            [&](double logSigma) {
                parameters[mu] = m;
                parameters[mu + 1] = std::exp(logSigma);
                return fitValue(objective, direction, 1.0, parameters);
            },
            std::log(sigma0) - 0.5, std::log(sigma0) + 0.5, bits);
    };
    const auto outer = boost::math::tools::brent_find_minima([&](double m) { return inner(m).second; },
                                                             mu0 - 0.5, mu0 + 0.5, bits);
    return {outer.first, std::exp(inner(outer.first).first)};
}

// The minimum of `minima` nearest to `point` in the free parameters.
const FitPoint &nearest(const std::vector<FitPoint> &minima, const FitPoint &point)
{
    const FitPoint *best = &minima.front();
    double distance = std::numeric_limits<double>::infinity();
    for (const FitPoint &m : minima) {
        double d = 0.0;
        for (std::size_t k = 0; k < m.parameters.size(); ++k)
            d += std::fabs(m.parameters[k] - point.parameters[k]);
        if (d < distance) {
            distance = d;
            best = &m;
        }
    }
    return *best;
}

} // namespace

class TestFit : public QObject
{
    Q_OBJECT

private slots:
    void momentMatching_data();
    void momentMatching();
    void bimodalMinima_data();
    void bimodalMinima();
    void discreteBimodal();
    void alphaLimits_data();
    void alphaLimits();
    void alphaAgainstQuadrature_data();
    void alphaAgainstQuadrature();
    void alphaHeavyTail();
    void warmStartAgreesWithMultistart_data();
    void warmStartAgreesWithMultistart();
    void reverseAgainstIndependentOptimiser_data();
    void reverseAgainstIndependentOptimiser();
    void convergence_data();
    void convergence();
    void refusals_data();
    void refusals();
    void selfFit_data();
    void selfFit();
};

void TestFit::momentMatching_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("variance");
    QTest::newRow("bimodal mixture") << QString::fromLatin1(kBimodal) << 0.0 << 10.0;
    QTest::newRow("normal") << "normal:mu=1.5,sigma=2" << 1.5 << 4.0;
    QTest::newRow("student t5") << "student_t:nu=5,mu=-1,sigma=1" << -1.0 << 5.0 / 3.0;
    QTest::newRow("laplace") << "laplace:mu=2,b=0.5" << 2.0 << 0.5;
    QTest::newRow("gamma") << "gamma:shape=3,rate=2" << 1.5 << 0.75;
    QTest::newRow("asymmetric mixture") << "gmm:w1=0.3,mu1=-2,sigma1=0.5,w2=0.7,mu2=1,sigma2=2"
                                        << 0.3 * -2 + 0.7 * 1 << 0.3 * (0.25 + 4) + 0.7 * (4 + 1) - 0.1 * 0.1;
}

void TestFit::momentMatching()
{
    QFETCH(QString, p);
    QFETCH(double, mean);
    QFETCH(double, variance);
    const FitObjective objective(parseContinuousSpec(p.toStdString()), FitFamily::Normal);
    const FitResult r = fit(objective, FitDirection::Forward);
    QCOMPARE(r.method, std::string("closed_form"));
    QCOMPARE(r.minima.size(), std::size_t(1));
    QVERIFY2(closeMixed(r.best.parameters[0], mean, 1e-8, 1e-12),
             qPrintable(QString::number(r.best.parameters[0], 'g', 17)));
    KLSCOPE_COMPARE_REL(r.best.parameters[1] * r.best.parameters[1], variance, 1e-8);
    // The search, without the closed form, lands on the same point: it is the minimum.
    FitOptions search;
    search.closedForms = false;
    const FitResult s = fit(objective, FitDirection::Forward, search);
    QCOMPARE(s.minima.size(), std::size_t(1));
    QVERIFY(closeMixed(s.best.parameters[0], mean, 1e-6, 1e-6));
    QVERIFY(closeMixed(s.best.parameters[1], std::sqrt(variance), 1e-6, 1e-6));
}

void TestFit::bimodalMinima_data()
{
    QTest::addColumn<double>("fixedSigma");
    QTest::addColumn<QList<double>>("mus");
    // sigma free: a minimum at each mode and a broad one at mu = 0 (sigma ~ 2.7, where the curvature in mu,
    // 1 - 9 E_Q[sech^2(3X)], is positive). The saddles between them are not minima.
    QTest::newRow("sigma free") << kNaN << QList<double>{-3.0, 0.0, 3.0};
    // sigma fixed at 1: mu = 0 is a maximum (1 - 9 E_Q[sech^2(3X)] < 0 there), so only the two modes.
    QTest::newRow("sigma fixed at 1") << 1.0 << QList<double>{-3.0, 3.0};
}

void TestFit::bimodalMinima()
{
    QFETCH(double, fixedSigma);
    QFETCH(QList<double>, mus);
    const double fixed[2] = {kNaN, fixedSigma};
    const FitObjective objective(parseContinuousSpec(kBimodal), FitFamily::Normal, fixed);
    const FitResult r = fit(objective, FitDirection::Reverse);
    QCOMPARE(r.minima.size(), std::size_t(mus.size()));
    QList<double> found;
    for (const FitPoint &m : r.minima)
        found.append(m.parameters[0]);
    std::sort(found.begin(), found.end());
    for (qsizetype i = 0; i < mus.size(); ++i)
        QVERIFY2(std::fabs(found[i] - mus[i]) < 0.05, qPrintable(QString::number(found[i])));
    // The two mode-seeking fits are mirror images and share the lowest value; the broad one is higher.
    QVERIFY(closeMixed(r.minima[0].value, r.minima[1].value, 1e-9, 1e-12));
    QVERIFY(closeMixed(r.minima[0].parameters[0], -r.minima[1].parameters[0], 1e-7, 1e-7));
    for (std::size_t i = 1; i < r.minima.size(); ++i)
        QVERIFY(r.minima[i - 1].value <= r.minima[i].value);
    // Every reported point is a minimum: moving any free parameter either way raises the objective.
    for (const FitPoint &m : r.minima) {
        for (const std::size_t index : objective.freeIndices()) {
            for (const double sign : {-1.0, 1.0}) {
                std::vector<double> p = m.parameters;
                p[index] += sign * 1e-3;
                QVERIFY2(fitValue(objective, FitDirection::Reverse, 1.0, p) > m.value,
                         qPrintable(QStringLiteral("not a minimum at mu=%1").arg(m.parameters[0])));
            }
        }
    }
}

void TestFit::discreteBimodal()
{
    const double fixed[2] = {20.0, kNaN};
    const FitObjective objective(binomialMixture(), FitFamily::Binomial, fixed);
    const FitResult forward = fit(objective, FitDirection::Forward);
    QCOMPARE(forward.method, std::string("closed_form"));
    QCOMPARE(forward.best.parameters[1], objective.targetMean() / 20.0); // exactly mean(P) / n
    QVERIFY(closeMixed(forward.best.parameters[1], 0.5, 1e-14, 1e-15));
    const FitResult reverse = fit(objective, FitDirection::Reverse);
    QCOMPARE(reverse.method, std::string("brent"));
    QCOMPARE(reverse.minima.size(), std::size_t(2));
    std::vector<double> ps = {reverse.minima[0].parameters[1], reverse.minima[1].parameters[1]};
    std::sort(ps.begin(), ps.end());
    QVERIFY2(std::fabs(ps[0] - 0.2) < 0.02, qPrintable(QString::number(ps[0])));
    QVERIFY2(std::fabs(ps[1] - 0.8) < 0.02, qPrintable(QString::number(ps[1])));
    QVERIFY(closeMixed(ps[0], 1.0 - ps[1], 1e-7, 1e-7));
    // The search agrees with the closed form.
    FitOptions search;
    search.closedForms = false;
    QVERIFY(closeMixed(fit(objective, FitDirection::Forward, search).best.parameters[1], 0.5, 1e-7, 1e-7));
}

void TestFit::alphaLimits_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<int>("family");
    QTest::newRow("bimodal, normal Q") << QString::fromLatin1(kBimodal) << int(FitFamily::Normal);
    QTest::newRow("skewed mixture, laplace Q")
        << "gmm:w1=0.3,mu1=-2,sigma1=0.5,w2=0.7,mu2=1,sigma2=2" << int(FitFamily::Laplace);
    QTest::newRow("discrete bimodal, binomial Q") << QString() << int(FitFamily::Binomial);
}

void TestFit::alphaLimits()
{
    QFETCH(QString, p);
    QFETCH(int, family);
    const auto f = static_cast<FitFamily>(family);
    const double binomialFixed[2] = {20.0, kNaN};
    const FitObjective objective = p.isEmpty() ? FitObjective(binomialMixture(), f, binomialFixed)
                                               : FitObjective(parseContinuousSpec(p.toStdString()), f);
    const FitResult forward = fit(objective, FitDirection::Forward);
    const FitResult reverse = fit(objective, FitDirection::Reverse);
    FitOptions options;
    for (const double alpha : {1.0 - 1e-4, 1e-4}) {
        options.alpha = alpha;
        const FitResult a = fit(objective, FitDirection::Alpha, options);
        const FitResult &limit = alpha > 0.5 ? forward : reverse;
        QVERIFY2(a.minima.size() == limit.minima.size(),
                 qPrintable(QStringLiteral("alpha %1: %2 minima against %3")
                                .arg(alpha)
                                .arg(a.minima.size())
                                .arg(limit.minima.size())));
        for (const FitPoint &m : a.minima) {
            // The symmetric target's two mode-seeking minima share a value, so pair them by position.
            const FitPoint &l = nearest(limit.minima, m);
            for (const std::size_t k : objective.freeIndices()) {
                QVERIFY2(closeMixed(m.parameters[k], l.parameters[k], 2e-3, 2e-3),
                         qPrintable(QStringLiteral("alpha %1: %2 against %3")
                                        .arg(alpha)
                                        .arg(m.parameters[k], 0, 'g', 10)
                                        .arg(l.parameters[k], 0, 'g', 10)));
            }
            // And the divergence's value tends to the KL itself.
            const double kl = alpha > 0.5 ? l.kl.pq : l.kl.qp;
            QVERIFY2(closeMixed(m.value, kl, 2e-3, 1e-5),
                     qPrintable(QStringLiteral("alpha %1: D %2 against KL %3")
                                    .arg(alpha)
                                    .arg(m.value, 0, 'g', 10)
                                    .arg(kl, 0, 'g', 10)));
        }
    }
    // alpha = 1 and alpha = 0 are the two KLs exactly.
    const auto &params = forward.best.parameters;
    QCOMPARE(objective.alphaDivergence(params, 1.0), objective.kl(params).pq);
    QCOMPARE(objective.alphaDivergence(params, 0.0), objective.kl(params).qp);
}

void TestFit::alphaAgainstQuadrature_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("scale");
    QTest::addColumn<double>("alpha");
    // A broad Q over both modes, a Q on one mode, a narrow one between nodes of P's grid, one far out in
    // P's tail, and the Laplace Q's kink at and between nodes.
    QTest::newRow("normal broad") << int(FitFamily::Normal) << 0.0 << 3.05 << 0.5;
    QTest::newRow("normal on a mode") << int(FitFamily::Normal) << 2.98 << 1.03 << 0.1;
    QTest::newRow("normal narrow") << int(FitFamily::Normal) << 0.123 << 0.05 << 0.9;
    QTest::newRow("normal far out") << int(FitFamily::Normal) << 12.0 << 0.7 << 0.5;
    QTest::newRow("laplace on a mode") << int(FitFamily::Laplace) << -2.6 << 1.41 << 0.3;
    QTest::newRow("laplace broad") << int(FitFamily::Laplace) << 0.37 << 4.0 << 0.7;
}

// The alpha-divergence of a search (P's side prepared once, a normal or Laplace Q's terms stepped by
// products and cut where negligible) against adaptive Gauss-Kronrod quadrature of (1 - int p^alpha
// q^(1 - alpha)) / (alpha (1 - alpha)) over the line, split at the kink.
void TestFit::alphaAgainstQuadrature()
{
    QFETCH(int, family);
    QFETCH(double, mu);
    QFETCH(double, scale);
    QFETCH(double, alpha);
    const auto f = static_cast<FitFamily>(family);
    const ContinuousDistribution p = parseContinuousSpec(kBimodal);
    const FitObjective objective(p, f);
    const std::vector<double> parameters = {mu, scale};
    const auto integrand = [&](double x) {
        const double lq =
            f == FitFamily::Normal ? logpdf(Normal(mu, scale), x) : logpdf(Laplace(mu, scale), x);
        return std::exp(alpha * logpdf(p, x) + (1.0 - alpha) * lq);
    };
    using Rule = boost::math::quadrature::gauss_kronrod<double, 61>;
    double affinity = 0.0;
    for (const auto &[a, b] : {std::pair{-40.0, mu - 20.0 * scale},
                               {mu - 20.0 * scale, mu},
                               {mu, mu + 20.0 * scale},
                               {mu + 20.0 * scale, 40.0}})
        if (a < b)
            affinity += Rule::integrate(integrand, a, b, 15, 1e-14);
    const double expected = (1.0 - affinity) / (alpha * (1.0 - alpha));
    const double prepared = objective.alphaDivergence(parameters, objective.alphaWeights(alpha));
    QVERIFY2(closeMixed(prepared, expected, 1e-9, 1e-11),
             qPrintable(QStringLiteral("%1 against %2").arg(prepared, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    // The one-off form prepares the same weights.
    QCOMPARE(objective.alphaDivergence(parameters, alpha), prepared);
}

// A normal fitted to a t3 by alpha = 1/2 (the heavy-tail-fit preset): one minimum at mu = 0 with sigma
// between the reverse and forward fits', and the divergence there against Gauss-Kronrod over the whole line
// (the grid once spanned the t3's 1e-10 quantiles, near +-1500, too coarse for any Q: the fit found no
// minimum).
void TestFit::alphaHeavyTail()
{
    const ContinuousDistribution p = parseContinuousSpec("student_t:nu=3,mu=0,sigma=1");
    const FitObjective objective(p, FitFamily::Normal);
    FitOptions options;
    options.alpha = 0.5;
    const FitResult a = fit(objective, FitDirection::Alpha, options);
    QCOMPARE(a.minima.size(), std::size_t(1));
    const double forward = fit(objective, FitDirection::Forward).best.parameters[1];
    const double reverse = fit(objective, FitDirection::Reverse).best.parameters[1];
    const double mu = a.best.parameters[0], sigma = a.best.parameters[1];
    QVERIFY(std::fabs(mu) < 1e-6);
    QVERIFY2(reverse < sigma && sigma < forward,
             qPrintable(QStringLiteral("%1 < %2 < %3").arg(reverse).arg(sigma).arg(forward)));
    const auto integrand = [&](double x) {
        return std::exp(0.5 * logpdf(p, x) + 0.5 * logpdf(Normal(mu, sigma), x));
    };
    using Rule = boost::math::quadrature::gauss_kronrod<double, 61>;
    const double affinity = Rule::integrate(integrand, -std::numeric_limits<double>::infinity(),
                                            std::numeric_limits<double>::infinity(), 15, 1e-13);
    QVERIFY(closeMixed(a.best.value, 4.0 * (1.0 - affinity), 1e-8, 1e-10));
}

void TestFit::warmStartAgreesWithMultistart_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<int>("family");
    QTest::addColumn<double>("alpha");
    QTest::newRow("bimodal, normal Q, alpha 0.5")
        << QString::fromLatin1(kBimodal) << int(FitFamily::Normal) << 0.5;
    QTest::newRow("bimodal, normal Q, alpha 0.2")
        << QString::fromLatin1(kBimodal) << int(FitFamily::Normal) << 0.2;
    QTest::newRow("bimodal, laplace Q, alpha 0.3")
        << QString::fromLatin1(kBimodal) << int(FitFamily::Laplace) << 0.3;
    QTest::newRow("discrete bimodal, binomial Q, alpha 0.5") << QString() << int(FitFamily::Binomial) << 0.5;
}

// A drag of P's second mode (or of the discrete P's second bump) in small steps, as the Fit page refits it:
// each step's alpha fit starts only from the previous step's alpha fit and this step's forward and reverse
// fits, and finds the same global minimum as the full multistart (value to 1e-10, parameters to 1e-6), with
// fewer evaluations.
void TestFit::warmStartAgreesWithMultistart()
{
    QFETCH(QString, p);
    QFETCH(int, family);
    QFETCH(double, alpha);
    const auto f = static_cast<FitFamily>(family);
    const double binomialFixed[2] = {20.0, kNaN};
    const auto objectiveAt = [&](int step) {
        if (p.isEmpty()) {
            // 1/2 Bin(20, .2) + 1/2 Bin(20, .8 + step / 100).
            std::vector<double> masses;
            const Distribution a = Binomial(20, 0.2), b = Binomial(20, 0.8 + 0.01 * step);
            for (int k = 0; k <= 20; ++k)
                masses.push_back(0.5 * std::exp(logpmf(a, k)) + 0.5 * std::exp(logpmf(b, k)));
            return FitObjective(Custom(masses), f, binomialFixed);
        }
        std::string spec = "gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=";
        spec += std::to_string(3.0 + 0.15 * step);
        spec += ",sigma2=1";
        return FitObjective(parseContinuousSpec(spec), f);
    };
    FitOptions full;
    full.alpha = alpha;
    FitResult previous = fit(objectiveAt(0), FitDirection::Alpha, full);
    for (int step = 1; step <= 8; ++step) {
        const FitObjective objective = objectiveAt(step);
        const FitResult forward = fit(objective, FitDirection::Forward);
        const FitResult reverse = fit(objective, FitDirection::Reverse);
        FitOptions warm = full;
        warm.startPoints = warmStarts({&previous, &forward, &reverse});
        QVERIFY(!warm.startPoints.empty());
        const FitResult w = fit(objective, FitDirection::Alpha, warm);
        const FitResult m = fit(objective, FitDirection::Alpha, full);
        QVERIFY2(w.iterations < m.iterations, qPrintable(QStringLiteral("step %1: %2 evaluations against %3")
                                                             .arg(step)
                                                             .arg(w.iterations)
                                                             .arg(m.iterations)));
        QVERIFY(closeMixed(w.best.value, m.best.value, 1e-10, 1e-12));
        // The multistart's global minimum is among the warm fit's minima to 1e-6 (as a mode moves off, the
        // two mode-seeking minima keep values equal to rounding, so either may come first).
        const FitPoint &same = nearest(w.minima, m.best);
        QVERIFY(closeMixed(same.value, m.best.value, 1e-10, 1e-12));
        for (const std::size_t k : objective.freeIndices())
            QVERIFY2(closeMixed(same.parameters[k], m.best.parameters[k], 1e-6, 1e-6),
                     qPrintable(QStringLiteral("step %1: %2 against %3")
                                    .arg(step)
                                    .arg(same.parameters[k], 0, 'g', 12)
                                    .arg(m.best.parameters[k], 0, 'g', 12)));
        previous = w;
    }
}

void TestFit::reverseAgainstIndependentOptimiser_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<int>("family");
    QTest::newRow("bimodal, normal Q") << QString::fromLatin1(kBimodal) << int(FitFamily::Normal);
    QTest::newRow("asymmetric mixture, normal Q")
        << "gmm:w1=0.3,mu1=-2,sigma1=0.5,w2=0.7,mu2=1,sigma2=2" << int(FitFamily::Normal);
    QTest::newRow("bimodal, laplace Q") << QString::fromLatin1(kBimodal) << int(FitFamily::Laplace);
    QTest::newRow("normal P, student t5 Q") << "normal:mu=1,sigma=2" << int(FitFamily::StudentT);
}

void TestFit::reverseAgainstIndependentOptimiser()
{
    QFETCH(QString, p);
    QFETCH(int, family);
    const auto f = static_cast<FitFamily>(family);
    const double studentFixed[3] = {5.0, kNaN, kNaN};
    const FitObjective objective(parseContinuousSpec(p.toStdString()), f,
                                 f == FitFamily::StudentT ? std::span<const double>(studentFixed)
                                                          : std::span<const double>());
    const std::size_t mu = f == FitFamily::StudentT ? 1 : 0;
    for (const FitDirection direction : {FitDirection::Reverse, FitDirection::Forward}) {
        FitOptions options;
        options.closedForms = false;
        const FitResult r = fit(objective, direction, options);
        QVERIFY(!r.minima.empty());
        for (const FitPoint &m : r.minima) {
            const auto [mu1, sigma1] = nestedBrent(objective, direction, m.parameters, mu);
            QVERIFY2(closeMixed(m.parameters[mu], mu1, 1e-6, 1e-6),
                     qPrintable(QStringLiteral("mu %1 against %2")
                                    .arg(m.parameters[mu], 0, 'g', 12)
                                    .arg(mu1, 0, 'g', 12)));
            QVERIFY2(closeMixed(m.parameters[mu + 1], sigma1, 1e-6, 1e-6),
                     qPrintable(QStringLiteral("scale %1 against %2")
                                    .arg(m.parameters[mu + 1], 0, 'g', 12)
                                    .arg(sigma1, 0, 'g', 12)));
        }
    }
}

void TestFit::convergence_data()
{
    QTest::addColumn<double>("xtol");
    QTest::addColumn<int>("maxEvaluations");
    QTest::newRow("default") << 1e-10 << 3000;
    QTest::newRow("loose step tolerance") << 1e-3 << 3000;
    QTest::newRow("few evaluations") << 1e-10 << 40;
}

void TestFit::convergence()
{
    QFETCH(double, xtol);
    QFETCH(int, maxEvaluations);
    const FitObjective objective(parseContinuousSpec(kBimodal), FitFamily::Normal);
    FitOptions options;
    options.xtolRel = xtol;
    options.maxEvaluations = maxEvaluations;
    const FitResult r = fit(objective, FitDirection::Reverse, options);
    // The budget holds: each start spends at most maxEvaluations in NLopt, then at most 6 Newton steps of
    // 11 evaluations (gradient and Hessian by central differences in 2 coordinates) and a last Hessian.
    QVERIFY(r.iterations <= options.starts * (std::size_t(maxEvaluations) + 7 * 11));
    QVERIFY(r.iterations > options.starts);
    // Whatever the optimiser's stopping rule, the polish leaves every minimum where the gradient vanishes.
    QCOMPARE(r.minima.size(), std::size_t(3));
    for (const FitPoint &m : r.minima) {
        for (std::size_t k = 0; k < 2; ++k) {
            std::vector<double> a = m.parameters, b = m.parameters;
            const double h = 1e-5;
            a[k] += h;
            b[k] -= h;
            const double g = (fitValue(objective, FitDirection::Reverse, 1.0, a) -
                              fitValue(objective, FitDirection::Reverse, 1.0, b)) /
                             (2 * h);
            QVERIFY2(std::fabs(g) < 1e-7, qPrintable(QStringLiteral("gradient %1").arg(g)));
        }
    }
}

void TestFit::refusals_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<int>("family");
    QTest::addColumn<QList<double>>("fixed");
    QTest::addColumn<int>("direction");
    QTest::addColumn<QString>("message");
    QTest::newRow("every parameter fixed")
        << QString::fromLatin1(kBimodal) << int(FitFamily::Normal) << QList<double>{0.0, 1.0}
        << int(FitDirection::Forward) << "every parameter is fixed";
    QTest::newRow("normal forward to cauchy")
        << "cauchy:x0=0,gamma=1" << int(FitFamily::Normal) << QList<double>{} << int(FitDirection::Forward)
        << "infinite for every normal Q";
    QTest::newRow("lognormal forward to normal")
        << "normal:mu=0,sigma=1" << int(FitFamily::LogNormal) << QList<double>{} << int(FitDirection::Forward)
        << "infinite or undefined for every lognormal Q";
    QTest::newRow("discrete family, continuous P")
        << "normal:mu=0,sigma=1" << int(FitFamily::Poisson) << QList<double>{} << int(FitDirection::Forward)
        << "poisson is a discrete family";
    // Every discretised normal's cut tail reaches past a binomial's ends unless pressed against them: the
    // fits end on the edge of the finite region and are not reported as minima.
    QTest::newRow("discretised normal reverse to a finite support")
        << "binomial:n=20,p=0.3" << int(FitFamily::DiscretisedNormal) << QList<double>{}
        << int(FitDirection::Reverse) << "region where the divergence is finite";
    QTest::newRow("binomial without n") << "binomial:n=10,p=0.3" << int(FitFamily::Binomial)
                                        << QList<double>{} << int(FitDirection::Forward) << "needs n fixed";
    // The alpha search runs r up past the family's range (a P narrower than any negative binomial): each
    // such Q is refused inside the objective (this once reached std::terminate from a noexcept function).
    QTest::newRow("negative binomial alpha to a narrow P")
        << "custom:0.05,0.1,0.2,0.3,0.2,0.1,0.05" << int(FitFamily::NegativeBinomial) << QList<double>{}
        << int(FitDirection::Alpha) << "ran off to the edge of the negative_binomial family";
}

void TestFit::refusals()
{
    QFETCH(QString, p);
    QFETCH(int, family);
    QFETCH(QList<double>, fixed);
    QFETCH(int, direction);
    QFETCH(QString, message);
    const std::vector<double> values(fixed.begin(), fixed.end());
    try {
        const std::string spec = p.toStdString();
        const FitTarget target =
            isContinuousSpec(spec) ? FitTarget(parseContinuousSpec(spec)) : FitTarget(parseSpec(spec));
        const FitObjective objective(target, static_cast<FitFamily>(family), values);
        fit(objective, static_cast<FitDirection>(direction));
        QFAIL("no refusal");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
    }
}

void TestFit::selfFit_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<int>("family");
    QTest::addColumn<QList<double>>("fixed");
    QTest::addColumn<QList<double>>("expected");
    QTest::addColumn<bool>("reverse");
    // Laplace, lognormal and Student t targets (and a Student t Q with nu free in the reverse direction) go
    // through the core's adaptive quadrature for every theta, which takes tens of seconds per fit: those
    // directions are left out here.
    const QList<double> none;
    QTest::newRow("normal") << "normal:mu=1,sigma=2" << int(FitFamily::Normal) << none << QList<double>{1, 2}
                            << true;
    QTest::newRow("student t, nu free") << "student_t:nu=4,mu=1,sigma=2" << int(FitFamily::StudentT) << none
                                        << QList<double>{4, 1, 2} << false;
    QTest::newRow("poisson") << "poisson:lambda=3.5" << int(FitFamily::Poisson) << none << QList<double>{3.5}
                             << true;
    QTest::newRow("negative binomial") << "negative_binomial:r=5,p=0.4" << int(FitFamily::NegativeBinomial)
                                       << none << QList<double>{5, 0.4} << true;
    QTest::newRow("binomial") << "binomial:n=15,p=0.3" << int(FitFamily::Binomial) << QList<double>{15, kNaN}
                              << QList<double>{15, 0.3} << true;
}

void TestFit::selfFit()
{
    // A family fitted to one of its own members finds it, with KL 0 both ways.
    QFETCH(QString, p);
    QFETCH(int, family);
    QFETCH(QList<double>, fixed);
    QFETCH(QList<double>, expected);
    QFETCH(bool, reverse);
    const std::string spec = p.toStdString();
    const FitTarget target =
        isContinuousSpec(spec) ? FitTarget(parseContinuousSpec(spec)) : FitTarget(parseSpec(spec));
    const std::vector<double> values(fixed.begin(), fixed.end());
    const FitObjective objective(target, static_cast<FitFamily>(family), values);
    FitOptions options;
    options.starts = 6;
    std::vector<FitDirection> directions = {FitDirection::Forward};
    if (reverse)
        directions.push_back(FitDirection::Reverse);
    for (const FitDirection direction : directions) {
        const FitResult r = fit(objective, direction, options);
        for (qsizetype k = 0; k < expected.size(); ++k)
            QVERIFY2(closeMixed(r.best.parameters[std::size_t(k)], expected[k], 1e-5, 1e-6),
                     qPrintable(QStringLiteral("%1 %2: %3 against %4")
                                    .arg(r.method.c_str())
                                    .arg(k)
                                    .arg(r.best.parameters[std::size_t(k)], 0, 'g', 12)
                                    .arg(expected[k])));
        QVERIFY(std::fabs(r.best.kl.pq) < 1e-8);
        if (reverse)
            QVERIFY(std::fabs(r.best.kl.qp) < 1e-8);
    }
}

QTEST_APPLESS_MAIN(TestFit)
#include "tst_fit.moc"
