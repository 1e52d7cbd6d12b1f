#include "validation.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace klscope::validation {

std::string formatNumber(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

namespace {
[[noreturn]] void fail(std::string_view family, std::string_view parameter, const std::string &rule,
                       double value)
{
    throw std::invalid_argument(std::string(family) + ": " + std::string(parameter) + " must be " + rule +
                                ", got " + formatNumber(value));
}
} // namespace

void requireInRange(std::string_view family, std::string_view parameter, double value, double low,
                    double high)
{
    if (!std::isfinite(value) || value < low || value > high)
        fail(family, parameter, "between " + formatNumber(low) + " and " + formatNumber(high), value);
}

void requireAbove(std::string_view family, std::string_view parameter, double value, double low, double high)
{
    if (!std::isfinite(value) || value <= low || value > high)
        fail(family, parameter, "greater than " + formatNumber(low) + " and at most " + formatNumber(high),
             value);
}

std::int64_t requireInteger(std::string_view family, std::string_view parameter, double value,
                            std::int64_t low, std::int64_t high)
{
    if (!std::isfinite(value) || value != std::floor(value) || value < static_cast<double>(low) ||
        value > static_cast<double>(high))
        fail(family, parameter, "a whole number from " + std::to_string(low) + " to " + std::to_string(high),
             value);
    return static_cast<std::int64_t>(value);
}

} // namespace klscope::validation
