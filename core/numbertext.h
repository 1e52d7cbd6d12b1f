#pragma once

// The one way klscope reads a decimal number from text: distribution specs, supports, fractions in
// specs, and every value in a data file go through readNumber(), so they share one set of rules.
//
//   * The whole text is the number, C locale: an optional sign (one '+' or one '-'), digits with an
//     optional decimal point, an optional exponent ("2.5e-3"). No spaces, no thousands separators,
//     no hexadecimal.
//   * "nan", "inf" and "infinity" (any case, with or without '+') are refused as not finite. "-inf"
//     reads as minus infinity: it is the log of a zero probability in a log-probability file, and every
//     other reader refuses it when it checks the value's range.
//   * Overflow: a value beyond the largest double (about 1.8e308 in magnitude, e.g. "1e309") is refused
//     as out of range.
//   * Underflow: a value below the smallest double in magnitude (about 4.9e-324, e.g. "1e-400") reads
//     as 0 with its sign, and one in the subnormal range as the nearest subnormal, as IEEE arithmetic
//     rounds. The reader of the value then judges it (a probability of 0 is fine, a rate of 0 is not).

#include <string_view>

namespace klscope {

enum class NumberRead
{
    Ok,
    NotANumber, ///< empty, text, a stray sign or character
    NotFinite,  ///< nan, or +inf / +infinity
    OutOfRange  ///< beyond the largest double
};

/// Reads the whole of `text` by the rules above; `value` is set only when the result is Ok.
NumberRead readNumber(std::string_view text, double &value) noexcept;

/// What is wrong, as a phrase that follows the quoted text: "is not a number", "is not a finite
/// number", "is out of range (beyond 1.8e308 in magnitude)"; empty for Ok.
std::string_view numberProblem(NumberRead result) noexcept;

} // namespace klscope
