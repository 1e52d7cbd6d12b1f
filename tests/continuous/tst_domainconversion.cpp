// The way between the domains: the discrete variance against a direct sum over the pmf, the moments
// each conversion promises, round trips that come back exactly, every pair of families converting
// without an exception for defaults and extreme parameters, sentences naming both families, and the
// continuous parameter tables and mixture edits the editors are built on.

#include "continuousparameters.h"
#include "domainconversion.h"
#include "relativecompare.h"

#include <QTest>

#include <cmath>
#include <numeric>

using namespace klscope;

Q_DECLARE_METATYPE(klscope::Distribution)
Q_DECLARE_METATYPE(klscope::ContinuousDistribution)
Q_DECLARE_METATYPE(klscope::ContinuousFamily)
Q_DECLARE_METATYPE(klscope::Family)

namespace {

bool names(const std::string &sentence, std::string_view keyword)
{
    return sentence.find(keyword) != std::string::npos;
}

QList<Distribution> discreteCases()
{
    QList<Distribution> cases;
    for (Family f : allFamilies())
        cases.append(defaultDistribution(f));
    cases.append(Binomial(0, 0.5));
    cases.append(Binomial(9999999, 0.5));
    cases.append(Binomial(1, 1));
    cases.append(DiscreteUniform(-1000000, 1000000));
    cases.append(DiscreteUniform(3, 3));
    cases.append(Poisson(0));
    cases.append(Poisson(9.9e6));
    cases.append(Geometric(4e-6));
    cases.append(Geometric(1));
    cases.append(NegativeBinomial(1e-300, 0.5));
    cases.append(NegativeBinomial(0.5, 1e-3));
    cases.append(Hypergeometric(1, 1, 1));
    cases.append(Hypergeometric(1e8, 5e7, 1000));
    cases.append(Bernoulli(0));
    cases.append(Bernoulli(1));
    cases.append(Custom({0, 0, 1}));
    cases.append(Custom({1e-300, 1}));
    return cases;
}

QList<ContinuousDistribution> continuousCases()
{
    QList<ContinuousDistribution> cases;
    for (ContinuousFamily f : allContinuousFamilies())
        cases.append(defaultContinuous(f));
    cases.append(Normal(0, 1e-300));
    cases.append(Normal(1e300, 1));
    cases.append(Normal(-1e6, 1e-3));
    cases.append(Normal(5, 1e8));
    cases.append(LogNormal(0, 50));
    cases.append(LogNormal(600, 0.1));
    cases.append(Exponential(1e-300));
    cases.append(Exponential(1e300));
    cases.append(Gamma(1e-3, 1));
    cases.append(Gamma(1e12, 1));
    cases.append(Beta(1e-3, 1e-3));
    cases.append(Laplace(-3, 1e-200));
    cases.append(StudentT(0.5, 0, 1));
    cases.append(StudentT(1e12, 1, 1));
    cases.append(Cauchy(0, 1e10));
    cases.append(ContinuousUniform(-1e300, 1e300));
    cases.append(ContinuousUniform(0.2, 0.8));
    std::vector<MixtureComponent> many;
    for (int k = 0; k < 16; ++k)
        many.push_back({1.0 / 16.0, 1e6 * (k - 8), 1.0});
    cases.append(GaussianMixture(many));
    return cases;
}

} // namespace

class TestDomainConversion : public QObject
{
    Q_OBJECT

private slots:
    void discreteVariance_data();
    void discreteVariance();
    void toContinuousKeepsMoments_data();
    void toContinuousKeepsMoments();
    void toDiscreteKeepsMoments_data();
    void toDiscreteKeepsMoments();
    void roundTrip_data();
    void roundTrip();
    void nearestCounterparts_data();
    void nearestCounterparts();
    void everyPairConverts();
    void binnedMassesAreBoundedAndLabelled_data();
    void binnedMassesAreBoundedAndLabelled();
    void parameterTables();
    void invalidParametersAreNamed_data();
    void invalidParametersAreNamed();
    void mixtureEdits();
    void convertContinuousKeepsMoments_data();
    void convertContinuousKeepsMoments();
    void convertContinuousWithoutMoments();
    void everyContinuousPairConverts();
    void binOnIntegersSharesTheAxis();
};

void TestDomainConversion::discreteVariance_data()
{
    QTest::addColumn<Distribution>("d");
    for (const Distribution &d :
         {Distribution(Binomial(15, 7.0 / 15)), Distribution(Binomial(40, 0.01)),
          Distribution(DiscreteUniform(-7, 12)), Distribution(Poisson(3.5)), Distribution(Geometric(0.3)),
          Distribution(NegativeBinomial(2.5, 0.4)), Distribution(Hypergeometric(50, 20, 10)),
          Distribution(Hypergeometric(7, 7, 3)), Distribution(Bernoulli(0.3)),
          Distribution(Custom({1, 2, 0, 3, 0.5}))})
        QTest::newRow(describe(d).c_str()) << d;
}

// Against the definition: the centred second moment summed over the pmf.
void TestDomainConversion::discreteVariance()
{
    QFETCH(Distribution, d);
    const EventRange range = support(d);
    long double total = 0, first = 0;
    for (std::int64_t k = range.first; k <= range.last; ++k) {
        const long double p = std::exp(static_cast<long double>(logpmf(d, k)));
        total += p;
        first += p * k;
    }
    const long double m = first / total;
    long double second = 0;
    for (std::int64_t k = range.first; k <= range.last; ++k)
        second += std::exp(static_cast<long double>(logpmf(d, k))) * (k - m) * (k - m);
    KLSCOPE_COMPARE_REL(variance(d), static_cast<double>(second / total), 1e-9);
}

void TestDomainConversion::toContinuousKeepsMoments_data()
{
    QTest::addColumn<Distribution>("d");
    QTest::addColumn<ContinuousFamily>("target");
    QTest::addColumn<bool>("keepsVariance");
    const Distribution binomial = Binomial(15, 7.0 / 15);
    const Distribution poisson = Poisson(3.5);
    const Distribution custom = Custom({0.1, 0.2, 0.3, 0.4});
    for (const auto &[d, name] :
         {std::pair{binomial, "binomial"}, {poisson, "poisson"}, {custom, "custom"}}) {
        for (ContinuousFamily f :
             {ContinuousFamily::Normal, ContinuousFamily::LogNormal, ContinuousFamily::Gamma,
              ContinuousFamily::Laplace, ContinuousFamily::StudentT, ContinuousFamily::GaussianMixture})
            QTest::addRow("%s to %s", name, familyKeyword(f).data()) << d << f << true;
        QTest::addRow("%s to exponential", name) << d << ContinuousFamily::Exponential << false;
    }
    QTest::newRow("bernoulli(0.3) to beta (mean only)")
        << Distribution(Bernoulli(0.3)) << ContinuousFamily::Beta << false;
    QTest::newRow("custom on {0, 1} to beta")
        << Distribution(Custom({0.3, 0.7})) << ContinuousFamily::Beta << false;
}

void TestDomainConversion::toContinuousKeepsMoments()
{
    QFETCH(Distribution, d);
    QFETCH(ContinuousFamily, target);
    QFETCH(bool, keepsVariance);
    const Converted<ContinuousDistribution> c = toContinuous(d, target);
    QCOMPARE(family(c.value), target);
    KLSCOPE_COMPARE_REL(mean(c.value), mean(d), 1e-12);
    if (keepsVariance)
        KLSCOPE_COMPARE_REL(variance(c.value), variance(d), 1e-12);
    QVERIFY2(names(c.sentence, familyKeyword(family(d))) && names(c.sentence, familyKeyword(target)),
             c.sentence.c_str());
}

void TestDomainConversion::toDiscreteKeepsMoments_data()
{
    QTest::addColumn<ContinuousDistribution>("c");
    QTest::addColumn<Family>("target");
    QTest::addColumn<bool>("keepsVariance");
    QTest::newRow("normal to negative binomial")
        << ContinuousDistribution(Normal(4, 3)) << Family::NegativeBinomial << true;
    QTest::newRow("gamma to negative binomial")
        << ContinuousDistribution(Gamma(2, 0.25)) << Family::NegativeBinomial << true;
    QTest::newRow("normal to poisson") << ContinuousDistribution(Normal(4, 3)) << Family::Poisson << false;
    QTest::newRow("exponential to geometric")
        << ContinuousDistribution(Exponential(0.2)) << Family::Geometric << false;
    QTest::newRow("beta to bernoulli") << ContinuousDistribution(Beta(2, 5)) << Family::Bernoulli << false;
    QTest::newRow("normal to binomial (whole n)")
        << ContinuousDistribution(Normal(8, std::sqrt(4.8))) << Family::Binomial << true;
}

void TestDomainConversion::toDiscreteKeepsMoments()
{
    QFETCH(ContinuousDistribution, c);
    QFETCH(Family, target);
    QFETCH(bool, keepsVariance);
    const Converted<Distribution> d = toDiscrete(c, target);
    QCOMPARE(family(d.value), target);
    KLSCOPE_COMPARE_REL(mean(d.value), mean(c), 1e-12);
    if (keepsVariance)
        KLSCOPE_COMPARE_REL(variance(d.value), variance(c), 1e-12);
    QVERIFY2(names(d.sentence, familyKeyword(family(c))) && names(d.sentence, familyKeyword(target)),
             d.sentence.c_str());
}

void TestDomainConversion::roundTrip_data()
{
    QTest::addColumn<Distribution>("d");
    QTest::addColumn<ContinuousFamily>("via");
    QTest::newRow("binomial(15, 7/15) via normal")
        << Distribution(Binomial(15, 7.0 / 15)) << ContinuousFamily::Normal;
    QTest::newRow("binomial(100, 0.3) via normal")
        << Distribution(Binomial(100, 0.3)) << ContinuousFamily::Normal;
    QTest::newRow("binomial(1, 0.5) via normal")
        << Distribution(Binomial(1, 0.5)) << ContinuousFamily::Normal;
    QTest::newRow("binomial(15, 7/15) via gamma")
        << Distribution(Binomial(15, 7.0 / 15)) << ContinuousFamily::Gamma;
    QTest::newRow("poisson(3.5) via normal") << Distribution(Poisson(3.5)) << ContinuousFamily::Normal;
    QTest::newRow("negative binomial(5, 0.4) via normal")
        << Distribution(NegativeBinomial(5, 0.4)) << ContinuousFamily::Normal;
    QTest::newRow("uniform(-3, 9) via continuous uniform")
        << Distribution(DiscreteUniform(-3, 9)) << ContinuousFamily::ContinuousUniform;
    QTest::newRow("geometric(0.3) via exponential")
        << Distribution(Geometric(0.3)) << ContinuousFamily::Exponential;
}

// toContinuous then nearestDiscrete comes back to the same family and parameters.
void TestDomainConversion::roundTrip()
{
    QFETCH(Distribution, d);
    QFETCH(ContinuousFamily, via);
    const ContinuousDistribution c = toContinuous(d, via).value;
    QCOMPARE(family(c), via);
    const Converted<Distribution> back = nearestDiscrete(c);
    QVERIFY2(family(back.value) == family(d), back.sentence.c_str());
    const std::vector<double> expected = parameterValues(d), actual = parameterValues(back.value);
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        KLSCOPE_COMPARE_REL(actual[i], expected[i], 1e-12);
}

void TestDomainConversion::nearestCounterparts_data()
{
    QTest::addColumn<Distribution>("d");
    QTest::addColumn<ContinuousFamily>("expected");
    QTest::newRow("binomial") << Distribution(Binomial(15, 0.4)) << ContinuousFamily::Normal;
    QTest::newRow("poisson") << Distribution(Poisson(2)) << ContinuousFamily::Normal;
    QTest::newRow("hypergeometric") << Distribution(Hypergeometric(50, 20, 10)) << ContinuousFamily::Normal;
    QTest::newRow("bernoulli") << Distribution(Bernoulli(0.3)) << ContinuousFamily::Normal;
    QTest::newRow("custom") << Distribution(Custom({1, 2, 3})) << ContinuousFamily::Normal;
    QTest::newRow("uniform") << Distribution(DiscreteUniform(2, 6)) << ContinuousFamily::ContinuousUniform;
    QTest::newRow("geometric") << Distribution(Geometric(0.25)) << ContinuousFamily::Exponential;
}

void TestDomainConversion::nearestCounterparts()
{
    QFETCH(Distribution, d);
    QFETCH(ContinuousFamily, expected);
    const Converted<ContinuousDistribution> c = nearestContinuous(d);
    QCOMPARE(family(c.value), expected);
    KLSCOPE_COMPARE_REL(mean(c.value), mean(d), 1e-12);
    if (expected == ContinuousFamily::Normal)
        KLSCOPE_COMPARE_REL(variance(c.value), variance(d), 1e-12);
    if (expected == ContinuousFamily::ContinuousUniform) {
        QCOMPARE(support(c.value).low, 1.5);
        QCOMPARE(support(c.value).high, 6.5);
    }
}

// No pair of families throws, for defaults and extreme parameters, and every sentence names both.
void TestDomainConversion::everyPairConverts()
{
    int checked = 0;
    for (const Distribution &d : discreteCases()) {
        for (ContinuousFamily f : allContinuousFamilies()) {
            const Converted<ContinuousDistribution> c = toContinuous(d, f);
            QCOMPARE(family(c.value), f);
            QVERIFY2(names(c.sentence, familyKeyword(family(d))) && names(c.sentence, familyKeyword(f)),
                     c.sentence.c_str());
            ++checked;
        }
        const Converted<ContinuousDistribution> n = nearestContinuous(d);
        QVERIFY2(names(n.sentence, familyKeyword(family(d))) &&
                     names(n.sentence, familyKeyword(family(n.value))),
                 n.sentence.c_str());
    }
    for (const ContinuousDistribution &c : continuousCases()) {
        for (Family f : allFamilies()) {
            const Converted<Distribution> d = toDiscrete(c, f);
            QCOMPARE(family(d.value), f);
            QVERIFY2(names(d.sentence, familyKeyword(family(c))) && names(d.sentence, familyKeyword(f)),
                     d.sentence.c_str());
            ++checked;
        }
        const Converted<Distribution> n = nearestDiscrete(c);
        QVERIFY2(names(n.sentence, familyKeyword(family(c))) &&
                     names(n.sentence, familyKeyword(family(n.value))),
                 n.sentence.c_str());
    }
    QVERIFY(checked > 300);
}

void TestDomainConversion::binnedMassesAreBoundedAndLabelled_data()
{
    QTest::addColumn<ContinuousDistribution>("c");
    QTest::addColumn<bool>("labelled");
    QTest::newRow("normal(-2, 1)") << ContinuousDistribution(Normal(-2, 1)) << true;
    QTest::newRow("cauchy(0, 1)") << ContinuousDistribution(Cauchy(0, 1)) << true;
    QTest::newRow("student t(3, 10, 2)") << ContinuousDistribution(StudentT(3, 10, 2)) << true;
    QTest::newRow("gmm default") << defaultContinuous(ContinuousFamily::GaussianMixture) << true;
    QTest::newRow("beta(2, 5)") << ContinuousDistribution(Beta(2, 5)) << false;
    QTest::newRow("lognormal(2, 0.5)") << ContinuousDistribution(LogNormal(2, 0.5)) << false;
}

void TestDomainConversion::binnedMassesAreBoundedAndLabelled()
{
    QFETCH(ContinuousDistribution, c);
    QFETCH(bool, labelled);
    const Converted<Distribution> d = toDiscrete(c, Family::Custom);
    const auto &custom = std::get<Custom>(d.value);
    QVERIFY(custom.masses().size() <= kMaxBinnedEvents);
    QVERIFY(custom.masses().size() >= 2);
    KLSCOPE_COMPARE_REL(custom.total(), 1.0, 1e-12);
    QCOMPARE(!custom.labels().empty(), labelled);
    // The median's bin holds the most mass of its neighbours' side: the mass sits where the density is.
    if (labelled) {
        const double first = std::stod(custom.labels().front());
        double m = 0;
        for (std::size_t i = 0; i < custom.masses().size(); ++i)
            m += (first + double(i)) * custom.masses()[i];
        const double expected = mean(c);
        if (std::isfinite(expected))
            QVERIFY2(std::fabs(m - expected) < 0.05 * std::sqrt(variance(c)) + 1e-3, d.sentence.c_str());
    }
    QVERIFY2(names(d.sentence, "integers"), d.sentence.c_str());
}

void TestDomainConversion::parameterTables()
{
    for (ContinuousFamily f : allContinuousFamilies()) {
        const ContinuousDistribution d = defaultContinuous(f);
        QCOMPARE(family(d), f);
        QVERIFY(!familyTitle(f).empty());
        if (f == ContinuousFamily::GaussianMixture) {
            QVERIFY(parameters(f).empty());
            QVERIFY(parameterValues(d).empty());
            continue;
        }
        const auto info = parameters(f);
        const std::vector<double> values = parameterValues(d);
        QCOMPARE(values.size(), info.size());
        for (std::size_t i = 0; i < info.size(); ++i) {
            QCOMPARE(values[i], info[i].defaultValue);
            QVERIFY(info[i].minimum <= info[i].sliderMinimum && info[i].sliderMaximum <= info[i].maximum);
        }
        QVERIFY(makeContinuous(f, values) == d);
        // The hard limits themselves are accepted by the constructor.
        for (std::size_t i = 0; i < info.size(); ++i) {
            std::vector<double> edge = values;
            edge[i] = info[i].minimum;
            if (f == ContinuousFamily::ContinuousUniform && i == 1)
                continue; // b must exceed a
            makeContinuous(f, edge);
        }
    }
    QCOMPARE(familyTitle(ContinuousFamily::StudentT), std::string_view("Student t"));
    QCOMPARE(familyTitle(ContinuousFamily::GaussianMixture), std::string_view("Gaussian mixture"));
}

void TestDomainConversion::invalidParametersAreNamed_data()
{
    QTest::addColumn<ContinuousFamily>("f");
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QString>("named");
    QTest::newRow("normal sigma 0") << ContinuousFamily::Normal << QList<double>{0, 0} << "sigma";
    QTest::newRow("gamma shape -1") << ContinuousFamily::Gamma << QList<double>{-1, 1} << "shape";
    QTest::newRow("student t nu nan") << ContinuousFamily::StudentT << QList<double>{NAN, 0, 1} << "nu";
    QTest::newRow("uniform b < a") << ContinuousFamily::ContinuousUniform << QList<double>{2, 1} << "b";
    QTest::newRow("too few values") << ContinuousFamily::Cauchy << QList<double>{1} << "cauchy";
}

void TestDomainConversion::invalidParametersAreNamed()
{
    QFETCH(ContinuousFamily, f);
    QFETCH(QList<double>, values);
    QFETCH(QString, named);
    try {
        makeContinuous(f, std::vector<double>(values.begin(), values.end()));
        QFAIL("accepted");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(named), e.what());
    }
}

void TestDomainConversion::mixtureEdits()
{
    const auto sum = [](const GaussianMixture &m) {
        double s = 0;
        for (const MixtureComponent &c : m.components())
            s += c.weight;
        return s;
    };
    const MixtureComponent three[] = {{0.2, -1, 1}, {0.3, 0, 2}, {0.5, 4, 0.5}};
    const GaussianMixture m(three);
    // Editing a weight rescales the others in proportion (0.3 : 0.5 stays), keeping the total 1.
    const GaussianMixture edited = setComponent(m, 0, {0.6, -1, 1});
    QCOMPARE(edited.components()[0].weight, 0.6);
    KLSCOPE_COMPARE_REL(edited.components()[1].weight, 0.15, 1e-15);
    KLSCOPE_COMPARE_REL(edited.components()[2].weight, 0.25, 1e-15);
    KLSCOPE_COMPARE_REL(sum(edited), 1.0, 1e-15);
    // mu and sigma change alone.
    const GaussianMixture moved = setComponent(m, 1, {0.3, 7, 3});
    QCOMPARE(moved.components()[1], (MixtureComponent{0.3, 7, 3}));
    QCOMPARE(moved.components()[0], three[0]);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, setComponent(m, 1, {0.3, 0, 0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, setComponent(m, 1, {1.0, 0, 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, setComponent(m, 3, {0.1, 0, 1}));
    // Adding takes the new weight from the others in proportion.
    const GaussianMixture added = addComponent(m, suggestedComponent(m));
    QCOMPARE(added.size(), std::size_t(4));
    QCOMPARE(added.components()[3].weight, 0.25);
    KLSCOPE_COMPARE_REL(added.components()[0].weight, 0.15, 1e-15);
    KLSCOPE_COMPARE_REL(sum(added), 1.0, 1e-15);
    QVERIFY(added.components()[3].mu > 4);
    // Removing rescales the rest to 1; the last component stays.
    const GaussianMixture removed = removeComponent(m, 2);
    QCOMPARE(removed.size(), std::size_t(2));
    KLSCOPE_COMPARE_REL(removed.components()[0].weight, 0.4, 1e-15);
    KLSCOPE_COMPARE_REL(removed.components()[1].weight, 0.6, 1e-15);
    const GaussianMixture one = removeComponent(removed, 0);
    QCOMPARE(one.components()[0].weight, 1.0);
    try {
        removeComponent(one, 0);
        QFAIL("the last component was removed");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("at least one component"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, setComponent(one, 0, {0.5, 0, 1}));
    QCOMPARE(setComponent(one, 0, {1.0, 3, 2}).components()[0], (MixtureComponent{1.0, 3, 2}));
    // Sixteen components at most.
    GaussianMixture full = one;
    while (full.size() < GaussianMixture::kMaxComponents)
        full = addComponent(full, suggestedComponent(full));
    KLSCOPE_COMPARE_REL(sum(full), 1.0, 1e-13);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, addComponent(full, suggestedComponent(full)));
}

void TestDomainConversion::convertContinuousKeepsMoments_data()
{
    QTest::addColumn<ContinuousDistribution>("from");
    QTest::addColumn<ContinuousFamily>("target");
    QTest::addColumn<bool>("variance"); // false: only the mean carries over
    const ContinuousDistribution n = Normal(2, 3);
    const ContinuousDistribution g = Gamma(4, 2); // mean 2, variance 1
    QTest::newRow("normal to Laplace") << n << ContinuousFamily::Laplace << true;
    QTest::newRow("normal to Student t") << n << ContinuousFamily::StudentT << true;
    QTest::newRow("normal to uniform") << n << ContinuousFamily::ContinuousUniform << true;
    QTest::newRow("normal to mixture") << n << ContinuousFamily::GaussianMixture << true;
    QTest::newRow("gamma to log-normal") << g << ContinuousFamily::LogNormal << true;
    QTest::newRow("gamma to normal") << g << ContinuousFamily::Normal << true;
    QTest::newRow("normal to gamma") << n << ContinuousFamily::Gamma << true;
    QTest::newRow("gamma to exponential") << g << ContinuousFamily::Exponential << false;
    QTest::newRow("uniform to beta") << ContinuousDistribution(ContinuousUniform(0.2, 0.6))
                                     << ContinuousFamily::Beta << true;
    QTest::newRow("Laplace to normal")
        << ContinuousDistribution(Laplace(-4, 0.5)) << ContinuousFamily::Normal << true;
}

void TestDomainConversion::convertContinuousKeepsMoments()
{
    QFETCH(ContinuousDistribution, from);
    QFETCH(ContinuousFamily, target);
    QFETCH(bool, variance);
    const auto c = convertContinuous(from, target);
    QCOMPARE(family(c.value), target);
    KLSCOPE_COMPARE_REL(mean(c.value), mean(from), 1e-12);
    if (variance)
        KLSCOPE_COMPARE_REL(klscope::variance(c.value), klscope::variance(from), 1e-12);
    QVERIFY2(names(c.sentence, familyKeyword(target)), c.sentence.c_str());
    QVERIFY2(names(c.sentence, familyKeyword(family(from))), c.sentence.c_str());
    // The same family again is the distribution itself.
    QVERIFY(convertContinuous(from, family(from)).value == from);
}

// A Cauchy has neither mean nor variance: its median and interquartile range carry over.
void TestDomainConversion::convertContinuousWithoutMoments()
{
    const ContinuousDistribution cauchy = Cauchy(1, 2); // quartiles 1 -+ 2
    const auto n = convertContinuous(cauchy, ContinuousFamily::Normal);
    QCOMPARE(family(n.value), ContinuousFamily::Normal);
    KLSCOPE_COMPARE_REL(quantile(n.value, 0.5), 1.0, 1e-12);
    KLSCOPE_COMPARE_REL(quantile(n.value, 0.75) - quantile(n.value, 0.25), 4.0, 1e-9);
    QVERIFY2(names(n.sentence, "interquartile range"), n.sentence.c_str());
    // A mean the family cannot hold gives the family's default, said so.
    const auto e = convertContinuous(Normal(-3, 1), ContinuousFamily::Exponential);
    QVERIFY(e.value == defaultContinuous(ContinuousFamily::Exponential));
    QVERIFY2(names(e.sentence, "defaults"), e.sentence.c_str());
}

void TestDomainConversion::everyContinuousPairConverts()
{
    for (const ContinuousDistribution &from : continuousCases()) {
        for (ContinuousFamily target : allContinuousFamilies()) {
            try {
                const auto c = convertContinuous(from, target);
                QCOMPARE(family(c.value), target);
                QVERIFY(!c.sentence.empty());
            } catch (const std::exception &e) {
                QFAIL(qPrintable(QStringLiteral("%1 to %2: %3")
                                     .arg(QString::fromStdString(describe(from)),
                                          QString::fromUtf8(familyKeyword(target).data()), e.what())));
            }
        }
    }
}

// Two densities binned on one range share the event axis: event x is the integer first + x on both, and
// the mass of each integer is the density's mass between k - 1/2 and k + 1/2.
void TestDomainConversion::binOnIntegersSharesTheAxis()
{
    const ContinuousDistribution p = Normal(-3, 1), q = Normal(2, 1);
    const auto bp = binOnIntegers(p, -10, 9);
    const auto bq = binOnIntegers(q, -10, 9);
    const auto &cp = std::get<Custom>(bp.value);
    const auto &cq = std::get<Custom>(bq.value);
    QCOMPARE(cp.masses().size(), std::size_t(20));
    QVERIFY(std::equal(cp.labels().begin(), cp.labels().end(), cq.labels().begin(), cq.labels().end()));
    QCOMPARE(cp.labels()[0], std::string("-10"));
    QCOMPARE(cp.labels()[7], std::string("-3"));
    const double centre = cdf(Normal(0, 1), 0.5) - cdf(Normal(0, 1), -0.5);
    KLSCOPE_COMPARE_REL(cp.masses()[7], centre, 1e-6);
    KLSCOPE_COMPARE_REL(cq.masses()[12], centre, 1e-6);
    QVERIFY2(names(bp.sentence, "labelled -10..9"), bp.sentence.c_str());
    // Far in the right tail the cdfs cancel; the masses there are still positive and mirror the left
    // tail's (12 sigma out on either side of -3).
    const auto wide = binOnIntegers(p, -15, 9);
    const auto &cw = std::get<Custom>(wide.value);
    QVERIFY(cw.masses().back() > 0.0);
    KLSCOPE_COMPARE_REL(cw.masses().back(), cw.masses().front(), 1e-3);
    // From 0 the events are the integers themselves: no labels.
    const auto from0 = binOnIntegers(q, 0, 9);
    QVERIFY(std::get<Custom>(from0.value).labels().empty());
    // The range the Custom conversion uses, and refusals.
    const auto span = binningRange(p);
    QVERIFY(span && span->first < -3 && span->last > -3);
    QVERIFY(binningRange(Normal(2e15, 1)) == std::nullopt);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, binOnIntegers(p, 3, 2));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, binOnIntegers(Normal(1e6, 1), 0, 10));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, binOnIntegers(p, 0, std::int64_t(kMaxBinnedEvents)));
}

QTEST_APPLESS_MAIN(TestDomainConversion)
#include "tst_domainconversion.moc"
