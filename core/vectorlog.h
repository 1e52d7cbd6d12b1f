#pragma once

#include <cstddef>

namespace klscope {

/// out[i] = ln(x[i]) for i < n, with ln 0 = -inf. Uses glibc's vector maths library (libmvec, AVX2,
/// at most 4 ulp) when the CPU has AVX2 and the build found libmvec, else std::log.
void vectorLog(const double *x, double *out, std::size_t n) noexcept;

/// True when vectorLog runs the AVX2 path.
bool vectorLogIsVectorised() noexcept;

} // namespace klscope
