#include "normal2.h"

#include "spec.h"
#include "validation.h"

#include <array>
#include <cmath>
#include <stdexcept>

namespace klscope {

namespace {

std::string matrixText(double var1, double var2, double cov)
{
    using validation::formatNumber;
    return "[[" + formatNumber(var1) + ", " + formatNumber(cov) + "], [" + formatNumber(cov) + ", " +
           formatNumber(var2) + "]]";
}

} // namespace

Normal2::Normal2(double mu1, double mu2, double var1, double var2, double cov)
    : m_mu1(mu1), m_mu2(mu2), m_var1(var1), m_var2(var2), m_cov(cov)
{
    using validation::formatNumber;
    const std::array<std::pair<const char *, double>, 5> values{
        {{"mu1", mu1}, {"mu2", mu2}, {"var1", var1}, {"var2", var2}, {"cov", cov}}};
    for (const auto &[name, v] : values)
        if (!std::isfinite(v))
            throw std::invalid_argument(std::string("normal2: ") + name + "=" + formatNumber(v) +
                                        " is not a finite number");
    const std::string matrix = "the covariance matrix " + matrixText(var1, var2, cov);
    if (!(var1 > 0.0))
        throw std::invalid_argument("normal2: " + matrix + " is not positive definite (var1 = " +
                                    formatNumber(var1) + " is not > 0)");
    if (!(var2 > 0.0))
        throw std::invalid_argument("normal2: " + matrix + " is not positive definite (var2 = " +
                                    formatNumber(var2) + " is not > 0)");
    const double det = determinant();
    if (!(det > 0.0))
        throw std::invalid_argument("normal2: " + matrix + " is not positive definite (var1·var2 − cov² = " +
                                    formatNumber(det) + (det < 0.0 ? " < 0)" : ", not > 0)"));
}

double Normal2::determinant() const noexcept
{
    // var1 var2 - cov^2 with the product cov^2 kept exact (fma), so a nearly singular matrix keeps its sign.
    const double c2 = m_cov * m_cov;
    const double c2err = std::fma(m_cov, m_cov, -c2);
    return std::fma(m_var1, m_var2, -c2) - c2err;
}

double Normal2::correlation() const noexcept
{
    return m_cov / std::sqrt(m_var1 * m_var2);
}

bool isNormal2Spec(std::string_view spec) noexcept
{
    return trimSpecText(spec).starts_with("normal2:");
}

Normal2 parseNormal2Spec(std::string_view spec)
{
    std::string_view s = trimSpecText(spec);
    if (!s.starts_with("normal2:"))
        throw std::invalid_argument("not a normal2 spec: " + quoted(spec));
    s.remove_prefix(8);
    constexpr std::array<std::string_view, 5> keys{"mu1", "mu2", "var1", "var2", "cov"};
    std::array<double, 5> values{0.0, 0.0, 1.0, 1.0, 0.0};
    std::array<bool, 5> seen{};
    while (!s.empty()) {
        const std::size_t comma = s.find(',');
        const std::string_view item = trimSpecText(s.substr(0, comma));
        s = comma == std::string_view::npos ? std::string_view() : s.substr(comma + 1);
        if (item.empty())
            throw std::invalid_argument("normal2: empty parameter in " + quoted(spec));
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            throw std::invalid_argument("normal2: " + quoted(item) +
                                        " is not NAME=VALUE (names: mu1, mu2, var1, var2, cov)");
        const std::string_view name = trimSpecText(item.substr(0, eq));
        std::size_t index = keys.size();
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == name)
                index = i;
        if (index == keys.size())
            throw std::invalid_argument("normal2: unknown parameter " + quoted(name) +
                                        " (names: mu1, mu2, var1, var2, cov)");
        if (seen[index])
            throw std::invalid_argument("normal2: " + std::string(name) + " is given twice");
        seen[index] = true;
        values[index] = parseNumber(trimSpecText(item.substr(eq + 1)), "normal2: " + std::string(name));
    }
    return Normal2(values[0], values[1], values[2], values[3], values[4]);
}

std::string formatNormal2Spec(const Normal2 &d)
{
    using validation::formatNumber;
    return "normal2:mu1=" + formatNumber(d.mu1()) + ",mu2=" + formatNumber(d.mu2()) +
           ",var1=" + formatNumber(d.var1()) + ",var2=" + formatNumber(d.var2()) +
           ",cov=" + formatNumber(d.cov());
}

} // namespace klscope
