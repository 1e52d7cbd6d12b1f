#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace klscope::validation {

// Constructor checks shared by the families. Each throws std::invalid_argument with a sentence that
// names the family and the parameter, e.g. "binomial: p must be between 0 and 1, got 1.5".

/// value must be finite and in [low, high].
void requireInRange(std::string_view family, std::string_view parameter, double value, double low,
                    double high);
/// value must be finite and > low (and <= high).
void requireAbove(std::string_view family, std::string_view parameter, double value, double low, double high);
/// value must be a whole number in [low, high]; returns it as an integer.
std::int64_t requireInteger(std::string_view family, std::string_view parameter, double value,
                            std::int64_t low, std::int64_t high);

/// Shortest decimal text that reads back as the same double ("0.1", "1e-20", "inf").
std::string formatNumber(double value);

} // namespace klscope::validation
