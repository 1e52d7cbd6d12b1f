#include "numbertext.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace klscope {

NumberRead readNumber(std::string_view text, double &value) noexcept
{
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && (text.front() == '-' || text.front() == '+'))
            return NumberRead::NotANumber;
    }
    if (text.empty())
        return NumberRead::NotANumber;
    const char *end = text.data() + text.size();
    double parsed = 0.0;
    const auto [ptr, ec] = std::from_chars(text.data(), end, parsed);
    if (ptr != end)
        return NumberRead::NotANumber;
    if (ec == std::errc()) {
        if (std::isnan(parsed) || parsed == HUGE_VAL)
            return NumberRead::NotFinite;
        value = parsed;
        return NumberRead::Ok;
    }
    if (ec != std::errc::result_out_of_range)
        return NumberRead::NotANumber;
    // Out of range one way or the other: strtod says which, with the IEEE answer (+-HUGE_VAL on
    // overflow, a signed 0 or subnormal on underflow). The text is a valid number, so strtod reads it
    // all; the copy is only made on this rare path.
    try {
        const std::string copy(text);
        const double rounded = std::strtod(copy.c_str(), nullptr);
        if (std::isinf(rounded))
            return NumberRead::OutOfRange;
        value = rounded;
        return NumberRead::Ok;
    } catch (...) { // std::bad_alloc for a text of gigabytes
        return NumberRead::NotANumber;
    }
}

std::string_view numberProblem(NumberRead result) noexcept
{
    switch (result) {
    case NumberRead::Ok:
        return {};
    case NumberRead::NotANumber:
        return "is not a number";
    case NumberRead::NotFinite:
        return "is not a finite number";
    case NumberRead::OutOfRange:
        return "is out of range (beyond 1.8e308 in magnitude)";
    }
    return "is not a number";
}

} // namespace klscope
