#pragma once

#include <cstddef>

namespace klscope {

/// out[i] = ln(x[i]) for i < n, with ln 0 = -inf. Uses glibc's vector maths library (libmvec: AVX-512
/// or AVX2, whichever the CPU has; within a few ulp) when the build found libmvec, else std::log.
void vectorLog(const double *x, double *out, std::size_t n) noexcept;

/// True when vectorLog runs a libmvec (AVX2 or AVX-512) path.
bool vectorLogIsVectorised() noexcept;

} // namespace klscope
