#include "vectorlog.h"

#include <cmath>

#if defined(KLSCOPE_HAVE_LIBMVEC)
#include <immintrin.h>

// glibc's libmvec exports its AVX2 and AVX-512 variants of log under their vector-ABI names; the
// compiler would only call them by itself under -ffast-math, which this project does not use.
// Both are within 1 ulp of std::log here and return -inf at 0 and exact results for subnormals.
// The target attributes say which ABI the vector arguments use (clang insists on them).
extern "C" __attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_log(__m256d x);
extern "C" __attribute__((target("avx512f"))) __m512d _ZGVeN8v_log(__m512d x);
#endif

namespace klscope {

#if defined(KLSCOPE_HAVE_LIBMVEC)
namespace {
__attribute__((target("avx2,fma"))) void logAvx2(const double *x, double *out, std::size_t n) noexcept
{
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm256_storeu_pd(out + i, _ZGVdN4v_log(_mm256_loadu_pd(x + i)));
    for (; i < n; ++i)
        out[i] = std::log(x[i]);
}

__attribute__((target("avx512f"))) void logAvx512(const double *x, double *out, std::size_t n) noexcept
{
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm512_storeu_pd(out + i, _ZGVeN8v_log(_mm512_loadu_pd(x + i)));
    for (; i < n; ++i)
        out[i] = std::log(x[i]);
}

const bool kHaveAvx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
const bool kHaveAvx512 = __builtin_cpu_supports("avx512f");
} // namespace
#endif

void vectorLog(const double *x, double *out, std::size_t n) noexcept
{
#if defined(KLSCOPE_HAVE_LIBMVEC)
    if (kHaveAvx512) {
        logAvx512(x, out, n);
        return;
    }
    if (kHaveAvx2) {
        logAvx2(x, out, n);
        return;
    }
#endif
    for (std::size_t i = 0; i < n; ++i)
        out[i] = std::log(x[i]);
}

bool vectorLogIsVectorised() noexcept
{
#if defined(KLSCOPE_HAVE_LIBMVEC)
    return kHaveAvx2 || kHaveAvx512;
#else
    return false;
#endif
}

} // namespace klscope
