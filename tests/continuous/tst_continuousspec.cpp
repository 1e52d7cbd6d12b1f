// The continuous spec syntax: every family parses to the right parameters and formats back to itself;
// fractions work; bad specs are refused with a sentence naming the part (sigma <= 0, nu <= 0, a >= b, a gap
// in the mixture's numbering, more than 16 components, a repeated key, weights not summing to 1 unless
// renormalised, which says so); the discrete "uniform:" is not continuous.

#include "continuousspec.h"

#include <QTest>

#include <cmath>

using namespace klscope;

class TestContinuousSpec : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("described");
        QTest::newRow("normal") << "normal:mu=0,sigma=1"
                                << "normal(mu=0, sigma=1)";
        QTest::newRow("lognormal") << "lognormal: mu = -1 , sigma=1/4"
                                   << "lognormal(mu=-1, sigma=0.25)";
        QTest::newRow("exponential") << "exponential:rate=2"
                                     << "exponential(rate=2)";
        QTest::newRow("gamma") << "gamma:rate=1,shape=2"
                               << "gamma(shape=2, rate=1)";
        QTest::newRow("beta") << "beta:a=2,b=3"
                              << "beta(a=2, b=3)";
        QTest::newRow("laplace") << "laplace:mu=0,b=1"
                                 << "laplace(mu=0, b=1)";
        QTest::newRow("student_t defaults") << "student_t:nu=5"
                                            << "student_t(nu=5, mu=0, sigma=1)";
        QTest::newRow("student_t") << "student_t:nu=5,mu=1,sigma=2"
                                   << "student_t(nu=5, mu=1, sigma=2)";
        QTest::newRow("cauchy") << "cauchy:x0=0,gamma=1"
                                << "cauchy(x0=0, gamma=1)";
        QTest::newRow("continuous_uniform") << "continuous_uniform:a=0,b=1"
                                            << "continuous_uniform(a=0, b=1)";
        QTest::newRow("gmm") << "gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1"
                             << "gmm(w1=0.5, mu1=-1, sigma1=1, w2=0.5, mu2=1, sigma2=1)";
        QTest::newRow("gmm equal weights")
            << "gmm:mu1=-1,sigma1=1,mu2=1,sigma2=1,mu3=3,sigma3=2"
            << "gmm(w1=0.3333333333333333, mu1=-1, sigma1=1, w2=0.3333333333333333, "
               "mu2=1, sigma2=1, w3=0.3333333333333333, mu3=3, sigma3=2)";
        QTest::newRow("gmm fractions")
            << "gmm:w1=1/3,mu1=0,sigma1=1,w2=2/3,mu2=5,sigma2=1"
            << "gmm(w1=0.3333333333333333, mu1=0, sigma1=1, w2=0.6666666666666666, mu2=5, "
               "sigma2=1)";
    }

    void roundTrip()
    {
        QFETCH(QString, spec);
        QFETCH(QString, described);
        QVERIFY(isContinuousSpec(spec.toStdString()));
        const ContinuousDistribution d = parseContinuousSpec(spec.toStdString());
        QCOMPARE(QString::fromStdString(describe(d)), described);
        QVERIFY(parseContinuousSpec(formatSpec(d)) == d);
    }

    void notContinuous()
    {
        QVERIFY(!isContinuousSpec("uniform:a=0,b=3"));
        QVERIFY(!isContinuousSpec("binomial:n=3,p=0.5"));
        QVERIFY(!isContinuousSpec("file:x.csv"));
        QVERIFY(isContinuousSpec(" normal : mu=0,sigma=1"));
    }

    void bad_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("sigma 0") << "normal:mu=0,sigma=0"
                                 << "normal: sigma must be greater than 0";
        QTest::newRow("sigma negative") << "lognormal:mu=0,sigma=-1"
                                        << "lognormal: sigma";
        QTest::newRow("nu 0") << "student_t:nu=0"
                              << "student_t: nu must be greater than 0";
        QTest::newRow("a >= b") << "continuous_uniform:a=2,b=1"
                                << "a must be less than b";
        QTest::newRow("beta a 0") << "beta:a=0,b=1"
                                  << "beta: a";
        QTest::newRow("rate text") << "exponential:rate=fast"
                                   << "exponential: rate='fast' is not a number";
        QTest::newRow("missing") << "gamma:shape=2"
                                 << "gamma: missing parameter 'rate'";
        QTest::newRow("unknown key") << "normal:mu=0,sd=1"
                                     << "normal: unknown parameter 'sd'";
        QTest::newRow("repeated key") << "normal:mu=0,mu=1,sigma=1"
                                      << "parameter 'mu' is given twice";
        QTest::newRow("no equals") << "cauchy:0,1"
                                   << "expected name=value";
        QTest::newRow("empty") << "laplace:"
                               << "nothing after";
        QTest::newRow("gmm gap") << "gmm:mu1=0,sigma1=1,mu3=1,sigma3=1"
                                 << "component 2 is missing";
        QTest::newRow("gmm 17") << "gmm:mu17=0,sigma17=1"
                                << "at most 16 components";
        QTest::newRow("gmm sum") << "gmm:w1=0.5,mu1=0,sigma1=1,w2=0.4,mu2=1,sigma2=1"
                                 << "the weights sum to 0.9";
        QTest::newRow("gmm some weights") << "gmm:w1=0.5,mu1=0,sigma1=1,mu2=1,sigma2=1"
                                          << "missing parameter 'w2'";
        QTest::newRow("gmm no sigma") << "gmm:mu1=0"
                                      << "missing parameter 'sigma1'";
        QTest::newRow("gmm repeated") << "gmm:mu1=0,sigma1=1,mu1=2"
                                      << "parameter 'mu1' is given twice";
        QTest::newRow("gmm bad key") << "gmm:m1=0,sigma1=1"
                                     << "unknown parameter 'm1'";
        QTest::newRow("gmm sigma 0") << "gmm:mu1=0,sigma1=0"
                                     << "gmm: sigma1";
        QTest::newRow("gmm index 0") << "gmm:mu0=0,sigma0=1"
                                     << "unknown parameter 'mu0'";
        QTest::newRow("gmm negative weight") << "gmm:w1=1.5,mu1=0,sigma1=1,w2=-0.5,mu2=1,sigma2=1"
                                             << "gmm: w2";
    }

    void bad()
    {
        QFETCH(QString, spec);
        QFETCH(QString, fragment);
        try {
            parseContinuousSpec(spec.toStdString());
            QFAIL("accepted");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(fragment), e.what());
        }
    }

    // --renormalize rescales the weights and says so.
    void renormalize()
    {
        std::vector<std::string> notes;
        const ContinuousDistribution d =
            parseContinuousSpec("gmm:w1=1,mu1=0,sigma1=1,w2=3,mu2=1,sigma2=1", true, &notes);
        const auto &m = std::get<GaussianMixture>(d);
        QCOMPARE(m.components()[0].weight, 0.25);
        QCOMPARE(m.components()[1].weight, 0.75);
        QCOMPARE(notes.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(notes[0]).contains("summed to 4"));
    }
};

QTEST_APPLESS_MAIN(TestContinuousSpec)
#include "tst_continuousspec.moc"
