#include "divergence.h"

#include "divergencekernel.h"
#include "neumaiersum.h"
#include "parallel.h"
#include "vectormath.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace klscope {

namespace {

using kernel::SumCount;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kBlock = kernel::kMaxBlock; // events per block; the block's scratch stays in L1
constexpr std::size_t kChunk = 1u << 15;          // events per unit of parallel work
constexpr std::size_t kParallelFrom = 1u << 17;

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

using BlockKernel = void (*)(const kernel::Block &, double *) noexcept;

void processChunk(const Inputs &in, std::size_t begin, std::size_t end, Partial &out, BlockKernel blockSums)
{
    alignas(64) double lp[kBlock], lq[kBlock], lm[kBlock], m[kBlock];
    double sums[SumCount];
    for (std::size_t first = begin; first < end; first += kBlock) {
        const std::size_t n = std::min(kBlock, end - first);
        const double *p = in.p.data() + first;
        const double *q = in.q.data() + first;
        for (std::size_t i = 0; i < n; ++i)
            m[i] = 0.5 * (p[i] + q[i]);
        const double *logP = lp;
        const double *logQ = lq;
        if (in.logP.empty())
            vectorLog(p, lp, n);
        else
            logP = in.logP.data() + first;
        if (in.logQ.empty())
            vectorLog(q, lq, n);
        else
            logQ = in.logQ.data() + first;
        vectorLog(m, lm, n);

        const auto out_ = [&](std::span<double> s) {
            return s.empty() ? nullptr : s.data() + first;
        };
        const kernel::Block block{
            p,         q, logP, logQ, lm, m, out_(in.terms.klPQ), out_(in.terms.klQP), out_(in.terms.js),
            in.factor, n};
        blockSums(block, sums);
        for (int s = 0; s < SumCount; ++s)
            out.sums[s].add(sums[s]);
    }
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

    const BlockKernel blockSums = kernel::haveAvx512Kernel() ? kernel::blockSumsAvx512
                                  : kernel::haveAvx2Kernel() ? kernel::blockSumsAvx2
                                                             : kernel::blockSumsPortable;
    forEachChunk(n, kChunk, kParallelFrom, [&](std::size_t c, std::size_t begin, std::size_t end) {
        processChunk(in, begin, end, partials[c], blockSums);
        kernel::streamFence(); // the chunk's streamed outputs are visible before its thread ends
    });

    Partial total;
    for (const Partial &part : partials)
        for (int s = 0; s < SumCount; ++s)
            total.sums[s].add(part.sums[s]);

    DivergenceTotals r;
    using namespace kernel;
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

InfiniteEvents eventsWhereInfinite(std::span<const double> a, std::span<const double> b,
                                   std::span<const double> logA, std::span<const double> logB,
                                   std::size_t maxListed)
{
    InfiniteEvents events;
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const bool hasA = logA.empty() ? a[i] > 0.0 : logA[i] > -kInf;
        const bool hasB = logB.empty() ? b[i] > 0.0 : logB[i] > -kInf;
        if (hasA && !hasB) {
            if (events.count < maxListed)
                events.listed.push_back(i);
            ++events.count;
        }
    }
    return events;
}

} // namespace klscope
