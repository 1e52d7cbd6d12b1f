// Parameter sweeps (issue 13): every value against compare() / compareContinuous() on the spec written out
// at that point, infinities kept, and bad sweeps refused before anything is computed.

#include "relativecompare.h"

#include "comparison.h"
#include "continuouscomparison.h"
#include "continuousspec.h"
#include "spec.h"
#include "sweep.h"

#include <QTest>

#include <cmath>
#include <stdexcept>

using namespace klscope;

class TestSweep : public QObject
{
    Q_OBJECT

private slots:
    void discreteAgainstCompute_data();
    void discreteAgainstCompute();
    void continuousAgainstCompute_data();
    void continuousAgainstCompute();
    void values();
    void refused_data();
    void refused();
};

namespace {

// The template with %1 replaced by v written to 17 digits, so parseSpec reads back v exactly.
std::string specAt(const QString &pattern, double v)
{
    return pattern.arg(QString::number(v, 'g', 17)).toStdString();
}

} // namespace

void TestSweep::discreteAgainstCompute_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("unit");
    QTest::addColumn<int>("infinitePQ"); // steps where KL(P||Q) must be +inf
    QTest::addColumn<int>("infiniteQP");
    QTest::newRow("binomial q.p") << "binomial:n=15,p=0.4"
                                  << "binomial:n=15,p=%1"
                                  << "q.p" << 0.05 << 0.95 << 91 << int(Unit::Nats) << 0 << 0;
    QTest::newRow("binomial q.p ends (point masses)")
        << "binomial:n=15,p=0.4"
        << "binomial:n=15,p=%1"
        << "q.p" << 0.0 << 1.0 << 11 << int(Unit::Nats) << 2 << 0;
    QTest::newRow("worked example, p.p against uniform")
        << "binomial:n=15,p=%1"
        << "uniform:a=0,b=15"
        << "p.p" << 0.1 << 0.9 << 17 << int(Unit::Bits) << 0 << 0;
    QTest::newRow("poisson q.lambda") << "poisson:lambda=3.5"
                                      << "poisson:lambda=%1"
                                      << "q.lambda" << 0.5 << 10.0 << 20 << int(Unit::Nats) << 0 << 0;
    QTest::newRow("binomial p.n against poisson: KL(Q||P) infinite")
        << "binomial:n=%1,p=0.3"
        << "poisson:lambda=4"
        << "p.n" << 1.0 << 30.0 << 30 << int(Unit::Nats) << 0 << 30;
    QTest::newRow("custom P, geometric q.p") << "custom:0.1,0.2,0.3,0.4"
                                             << "geometric:p=%1"
                                             << "q.p" << 0.05 << 1.0 << 20 << int(Unit::Bans) << 1 << 19;
    QTest::newRow("1000 steps over 100 events, in parallel")
        << "binomial:n=99,p=0.3"
        << "binomial:n=99,p=%1"
        << "q.p" << 0.001 << 0.999 << 1000 << int(Unit::Nats) << 0 << 0;
    // K below 10 or above 40: Q's support leaves out events where P has mass.
    QTest::newRow("hypergeometric q.K") << "hypergeometric:N=50,K=20,n=10"
                                        << "hypergeometric:N=50,K=%1,n=10"
                                        << "q.K" << 5.0 << 45.0 << 41 << int(Unit::Nats) << 10 << 0;
}

void TestSweep::discreteAgainstCompute()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, parameter);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(int, steps);
    QFETCH(int, unit);
    QFETCH(int, infinitePQ);
    QFETCH(int, infiniteQP);
    const SweepParameter sp = parseSweepParameter(parameter.toStdString());
    const bool onP = sp.side == SweepSide::P;
    // The base spec: the template at the range's start.
    const Distribution pd = parseSpec(onP ? specAt(p, from) : p.toStdString());
    const Distribution qd = parseSpec(onP ? q.toStdString() : specAt(q, from));
    const Sweep s = sweep(pd, qd, sp, {from, to, std::size_t(steps)}, Unit(unit));
    QCOMPARE(s.parameter, parameter.toStdString());
    QCOMPARE(s.values.size(), std::size_t(steps));
    QCOMPARE(s.values.front(), from);
    QCOMPARE(s.values.back(), to);
    QCOMPARE(s.current, from); // the base spec is the template at the range's start
    int infPQ = 0, infQP = 0;
    CompareOptions options;
    options.unit = Unit(unit);
    for (std::size_t i = 0; i < s.values.size(); ++i) {
        const double v = s.values[i];
        const Comparison c = onP ? compare(parseSpec(specAt(p, v)), qd, options)
                                 : compare(pd, parseSpec(specAt(q, v)), options);
        KLSCOPE_COMPARE_REL(s.klPQ[i], c.totals.klPQ, 1e-12);
        KLSCOPE_COMPARE_REL(s.klQP[i], c.totals.klQP, 1e-12);
        KLSCOPE_COMPARE_REL(s.js[i], c.totals.js, 1e-12);
        infPQ += std::isinf(s.klPQ[i]);
        infQP += std::isinf(s.klQP[i]);
        QVERIFY(std::isfinite(s.js[i]));
    }
    QCOMPARE(infPQ, infinitePQ);
    QCOMPARE(infQP, infiniteQP);
}

void TestSweep::continuousAgainstCompute_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("steps");
    QTest::newRow("normal q.mu (closed form)") << "normal:mu=0,sigma=1"
                                               << "normal:mu=%1,sigma=1"
                                               << "q.mu" << -2.0 << 2.0 << 9;
    QTest::newRow("normal p.sigma against student t (quadrature)") << "normal:mu=0,sigma=%1"
                                                                   << "student_t:nu=5"
                                                                   << "p.sigma" << 0.5 << 3.0 << 6;
    QTest::newRow("laplace q.b against a mixture") << "gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1"
                                                   << "laplace:mu=0,b=%1"
                                                   << "q.b" << 0.5 << 2.5 << 5;
    QTest::newRow("beta q.a") << "beta:a=2,b=3"
                              << "beta:a=%1,b=3"
                              << "q.a" << 0.5 << 4.0 << 8;
    QTest::newRow("uniform q.b: KL(P||Q) infinite below 1") << "continuous_uniform:a=0,b=1"
                                                            << "continuous_uniform:a=0,b=%1"
                                                            << "q.b" << 0.5 << 2.0 << 4;
}

void TestSweep::continuousAgainstCompute()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, parameter);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(int, steps);
    const SweepParameter sp = parseSweepParameter(parameter.toStdString());
    const bool onP = sp.side == SweepSide::P;
    const ContinuousDistribution pd = parseContinuousSpec(onP ? specAt(p, from) : p.toStdString());
    const ContinuousDistribution qd = parseContinuousSpec(onP ? q.toStdString() : specAt(q, from));
    const Sweep s = sweep(pd, qd, sp, {from, to, std::size_t(steps)});
    QCOMPARE(s.values.size(), std::size_t(steps));
    for (std::size_t i = 0; i < s.values.size(); ++i) {
        const double v = s.values[i];
        // compute's own options: Monte Carlo and grid on, which must not change the totals.
        const ContinuousComparison c = onP ? compareContinuous(parseContinuousSpec(specAt(p, v)), qd)
                                           : compareContinuous(pd, parseContinuousSpec(specAt(q, v)));
        KLSCOPE_COMPARE_REL(s.klPQ[i], c.klPQ.value, 1e-10);
        KLSCOPE_COMPARE_REL(s.klQP[i], c.klQP.value, 1e-10);
        KLSCOPE_COMPARE_REL(s.js[i], c.js.value, 1e-10);
    }
}

void TestSweep::values()
{
    const std::vector<double> v = sweepValues({0.05, 0.95, 91});
    QCOMPARE(v.size(), std::size_t(91));
    QCOMPARE(v.front(), 0.05);
    QCOMPARE(v.back(), 0.95);
    KLSCOPE_COMPARE_REL(v[45], 0.5, 1e-15);
    for (std::size_t i = 1; i < v.size(); ++i)
        QVERIFY(v[i] > v[i - 1]);
    const SweepRange r = parseSweepRange("1/20..0.95", 91);
    QCOMPARE(r.from, 0.05);
    QCOMPARE(r.to, 0.95);
}

void TestSweep::refused_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("steps");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("unknown parameter") << "binomial:n=15,p=0.4"
                                       << "binomial:n=15,p=0.5"
                                       << "q.lambda" << 0.1 << 0.9 << 9
                                       << "unknown parameter q.lambda: Q is a binomial, whose "
                                          "parameters are n and p";
    QTest::newRow("p above 1")
        << "binomial:n=15,p=0.4"
        << "binomial:n=15,p=0.5"
        << "q.p" << 0.5 << 1.2 << 8
        << "q.p = 1.2 is out of range: p (success probability) of a binomial lies in [0, 1]";
    QTest::newRow("fractional n") << "binomial:n=15,p=0.4"
                                  << "binomial:n=15,p=0.5"
                                  << "q.n" << 1.0 << 10.0 << 5
                                  << "q.n = 3.25: n (number of trials) is a whole number";
    QTest::newRow("hypergeometric n above N") << "binomial:n=15,p=0.4"
                                              << "hypergeometric:N=50,K=20,n=10"
                                              << "q.n" << 40.0 << 60.0 << 21 << "q.n = 51:";
    QTest::newRow("custom side") << "custom:0.5,0.5"
                                 << "binomial:n=1,p=0.5"
                                 << "p.p" << 0.1 << 0.9 << 9 << "P is a custom distribution";
    QTest::newRow("mixture side") << "gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1"
                                  << "normal:mu=0,sigma=1"
                                  << "p.mu1" << 0.1 << 0.9 << 9 << "P is a Gaussian mixture";
    QTest::newRow("uniform, unknown parameter")
        << "uniform:a=0,b=10"
        << "binomial:n=10,p=0.5"
        << "p.n" << 1.0 << 2.0 << 2 << "P is a uniform, whose parameters are a and b";
    QTest::newRow("exponential rate 0") << "exponential:rate=1"
                                        << "exponential:rate=2"
                                        << "q.rate" << 0.0 << 2.0 << 3 << "of an exponential lies in";
    QTest::newRow("sigma 0") << "normal:mu=0,sigma=1"
                             << "normal:mu=0,sigma=1"
                             << "q.sigma" << 0.0 << 2.0 << 5 << "q.sigma = 0 is out of range";
    QTest::newRow("one step") << "binomial:n=15,p=0.4"
                              << "binomial:n=15,p=0.5"
                              << "q.p" << 0.1 << 0.9 << 1 << "from 2 to 1000000 steps";
    QTest::newRow("A >= B") << "binomial:n=15,p=0.4"
                            << "binomial:n=15,p=0.5"
                            << "q.p" << 0.9 << 0.1 << 9 << "finite ends A < B";
    QTest::newRow("bad side") << "binomial:n=15,p=0.4"
                              << "binomial:n=15,p=0.5"
                              << "r.p" << 0.1 << 0.9 << 9 << "p.NAME or q.NAME";
}

void TestSweep::refused()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, parameter);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(int, steps);
    QFETCH(QString, fragment);
    QString message;
    try {
        const SweepParameter sp = parseSweepParameter(parameter.toStdString());
        const SweepRange range{from, to, std::size_t(steps)};
        if (isContinuousSpec(p.toStdString()))
            (void)sweep(parseContinuousSpec(p.toStdString()), parseContinuousSpec(q.toStdString()), sp,
                        range);
        else
            (void)sweep(parseSpec(p.toStdString()), parseSpec(q.toStdString()), sp, range);
    } catch (const std::invalid_argument &e) {
        message = QString::fromStdString(e.what());
    }
    QVERIFY2(message.contains(fragment), qPrintable(message));
}

QTEST_APPLESS_MAIN(TestSweep)
#include "tst_sweep.moc"
