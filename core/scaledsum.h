#pragma once

// Sums of non-negative masses that neither overflow nor underflow.
//
// 1e308 + 1e308 overflows a double and 1e-320 + 1e-320 keeps only a few significant bits, yet both are
// ordinary unnormalised inputs. Every term is scaled by the same power of two, 2^-e, chosen so that the
// largest term lies in [1/2, 1): the scaling is exact, the scaled sum is at most the number of terms and
// is summed with Neumaier compensation, and the total is sum * 2^e, held as a pair (or a long double,
// whose range is far wider than a double's, for printing).
// Dividing each scaled term by the scaled sum then renormalises with one rounding per term, so two
// proportional inputs ([1, 2, 3] and [2, 4, 6]) give identical masses, bit for bit.

#include <span>

namespace klscope {

struct ScaledTotal
{
    double scaledSum = 0; ///< sum of x_i * 2^-exponent (0 when every x_i is 0)
    int exponent = 0;

    /// The total as a double: may be +inf or lose bits to underflow where the true total does.
    double toDouble() const noexcept;
    /// The total as a long double (x86: 64-bit mantissa, exponent range to about 1e4932).
    long double toLongDouble() const noexcept;
    /// ln(total); -inf for a zero total.
    double log() const noexcept;
};

/// The compensated total of xs (finite, >= 0), scaled as described above.
ScaledTotal scaledTotal(std::span<const double> xs) noexcept;

/// out[i] = xs[i] / total with one rounding each (xs[i] scaled by 2^-exponent exactly, then divided by
/// the scaled sum). total must be scaledTotal(xs) and positive; out may alias xs.
void divideByTotal(std::span<const double> xs, const ScaledTotal &total, std::span<double> out) noexcept;

} // namespace klscope
