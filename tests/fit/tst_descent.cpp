// Step-by-step descent (issue 11, the animation): gradient descent and Adam from a start in each basin of
// the bimodal target reach the minimum the multistart fitter finds there (normal Q, both directions; the
// discrete bimodal binomial), gradient descent with a small rate never raises the loss, the stated stopping
// criteria (gradient norm below the tolerance, the step limit), a finished descent stands still, and bad
// starts are refused.

#include "relativecompare.h"

#include "binomial.h"
#include "continuousspec.h"
#include "custom.h"
#include "descent.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace klscope;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const char *const kBimodal = "gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=3,sigma2=1";

Distribution binomialMixture()
{
    const Binomial low(20, 0.2), high(20, 0.8);
    std::vector<double> masses;
    for (std::int64_t k = 0; k <= 20; ++k)
        masses.push_back(0.5 * std::exp(logpmf(low, k)) + 0.5 * std::exp(logpmf(high, k)));
    return Distribution(Custom(masses));
}

// The fitter's minimum nearest to `parameters` (in every parameter).
const FitPoint &nearest(const FitResult &r, const std::vector<double> &parameters)
{
    const FitPoint *best = &r.minima.front();
    double distance = std::numeric_limits<double>::infinity();
    for (const FitPoint &m : r.minima) {
        double d = 0.0;
        for (std::size_t i = 0; i < parameters.size(); ++i)
            d += (m.parameters[i] - parameters[i]) * (m.parameters[i] - parameters[i]);
        if (d < distance) {
            distance = d;
            best = &m;
        }
    }
    return *best;
}

} // namespace

class TestDescent : public QObject
{
    Q_OBJECT

private slots:
    void reachesFitterMinima_data();
    void reachesFitterMinima();
    void discreteBimodal_data();
    void discreteBimodal();
    void gradientDescentNeverRises_data();
    void gradientDescentNeverRises();
    void stopsAtStepLimit();
    void finishedStandsStill();
    void refusesBadInput();
};

void TestDescent::reachesFitterMinima_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<int>("method");
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    QTest::addColumn<double>("expectedMu"); // which basin the start lies in
    const int gd = int(DescentMethod::GradientDescent), adam = int(DescentMethod::Adam);
    const int fwd = int(FitDirection::Forward), rev = int(FitDirection::Reverse);
    QTest::newRow("GD reverse, left mode") << rev << gd << 0.15 << -2.0 << 0.6 << -3.0;
    QTest::newRow("GD reverse, right mode") << rev << gd << 0.15 << 2.2 << 1.8 << 3.0;
    QTest::newRow("GD reverse, broad middle") << rev << gd << 0.15 << 0.3 << 3.5 << 0.0;
    QTest::newRow("GD forward, moment matching") << fwd << gd << 0.5 << -4.0 << 0.5 << 0.0;
    QTest::newRow("Adam reverse, left mode") << rev << adam << 0.05 << -2.0 << 0.6 << -3.0;
    QTest::newRow("Adam reverse, right mode") << rev << adam << 0.05 << 2.2 << 1.8 << 3.0;
    QTest::newRow("Adam reverse, broad middle") << rev << adam << 0.02 << 0.3 << 3.5 << 0.0;
    QTest::newRow("Adam forward, moment matching") << fwd << adam << 0.05 << -4.0 << 0.5 << 0.0;
}

void TestDescent::reachesFitterMinima()
{
    QFETCH(int, direction);
    QFETCH(int, method);
    QFETCH(double, rate);
    QFETCH(double, mu);
    QFETCH(double, sigma);
    QFETCH(double, expectedMu);
    const auto objective =
        std::make_shared<const FitObjective>(parseContinuousSpec(kBimodal), FitFamily::Normal);
    const FitDirection dir = FitDirection(direction);
    FitOptions search;
    search.closedForms = false;
    const FitResult fitted = fit(*objective, dir, search);

    DescentOptions options;
    options.method = DescentMethod(method);
    options.learningRate = rate;
    options.maxSteps = 20000;
    const double start[2] = {mu, sigma};
    Descent descent(objective, dir, start, options);
    while (!descent.finished())
        descent.step();
    QVERIFY2(descent.status() == DescentStatus::Converged,
             qPrintable(QStringLiteral("status %1 after %2 steps at (%3, %4), |g| = %5")
                            .arg(int(descent.status()))
                            .arg(descent.state().iteration)
                            .arg(descent.state().parameters[0])
                            .arg(descent.state().parameters[1])
                            .arg(descent.state().gradientNorm)));
    QVERIFY(descent.state().gradientNorm < options.tolerance);
    QCOMPARE(descent.path().size(), descent.state().iteration + 1);
    const std::vector<double> &end = descent.state().parameters;
    const FitPoint &m = nearest(fitted, end);
    QVERIFY2(std::fabs(m.parameters[0] - expectedMu) < 0.1,
             qPrintable(QStringLiteral("ended in the basin of mu = %1").arg(m.parameters[0])));
    // A gradient below 1e-6 at a Hessian of order 0.1 .. 10 puts the end within ~1e-5 of the minimum.
    for (std::size_t i = 0; i < 2; ++i)
        QVERIFY2(klscope::test::closeMixed(end[i], m.parameters[i], 1e-4, 1e-4),
                 qPrintable(QStringLiteral("parameter %1: descent %2, fitter %3")
                                .arg(i)
                                .arg(end[i], 0, 'g', 12)
                                .arg(m.parameters[i], 0, 'g', 12)));
    QVERIFY(klscope::test::closeMixed(descent.state().loss, m.value, 1e-7, 1e-9));
}

void TestDescent::discreteBimodal_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");
    QTest::newRow("GD from 0.35") << int(DescentMethod::GradientDescent) << 0.35 << 0.2;
    QTest::newRow("GD from 0.7") << int(DescentMethod::GradientDescent) << 0.7 << 0.8;
    QTest::newRow("Adam from 0.35") << int(DescentMethod::Adam) << 0.35 << 0.2;
    QTest::newRow("Adam from 0.7") << int(DescentMethod::Adam) << 0.7 << 0.8;
}

void TestDescent::discreteBimodal()
{
    QFETCH(int, method);
    QFETCH(double, p);
    QFETCH(double, expected);
    const double fixed[2] = {20.0, kNaN};
    const auto objective =
        std::make_shared<const FitObjective>(binomialMixture(), FitFamily::Binomial, fixed);
    const FitResult fitted = fit(*objective, FitDirection::Reverse);
    DescentOptions options;
    options.method = DescentMethod(method);
    options.learningRate = method == int(DescentMethod::Adam) ? 0.05 : 0.02;
    options.maxSteps = 20000;
    const double start[2] = {7.0, p}; // n is overwritten by the fixed 20
    Descent descent(objective, FitDirection::Reverse, start, options);
    QCOMPARE(descent.state().parameters[0], 20.0);
    while (!descent.finished())
        descent.step();
    QCOMPARE(descent.status(), DescentStatus::Converged);
    const double end = descent.state().parameters[1];
    const FitPoint &m = nearest(fitted, descent.state().parameters);
    QVERIFY(std::fabs(m.parameters[1] - expected) < 0.02);
    QVERIFY2(klscope::test::closeMixed(end, m.parameters[1], 1e-5, 1e-6),
             qPrintable(QStringLiteral("%1 vs %2").arg(end, 0, 'g', 12).arg(m.parameters[1], 0, 'g', 12)));
}

void TestDescent::gradientDescentNeverRises_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    QTest::newRow("reverse from a narrow Q between the modes") << int(FitDirection::Reverse) << -0.5 << 0.3;
    QTest::newRow("reverse from a wide Q") << int(FitDirection::Reverse) << 1.0 << 8.0;
    QTest::newRow("forward from far left") << int(FitDirection::Forward) << -6.0 << 0.4;
}

void TestDescent::gradientDescentNeverRises()
{
    QFETCH(int, direction);
    QFETCH(double, mu);
    QFETCH(double, sigma);
    const auto objective =
        std::make_shared<const FitObjective>(parseContinuousSpec(kBimodal), FitFamily::Normal);
    DescentOptions options;
    options.learningRate = 0.02;
    options.maxSteps = 400;
    const double start[2] = {mu, sigma};
    Descent descent(objective, FitDirection(direction), start, options);
    const double first = descent.state().loss;
    while (!descent.finished())
        descent.step();
    const auto &path = descent.path();
    QVERIFY(path.size() > 10);
    for (std::size_t i = 1; i < path.size(); ++i)
        QVERIFY2(path[i].loss <= path[i - 1].loss,
                 qPrintable(
                     QStringLiteral("step %1: %2 after %3").arg(i).arg(path[i].loss).arg(path[i - 1].loss)));
    QVERIFY(path.back().loss < first);
}

void TestDescent::stopsAtStepLimit()
{
    const auto objective =
        std::make_shared<const FitObjective>(parseContinuousSpec(kBimodal), FitFamily::Normal);
    DescentOptions options;
    options.learningRate = 1e-3;
    options.maxSteps = 5;
    const double start[2] = {-1.0, 0.5};
    Descent descent(objective, FitDirection::Reverse, start, options);
    for (int i = 0; i < 4; ++i) {
        descent.step();
        QCOMPARE(descent.status(), DescentStatus::Running);
    }
    descent.step();
    QCOMPARE(descent.status(), DescentStatus::MaxSteps);
    QCOMPARE(descent.state().iteration, std::size_t(5));
    QCOMPARE(descent.path().size(), std::size_t(6));
}

void TestDescent::finishedStandsStill()
{
    const auto objective =
        std::make_shared<const FitObjective>(parseContinuousSpec(kBimodal), FitFamily::Normal);
    // The forward fit's minimum itself: converged before any step.
    const double start[2] = {0.0, std::sqrt(10.0)};
    Descent descent(objective, FitDirection::Forward, start);
    QCOMPARE(descent.status(), DescentStatus::Converged);
    const DescentState before = descent.state();
    descent.step();
    QCOMPARE(descent.state().iteration, std::size_t(0));
    QCOMPARE(descent.state().parameters, before.parameters);
    QCOMPARE(descent.path().size(), std::size_t(1));
}

void TestDescent::refusesBadInput()
{
    const auto objective =
        std::make_shared<const FitObjective>(parseContinuousSpec(kBimodal), FitFamily::Normal);
    const double negativeSigma[2] = {0.0, -1.0};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Descent(objective, FitDirection::Reverse, negativeSigma));
    const double three[3] = {0.0, 1.0, 2.0};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Descent(objective, FitDirection::Reverse, three));
    const double ok[2] = {0.0, 1.0};
    DescentOptions zeroRate;
    zeroRate.learningRate = 0.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Descent(objective, FitDirection::Reverse, ok, zeroRate));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             Descent(objective, FitDirection::Alpha, ok, DescentOptions{}, 1.5));
    // A Poisson Q against a P on 0..3 only: KL(Q||P) is infinite at every lambda, so the descent fails at
    // once.
    const auto poisson = std::make_shared<const FitObjective>(
        Distribution(Custom(std::vector<double>{0.25, 0.25, 0.25, 0.25})), FitFamily::Poisson);
    const double lambda[1] = {2.0};
    Descent failed(poisson, FitDirection::Reverse, lambda);
    QCOMPARE(failed.status(), DescentStatus::Failed);
    QVERIFY(failed.finished());
}

QTEST_APPLESS_MAIN(TestDescent)
#include "tst_descent.moc"
