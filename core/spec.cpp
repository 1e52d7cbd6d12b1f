#include "spec.h"

#include "numbertext.h"
#include "validation.h"

#include <cmath>
#include <optional>
#include <stdexcept>

namespace klscope {

std::string_view trimSpecText(std::string_view s) noexcept
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

namespace {

std::vector<std::string_view> split(std::string_view s, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = s.find(separator, start);
        parts.push_back(trimSpecText(s.substr(start, end == std::string_view::npos ? s.npos : end - start)));
        if (end == std::string_view::npos)
            return parts;
        start = end + 1;
    }
}

} // namespace

std::string quoted(std::string_view s)
{
    std::string out; // appended: GCC 12 warns falsely (-Wrestrict) on "'" + std::string(s)
    out.reserve(s.size() + 2);
    out.append(1, '\'').append(s).append(1, '\'');
    return out;
}

double parseNumber(std::string_view text, std::string_view what)
{
    const std::string_view s = trimSpecText(text);
    // One part of a decimal or a fraction, read by the rules of numbertext.h.
    const auto read = [&](std::string_view part) {
        double value = 0.0;
        const NumberRead result = readNumber(trimSpecText(part), value);
        if (result != NumberRead::Ok)
            throw std::invalid_argument(std::string(what) + "=" + quoted(s) + " " +
                                        std::string(numberProblem(result)));
        return value;
    };
    const std::size_t slash = s.find('/');
    if (slash == std::string_view::npos)
        return read(s);
    const double num = read(s.substr(0, slash));
    const double den = read(s.substr(slash + 1));
    if (den == 0.0)
        throw std::invalid_argument(std::string(what) + "=" + quoted(s) + " divides by zero");
    const double value = num / den;
    if (std::isinf(value))
        throw std::invalid_argument(std::string(what) + "=" + quoted(s) + " " +
                                    std::string(numberProblem(NumberRead::OutOfRange)));
    return value;
}

Distribution parseSpec(std::string_view spec)
{
    spec = trimSpecText(spec);
    const std::size_t colon = spec.find(':');
    if (spec.empty())
        throw std::invalid_argument("empty distribution spec");
    const std::string_view keyword = trimSpecText(spec.substr(0, colon));
    Family fam{};
    if (!familyFromKeyword(keyword, fam)) {
        std::string known;
        for (Family f : allFamilies()) {
            known += (known.empty() ? "" : ", ");
            known += std::string(familyKeyword(f));
        }
        throw std::invalid_argument("unknown distribution " + quoted(keyword) + " (expected one of " + known +
                                    ")");
    }
    if (colon == std::string_view::npos || trimSpecText(spec.substr(colon + 1)).empty())
        throw std::invalid_argument(std::string(keyword) + ": nothing after '" + std::string(keyword) +
                                    ":' (for example " +
                                    (fam == Family::Custom ? std::string("custom:0.2,0.5,0.3")
                                                           : formatSpec(defaultDistribution(fam))) +
                                    ")");
    const std::string_view body = spec.substr(colon + 1);

    if (fam == Family::Custom) {
        std::vector<double> masses;
        const auto parts = split(body, ',');
        masses.reserve(parts.size());
        for (std::size_t i = 0; i < parts.size(); ++i)
            masses.push_back(parseNumber(parts[i], "custom: mass " + std::to_string(i)));
        return Custom(std::move(masses));
    }

    const auto info = parameters(fam);
    std::vector<std::optional<double>> values(info.size());
    for (std::string_view part : split(body, ',')) {
        const std::size_t eq = part.find('=');
        const std::string_view key = trimSpecText(part.substr(0, eq));
        std::size_t index = info.size();
        for (std::size_t i = 0; i < info.size(); ++i)
            if (info[i].name == key)
                index = i;
        if (eq == std::string_view::npos || index == info.size()) {
            std::string expected;
            for (const auto &p : info) {
                expected += (expected.empty() ? "" : ", ");
                expected += std::string(p.name);
            }
            throw std::invalid_argument(
                std::string(keyword) + ": " +
                (eq == std::string_view::npos ? "expected name=value, got " : "unknown parameter ") +
                quoted(part) + " (parameters: " + expected + ")");
        }
        if (values[index])
            throw std::invalid_argument(std::string(keyword) + ": parameter " + quoted(key) +
                                        " is given twice");
        values[index] = parseNumber(part.substr(eq + 1), std::string(keyword) + ": " + std::string(key));
    }
    std::vector<double> ordered;
    for (std::size_t i = 0; i < info.size(); ++i) {
        if (!values[i])
            throw std::invalid_argument(std::string(keyword) + ": missing parameter " + quoted(info[i].name));
        ordered.push_back(*values[i]);
    }
    return makeDistribution(fam, ordered);
}

std::string formatSpec(const Distribution &d)
{
    const Family fam = family(d);
    std::string text = std::string(familyKeyword(fam)) + ":";
    if (fam == Family::Custom) {
        bool first = true;
        for (double m : std::get<Custom>(d).masses()) {
            text += (first ? "" : ",");
            text += validation::formatNumber(m);
            first = false;
        }
        return text;
    }
    const auto info = parameters(fam);
    const auto values = parameterValues(d);
    for (std::size_t i = 0; i < info.size(); ++i) {
        text += (i ? "," : "");
        text += std::string(info[i].name) + "=" + validation::formatNumber(values[i]);
    }
    return text;
}

EventRange parseSupport(std::string_view text)
{
    const std::string_view s = trimSpecText(text);
    const std::size_t dots = s.find("..");
    if (dots == std::string_view::npos)
        throw std::invalid_argument("support " + quoted(s) + " is not of the form A..B (for example 0..15)");
    const double a = parseNumber(s.substr(0, dots), "support: A");
    const double b = parseNumber(s.substr(dots + 2), "support: B");
    constexpr double limit = 1e12;
    if (a != std::floor(a) || b != std::floor(b) || std::fabs(a) > limit || std::fabs(b) > limit)
        throw std::invalid_argument("support " + quoted(s) + ": A and B must be whole numbers");
    if (b < a)
        throw std::invalid_argument("support " + quoted(s) + " is empty: B is less than A");
    const EventRange range{static_cast<std::int64_t>(a), static_cast<std::int64_t>(b)};
    if (range.size() > kMaxEvents)
        throw std::invalid_argument("support " + quoted(s) + " has " + std::to_string(range.size()) +
                                    " events, more than the limit of " + std::to_string(kMaxEvents));
    return range;
}

} // namespace klscope
