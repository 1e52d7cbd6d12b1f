#pragma once

// clearUpperVectorState(): executes VZEROUPPER when the CPU has AVX. Code that used 256- or 512-bit registers
// without clearing their upper halves afterwards (seen here after Qt's and the C library's start-up) leaves
// the CPU in a state where every later SSE instruction, the baseline x86-64 code this library is compiled to,
// pays a transition penalty: measured 13 times slower for the 2-D cubature on this machine's CPU. Between
// functions the upper halves carry nothing (the System V ABI does not preserve them), so clearing them at
// the start of a long numeric routine is always safe.

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

namespace klscope {

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("avx"))) inline void clearUpperVectorStateAvx() noexcept
{
    _mm256_zeroupper();
}

inline void clearUpperVectorState() noexcept
{
    static const bool avx = __builtin_cpu_supports("avx");
    if (avx)
        clearUpperVectorStateAvx();
}
#else
inline void clearUpperVectorState() noexcept {}
#endif

} // namespace klscope
