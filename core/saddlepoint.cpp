// Loader's saddle-point masses (formulas and source in saddlepoint.h): C. Loader, "Fast and Accurate
// Computation of Binomial Probabilities" (2000). stirlerr uses lgamma for n <= 15 and the Stirling
// series 1/(12n) - 1/(360n^3) + 1/(1260n^5) - ... above; bd0 uses the series in v = (x-m)/(x+m) near
// the saddle point, where x ln(x/m) + m - x would cancel.

#include "saddlepoint.h"

#include "vectormath.h"

#include <algorithm>
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
[[gnu::always_inline]] inline double meanCorrection(double x, double m, double error) noexcept
{
    return error == 0.0 ? 0.0 : (1.0 - x / m) * error;
}

// The means n p and n q of a binomial, each as a double plus its exact rounding error (see logBinomial).
struct BinomialMeans
{
    double np, npError, nq, nqError;
};

BinomialMeans binomialMeans(double n, double p) noexcept
{
    BinomialMeans m{};
    m.np = n * p;
    m.npError = std::fma(n, p, -m.np);
    const double nqRaw = n - m.np;                          // n >= np, so
    const double nqTail = ((n - nqRaw) - m.np) - m.npError; // n q = nqRaw + nqTail (to rounding)
    m.nq = nqRaw + nqTail;                                  // nonzero even where n p rounds to n
    m.nqError = nqTail - (m.nq - nqRaw);
    return m;
}

// bd0 with the logarithm of the ratio x/m supplied by `logOfRatio` (std::log, or a value a batch
// computed beforehand from the same ratio).
template <class LogOfRatio>
[[gnu::always_inline]] inline double bd0With(double x, double m, const LogOfRatio &logOfRatio) noexcept
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
    return std::fma(x, logOfRatio(ratio) + residual / ratio, m - x);
}

// logBinomial's edge cases: outside 0..n, p or q zero, x at 0 or n. Sets `value` and returns true there.
bool binomialEdge(double x, double n, double p, double q, double &value) noexcept
{
    if (x < 0.0 || x > n) {
        value = -kInf;
        return true;
    }
    if (p == 0.0) {
        value = x == 0.0 ? 0.0 : -kInf;
        return true;
    }
    if (q == 0.0) {
        value = x == n ? 0.0 : -kInf;
        return true;
    }
    if (x == 0.0) {
        value = n == 0.0 ? 0.0 : p < 0.1 ? -bd0(n, n * q) - n * p : n * std::log(q);
        return true;
    }
    if (x == n) {
        value = q < 0.1 ? -bd0(n, n * p) - n * q : n * std::log(p);
        return true;
    }
    return false;
}

// logBinomial for 0 < x < n and p, q > 0, given stirlerr(n), the means, ln x, ln((n-x)/n) and the
// logarithms of bd0's ratios x/np and (n-x)/nq.
// The means n p and n q round to doubles, and bd0 passes that rounding on multiplied by (1 - x/m): 4e-12
// in the log mass of binomial(1e7, 0.3) at 2.95e6. Each mean is carried as a double plus its exact
// rounding error, taking n q = n - n p (p is the parameter; q = 1 - p may itself be rounded), and bd0 is
// corrected to first order (d bd0 / dm = 1 - x/m).
// ln(1 - x/n) is taken as ln((n-x)/n): n - x is exact, whereas 1 - x/n amplifies the rounding of x/n when
// x is close to n (2e-12 in the log mass of binomial(1e5, 0.999) at 99999).
template <class LogP, class LogQ>
[[gnu::always_inline]] inline double binomialInterior(double x, double n, double stirlerrN,
                                                      const BinomialMeans &m, double logX, double logFraction,
                                                      const LogP &logRatioP, const LogQ &logRatioQ) noexcept
{
    const double lc = stirlerrN - stirlerr(x) - stirlerr(n - x) - bd0With(x, m.np, logRatioP) -
                      meanCorrection(x, m.np, m.npError) - bd0With(n - x, m.nq, logRatioQ) -
                      meanCorrection(n - x, m.nq, m.nqError);
    return lc - 0.5 * (kLn2Pi + logX + logFraction);
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
    return bd0With(x, m, [](double ratio) { return std::log(ratio); });
}

double logBinomial(double x, double n, double p, double q) noexcept
{
    double edge = 0.0;
    if (binomialEdge(x, n, p, q, edge))
        return edge;
    const auto log = [](double v) {
        return std::log(v);
    };
    return binomialInterior(x, n, stirlerr(n), binomialMeans(n, p), std::log(x), std::log((n - x) / n), log,
                            log);
}

// A second version for CPUs with FMA, where std::fma is one instruction instead of a libm call (four an
// event here). The core builds with -ffp-contract=off, so no other expression changes its rounding.
__attribute__((target_clones("fma", "default"))) void
logBinomialRange(double first, std::size_t count, double n, double p, double q, double *out) noexcept
{
    // The same formula event by event as logBinomial; only the four logarithms of each event are taken
    // a block at a time by vectorLog (libmvec), which is most of the saving. Their arguments are the
    // same doubles logBinomial passes to std::log.
    constexpr std::size_t kBlock = 256;
    const BinomialMeans means = binomialMeans(n, p);
    const double stirlerrN = stirlerr(n);
    alignas(64) double args[4][kBlock];
    alignas(64) double logs[4][kBlock];
    bool edge[kBlock];
    for (std::size_t b = 0; b < count; b += kBlock) {
        const std::size_t len = std::min(kBlock, count - b);
        for (std::size_t i = 0; i < len; ++i) {
            const double x = first + static_cast<double>(b + i);
            edge[i] = binomialEdge(x, n, p, q, out[b + i]);
            args[0][i] = edge[i] ? 1.0 : x;
            args[1][i] = edge[i] ? 1.0 : (n - x) / n;
            args[2][i] = edge[i] ? 1.0 : x / means.np;
            args[3][i] = edge[i] ? 1.0 : (n - x) / means.nq;
        }
        for (int k = 0; k < 4; ++k)
            vectorLog(args[k], logs[k], len);
        for (std::size_t i = 0; i < len; ++i) {
            if (edge[i])
                continue;
            const double x = first + static_cast<double>(b + i);
            out[b + i] = binomialInterior(
                x, n, stirlerrN, means, logs[0][i], logs[1][i], [&](double) { return logs[2][i]; },
                [&](double) { return logs[3][i]; });
        }
    }
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
