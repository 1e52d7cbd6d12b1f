// Loader's saddle-point masses (formulas and source in saddlepoint.h): C. Loader, "Fast and Accurate
// Computation of Binomial Probabilities" (2000). stirlerr uses lgamma for n <= 15 and the Stirling
// series 1/(12n) - 1/(360n^3) + 1/(1260n^5) - ... above; bd0 uses the series in v = (x-m)/(x+m) near
// the saddle point, where x ln(x/m) + m - x would cancel.

#include "saddlepoint.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace klscope::saddlepoint {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kLnSqrt2Pi = 0.918938533204672741780329736406; // ln sqrt(2 pi)
constexpr double kLn2Pi = 1.837877066409345483560659472811;     // ln(2 pi)
// First-order change of bd0(x, m) when m grows by `error` (d bd0 / dm = 1 - x/m); 0 without error,
// so that a mean that underflowed to 0 gives no 0 * inf.
double meanCorrection(double x, double m, double error) noexcept
{
    return error == 0.0 ? 0.0 : (1.0 - x / m) * error;
}

} // namespace

double stirlerr(double n) noexcept
{
    constexpr double s0 = 1.0 / 12.0;
    constexpr double s1 = 1.0 / 360.0;
    constexpr double s2 = 1.0 / 1260.0;
    constexpr double s3 = 1.0 / 1680.0;
    constexpr double s4 = 1.0 / 1188.0;
    if (n <= 0.0)
        return 0.0;
    if (n <= 15.0) {
        // Small arguments: the terms are of order 40 and the result of order 0.01, so the absolute
        // error is a few 1e-15, which is what matters for a log mass.
        return std::lgamma(n + 1.0) - (n + 0.5) * std::log(n) + n - kLnSqrt2Pi;
    }
    const double nn = n * n;
    if (n > 500.0)
        return (s0 - s1 / nn) / n;
    if (n > 80.0)
        return (s0 - (s1 - s2 / nn) / nn) / n;
    if (n > 35.0)
        return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

double bd0(double x, double m) noexcept
{
    if (x == 0.0)
        return m;
    if (std::fabs(x - m) < 0.1 * (x + m)) {
        // Series in v = (x-m)/(x+m): bd0 = (x-m) v + 2x sum_j v^(2j+1)/(2j+1).
        double v = (x - m) / (x + m);
        double s = (x - m) * v;
        if (std::fabs(s) < std::numeric_limits<double>::min())
            return s;
        double ej = 2.0 * x * v;
        v *= v;
        for (int j = 1; j < 1000; ++j) {
            ej *= v;
            const double next = s + ej / (2 * j + 1);
            if (next == s)
                return next;
            s = next;
        }
        return s;
    }
    // Far from the saddle point the direct form loses little to cancellation. ln(x/m) is taken from
    // the rounded ratio (error ~eps, absolute): ln x - ln m would carry the rounding of both logs,
    // ~eps * ln x each, which x then multiplies (6e-12 in the log mass of Poisson(1e4) at 6674).
    // Only where the ratio would overflow or underflow are the logs taken separately.
    // The rounding of the ratio itself is put back from its exact residual x - ratio m (an fma).
    const double ratio = x / m;
    if (!std::isfinite(ratio) || ratio < std::numeric_limits<double>::min())
        return std::fma(x, std::log(x) - std::log(m), m - x);
    // x ln(x/m) and m - x nearly cancel: add them in one rounding (fma, with m - x exact near the
    // saddle point), not as (x ln(x/m) + m) - x, which rounds at the scale of m + x.
    const double residual = std::fma(-ratio, m, x) / m;
    return std::fma(x, std::log(ratio) + residual / ratio, m - x);
}

double logBinomial(double x, double n, double p, double q) noexcept
{
    if (x < 0.0 || x > n)
        return -kInf;
    if (p == 0.0)
        return x == 0.0 ? 0.0 : -kInf;
    if (q == 0.0)
        return x == n ? 0.0 : -kInf;
    if (x == 0.0) {
        if (n == 0.0)
            return 0.0;
        return p < 0.1 ? -bd0(n, n * q) - n * p : n * std::log(q);
    }
    if (x == n)
        return q < 0.1 ? -bd0(n, n * p) - n * q : n * std::log(p);
    // The means n p and n q round to doubles, and bd0 passes that rounding on multiplied by
    // (1 - x/m): 4e-12 in the log mass of binomial(1e7, 0.3) at 2.95e6. Carry each mean as a double
    // plus its exact rounding error, taking n q = n - n p (p is the parameter; q = 1 - p may itself be
    // rounded), and correct bd0 to first order (d bd0 / dm = 1 - x/m).
    const double np = n * p;
    const double npError = std::fma(n, p, -np);
    const double nqRaw = n - np;                        // n >= np, so
    const double nqTail = ((n - nqRaw) - np) - npError; // n q = nqRaw + nqTail (to rounding)
    const double nq = nqRaw + nqTail;                   // nonzero even where n p rounds to n
    const double nqError = nqTail - (nq - nqRaw);
    const double lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, np) -
                      meanCorrection(x, np, npError) - bd0(n - x, nq) - meanCorrection(n - x, nq, nqError);
    // ln(1 - x/n) as ln((n-x)/n): n - x is exact, whereas 1 - x/n amplifies the rounding of x/n when
    // x is close to n (2e-12 in the log mass of binomial(1e5, 0.999) at 99999).
    const double lf = kLn2Pi + std::log(x) + std::log((n - x) / n);
    return lc - 0.5 * lf;
}

double logPoisson(double x, double m) noexcept
{
    if (x < 0.0)
        return -kInf;
    if (m == 0.0)
        return x == 0.0 ? 0.0 : -kInf;
    if (x == 0.0)
        return -m;
    return -stirlerr(x) - bd0(x, m) - 0.5 * (kLn2Pi + std::log(x));
}

} // namespace klscope::saddlepoint
