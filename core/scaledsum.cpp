#include "scaledsum.h"

#include "neumaiersum.h"

#include <algorithm>
#include <cmath>

namespace klscope {

namespace {
// x * 2^-e, exactly (but for scaled values so small that they become subnormal: those carry no weight
// next to the largest term, which scales into [1/2, 1)). One multiplication where 2^-e is a normal
// double, as it is for every total between 1e-300 and 1e300.
template <class F> void forEachScaled(std::span<const double> xs, int e, F f)
{
    if (e > -1000 && e < 1000) {
        const double scale = std::ldexp(1.0, -e);
        for (std::size_t i = 0; i < xs.size(); ++i)
            f(i, xs[i] * scale);
    } else {
        for (std::size_t i = 0; i < xs.size(); ++i)
            f(i, std::ldexp(xs[i], -e));
    }
}
} // namespace

double ScaledTotal::toDouble() const noexcept
{
    return std::ldexp(scaledSum, exponent);
}

long double ScaledTotal::toLongDouble() const noexcept
{
    return std::ldexp(static_cast<long double>(scaledSum), exponent);
}

double ScaledTotal::log() const noexcept
{
    return std::log(scaledSum) + exponent * 0.69314718055994530942;
}

ScaledTotal scaledTotal(std::span<const double> xs) noexcept
{
    double largest = 0.0;
    for (const double x : xs)
        largest = std::max(largest, x);
    ScaledTotal total;
    if (!(largest > 0.0))
        return total;
    std::frexp(largest, &total.exponent); // largest = f * 2^exponent, f in [1/2, 1)
    NeumaierSum sum;
    forEachScaled(xs, total.exponent, [&sum](std::size_t, double x) { sum.add(x); });
    total.scaledSum = sum.value();
    return total;
}

void divideByTotal(std::span<const double> xs, const ScaledTotal &total, std::span<double> out) noexcept
{
    const double sum = total.scaledSum;
    forEachScaled(xs, total.exponent, [&out, sum](std::size_t i, double x) { out[i] = x / sum; });
}

} // namespace klscope
