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
