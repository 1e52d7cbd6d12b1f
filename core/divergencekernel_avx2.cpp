// The fused-pass kernel with AVX2 intrinsics: four events per step, selections by blend instead of
// branches. Compiled with -mavx2 (no FMA, so every product and sum rounds as in the portable kernel).

#include "divergencekernel.h"

#include <immintrin.h>

#include <cstdint>
#include <limits>

namespace klscope::kernel {

namespace {

inline __m256d select(__m256d mask, __m256d ifTrue, __m256d ifFalse)
{
    return _mm256_blendv_pd(ifFalse, ifTrue, mask);
}

// hornerSeries() of divergencekernel.h, lane by lane, in the same order.
inline __m256d horner(__m256d u, const double (&c)[kSeriesTerms])
{
    __m256d s = _mm256_mul_pd(u, _mm256_set1_pd(c[kSeriesTerms - 1]));
    for (int k = kSeriesTerms - 2; k >= 0; --k) {
        s = _mm256_add_pd(_mm256_set1_pd(c[k]), s);
        if (k > 0)
            s = _mm256_mul_pd(u, s);
    }
    return s;
}

inline double reduce(__m256d v)
{
    alignas(32) double lane[4];
    _mm256_store_pd(lane, v);
    return (lane[0] + lane[1]) + (lane[2] + lane[3]);
}

// Copies n doubles to dst (if not null) with non-temporal stores: the outputs are not read again soon,
// and streaming them saves the read-for-ownership of every destination cache line.
inline void streamCopy(double *dst, const double *src, std::size_t n)
{
    if (!dst)
        return;
    std::size_t i = 0;
    for (; i < n && (reinterpret_cast<std::uintptr_t>(dst + i) & 31) != 0; ++i)
        dst[i] = src[i];
    if ((reinterpret_cast<std::uintptr_t>(dst + i) & 7) == 0)
        for (; i + 4 <= n; i += 4)
            _mm256_stream_pd(dst + i, _mm256_loadu_pd(src + i));
    for (; i < n; ++i)
        dst[i] = src[i];
}

} // namespace

void streamFence() noexcept
{
    _mm_sfence();
}

void blockSumsAvx2(const Block &b, double sums[SumCount]) noexcept
{
    const __m256d inf = _mm256_set1_pd(std::numeric_limits<double>::infinity());
    const __m256d minusInf = _mm256_set1_pd(-std::numeric_limits<double>::infinity());
    const __m256d zero = _mm256_setzero_pd();
    const __m256d half = _mm256_set1_pd(0.5);
    const __m256d factor = _mm256_set1_pd(b.factor);
    const __m256d signBit = _mm256_set1_pd(-0.0);
    const __m256d two = _mm256_set1_pd(2.0);
    const __m256d nearFraction = _mm256_set1_pd(kNearFraction);

    __m256d acc[SumCount];
    for (auto &a : acc)
        a = zero;
    alignas(32) double outPQ[kMaxBlock], outQP[kMaxBlock], outJS[kMaxBlock];

    std::size_t i = 0;
    for (; i + 4 <= b.n; i += 4) {
        const __m256d p = _mm256_loadu_pd(b.p + i);
        const __m256d q = _mm256_loadu_pd(b.q + i);
        const __m256d lp = _mm256_loadu_pd(b.lp + i);
        const __m256d lq = _mm256_loadu_pd(b.lq + i);
        const __m256d lm = _mm256_loadu_pd(b.lm + i);
        const __m256d m = _mm256_loadu_pd(b.m + i);
        const __m256d hasP = _mm256_cmp_pd(lp, minusInf, _CMP_GT_OQ);
        const __m256d hasQ = _mm256_cmp_pd(lq, minusInf, _CMP_GT_OQ);
        const __m256d hasM = _mm256_cmp_pd(m, zero, _CMP_GT_OQ);
        const __m256d negP = _mm256_xor_pd(p, signBit);
        const __m256d negQ = _mm256_xor_pd(q, signBit);

        __m256d d = _mm256_sub_pd(lp, lq);
        const __m256d pm = select(hasP, _mm256_mul_pd(p, _mm256_sub_pd(lp, lm)), zero);
        const __m256d qm = select(hasQ, _mm256_mul_pd(q, _mm256_sub_pd(lq, lm)), zero);
        __m256d js = select(hasM, _mm256_mul_pd(half, _mm256_add_pd(pm, qm)), zero);
        // Nearly equal masses: the series of divergencekernel.h, only when a lane needs it.
        const __m256d sumPQ = _mm256_add_pd(p, q);
        const __m256d diffPQ = _mm256_sub_pd(p, q);
        const __m256d near =
            _mm256_and_pd(_mm256_and_pd(hasP, hasQ),
                          _mm256_and_pd(hasM, _mm256_cmp_pd(_mm256_andnot_pd(signBit, diffPQ),
                                                            _mm256_mul_pd(sumPQ, nearFraction), _CMP_LE_OQ)));
        if (_mm256_movemask_pd(near)) {
            const __m256d r = _mm256_div_pd(diffPQ, sumPQ);
            const __m256d u = _mm256_mul_pd(r, r);
            const __m256d a = horner(u, kAtanh);
            const __m256d j = horner(u, kJsSeries);
            d = select(near, _mm256_mul_pd(_mm256_mul_pd(two, r), a), d);
            js = select(near, _mm256_mul_pd(_mm256_mul_pd(half, m), _mm256_mul_pd(u, j)), js);
        }
        const __m256d klPQ = select(hasP, select(hasQ, _mm256_mul_pd(p, d), inf), zero);
        const __m256d klQP = select(hasQ, select(hasP, _mm256_mul_pd(negQ, d), inf), zero);

        acc[KlPQ] = _mm256_add_pd(acc[KlPQ], klPQ);
        acc[KlQP] = _mm256_add_pd(acc[KlQP], klQP);
        acc[Js] = _mm256_add_pd(acc[Js], js);
        acc[HP] = _mm256_add_pd(acc[HP], select(hasP, _mm256_mul_pd(negP, lp), zero));
        acc[HQ] = _mm256_add_pd(acc[HQ], select(hasQ, _mm256_mul_pd(negQ, lq), zero));
        acc[XPQ] = _mm256_add_pd(acc[XPQ], select(hasP, select(hasQ, _mm256_mul_pd(negP, lq), inf), zero));
        acc[XQP] = _mm256_add_pd(acc[XQP], select(hasQ, select(hasP, _mm256_mul_pd(negQ, lp), inf), zero));
        const __m256d diff = _mm256_andnot_pd(signBit, _mm256_sub_pd(p, q));
        acc[Tv] = _mm256_add_pd(acc[Tv], _mm256_mul_pd(half, diff));
        const __m256d h = _mm256_sub_pd(_mm256_sqrt_pd(p), _mm256_sqrt_pd(q));
        acc[Hel] = _mm256_add_pd(acc[Hel], _mm256_mul_pd(_mm256_mul_pd(half, h), h));
        acc[MassP] = _mm256_add_pd(acc[MassP], p);
        acc[MassQ] = _mm256_add_pd(acc[MassQ], q);

        // Per-event outputs go to L1 scratch first and stream to memory in one pass afterwards.
        _mm256_store_pd(outPQ + i, _mm256_mul_pd(klPQ, factor));
        _mm256_store_pd(outQP + i, _mm256_mul_pd(klQP, factor));
        _mm256_store_pd(outJS + i, _mm256_mul_pd(_mm256_max_pd(js, zero), factor));
    }
    streamCopy(b.klPQ, outPQ, i);
    streamCopy(b.klQP, outQP, i);
    streamCopy(b.js, outJS, i);
    for (int s = 0; s < SumCount; ++s)
        sums[s] = reduce(acc[s]);
    addPortableTail(b, i, sums);
}

} // namespace klscope::kernel
