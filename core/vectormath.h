#pragma once

// Elementwise log and exp over arrays, vectorised through glibc's libmvec where the build found it,
// and the one piece of CPU state housekeeping the core's scalar code needs.

#include <cstddef>

namespace klscope {

/// out[i] = ln(x[i]) for i < n, with ln 0 = -inf. Uses glibc's vector maths library (libmvec: AVX-512
/// or AVX2, whichever the CPU has; within a few ulp) when the build found libmvec, else std::log.
void vectorLog(const double *x, double *out, std::size_t n) noexcept;

/// out[i] = e^x[i] for i < n, with e^-inf = 0, results below the smallest subnormal 0 and e^NaN = NaN.
/// libmvec's AVX-512 or AVX2 exp (within a few ulp) when available, else std::exp.
void vectorExp(const double *x, double *out, std::size_t n) noexcept;

/// True when vectorLog and vectorExp run a libmvec (AVX2 or AVX-512) path.
bool vectorLogIsVectorised() noexcept;

/// Clears the upper halves of the AVX registers (vzeroupper) on CPUs that have AVX; otherwise does
/// nothing. Code that used 256- or 512-bit registers without clearing them (Qt's raster painting does)
/// makes every later SSE instruction of the calling thread pay a merge penalty: the family mass
/// functions then ran twenty times slower. The core's entry points call this first.
void clearUpperVectorState() noexcept;

} // namespace klscope
