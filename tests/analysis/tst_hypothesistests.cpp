// Hypothesis tests (issue 13) against textbook values, each cross-checked once with SciPy 1.10
// (scipy.stats.power_divergence, chisquare, chi2_contingency(correction=False), ttest_ind(equal_var=False))
// and with mpmath at 30 digits; the project does not depend on Python.
//   Mendel's peas (315, 108, 101, 32 against 9:3:3:1): X^2 = 0.470, df 3, p = 0.925 (Sokal & Rohlf).
//   McDonald's crossbills (1752 right-, 1895 left-billed against 1:1): G = 5.61, df 1, p = 0.018 (McDonald,
//   Handbook of Biological Statistics, "G-test of goodness-of-fit").
//   Welch's t-test, the first example of Wikipedia's "Welch's t-test": t = -2.46, df = 24.99, p = 0.021.

#include "relativecompare.h"

#include "comparison.h"
#include "custom.h"
#include "divergence.h"
#include "hypothesistests.h"
#include "testsides.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>

#include <cmath>
#include <limits>
#include <vector>

using namespace klscope;

Q_DECLARE_METATYPE(std::vector<double>)

class TestHypothesisTests : public QObject
{
    Q_OBJECT

private slots:
    void goodnessOfFit_data();
    void goodnessOfFit();
    void gIsTwoNTimesKl_data();
    void gIsTwoNTimesKl();
    void homogeneity_data();
    void homogeneity();
    void welchAndZ();
    void zReading_data();
    void zReading();
    void notApplicable();
    void infiniteG();
    void sidesDecideTheDesign();
    void poolsTheModelsTail();
    void samplesAgainstADensity();
    void samplesOnBothSides();

private:
    QTemporaryDir m_dir;
    QString write(const QString &name, const QByteArray &text);
};

namespace {

const std::vector<double> kWelchA = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1,
                                     21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4};
const std::vector<double> kWelchB = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0,
                                     24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4};

} // namespace

void TestHypothesisTests::goodnessOfFit_data()
{
    QTest::addColumn<std::vector<double>>("counts");
    QTest::addColumn<std::vector<double>>("model");
    QTest::addColumn<double>("g");
    QTest::addColumn<double>("gP");
    QTest::addColumn<double>("x2");
    QTest::addColumn<double>("x2P");
    QTest::addColumn<double>("df");
    QTest::newRow("Mendel's peas") << std::vector<double>{315, 108, 101, 32}
                                   << std::vector<double>{9, 3, 3, 1} << 0.47544523899826314612
                                   << 0.92425190397452604708 << 0.47002398081534772182
                                   << 0.92542589510361596739 << 3.0;
    QTest::newRow("McDonald's crossbills")
        << std::vector<double>{1752, 1895} << std::vector<double>{0.5, 0.5} << 5.6085119565277844563
        << 0.01787343485021015591 << 5.6070743076501233891 << 0.017888105525686929677 << 1.0;
    // A category where both the counts and the model are 0 is no category: the same test as above.
    QTest::newRow("crossbills with an empty category")
        << std::vector<double>{1752, 0, 1895} << std::vector<double>{0.5, 0, 0.5} << 5.6085119565277844563
        << 0.01787343485021015591 << 5.6070743076501233891 << 0.017888105525686929677 << 1.0;
}

void TestHypothesisTests::goodnessOfFit()
{
    QFETCH(std::vector<double>, counts);
    QFETCH(std::vector<double>, model);
    QFETCH(double, g);
    QFETCH(double, gP);
    QFETCH(double, x2);
    QFETCH(double, x2P);
    QFETCH(double, df);
    const TestResult gr = gTestGoodnessOfFit(counts, model);
    QVERIFY(gr.applies);
    KLSCOPE_COMPARE_REL(gr.statistic, g, 1e-12);
    KLSCOPE_COMPARE_REL(gr.pValue, gP, 1e-10);
    QCOMPARE(gr.df, df);
    const TestResult xr = chiSquareGoodnessOfFit(counts, model);
    QVERIFY(xr.applies);
    KLSCOPE_COMPARE_REL(xr.statistic, x2, 1e-12);
    KLSCOPE_COMPARE_REL(xr.pValue, x2P, 1e-10);
    QCOMPARE(xr.df, df);
    QVERIFY(!gr.sentence.empty() && !xr.sentence.empty());
    // Every expected count here is at least 5: no warning about the approximation.
    QVERIFY(!QString::fromStdString(gr.sentence).contains("below 5"));
}

void TestHypothesisTests::gIsTwoNTimesKl_data()
{
    QTest::addColumn<std::vector<double>>("counts");
    QTest::addColumn<std::vector<double>>("model");
    QTest::newRow("peas") << std::vector<double>{315, 108, 101, 32}
                          << std::vector<double>{9. / 16, 3. / 16, 3. / 16, 1. / 16};
    QTest::newRow("die, 600 rolls") << std::vector<double>{90, 110, 95, 105, 100, 100}
                                    << std::vector<double>(6, 1.0 / 6);
    QTest::newRow("counts matching the model exactly")
        << std::vector<double>{25, 50, 25} << std::vector<double>{0.25, 0.5, 0.25};
    QTest::newRow("a zero count") << std::vector<double>{0, 7, 3} << std::vector<double>{0.2, 0.5, 0.3};
}

void TestHypothesisTests::gIsTwoNTimesKl()
{
    QFETCH(std::vector<double>, counts);
    QFETCH(std::vector<double>, model);
    double n = 0;
    for (const double c : counts)
        n += c;
    std::vector<double> empirical;
    for (const double c : counts)
        empirical.push_back(c / n);
    const TestResult r = gTestGoodnessOfFit(counts, model);
    QVERIFY(r.applies);
    QCOMPARE(r.sampleSize, n);
    // Exactly: G is 2N times the core's KL of the empirical distribution from the model.
    QCOMPARE(r.statistic, 2.0 * n * divergences(empirical, model, Unit::Nats).klPQ);
    // And compare(), as `compute` runs it on the two as custom distributions, agrees to rounding.
    const Comparison c = compare(Custom(empirical), Custom(model));
    KLSCOPE_COMPARE_MIXED(r.statistic, 2.0 * n * c.totals.klPQ, 1e-13, 1e-13);
    // The textbook form 2 sum O ln(O/E).
    double g = 0;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0)
            g += 2.0 * counts[i] * std::log(counts[i] / (n * model[i]));
    KLSCOPE_COMPARE_MIXED(r.statistic, g, 1e-12, 1e-12);
}

void TestHypothesisTests::homogeneity_data()
{
    QTest::addColumn<std::vector<double>>("a");
    QTest::addColumn<std::vector<double>>("b");
    QTest::addColumn<double>("g");
    QTest::addColumn<double>("gP");
    QTest::addColumn<double>("x2");
    QTest::addColumn<double>("x2P");
    QTest::addColumn<double>("df");
    // SciPy: chi2_contingency([[20,30,50],[30,30,40]], correction=False[, lambda_="log-likelihood"]).
    QTest::newRow("2 x 3") << std::vector<double>{20, 30, 50} << std::vector<double>{30, 30, 40}
                           << 3.1269600683408411017 << 0.20940606145871184251 << 3.1111111111111111111
                           << 0.21107208779109020497 << 2.0;
    // All-zero columns are dropped: still df = 3 - 1.
    QTest::newRow("2 x 5 with two all-zero columns")
        << std::vector<double>{0, 20, 30, 0, 50} << std::vector<double>{0, 30, 30, 0, 40}
        << 3.1269600683408411017 << 0.20940606145871184251 << 3.1111111111111111111 << 0.21107208779109020497
        << 2.0;
}

void TestHypothesisTests::homogeneity()
{
    QFETCH(std::vector<double>, a);
    QFETCH(std::vector<double>, b);
    QFETCH(double, g);
    QFETCH(double, gP);
    QFETCH(double, x2);
    QFETCH(double, x2P);
    QFETCH(double, df);
    const TestResult gr = gTestHomogeneity(a, b);
    KLSCOPE_COMPARE_REL(gr.statistic, g, 1e-12);
    KLSCOPE_COMPARE_REL(gr.pValue, gP, 1e-10);
    QCOMPARE(gr.df, df);
    QCOMPARE(gr.categories, std::size_t(df + 1));
    const TestResult xr = chiSquareHomogeneity(a, b);
    KLSCOPE_COMPARE_REL(xr.statistic, x2, 1e-12);
    KLSCOPE_COMPARE_REL(xr.pValue, x2P, 1e-10);
    QCOMPARE(xr.df, df);
}

void TestHypothesisTests::welchAndZ()
{
    // SciPy: ttest_ind(a, b, equal_var=False) = (-2.455356398286006, 0.021378001462866985); mpmath: df
    // 24.988529290231414357; the Z-test's two-sided p = erfc(|z|/sqrt 2) = 0.014074497281146454597.
    const TestResult t = welchTTest(kWelchA, kWelchB);
    QVERIFY(t.applies);
    KLSCOPE_COMPARE_REL(t.statistic, -2.4553563982860050625, 1e-12);
    KLSCOPE_COMPARE_REL(t.df, 24.988529290231414357, 1e-12);
    KLSCOPE_COMPARE_REL(t.pValue, 0.021378001462867032492, 1e-10);
    const TestResult z = zTest(kWelchA, kWelchB);
    QVERIFY(z.applies);
    KLSCOPE_COMPARE_REL(z.statistic, -2.4553563982860050625, 1e-12);
    KLSCOPE_COMPARE_REL(z.pValue, 0.014074497281146454597, 1e-10);
    QVERIFY(std::isnan(z.df));
    QCOMPARE(z.reading, std::string("marginally different"));
    QVERIFY(QString::fromStdString(z.sentence).contains("marginally different"));
    // Swapping the sides flips the sign only.
    QCOMPARE(welchTTest(kWelchB, kWelchA).statistic, -t.statistic);
    QCOMPARE(welchTTest(kWelchB, kWelchA).pValue, t.pValue);
}

void TestHypothesisTests::zReading_data()
{
    QTest::addColumn<double>("z");
    QTest::addColumn<QString>("reading");
    QTest::newRow("0") << 0.0 << "the same";
    QTest::newRow("1.99") << 1.99 << "the same";
    QTest::newRow("-1.99") << -1.99 << "the same";
    QTest::newRow("2") << 2.0 << "marginally different";
    QTest::newRow("2.49") << 2.49 << "marginally different";
    QTest::newRow("2.5") << 2.5 << "significantly different";
    QTest::newRow("-2.99") << -2.99 << "significantly different";
    QTest::newRow("3") << 3.0 << "highly significantly different";
    QTest::newRow("-7") << -7.0 << "highly significantly different";
}

void TestHypothesisTests::zReading()
{
    QFETCH(double, z);
    QFETCH(QString, reading);
    QCOMPARE(QString::fromUtf8(klscope::zReading(z).data(), qsizetype(klscope::zReading(z).size())), reading);
}

void TestHypothesisTests::notApplicable()
{
    const std::vector<double> constant = {1, 1, 1};
    const TestResult z = zTest(constant, constant);
    QVERIFY(!z.applies);
    QVERIFY(QString::fromStdString(z.reason).contains("constant"));
    QVERIFY(!welchTTest(constant, constant).applies);
    const TestResult g = gTestGoodnessOfFit(std::vector<double>{10, 0}, std::vector<double>{1, 0});
    QVERIFY(!g.applies);
    QVERIFY(QString::fromStdString(g.reason).contains("at least two"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, zTest(std::vector<double>{1.0}, constant));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             gTestGoodnessOfFit(std::vector<double>{1, 2}, std::vector<double>{1, 2, 3}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             gTestHomogeneity(std::vector<double>{0, 0}, std::vector<double>{1, 2}));
}

void TestHypothesisTests::infiniteG()
{
    // Counts where the model has no mass: KL, G and X^2 are +inf and p is 0.
    const std::vector<double> counts = {5, 5, 1};
    const std::vector<double> model = {0.5, 0.5, 0};
    const TestResult g = gTestGoodnessOfFit(counts, model);
    QCOMPARE(g.statistic, std::numeric_limits<double>::infinity());
    QCOMPARE(g.pValue, 0.0);
    QCOMPARE(g.df, 2.0);
    const TestResult x = chiSquareGoodnessOfFit(counts, model);
    QCOMPARE(x.statistic, std::numeric_limits<double>::infinity());
    QCOMPARE(x.pValue, 0.0);
}

void TestHypothesisTests::sidesDecideTheDesign()
{
    // Two families: neither G nor chi^2 applies, and the reason names both sides.
    TestSide a = loadTestSide("binomial:n=15,p=0.4", import::Side::P);
    TestSide b = loadTestSide("uniform:a=0,b=15", import::Side::Q);
    HypothesisTests r = runHypothesisTests(a, b);
    QVERIFY(!r.gTest.applies && !r.chiSquare.applies && !r.zTest.applies && !r.welchT.applies);
    QVERIFY2(QString::fromStdString(r.gTest.reason).contains("binomial(n=15"), r.gTest.reason.c_str());
    QVERIFY2(QString::fromStdString(r.zTest.reason).contains("samples on both sides; A is a distribution"),
             r.zTest.reason.c_str());
    // A continuous family and a discrete one read the same way.
    a = loadTestSide("normal:mu=0,sigma=1", import::Side::P);
    r = runHypothesisTests(a, b);
    QVERIFY(!r.gTest.applies);
    QVERIFY2(QString::fromStdString(r.zTest.reason).contains("A is a continuous distribution, normal("),
             r.zTest.reason.c_str());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             loadTestSide("samples:/nonexistent/x.csv", import::Side::P));
}

QString TestHypothesisTests::write(const QString &name, const QByteArray &text)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return QString();
    return path;
}

void TestHypothesisTests::poolsTheModelsTail()
{
    // Counts on 0..5 against Poisson(3): the categories 0..5 and one for x >= 6 (observed 0), so df = 6,
    // not one category per event of the tail down to 1e-16.
    const QString file = write("counts.csv", "0,3\n1,10\n2,25\n3,30\n4,20\n5,12\n");
    QVERIFY(!file.isEmpty());
    const HypothesisTests r =
        runHypothesisTests(loadTestSide(("file:" + file + ",as=counts").toStdString(), import::Side::P),
                           loadTestSide("poisson:lambda=3", import::Side::Q));
    QCOMPARE(r.design, std::string("goodness of fit of A to B"));
    QCOMPARE(r.gTest.categories, std::size_t(7));
    QCOMPARE(r.gTest.df, 6.0);
    QCOMPARE(r.gTest.sampleSize, 100.0);
    const boost::math::poisson_distribution<double> poisson(3.0);
    std::vector<double> counts = {3, 10, 25, 30, 20, 12, 0};
    std::vector<double> model;
    for (int k = 0; k <= 5; ++k)
        model.push_back(boost::math::pdf(poisson, k));
    model.push_back(boost::math::cdf(boost::math::complement(poisson, 5)));
    KLSCOPE_COMPARE_REL(r.gTest.statistic, gTestGoodnessOfFit(counts, model).statistic, 1e-10);
    KLSCOPE_COMPARE_REL(r.chiSquare.statistic, chiSquareGoodnessOfFit(counts, model).statistic, 1e-10);
    QVERIFY(!r.zTest.applies);
}

void TestHypothesisTests::samplesAgainstADensity()
{
    // Whole-number samples against a normal: integer bins k stand for [k - 1/2, k + 1/2), the end bins take
    // the tails, so the model's probabilities are 0.5 +- 0.5 around each observed value.
    const QString file = write("integers.csv", "1\n2\n2\n3\n3\n3\n4\n4\n5\n");
    const HypothesisTests r =
        runHypothesisTests(loadTestSide("normal:mu=3,sigma=1", import::Side::P),
                           loadTestSide(("samples:" + file).toStdString(), import::Side::Q));
    QCOMPARE(r.design, std::string("goodness of fit of B to A"));
    QCOMPARE(r.gTest.categories, std::size_t(5));
    QCOMPARE(r.gTest.sampleSize, 9.0);
    const boost::math::normal_distribution<double> normal(3.0, 1.0);
    const std::vector<double> counts = {1, 2, 3, 2, 1};
    const std::vector<double> model = {boost::math::cdf(normal, 1.5),
                                       boost::math::cdf(normal, 2.5) - boost::math::cdf(normal, 1.5),
                                       boost::math::cdf(normal, 3.5) - boost::math::cdf(normal, 2.5),
                                       boost::math::cdf(normal, 4.5) - boost::math::cdf(normal, 3.5),
                                       boost::math::cdf(boost::math::complement(normal, 4.5))};
    KLSCOPE_COMPARE_REL(r.gTest.statistic, gTestGoodnessOfFit(counts, model).statistic, 1e-12);
    KLSCOPE_COMPARE_REL(r.chiSquare.statistic, chiSquareGoodnessOfFit(counts, model).statistic, 1e-12);
}

void TestHypothesisTests::samplesOnBothSides()
{
    // Integer samples of different sizes: the 2 x k table of their counts on common bins 0..4, with the
    // all-zero column 2 dropped (df = 3), and the Z and Welch tests on the raw values.
    const QString a = write("a.csv", "0\n0\n1\n1\n1\n3\n4\n");
    const QString b = write("b.csv", "0\n1\n3\n3\n4\n4\n4\n4\n");
    const HypothesisTests r =
        runHypothesisTests(loadTestSide(("samples:" + a).toStdString(), import::Side::P),
                           loadTestSide(("samples:" + b).toStdString(), import::Side::Q));
    QCOMPARE(r.design, std::string("homogeneity of A and B"));
    const std::vector<double> ca = {2, 3, 0, 1, 1};
    const std::vector<double> cb = {1, 1, 0, 2, 4};
    const TestResult g = gTestHomogeneity(ca, cb);
    QCOMPARE(r.gTest.statistic, g.statistic);
    QCOMPARE(r.gTest.df, 3.0);
    QCOMPARE(r.chiSquare.statistic, chiSquareHomogeneity(ca, cb).statistic);
    // Expected counts of 15 samples over 4 columns are all below 5, and the sentence says so.
    QVERIFY2(QString::fromStdString(r.gTest.sentence).contains("8 of 8 expected counts are below 5"),
             r.gTest.sentence.c_str());
    QVERIFY(r.zTest.applies && r.welchT.applies);
    const std::vector<double> xa = {0, 0, 1, 1, 1, 3, 4};
    const std::vector<double> xb = {0, 1, 3, 3, 4, 4, 4, 4};
    QCOMPARE(r.welchT.statistic, welchTTest(xa, xb).statistic);
}

QTEST_APPLESS_MAIN(TestHypothesisTests)
#include "tst_hypothesistests.moc"
