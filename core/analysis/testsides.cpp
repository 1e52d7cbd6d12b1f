#include "testsides.h"

#include "comparison.h"
#include "continuousspec.h"
#include "histogram.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace klscope {

namespace {

enum class Kind
{
    Samples,     ///< raw observations
    Counts,      ///< a file of counts
    Distribution ///< a family, probabilities from a file, or a continuous family
};

Kind kindOf(const TestSide &s)
{
    if (s.continuous)
        return Kind::Distribution;
    switch (s.source.type) {
    case import::Source::Type::Samples:
        return Kind::Samples;
    case import::Source::Type::Masses:
        return s.source.sampleSize > 0 ? Kind::Counts : Kind::Distribution;
    case import::Source::Type::Family:
        break;
    }
    return Kind::Distribution;
}

bool isData(const TestSide &s)
{
    return kindOf(s) != Kind::Distribution;
}

// "A is a binomial distribution, binomial(n=15, p=0.4)", for reasons.
std::string whatItIs(const char *name, const TestSide &s)
{
    const std::string n(name);
    if (s.continuous)
        return n + " is a continuous distribution, " + describe(*s.continuous);
    switch (s.source.type) {
    case import::Source::Type::Samples:
        return n + " is samples from " + s.source.name;
    case import::Source::Type::Masses:
        return s.source.sampleSize > 0 ? n + " is counts from " + s.source.name
                                       : n + " is a distribution read from " + s.source.name;
    case import::Source::Type::Family:
        break;
    }
    return n + " is a distribution, " + describe(*s.source.distribution);
}

// The sample size of a data side: the number of samples, or the total of the counts.
double sampleSize(const TestSide &s)
{
    return s.source.type == import::Source::Type::Samples ? static_cast<double>(s.source.samples.size())
                                                          : s.source.sampleSize;
}

// Masses scaled back to counts. The loaders store count / total, so a count within rounding of a whole
// number is that whole number (always so for histograms; a file's counts may be fractional).
std::vector<double> toCounts(std::span<const double> masses, const TestSide &s)
{
    double total = 0.0;
    for (const double m : masses)
        total += m;
    const double n = sampleSize(s);
    std::vector<double> counts(masses.size());
    for (std::size_t i = 0; i < masses.size(); ++i) {
        counts[i] = total > 0 ? masses[i] / total * n : 0.0;
        const double whole = std::round(counts[i]);
        if (s.source.type == import::Source::Type::Samples ||
            std::fabs(counts[i] - whole) <= 1e-9 * std::fmax(1.0, whole))
            counts[i] = whole;
    }
    return counts;
}

// A and B on common events, as `compute` would align them: the masses of each on the comparison's support.
std::optional<std::pair<std::vector<double>, std::vector<double>>>
aligned(const TestSide &a, const TestSide &b, std::string *why, std::vector<std::string> *notes)
{
    auto pair = import::pairSources(a.source, b.source);
    if (!pair) {
        *why = pair.error().message;
        return std::nullopt;
    }
    for (const std::string &note : pair->notes)
        notes->push_back(note);
    CompareOptions options;
    options.perEvent = false;
    const Comparison c = compare(pair->p, pair->q, options);
    return std::pair{std::vector<double>(c.p.begin(), c.p.end()),
                     std::vector<double>(c.q.begin(), c.q.end())};
}

// Samples against a continuous model: the samples' own histogram, and the model's probability of each bin
// from its cdf, the first and last bins taking the tails below and above them.
void samplesAgainstDensity(const TestSide &data, const ContinuousDistribution &model, HypothesisTests &out)
{
    auto h = import::binSamples(data.source.samples, data.source.binning, data.source.name);
    if (!h) {
        out.gTest = out.chiSquare = TestResult::notApplicable(h.error().message);
        return;
    }
    const import::Binning &b = h->binning;
    // An integer bin k stands for [k - 1/2, k + 1/2).
    const double shift = b.integer ? -0.5 : 0.0;
    std::vector<double> probabilities(b.count);
    for (std::size_t i = 0; i < b.count; ++i) {
        const double lower = i == 0 ? -std::numeric_limits<double>::infinity() : b.edge(i) + shift;
        const double upper =
            i + 1 == b.count ? std::numeric_limits<double>::infinity() : b.edge(i + 1) + shift;
        const double cl = std::isinf(lower) ? 0.0 : cdf(model, lower);
        const double cu = std::isinf(upper) ? 1.0 : cdf(model, upper);
        probabilities[i] = std::fmax(cu - cl, 0.0);
    }
    out.notes.push_back(data.source.name + ": " + std::to_string(h->sampleCount) + " samples, " +
                        b.description +
                        "; the model's probability of each bin from its cdf, the first and last "
                        "bins taking its tails");
    out.gTest = gTestGoodnessOfFit(h->counts, probabilities);
    out.chiSquare = chiSquareGoodnessOfFit(h->counts, probabilities);
}

// Keeps the categories from the first to the last with counts, and pools the model's probability below
// and above them into one category each: a family with an infinite support would otherwise add a category,
// and a degree of freedom, for every event of its tail that nobody observed.
void poolTails(std::vector<double> &counts, std::vector<double> &probabilities,
               std::vector<std::string> &notes)
{
    std::size_t first = 0, last = counts.size();
    while (first < counts.size() && counts[first] == 0)
        ++first;
    while (last > first && counts[last - 1] == 0)
        --last;
    if (first >= last || (first == 0 && last == counts.size()))
        return;
    double below = 0.0, above = 0.0;
    for (std::size_t i = 0; i < first; ++i)
        below += probabilities[i];
    for (std::size_t i = last; i < counts.size(); ++i)
        above += probabilities[i];
    counts = std::vector<double>(counts.begin() + static_cast<std::ptrdiff_t>(first),
                                 counts.begin() + static_cast<std::ptrdiff_t>(last));
    probabilities = std::vector<double>(probabilities.begin() + static_cast<std::ptrdiff_t>(first),
                                        probabilities.begin() + static_cast<std::ptrdiff_t>(last));
    if (below > 0) {
        counts.insert(counts.begin(), 0.0);
        probabilities.insert(probabilities.begin(), below);
    }
    if (above > 0) {
        counts.push_back(0.0);
        probabilities.push_back(above);
    }
    notes.push_back("The model's probability below the first and above the last observed category is pooled "
                    "into one category each (observed 0).");
}

} // namespace

TestSide loadTestSide(std::string_view spec, import::Side side)
{
    TestSide s;
    if (isContinuousSpec(spec)) {
        s.continuous = parseContinuousSpec(spec);
        return s;
    }
    auto source = import::loadSource(spec, side);
    if (!source)
        throw std::invalid_argument(source.error().message);
    s.source = std::move(source).value();
    return s;
}

HypothesisTests runHypothesisTests(const TestSide &a, const TestSide &b)
{
    HypothesisTests out;
    const Kind ka = kindOf(a);
    const Kind kb = kindOf(b);

    // The Z-test and Welch's test need the values themselves.
    if (ka == Kind::Samples && kb == Kind::Samples) {
        out.zTest = zTest(a.source.samples, b.source.samples);
        out.welchT = welchTTest(a.source.samples, b.source.samples);
    } else {
        const std::string why = whatItIs(ka != Kind::Samples ? "A" : "B", ka != Kind::Samples ? a : b);
        out.zTest = TestResult::notApplicable("the Z-test needs samples on both sides; " + why);
        out.welchT = TestResult::notApplicable("Welch's t-test needs samples on both sides; " + why);
    }

    if (!isData(a) && !isData(b)) {
        const std::string why =
            "the G-test and the chi^2 test need counts or samples on at least one side; " + whatItIs("A", a) +
            ", and " + whatItIs("B", b);
        out.gTest = out.chiSquare = TestResult::notApplicable(why);
        return out;
    }
    if (isData(a) && isData(b)) {
        out.design = "homogeneity of A and B";
        if (a.continuous || b.continuous)
            return out; // unreachable: a continuous side is a distribution
        std::string why;
        const auto masses = aligned(a, b, &why, &out.notes);
        if (!masses) {
            out.gTest = out.chiSquare = TestResult::notApplicable(why);
            return out;
        }
        const std::vector<double> ca = toCounts(masses->first, a);
        const std::vector<double> cb = toCounts(masses->second, b);
        out.gTest = gTestHomogeneity(ca, cb);
        out.chiSquare = chiSquareHomogeneity(ca, cb);
        return out;
    }

    // Goodness of fit of the data side to the distribution side.
    const bool aIsData = isData(a);
    const TestSide &data = aIsData ? a : b;
    const TestSide &model = aIsData ? b : a;
    out.design = aIsData ? "goodness of fit of A to B" : "goodness of fit of B to A";
    if (model.continuous) {
        if (kindOf(data) != Kind::Samples) {
            out.gTest = out.chiSquare = TestResult::notApplicable(
                "counts from a file have no bin edges to give a continuous distribution's probabilities; " +
                std::string(aIsData ? "give A" : "give B") + " as raw observations, samples:PATH");
            return out;
        }
        samplesAgainstDensity(data, *model.continuous, out);
        return out;
    }
    std::string why;
    const auto masses = aligned(a, b, &why, &out.notes);
    if (!masses) {
        out.gTest = out.chiSquare = TestResult::notApplicable(why);
        return out;
    }
    std::vector<double> counts = toCounts(aIsData ? masses->first : masses->second, data);
    std::vector<double> probabilities = aIsData ? masses->second : masses->first;
    poolTails(counts, probabilities, out.notes);
    out.gTest = gTestGoodnessOfFit(counts, probabilities);
    out.chiSquare = chiSquareGoodnessOfFit(counts, probabilities);
    return out;
}

} // namespace klscope
