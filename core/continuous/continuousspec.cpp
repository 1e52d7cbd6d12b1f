#include "continuousspec.h"

#include "spec.h"
#include "validation.h"

#include <array>
#include <cmath>
#include <optional>
#include <stdexcept>

namespace klscope {

namespace {

struct Pair
{
    std::string_view key, value;
};

// Splits "k=v,k=v" and refuses a part without '=' or a key given twice.
std::vector<Pair> keyValues(std::string_view keyword, std::string_view body, std::string_view expected)
{
    std::vector<Pair> pairs;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = body.find(',', start);
        const std::string_view part =
            trimSpecText(body.substr(start, end == std::string_view::npos ? body.npos : end - start));
        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos)
            throw std::invalid_argument(std::string(keyword) + ": expected name=value, got " + quoted(part) +
                                        " (parameters: " + std::string(expected) + ")");
        const Pair p{trimSpecText(part.substr(0, eq)), part.substr(eq + 1)};
        for (const Pair &q : pairs)
            if (q.key == p.key)
                throw std::invalid_argument(std::string(keyword) + ": parameter " + quoted(p.key) +
                                            " is given twice");
        pairs.push_back(p);
        if (end == std::string_view::npos)
            return pairs;
        start = end + 1;
    }
}

struct FamilyInfo
{
    std::array<std::string_view, 3> names;
    std::array<std::optional<double>, 3> defaults;
    std::size_t count;
};

FamilyInfo info(ContinuousFamily f)
{
    switch (f) {
    case ContinuousFamily::Normal:
    case ContinuousFamily::LogNormal:
        return {{"mu", "sigma"}, {}, 2};
    case ContinuousFamily::Exponential:
        return {{"rate"}, {}, 1};
    case ContinuousFamily::Gamma:
        return {{"shape", "rate"}, {}, 2};
    case ContinuousFamily::Beta:
    case ContinuousFamily::ContinuousUniform:
        return {{"a", "b"}, {}, 2};
    case ContinuousFamily::Laplace:
        return {{"mu", "b"}, {}, 2};
    case ContinuousFamily::StudentT:
        return {{"nu", "mu", "sigma"}, {std::nullopt, 0.0, 1.0}, 3};
    case ContinuousFamily::Cauchy:
        return {{"x0", "gamma"}, {}, 2};
    case ContinuousFamily::GaussianMixture:
        break;
    }
    return {{}, {}, 0};
}

ContinuousDistribution parseMixture(std::string_view body, bool renormalize, std::vector<std::string> *notes)
{
    constexpr std::string_view expected = "w1, mu1, sigma1, w2, mu2, sigma2, ... up to 16 components";
    std::array<std::optional<double>, GaussianMixture::kMaxComponents> w, mu, sigma;
    std::size_t count = 0;
    for (const Pair &p : keyValues("gmm", body, expected)) {
        std::size_t digits = p.key.size();
        while (digits > 0 && p.key[digits - 1] >= '0' && p.key[digits - 1] <= '9')
            --digits;
        const std::string_view name = p.key.substr(0, digits);
        const std::string_view index = p.key.substr(digits);
        if ((name != "w" && name != "mu" && name != "sigma") || index.empty() || index.size() > 3 ||
            index.front() == '0')
            throw std::invalid_argument("gmm: unknown parameter " + quoted(p.key) +
                                        " (parameters: " + std::string(expected) + ")");
        const std::size_t k = std::stoul(std::string(index));
        if (k > GaussianMixture::kMaxComponents)
            throw std::invalid_argument("gmm: " + quoted(p.key) + " names component " + std::to_string(k) +
                                        ", but a mixture has at most 16 components");
        const double value = parseNumber(p.value, "gmm: " + std::string(p.key));
        (name == "w" ? w : name == "mu" ? mu : sigma)[k - 1] = value;
        count = std::max(count, k);
    }
    std::vector<MixtureComponent> components;
    bool anyWeight = false, allWeights = true;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string n = std::to_string(i + 1);
        if (!w[i] && !mu[i] && !sigma[i])
            throw std::invalid_argument("gmm: component " + n +
                                        " is missing (components are numbered 1, 2, 3, ... "
                                        "without gaps, and " +
                                        std::to_string(count) + " is used)");
        if (!mu[i])
            throw std::invalid_argument("gmm: missing parameter 'mu" + n + "'");
        if (!sigma[i])
            throw std::invalid_argument("gmm: missing parameter 'sigma" + n + "'");
        anyWeight = anyWeight || w[i].has_value();
        allWeights = allWeights && w[i].has_value();
    }
    if (count == 0)
        throw std::invalid_argument("gmm: no components (for example gmm:mu1=-1,sigma1=1,mu2=1,sigma2=1)");
    if (anyWeight && !allWeights)
        for (std::size_t i = 0; i < count; ++i)
            if (!w[i])
                throw std::invalid_argument("gmm: missing parameter 'w" + std::to_string(i + 1) +
                                            "' (give every weight, or none for equal weights)");
    double sum = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
        const double weight = anyWeight ? *w[i] : 1.0 / static_cast<double>(count);
        validation::requireAbove("gmm", std::string("w").append(std::to_string(i + 1)), weight, 0.0,
                                 std::numeric_limits<double>::max());
        components.push_back({weight, *mu[i], *sigma[i]});
        sum += weight;
    }
    if (std::fabs(sum - 1.0) > 1e-12 * static_cast<double>(count)) {
        if (!renormalize)
            throw std::invalid_argument("gmm: the weights sum to " + validation::formatNumber(sum) +
                                        ", not 1 (give --renormalize to rescale them)");
        for (MixtureComponent &c : components)
            c.weight /= sum;
        if (notes)
            notes->push_back("gmm: the weights summed to " + validation::formatNumber(sum) +
                             "; they were rescaled to sum to 1");
    }
    return GaussianMixture(components);
}

} // namespace

bool isContinuousSpec(std::string_view spec) noexcept
{
    spec = trimSpecText(spec);
    ContinuousFamily f{};
    return continuousFamilyFromKeyword(trimSpecText(spec.substr(0, spec.find(':'))), f);
}

ContinuousDistribution parseContinuousSpec(std::string_view spec, bool renormalize,
                                           std::vector<std::string> *notes)
{
    spec = trimSpecText(spec);
    const std::size_t colon = spec.find(':');
    const std::string_view keyword = trimSpecText(spec.substr(0, colon));
    ContinuousFamily fam{};
    if (!continuousFamilyFromKeyword(keyword, fam))
        throw std::invalid_argument("unknown continuous distribution " + quoted(keyword));
    if (colon == std::string_view::npos || trimSpecText(spec.substr(colon + 1)).empty())
        throw std::invalid_argument(std::string(keyword) + ": nothing after '" + std::string(keyword) + ":'");
    const std::string_view body = spec.substr(colon + 1);
    if (fam == ContinuousFamily::GaussianMixture)
        return parseMixture(body, renormalize, notes);

    const FamilyInfo fi = info(fam);
    std::string expected;
    for (std::size_t i = 0; i < fi.count; ++i)
        expected += (i ? ", " : "") + std::string(fi.names[i]);
    std::array<std::optional<double>, 3> values{};
    for (const Pair &p : keyValues(keyword, body, expected)) {
        std::size_t index = fi.count;
        for (std::size_t i = 0; i < fi.count; ++i)
            if (fi.names[i] == p.key)
                index = i;
        if (index == fi.count)
            throw std::invalid_argument(std::string(keyword) + ": unknown parameter " + quoted(p.key) +
                                        " (parameters: " + expected + ")");
        values[index] = parseNumber(p.value, std::string(keyword) + ": " + std::string(p.key));
    }
    std::array<double, 3> v{};
    for (std::size_t i = 0; i < fi.count; ++i) {
        if (!values[i] && !fi.defaults[i])
            throw std::invalid_argument(std::string(keyword) + ": missing parameter " + quoted(fi.names[i]));
        v[i] = values[i] ? *values[i] : *fi.defaults[i];
    }
    switch (fam) {
    case ContinuousFamily::Normal:
        return Normal(v[0], v[1]);
    case ContinuousFamily::LogNormal:
        return LogNormal(v[0], v[1]);
    case ContinuousFamily::Exponential:
        return Exponential(v[0]);
    case ContinuousFamily::Gamma:
        return Gamma(v[0], v[1]);
    case ContinuousFamily::Beta:
        return Beta(v[0], v[1]);
    case ContinuousFamily::Laplace:
        return Laplace(v[0], v[1]);
    case ContinuousFamily::StudentT:
        return StudentT(v[0], v[1], v[2]);
    case ContinuousFamily::Cauchy:
        return Cauchy(v[0], v[1]);
    case ContinuousFamily::ContinuousUniform:
        return ContinuousUniform(v[0], v[1]);
    case ContinuousFamily::GaussianMixture:
        break;
    }
    throw std::invalid_argument("unknown continuous distribution " + quoted(keyword));
}

std::string formatSpec(const ContinuousDistribution &d)
{
    const auto n = [](double x) {
        return validation::formatNumber(x);
    };
    const std::string k = std::string(familyKeyword(family(d))) + ":";
    switch (family(d)) {
    case ContinuousFamily::Normal:
        return k + "mu=" + n(std::get<Normal>(d).mu()) + ",sigma=" + n(std::get<Normal>(d).sigma());
    case ContinuousFamily::LogNormal:
        return k + "mu=" + n(std::get<LogNormal>(d).mu()) + ",sigma=" + n(std::get<LogNormal>(d).sigma());
    case ContinuousFamily::Exponential:
        return k + "rate=" + n(std::get<Exponential>(d).rate());
    case ContinuousFamily::Gamma:
        return k + "shape=" + n(std::get<Gamma>(d).shape()) + ",rate=" + n(std::get<Gamma>(d).rate());
    case ContinuousFamily::Beta:
        return k + "a=" + n(std::get<Beta>(d).a()) + ",b=" + n(std::get<Beta>(d).b());
    case ContinuousFamily::Laplace:
        return k + "mu=" + n(std::get<Laplace>(d).mu()) + ",b=" + n(std::get<Laplace>(d).b());
    case ContinuousFamily::StudentT: {
        const auto &t = std::get<StudentT>(d);
        return k + "nu=" + n(t.nu()) + ",mu=" + n(t.mu()) + ",sigma=" + n(t.sigma());
    }
    case ContinuousFamily::Cauchy:
        return k + "x0=" + n(std::get<Cauchy>(d).x0()) + ",gamma=" + n(std::get<Cauchy>(d).gamma());
    case ContinuousFamily::ContinuousUniform:
        return k + "a=" + n(std::get<ContinuousUniform>(d).a()) +
               ",b=" + n(std::get<ContinuousUniform>(d).b());
    case ContinuousFamily::GaussianMixture: {
        std::string text = k;
        std::size_t i = 1;
        for (const MixtureComponent &c : std::get<GaussianMixture>(d).components()) {
            const std::string s = std::to_string(i++);
            if (i > 2)
                text += ',';
            text.append("w").append(s).append("=").append(n(c.weight));
            text.append(",mu").append(s).append("=").append(n(c.mu));
            text.append(",sigma").append(s).append("=").append(n(c.sigma));
        }
        return text;
    }
    }
    return k;
}

} // namespace klscope
