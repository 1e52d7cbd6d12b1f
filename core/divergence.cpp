#include "divergence.h"

#include "neumaiersum.h"
#include "vectorlog.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>

namespace klscope {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kBlock = 256;      // events per block; the block's scratch stays in L1
constexpr std::size_t kLanes = 8;        // partial sums per block
constexpr std::size_t kChunk = 1u << 15; // events per unit of parallel work
constexpr std::size_t kParallelFrom = 1u << 17;

enum Sum
{
    KlPQ,
    KlQP,
    Js,
    HP,
    HQ,
    XPQ,
    XQP,
    Tv,
    Hel,
    MassP,
    MassQ,
    SumCount
};

struct Partial
{
    std::array<NeumaierSum, SumCount> sums;
};

struct Inputs
{
    std::span<const double> p, q, logP, logQ;
    EventTerms terms;
    double factor;
};

// Sum of a block of scratch values in kLanes independent lanes, then the lanes in a fixed order.
// The compiler turns the lane loop into vector adds without reassociating anything.
double blockSum(const double *x, std::size_t n)
{
    std::array<double, kLanes> lane{};
    std::size_t i = 0;
    for (; i + kLanes <= n; i += kLanes)
        for (std::size_t l = 0; l < kLanes; ++l)
            lane[l] += x[i + l];
    for (std::size_t l = 0; i < n; ++i, ++l)
        lane[l] += x[i];
    return ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
}

void processBlock(const Inputs &in, std::size_t begin, std::size_t n, Partial &out)
{
    alignas(64) double lp[kBlock], lq[kBlock], lm[kBlock];
    alignas(64) double m[kBlock] = {};
    alignas(64) double t[SumCount][kBlock];
    const double *p = in.p.data() + begin;
    const double *q = in.q.data() + begin;

    for (std::size_t i = 0; i < n; ++i)
        m[i] = 0.5 * (p[i] + q[i]);
    if (in.logP.empty())
        vectorLog(p, lp, n);
    else
        std::copy_n(in.logP.data() + begin, n, lp);
    if (in.logQ.empty())
        vectorLog(q, lq, n);
    else
        std::copy_n(in.logQ.data() + begin, n, lq);
    vectorLog(m, lm, n);

    for (std::size_t i = 0; i < n; ++i) {
        const double pi = p[i], qi = q[i];
        const bool hasP = lp[i] > -kInf;
        const bool hasQ = lq[i] > -kInf;
        const double d = lp[i] - lq[i];
        t[KlPQ][i] = hasP ? (hasQ ? pi * d : kInf) : 0.0;
        t[KlQP][i] = hasQ ? (hasP ? -qi * d : kInf) : 0.0;
        // m == 0 only when both masses underflowed; the true term is then below 1e-300.
        const bool hasM = m[i] > 0.0;
        t[Js][i] =
            hasM ? 0.5 * ((hasP ? pi * (lp[i] - lm[i]) : 0.0) + (hasQ ? qi * (lq[i] - lm[i]) : 0.0)) : 0.0;
        t[HP][i] = hasP ? -pi * lp[i] : 0.0;
        t[HQ][i] = hasQ ? -qi * lq[i] : 0.0;
        t[XPQ][i] = hasP ? (hasQ ? -pi * lq[i] : kInf) : 0.0;
        t[XQP][i] = hasQ ? (hasP ? -qi * lp[i] : kInf) : 0.0;
        t[Tv][i] = 0.5 * std::fabs(pi - qi);
        const double h = std::sqrt(pi) - std::sqrt(qi);
        t[Hel][i] = 0.5 * h * h;
    }
    if (!in.terms.klPQ.empty())
        for (std::size_t i = 0; i < n; ++i)
            in.terms.klPQ[begin + i] = t[KlPQ][i] * in.factor;
    if (!in.terms.klQP.empty())
        for (std::size_t i = 0; i < n; ++i)
            in.terms.klQP[begin + i] = t[KlQP][i] * in.factor;
    if (!in.terms.js.empty())
        for (std::size_t i = 0; i < n; ++i)
            in.terms.js[begin + i] = std::max(t[Js][i], 0.0) * in.factor;

    for (int s = 0; s <= Hel; ++s)
        out.sums[s].add(blockSum(t[s], n));
    out.sums[MassP].add(blockSum(p, n));
    out.sums[MassQ].add(blockSum(q, n));
}

void processChunk(const Inputs &in, std::size_t begin, std::size_t end, Partial &out)
{
    for (std::size_t b = begin; b < end; b += kBlock)
        processBlock(in, b, std::min(kBlock, end - b), out);
}

void checkSizes(std::size_t n, std::span<const double> other, const char *what)
{
    if (!other.empty() && other.size() != n)
        throw std::invalid_argument(std::string("divergences: ") + what + " has " +
                                    std::to_string(other.size()) + " entries for " + std::to_string(n) +
                                    " events");
}

} // namespace

DivergenceTotals divergences(std::span<const double> p, std::span<const double> q, Unit unit,
                             const EventTerms &terms, std::span<const double> logP,
                             std::span<const double> logQ)
{
    const std::size_t n = p.size();
    checkSizes(n, q, "Q");
    if (q.size() != n)
        throw std::invalid_argument("divergences: P and Q have different lengths");
    checkSizes(n, logP, "log P");
    checkSizes(n, logQ, "log Q");
    checkSizes(n, terms.klPQ, "the KL(P||Q) output");
    checkSizes(n, terms.klQP, "the KL(Q||P) output");
    checkSizes(n, terms.js, "the JS output");

    const double factor = fromNats(unit);
    const Inputs in{p, q, logP, logQ, terms, factor};
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    std::vector<Partial> partials(std::max<std::size_t>(chunks, 1));

    const unsigned threads =
        n < kParallelFrom ? 1u : std::clamp(std::thread::hardware_concurrency(), 1u, 16u);
    auto work = [&](unsigned t) {
        for (std::size_t c = t; c < chunks; c += threads)
            processChunk(in, c * kChunk, std::min(n, (c + 1) * kChunk), partials[c]);
    };
    if (threads == 1) {
        work(0);
    } else {
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(work, t);
        work(0);
    }

    Partial total;
    for (const Partial &part : partials)
        for (int s = 0; s < SumCount; ++s)
            total.sums[s].add(part.sums[s]);

    DivergenceTotals r;
    r.klPQ = total.sums[KlPQ].value() * factor;
    r.klQP = total.sums[KlQP].value() * factor;
    r.js = std::max(total.sums[Js].value(), 0.0) * factor;
    r.jsDistance = std::sqrt(r.js);
    r.entropyP = total.sums[HP].value() * factor;
    r.entropyQ = total.sums[HQ].value() * factor;
    r.crossEntropyPQ = total.sums[XPQ].value() * factor;
    r.crossEntropyQP = total.sums[XQP].value() * factor;
    r.totalVariation = total.sums[Tv].value();
    r.hellinger = std::sqrt(std::max(total.sums[Hel].value(), 0.0));
    r.massP = total.sums[MassP].value();
    r.massQ = total.sums[MassQ].value();
    return r;
}

std::vector<std::size_t> eventsWhereInfinite(std::span<const double> a, std::span<const double> b,
                                             std::span<const double> logA, std::span<const double> logB)
{
    std::vector<std::size_t> events;
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const bool hasA = logA.empty() ? a[i] > 0.0 : logA[i] > -kInf;
        const bool hasB = logB.empty() ? b[i] > 0.0 : logB[i] > -kInf;
        if (hasA && !hasB)
            events.push_back(i);
    }
    return events;
}

} // namespace klscope
