// The loss landscape over a grid of Q's parameters (landscape.h).

#include "landscape.h"

#include "parallel.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <string>

namespace klscope {

namespace {

void checkAxis(const FitObjective &objective, const LandscapeAxis &a)
{
    const auto info = fitParameters(objective.family());
    if (a.parameter >= info.size())
        throw std::invalid_argument("the landscape's axis names no parameter of the family");
    if (!(a.from < a.to))
        throw std::invalid_argument("the landscape's range of " + std::string(info[a.parameter].name) +
                                    " must have A < B");
    if (a.count < 2)
        throw std::invalid_argument("the landscape needs at least 2 nodes along each axis");
}

std::atomic<int> g_yields{0};

} // namespace

LandscapeYield::LandscapeYield() noexcept
{
    g_yields.fetch_add(1, std::memory_order_relaxed);
}

LandscapeYield::~LandscapeYield()
{
    g_yields.fetch_sub(1, std::memory_order_relaxed);
}

bool LandscapeYield::active() noexcept
{
    return g_yields.load(std::memory_order_relaxed) > 0;
}

Landscape computeLandscape(const FitObjective &objective, std::span<const double> base,
                           const LandscapeAxis &x, const std::optional<LandscapeAxis> &y,
                           const std::function<bool()> &cancelled)
{
    checkAxis(objective, x);
    if (y) {
        checkAxis(objective, *y);
        if (y->parameter == x.parameter)
            throw std::invalid_argument("the landscape's two axes are the same parameter");
    }
    if (base.size() != fitParameters(objective.family()).size())
        throw std::invalid_argument("the landscape needs a value for every parameter of the family");
    Landscape l;
    l.x = x;
    l.y = y;
    const std::size_t rows = y ? y->count : 1;
    const std::size_t nodes = rows * x.count;
    l.klPQ.assign(nodes, std::numeric_limits<double>::quiet_NaN());
    l.klQP.assign(nodes, std::numeric_limits<double>::quiet_NaN());
    std::atomic<bool> stop{false};
    const std::vector<double> start(base.begin(), base.end());
    // While foreground work runs (a LandscapeYield is alive) a row takes this lock first, so one thread
    // computes and the others wait without using a core.
    std::mutex serial;
    forEachChunk(rows, 1, 2, [&](std::size_t, std::size_t begin, std::size_t end) {
        std::vector<double> p = start;
        for (std::size_t j = begin; j < end; ++j) {
            std::unique_lock<std::mutex> lock(serial, std::defer_lock);
            if (LandscapeYield::active())
                lock.lock();
            if (stop.load(std::memory_order_relaxed) || (cancelled && cancelled())) {
                stop.store(true, std::memory_order_relaxed);
                return;
            }
            if (y)
                p[y->parameter] = y->at(j);
            for (std::size_t i = 0; i < x.count; ++i) {
                p[x.parameter] = x.at(i);
                const KlPair kl = objective.kl(p);
                l.klPQ[j * x.count + i] = kl.pq;
                l.klQP[j * x.count + i] = kl.qp;
            }
        }
    });
    l.cancelled = stop.load();
    return l;
}

void computeLandscapeProgressively(const FitObjective &objective, std::span<const double> base,
                                   const LandscapeAxis &x, const std::optional<LandscapeAxis> &y,
                                   const std::function<void(const Landscape &)> &deliver,
                                   const std::function<bool()> &cancelled)
{
    for (const std::size_t divisor : {8u, 4u, 2u, 1u}) {
        LandscapeAxis cx = x;
        cx.count = std::max<std::size_t>(2, x.count / divisor);
        std::optional<LandscapeAxis> cy = y;
        if (cy)
            cy->count = std::max<std::size_t>(2, y->count / divisor);
        const Landscape l = computeLandscape(objective, base, cx, cy, cancelled);
        if (l.cancelled)
            return;
        deliver(l);
    }
}

} // namespace klscope
