#pragma once

// The hover read-out the plots share: event, p, q and each shown term in the comparison's unit.

#include "comparison.h"

#include <QString>

#include <cstddef>

namespace klscope {

/// Index of event x in c's support, or -1 when x lies outside it.
std::ptrdiff_t eventIndex(const Comparison &c, double x);

/// Several lines of plain text: "x = 3", "p = 0.0124", "q = 0.0667", "p·log(p/q) = -0.0209 nats", ...
/// Infinite terms read "+∞" with the reason. kl/js flags choose the terms.
QString eventReadout(const Comparison &c, std::size_t index, bool klPQ = true, bool klQP = true,
                     bool js = true);

/// Short unit text for labels: "nats", "bits", "bans".
QString unitText(Unit unit);

/// `value` with exactly `digits` significant digits, trailing zeros kept, like printf's "%#.*g" in the
/// C locale ("0.631110", "7.76342e-05"); plain QString::number for 0 and non-finite values.
QString significantDigits(double value, int digits);

/// A number for people: 4 significant digits with trailing zeros ("0.01240"), U+2212 for a minus, "+∞"
/// for infinity.
QString formatValue(double value);

} // namespace klscope
