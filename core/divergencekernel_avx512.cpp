// The fused-pass kernel with AVX-512: eight events per step, selections by mask registers instead of
// blends. Compiled with -mavx512f -mavx512dq (no FMA), it applies the same operations in the same order
// per event as the portable and AVX2 kernels, so per-event terms agree bitwise and totals to rounding.

#include "divergencekernel.h"

#include <immintrin.h>

#include <cstdint>
#include <limits>

namespace klscope::kernel {

namespace {

constexpr __mmask8 kAll = 0xFF;

// Copies n doubles to dst (if not null) with non-temporal stores where dst is 64-byte aligned: the
// outputs are not read again soon, and streaming saves the read-for-ownership of each cache line.
inline void streamCopy512(double *dst, const double *src, std::size_t n)
{
    if (!dst)
        return;
    std::size_t i = 0;
    for (; i < n && (reinterpret_cast<std::uintptr_t>(dst + i) & 63) != 0; ++i)
        dst[i] = src[i];
    if ((reinterpret_cast<std::uintptr_t>(dst + i) & 7) == 0)
        for (; i + 8 <= n; i += 8)
            _mm512_stream_pd(dst + i, _mm512_loadu_pd(src + i));
    for (; i < n; ++i)
        dst[i] = src[i];
}

// hornerSeries() of divergencekernel.h, lane by lane, in the same order.
inline __m512d horner512(__m512d u, const double (&c)[kSeriesTerms])
{
    __m512d s = _mm512_mul_pd(u, _mm512_set1_pd(c[kSeriesTerms - 1]));
    for (int k = kSeriesTerms - 2; k >= 0; --k) {
        s = _mm512_add_pd(_mm512_set1_pd(c[k]), s);
        if (k > 0)
            s = _mm512_mul_pd(u, s);
    }
    return s;
}

} // namespace

void blockSumsAvx512(const Block &b, double sums[SumCount]) noexcept
{
    const __m512d inf = _mm512_set1_pd(std::numeric_limits<double>::infinity());
    const __m512d minusInf = _mm512_set1_pd(-std::numeric_limits<double>::infinity());
    const __m512d zero = _mm512_setzero_pd();
    const __m512d half = _mm512_set1_pd(0.5);
    const __m512d factor = _mm512_set1_pd(b.factor);
    const __m512d signBit = _mm512_set1_pd(-0.0);
    const __m512d two = _mm512_set1_pd(2.0);
    const __m512d nearFraction = _mm512_set1_pd(kNearFraction);

    __m512d acc[SumCount];
    for (auto &a : acc)
        a = zero;
    alignas(64) double outPQ[kMaxBlock], outQP[kMaxBlock], outJS[kMaxBlock];

    std::size_t i = 0;
    for (; i + 8 <= b.n; i += 8) {
        const __m512d p = _mm512_loadu_pd(b.p + i);
        const __m512d q = _mm512_loadu_pd(b.q + i);
        const __m512d lp = _mm512_loadu_pd(b.lp + i);
        const __m512d lq = _mm512_loadu_pd(b.lq + i);
        const __m512d lm = _mm512_loadu_pd(b.lm + i);
        const __m512d m = _mm512_loadu_pd(b.m + i);
        const __mmask8 hasP = _mm512_cmp_pd_mask(lp, minusInf, _CMP_GT_OQ);
        const __mmask8 hasQ = _mm512_cmp_pd_mask(lq, minusInf, _CMP_GT_OQ);
        const __mmask8 hasM = _mm512_cmp_pd_mask(m, zero, _CMP_GT_OQ);
        const __mmask8 both = hasP & hasQ;
        const __m512d negP = _mm512_xor_pd(p, signBit);
        const __m512d negQ = _mm512_xor_pd(q, signBit);
        const __m512d infP = _mm512_maskz_mov_pd(hasP, inf); // inf where p > 0, else 0
        const __m512d infQ = _mm512_maskz_mov_pd(hasQ, inf);

        __m512d d = _mm512_sub_pd(lp, lq);
        const __m512d pm = _mm512_maskz_mul_pd(hasP, p, _mm512_sub_pd(lp, lm));
        const __m512d qm = _mm512_maskz_mul_pd(hasQ, q, _mm512_sub_pd(lq, lm));
        __m512d js = _mm512_maskz_mul_pd(hasM, half, _mm512_add_pd(pm, qm));
        // Nearly equal masses: the series of divergencekernel.h, only when a lane needs it.
        const __m512d sumPQ = _mm512_add_pd(p, q);
        const __m512d diffPQ = _mm512_sub_pd(p, q);
        const __mmask8 near = both & hasM &
                              _mm512_cmp_pd_mask(_mm512_andnot_pd(signBit, diffPQ),
                                                 _mm512_mul_pd(sumPQ, nearFraction), _CMP_LE_OQ);
        if (near) {
            const __m512d r = _mm512_div_pd(diffPQ, sumPQ);
            const __m512d u = _mm512_mul_pd(r, r);
            const __m512d a = horner512(u, kAtanh);
            const __m512d j = horner512(u, kJsSeries);
            d = _mm512_mask_mul_pd(d, near, _mm512_mul_pd(two, r), a);
            js = _mm512_mask_mul_pd(js, near, _mm512_mul_pd(half, m), _mm512_mul_pd(u, j));
        }
        const __m512d klPQ = _mm512_mask_mul_pd(infP, both, p, d);
        const __m512d klQP = _mm512_mask_mul_pd(infQ, both, negQ, d);

        acc[KlPQ] = _mm512_add_pd(acc[KlPQ], klPQ);
        acc[KlQP] = _mm512_add_pd(acc[KlQP], klQP);
        acc[Js] = _mm512_add_pd(acc[Js], js);
        acc[HP] = _mm512_add_pd(acc[HP], _mm512_maskz_mul_pd(hasP, negP, lp));
        acc[HQ] = _mm512_add_pd(acc[HQ], _mm512_maskz_mul_pd(hasQ, negQ, lq));
        acc[XPQ] = _mm512_add_pd(acc[XPQ], _mm512_mask_mul_pd(infP, both, negP, lq));
        acc[XQP] = _mm512_add_pd(acc[XQP], _mm512_mask_mul_pd(infQ, both, negQ, lp));
        const __m512d diff = _mm512_andnot_pd(signBit, _mm512_sub_pd(p, q));
        acc[Tv] = _mm512_add_pd(acc[Tv], _mm512_mul_pd(half, diff));
        // The maskz forms with a full mask: GCC 12's plain _mm512_sqrt_pd/_mm512_max_pd read an
        // "undefined" register and warn (-Wmaybe-uninitialized); the results are identical.
        const __m512d h = _mm512_sub_pd(_mm512_maskz_sqrt_pd(kAll, p), _mm512_maskz_sqrt_pd(kAll, q));
        acc[Hel] = _mm512_add_pd(acc[Hel], _mm512_mul_pd(_mm512_mul_pd(half, h), h));
        acc[MassP] = _mm512_add_pd(acc[MassP], p);
        acc[MassQ] = _mm512_add_pd(acc[MassQ], q);

        // Per-event outputs go to L1 scratch first and stream to memory in one pass afterwards.
        _mm512_store_pd(outPQ + i, _mm512_mul_pd(klPQ, factor));
        _mm512_store_pd(outQP + i, _mm512_mul_pd(klQP, factor));
        _mm512_store_pd(outJS + i, _mm512_mul_pd(_mm512_maskz_max_pd(kAll, js, zero), factor));
    }
    streamCopy512(b.klPQ, outPQ, i);
    streamCopy512(b.klQP, outQP, i);
    streamCopy512(b.js, outJS, i);
    for (int s = 0; s < SumCount; ++s) {
        // Pairwise over the lanes, as the other kernels do over theirs.
        alignas(64) double lane[8];
        _mm512_store_pd(lane, acc[s]);
        sums[s] = ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
    }
    addPortableTail(b, i, sums);
}

} // namespace klscope::kernel
