#pragma once

// Internal to divergence.cpp: the per-block kernel of the fused pass, in a portable version, an AVX2
// version (divergencekernel_avx2.cpp, compiled with -mavx2) and an AVX-512 version
// (divergencekernel_avx512.cpp, -mavx512f -mavx512dq), the widest the CPU runs chosen at run time.
// All apply the same operations in the same order per event; only the grouping of the block's partial
// sums differs, so per-event terms agree bitwise and totals to rounding in the last bits.

#include <cstddef>

namespace klscope::kernel {

enum Sum
{
    KlPQ,
    KlQP,
    Js,
    HP,
    HQ,
    XPQ,
    XQP,
    Tv,
    Hel,
    MassP,
    MassQ,
    SumCount
};

/// One block of at most kMaxBlock events. lp, lq, lm: natural logs of p, q and m = (p+q)/2 (m given
/// too). Per-event outputs may be null; they receive the term times `factor`.
struct Block
{
    const double *p, *q, *lp, *lq, *lm, *m;
    double *klPQ, *klQP, *js;
    double factor;
    std::size_t n;
};

inline constexpr std::size_t kMaxBlock = 256;

// Nearly equal masses. Where p and q differ by at most 1/8 of p + q, ln p - ln q and the JS term are
// not taken from the logs, whose difference would cancel (p (ln p - ln q) for p = 0.9456657713430001,
// q = 0.9456657713430094 is off by 5e-4 relative), but from d = (p - q)/(p + q), which is exact to an
// ulp or two (p - q is exact for such p and q, Sterbenz):
//   ln(p/q)   = 2 atanh(d) = 2d sum_k u^k / (2k + 1),                u = d^2
//   JS term   = 1/2 [p ln(p/m) + q ln(q/m)] = m/2 [(1+d) ln(1+d) + (1-d) ln(1-d)]
//             = (m/2) u sum_k u^k / ((k + 1) (2k + 1))
// nine terms each (k = 0..8). With u <= 1/64 the dropped terms are below 1e-17 relative. Outside that
// region |ln(p/q)| >= 2 atanh(1/8) = 0.25, so the log difference loses at most a factor of about 8,
// and the JS term, whose two parts cancel by a factor of 1/d, at most a factor of 8 too. Every JS term is
// then >= 0 by construction, so a JS divergence of nearly equal distributions sums positive terms and is
// never lost to cancellation (or to the clamp at 0), and p == q gives exactly 0 for every term. Each kernel
// evaluates these polynomials with the same operations in the same order (Horner, no FMA).
inline constexpr double kNearFraction = 1.0 / 8.0;
inline constexpr int kSeriesTerms = 9;
inline constexpr double kAtanh[kSeriesTerms] = {1.0,        1.0 / 3.0,  1.0 / 5.0,  1.0 / 7.0, 1.0 / 9.0,
                                                1.0 / 11.0, 1.0 / 13.0, 1.0 / 15.0, 1.0 / 17.0};
inline constexpr double kJsSeries[kSeriesTerms] = {
    1.0, 1.0 / 6.0, 1.0 / 15.0, 1.0 / 28.0, 1.0 / 45.0, 1.0 / 66.0, 1.0 / 91.0, 1.0 / 120.0, 1.0 / 153.0};

/// c[0] + u (c[1] + u (c[2] + ... + u c[8])), the order every kernel uses.
inline double hornerSeries(double u, const double (&c)[kSeriesTerms]) noexcept
{
    double s = u * c[kSeriesTerms - 1];
    for (int k = kSeriesTerms - 2; k >= 0; --k) {
        s = c[k] + s;
        if (k > 0)
            s = u * s;
    }
    return s;
}

/// The near-equal forms for one event (see above): `logRatio` = ln(p/q), `js` = the JS term.
inline void nearlyEqualTerms(double p, double q, double m, double &logRatio, double &js) noexcept
{
    const double d = (p - q) / (p + q);
    const double u = d * d;
    logRatio = (2.0 * d) * hornerSeries(u, kAtanh);
    js = (0.5 * m) * (u * hornerSeries(u, kJsSeries));
}

/// Adds nothing to the outputs' neighbours; writes sums[s] = the block's total of each quantity in nats.
void blockSumsPortable(const Block &b, double sums[SumCount]) noexcept;

/// Runs the portable kernel on events `from`..n-1 of the block (the vector kernels' remainder) and adds
/// its sums to `sums`. Does nothing when from >= n.
void addPortableTail(const Block &b, std::size_t from, double sums[SumCount]) noexcept;

/// Same, with AVX2. Only call when the CPU supports AVX2 (see haveAvx2Kernel()).
void blockSumsAvx2(const Block &b, double sums[SumCount]) noexcept;

/// Same, with AVX-512. Only call when haveAvx512Kernel().
void blockSumsAvx512(const Block &b, double sums[SumCount]) noexcept;

/// Orders the vector kernels' streaming stores before later loads; each thread calls it when done.
void streamFence() noexcept;

/// True when this build has the AVX2 kernel and the CPU can run it.
bool haveAvx2Kernel() noexcept;

/// True when this build has the AVX-512 kernel and the CPU can run it (AVX-512 F and DQ).
bool haveAvx512Kernel() noexcept;

} // namespace klscope::kernel
