#include "vectorlog.h"

#include <cmath>

#if defined(KLSCOPE_HAVE_LIBMVEC)
#include <immintrin.h>

// glibc's libmvec exports the AVX2 variant of log under its vector-ABI name; the compiler would
// only call it by itself under -ffast-math, which this project does not use.
extern "C" __m256d _ZGVdN4v_log(__m256d x);
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

const bool kHaveAvx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
} // namespace
#endif

void vectorLog(const double *x, double *out, std::size_t n) noexcept
{
#if defined(KLSCOPE_HAVE_LIBMVEC)
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
    return kHaveAvx2;
#else
    return false;
#endif
}

} // namespace klscope
