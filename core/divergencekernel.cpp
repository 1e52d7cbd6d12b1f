#include "divergencekernel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace klscope::kernel {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kLanes = 4;
} // namespace

void blockSumsPortable(const Block &b, double sums[SumCount]) noexcept
{
    std::array<std::array<double, kLanes>, SumCount> lane{};
    for (std::size_t i = 0; i < b.n; ++i) {
        const std::size_t l = i % kLanes;
        const double pi = b.p[i], qi = b.q[i], lp = b.lp[i], lq = b.lq[i], lm = b.lm[i];
        // Every candidate is computed, then selected; values computed from a -inf log are never kept.
        const bool hasP = lp > -kInf;
        const bool hasQ = lq > -kInf;
        const bool hasM = b.m[i] > 0.0;
        double d = lp - lq;
        // m == 0 only when both masses underflowed; the true term is then below 1e-300.
        double js = hasM ? 0.5 * ((hasP ? pi * (lp - lm) : 0.0) + (hasQ ? qi * (lq - lm) : 0.0)) : 0.0;
        if (hasP && hasQ && hasM && std::fabs(pi - qi) <= (pi + qi) * kNearFraction)
            nearlyEqualTerms(pi, qi, b.m[i], d, js);
        const double klPQ = hasP ? (hasQ ? pi * d : kInf) : 0.0;
        const double klQP = hasQ ? (hasP ? -qi * d : kInf) : 0.0;
        lane[KlPQ][l] += klPQ;
        lane[KlQP][l] += klQP;
        lane[Js][l] += js;
        lane[HP][l] += hasP ? -pi * lp : 0.0;
        lane[HQ][l] += hasQ ? -qi * lq : 0.0;
        lane[XPQ][l] += hasP ? (hasQ ? -pi * lq : kInf) : 0.0;
        lane[XQP][l] += hasQ ? (hasP ? -qi * lp : kInf) : 0.0;
        lane[Tv][l] += 0.5 * std::fabs(pi - qi);
        const double h = std::sqrt(pi) - std::sqrt(qi);
        lane[Hel][l] += 0.5 * h * h;
        lane[MassP][l] += pi;
        lane[MassQ][l] += qi;
        if (b.klPQ)
            b.klPQ[i] = klPQ * b.factor;
        if (b.klQP)
            b.klQP[i] = klQP * b.factor;
        if (b.js)
            b.js[i] = std::max(js, 0.0) * b.factor;
    }
    for (int s = 0; s < SumCount; ++s)
        sums[s] = (lane[s][0] + lane[s][1]) + (lane[s][2] + lane[s][3]);
}

void addPortableTail(const Block &b, std::size_t from, double sums[SumCount]) noexcept
{
    if (from >= b.n)
        return;
    Block rest = b;
    rest.p += from, rest.q += from, rest.lp += from, rest.lq += from, rest.lm += from, rest.m += from;
    rest.klPQ = b.klPQ ? b.klPQ + from : nullptr;
    rest.klQP = b.klQP ? b.klQP + from : nullptr;
    rest.js = b.js ? b.js + from : nullptr;
    rest.n = b.n - from;
    double tail[SumCount];
    blockSumsPortable(rest, tail);
    for (int s = 0; s < SumCount; ++s)
        sums[s] += tail[s];
}

#if !defined(KLSCOPE_HAVE_AVX2_KERNEL)
void blockSumsAvx2(const Block &b, double sums[SumCount]) noexcept
{
    blockSumsPortable(b, sums);
}
bool haveAvx2Kernel() noexcept
{
    return false;
}
void streamFence() noexcept {}
#endif

#if !defined(KLSCOPE_HAVE_AVX512_KERNEL)
void blockSumsAvx512(const Block &b, double sums[SumCount]) noexcept
{
    blockSumsPortable(b, sums);
}
bool haveAvx512Kernel() noexcept
{
    return false;
}
#else
bool haveAvx512Kernel() noexcept
{
    static const bool have = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
    return have;
}
#endif

#if defined(KLSCOPE_HAVE_AVX2_KERNEL)
bool haveAvx2Kernel() noexcept
{
    static const bool have = __builtin_cpu_supports("avx2");
    return have;
}
#endif

} // namespace klscope::kernel
