#include "vectormath.h"

#include <cmath>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#if defined(KLSCOPE_HAVE_LIBMVEC)
// glibc's libmvec exports its AVX2 and AVX-512 variants of log and exp under their vector-ABI names;
// the compiler would only call them by itself under -ffast-math, which this project does not use.
// They are within 1 ulp of std::log / std::exp here, log returns -inf at 0 and exact results for
// subnormals, exp returns 0 at -inf and goes through subnormals to 0 (glibc's libmvec tests).
// The target attributes say which ABI the vector arguments use (clang insists on them).
extern "C" __attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_log(__m256d x);
extern "C" __attribute__((target("avx512f"))) __m512d _ZGVeN8v_log(__m512d x);
extern "C" __attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_exp(__m256d x);
extern "C" __attribute__((target("avx512f"))) __m512d _ZGVeN8v_exp(__m512d x);
#endif

namespace klscope {

namespace {

#if defined(KLSCOPE_HAVE_LIBMVEC)
using Vector4 = __m256d (*)(__m256d);
using Vector8 = __m512d (*)(__m512d);

__attribute__((target("avx2,fma"))) void applyAvx2(Vector4 f, double (*scalar)(double), const double *x,
                                                   double *out, std::size_t n) noexcept
{
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm256_storeu_pd(out + i, f(_mm256_loadu_pd(x + i)));
    for (; i < n; ++i)
        out[i] = scalar(x[i]);
}

__attribute__((target("avx512f"))) void applyAvx512(Vector8 f, double (*scalar)(double), const double *x,
                                                    double *out, std::size_t n) noexcept
{
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm512_storeu_pd(out + i, f(_mm512_loadu_pd(x + i)));
    for (; i < n; ++i)
        out[i] = scalar(x[i]);
}

// Below this e^x rounds to 0 in double precision (the smallest subnormal is e^-744.44). libmvec sends
// such lanes down a slow scalar path, and the log masses of a long support are mostly far below it.
constexpr double kExpUnderflow = -746.0;

__attribute__((target("avx2,fma"))) void expAvx2(const double *x, double *out, std::size_t n) noexcept
{
    const __m256d limit = _mm256_set1_pd(kExpUnderflow);
    const __m256d zero = _mm256_setzero_pd();
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d v = _mm256_loadu_pd(x + i);
        const __m256d under = _mm256_cmp_pd(v, limit, _CMP_LT_OQ);
        const __m256d e = _ZGVdN4v_exp(_mm256_blendv_pd(v, zero, under));
        _mm256_storeu_pd(out + i, _mm256_blendv_pd(e, zero, under));
    }
    for (; i < n; ++i)
        out[i] = std::exp(x[i]);
}

__attribute__((target("avx512f"))) void expAvx512(const double *x, double *out, std::size_t n) noexcept
{
    const __m512d limit = _mm512_set1_pd(kExpUnderflow);
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m512d v = _mm512_loadu_pd(x + i);
        const __mmask8 inRange = _mm512_cmp_pd_mask(v, limit, _CMP_NLT_UQ); // NaN stays in: e^NaN = NaN
        const __m512d e = _ZGVeN8v_exp(_mm512_maskz_mov_pd(inRange, v));
        _mm512_storeu_pd(out + i, _mm512_maskz_mov_pd(inRange, e));
    }
    for (; i < n; ++i)
        out[i] = std::exp(x[i]);
}

const bool kHaveAvx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
const bool kHaveAvx512 = __builtin_cpu_supports("avx512f");
#endif

double scalarLog(double x)
{
    return std::log(x);
}

double scalarExp(double x)
{
    return std::exp(x);
}

#if defined(KLSCOPE_HAVE_LIBMVEC)
void apply(Vector8 f8, Vector4 f4, double (*scalar)(double), const double *x, double *out,
           std::size_t n) noexcept
{
    if (kHaveAvx512) {
        applyAvx512(f8, scalar, x, out, n);
        return;
    }
    if (kHaveAvx2) {
        applyAvx2(f4, scalar, x, out, n);
        return;
    }
    for (std::size_t i = 0; i < n; ++i)
        out[i] = scalar(x[i]);
}
#endif

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("avx"))) void zeroUpper() noexcept
{
    _mm256_zeroupper();
}
#endif

} // namespace

void vectorLog(const double *x, double *out, std::size_t n) noexcept
{
#if defined(KLSCOPE_HAVE_LIBMVEC)
    apply(_ZGVeN8v_log, _ZGVdN4v_log, scalarLog, x, out, n);
#else
    for (std::size_t i = 0; i < n; ++i)
        out[i] = scalarLog(x[i]);
#endif
}

void vectorExp(const double *x, double *out, std::size_t n) noexcept
{
#if defined(KLSCOPE_HAVE_LIBMVEC)
    if (kHaveAvx512) {
        expAvx512(x, out, n);
        return;
    }
    if (kHaveAvx2) {
        expAvx2(x, out, n);
        return;
    }
#endif
    for (std::size_t i = 0; i < n; ++i)
        out[i] = scalarExp(x[i]);
}

bool vectorLogIsVectorised() noexcept
{
#if defined(KLSCOPE_HAVE_LIBMVEC)
    return kHaveAvx2 || kHaveAvx512;
#else
    return false;
#endif
}

void clearUpperVectorState() noexcept
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    static const bool avx = __builtin_cpu_supports("avx");
    if (avx)
        zeroUpper();
#endif
}

} // namespace klscope
