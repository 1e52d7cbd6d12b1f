#include "hypothesistests.h"

#include "divergence.h"
#include "neumaiersum.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>
#include <vector>

namespace klscope {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kLevel = 0.05;

// Four significant digits, for sentences.
std::string brief(double v)
{
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

std::string pText(double p)
{
    return p < 1e-4 ? "p < 0.0001" : "p = " + brief(p);
}

void checkCounts(std::span<const double> v, const char *what)
{
    double total = 0.0;
    for (const double x : v) {
        if (!std::isfinite(x) || x < 0)
            throw std::invalid_argument(std::string(what) + " must be finite and >= 0");
        total += x;
    }
    if (!(total > 0))
        throw std::invalid_argument(std::string(what) + " are all zero");
}

double sum(std::span<const double> v)
{
    NeumaierSum s;
    for (const double x : v)
        s.add(x);
    return s.value();
}

// The chi^2 upper tail: 0 for an infinite statistic.
double chiSquareTail(double statistic, double df)
{
    if (std::isinf(statistic))
        return 0.0;
    return boost::math::cdf(
        boost::math::complement(boost::math::chi_squared_distribution<double>(df), statistic));
}

// The cells of a goodness-of-fit test: counts and normalised model, without the categories where both are 0.
struct FitCells
{
    std::vector<double> observed, model;
    double n = 0.0;
};

FitCells fitCells(std::span<const double> counts, std::span<const double> model)
{
    if (counts.size() != model.size())
        throw std::invalid_argument("the counts and the model have different numbers of categories");
    checkCounts(counts, "the counts");
    checkCounts(model, "the model's probabilities");
    const double modelTotal = sum(model);
    FitCells cells;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0 && model[i] == 0)
            continue;
        cells.observed.push_back(counts[i]);
        cells.model.push_back(model[i] / modelTotal);
    }
    cells.n = sum(cells.observed);
    return cells;
}

std::string fitSentence(const char *name, double statistic, double df, double p)
{
    return std::string(name) + " = " + brief(statistic) + " on " + brief(df) + " degrees of freedom, " +
           pText(p) +
           (p < kLevel ? ": the counts do not fit the model (rejected at the 5% level)"
                       : ": the counts are consistent with the model at the 5% level");
}

std::string homogeneitySentence(const char *name, double statistic, double df, double p)
{
    return std::string(name) + " = " + brief(statistic) + " on " + brief(df) + " degrees of freedom, " +
           pText(p) +
           (p < kLevel ? ": A and B do not come from one distribution (rejected at the 5% level)"
                       : ": A and B are consistent with one distribution at the 5% level");
}

// Cochran's rule: the chi^2 distribution of G and X^2 is an approximation that wants every expected count
// to be at least 5. The sentence says when it is not.
std::string smallExpectedNote(std::size_t small, std::size_t cells)
{
    if (small == 0)
        return std::string();
    return " (" + std::to_string(small) + " of " + std::to_string(cells) +
           " expected counts are below 5, so the chi^2 p-value is only a rough guide)";
}

std::size_t smallExpectedFit(const FitCells &cells)
{
    std::size_t small = 0;
    for (const double m : cells.model)
        small += cells.n * m < 5.0;
    return small;
}

std::size_t smallExpectedTable(const std::vector<double> &a, const std::vector<double> &b, double na,
                               double nb)
{
    std::size_t small = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double column = a[i] + b[i];
        small += na * column / (na + nb) < 5.0;
        small += nb * column / (na + nb) < 5.0;
    }
    return small;
}

TestResult tooFewCategories(std::size_t k)
{
    return TestResult::notApplicable("only " + std::to_string(k) +
                                     " category has counts or probability, so there is nothing to test "
                                     "(the test needs at least two)");
}

// The 2 x k table without the columns that are zero in both rows.
struct Table
{
    std::vector<double> a, b;
    double na = 0.0, nb = 0.0;
};

Table table(std::span<const double> a, std::span<const double> b)
{
    if (a.size() != b.size())
        throw std::invalid_argument("the two rows of counts have different numbers of categories");
    checkCounts(a, "the counts of A");
    checkCounts(b, "the counts of B");
    Table t;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == 0 && b[i] == 0)
            continue;
        t.a.push_back(a[i]);
        t.b.push_back(b[i]);
    }
    t.na = sum(t.a);
    t.nb = sum(t.b);
    return t;
}

struct Moments
{
    double n = 0.0, mean = 0.0, variance = 0.0;
};

// Mean and the sample variance with n - 1, in two passes (no cancellation of a large mean).
Moments moments(std::span<const double> x, const char *what)
{
    if (x.size() < 2)
        throw std::invalid_argument(std::string(what) + " needs at least two samples");
    for (const double v : x)
        if (!std::isfinite(v))
            throw std::invalid_argument(std::string(what) + " has a sample that is not a finite number");
    Moments m;
    m.n = static_cast<double>(x.size());
    m.mean = sum(x) / m.n;
    NeumaierSum squares;
    for (const double v : x)
        squares.add((v - m.mean) * (v - m.mean));
    m.variance = squares.value() / (m.n - 1.0);
    return m;
}

// The common part of the G and chi-square results on k categories: the statistic against chi-square with
// k - 1 degrees of freedom.
TestResult chiSquareResult(double statistic, double sampleSize, std::size_t k)
{
    TestResult r;
    r.applies = true;
    r.sampleSize = sampleSize;
    r.categories = k;
    r.df = static_cast<double>(k - 1);
    r.statistic = statistic;
    r.pValue = chiSquareTail(r.statistic, r.df);
    return r;
}

} // namespace

TestResult TestResult::notApplicable(std::string reason)
{
    TestResult r;
    r.reason = std::move(reason);
    return r;
}

TestResult gTestGoodnessOfFit(std::span<const double> counts, std::span<const double> model)
{
    const FitCells cells = fitCells(counts, model);
    const std::size_t k = cells.observed.size();
    if (k < 2)
        return tooFewCategories(k);
    std::vector<double> empirical(k);
    for (std::size_t i = 0; i < k; ++i)
        empirical[i] = cells.observed[i] / cells.n;
    TestResult r =
        chiSquareResult(2.0 * cells.n * divergences(empirical, cells.model, Unit::Nats).klPQ, cells.n, k);
    r.sentence =
        fitSentence("G", r.statistic, r.df, r.pValue) + smallExpectedNote(smallExpectedFit(cells), k);
    if (std::isinf(r.statistic))
        r.sentence += " (there are counts where the model has no mass, so KL and G are infinite)";
    return r;
}

TestResult chiSquareGoodnessOfFit(std::span<const double> counts, std::span<const double> model)
{
    const FitCells cells = fitCells(counts, model);
    const std::size_t k = cells.observed.size();
    if (k < 2)
        return tooFewCategories(k);
    NeumaierSum x2;
    for (std::size_t i = 0; i < k; ++i) {
        const double e = cells.n * cells.model[i];
        const double d = cells.observed[i] - e;
        x2.add(e > 0 ? d * d / e : kInf);
    }
    TestResult r = chiSquareResult(x2.value(), cells.n, k);
    r.sentence =
        fitSentence("X^2", r.statistic, r.df, r.pValue) + smallExpectedNote(smallExpectedFit(cells), k);
    return r;
}

TestResult gTestHomogeneity(std::span<const double> a, std::span<const double> b)
{
    const Table t = table(a, b);
    const std::size_t k = t.a.size();
    if (k < 2)
        return tooFewCategories(k);
    const double n = t.na + t.nb;
    std::vector<double> pa(k), pb(k), pooled(k);
    for (std::size_t i = 0; i < k; ++i) {
        pa[i] = t.a[i] / t.na;
        pb[i] = t.b[i] / t.nb;
        pooled[i] = (t.a[i] + t.b[i]) / n;
    }
    TestResult r = chiSquareResult(2.0 * (t.na * divergences(pa, pooled, Unit::Nats).klPQ +
                                          t.nb * divergences(pb, pooled, Unit::Nats).klPQ),
                                   n, k);
    r.sentence = homogeneitySentence("G", r.statistic, r.df, r.pValue) +
                 smallExpectedNote(smallExpectedTable(t.a, t.b, t.na, t.nb), 2 * k);
    return r;
}

TestResult chiSquareHomogeneity(std::span<const double> a, std::span<const double> b)
{
    const Table t = table(a, b);
    const std::size_t k = t.a.size();
    if (k < 2)
        return tooFewCategories(k);
    const double n = t.na + t.nb;
    NeumaierSum x2;
    for (std::size_t i = 0; i < k; ++i) {
        const double column = t.a[i] + t.b[i];
        for (const auto &[o, row] : {std::pair{t.a[i], t.na}, std::pair{t.b[i], t.nb}}) {
            const double e = row * column / n;
            x2.add((o - e) * (o - e) / e);
        }
    }
    TestResult r = chiSquareResult(x2.value(), n, k);
    r.sentence = homogeneitySentence("X^2", r.statistic, r.df, r.pValue) +
                 smallExpectedNote(smallExpectedTable(t.a, t.b, t.na, t.nb), 2 * k);
    return r;
}

std::string_view zReading(double z) noexcept
{
    const double a = std::fabs(z);
    if (a < 2.0)
        return "the same";
    if (a < 2.5)
        return "marginally different";
    if (a < 3.0)
        return "significantly different";
    return "highly significantly different";
}

TestResult zTest(std::span<const double> a, std::span<const double> b)
{
    const Moments ma = moments(a, "A");
    const Moments mb = moments(b, "B");
    const double se2 = ma.variance / ma.n + mb.variance / mb.n;
    if (!(se2 > 0))
        return TestResult::notApplicable("both samples are constant, so the standard error is 0 and z is not "
                                         "defined");
    TestResult r;
    r.applies = true;
    r.sampleSize = ma.n + mb.n;
    r.statistic = (ma.mean - mb.mean) / std::sqrt(se2);
    r.pValue = std::erfc(std::fabs(r.statistic) / std::sqrt(2.0));
    r.reading = std::string(zReading(r.statistic));
    r.sentence = "z = " + brief(r.statistic) + " (two-sided " + pText(r.pValue) +
                 "): by the material's reading (" +
                 "|z| below 2 the same, 2 to 2.5 marginally, 2.5 to 3 significantly, 3 and above highly "
                 "significantly different) the means of A and B are " +
                 r.reading;
    return r;
}

TestResult welchTTest(std::span<const double> a, std::span<const double> b)
{
    const Moments ma = moments(a, "A");
    const Moments mb = moments(b, "B");
    const double va = ma.variance / ma.n;
    const double vb = mb.variance / mb.n;
    const double se2 = va + vb;
    if (!(se2 > 0))
        return TestResult::notApplicable("both samples are constant, so the standard error is 0 and t is not "
                                         "defined");
    TestResult r;
    r.applies = true;
    r.sampleSize = ma.n + mb.n;
    r.statistic = (ma.mean - mb.mean) / std::sqrt(se2);
    r.df = se2 * se2 / (va * va / (ma.n - 1.0) + vb * vb / (mb.n - 1.0));
    r.pValue = 2.0 * boost::math::cdf(boost::math::complement(
                         boost::math::students_t_distribution<double>(r.df), std::fabs(r.statistic)));
    r.sentence = "t = " + brief(r.statistic) + " on " + brief(r.df) +
                 " degrees of freedom (Welch), two-sided " + pText(r.pValue) +
                 (r.pValue < kLevel ? ": the means of A and B differ at the 5% level"
                                    : ": no evidence at the 5% level that the means of A and B differ");
    return r;
}

} // namespace klscope
