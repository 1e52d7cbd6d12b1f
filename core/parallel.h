#pragma once

// The core's one way of spreading a loop over the cores: fixed chunks dealt round-robin to threads.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace klscope {

/// Calls work(c, begin, end) for every chunk c = [c·chunk, min(n, (c+1)·chunk)) of [0, n). When
/// n >= parallelFrom up to hardware_concurrency() threads (at most 16, the caller being one) each take
/// the next chunk not yet taken, so a thread the system holds back leaves its share to the others; else
/// the chunks run in order on the calling thread. Chunk c always covers the same events, so work that
/// writes per-chunk results, combined afterwards in chunk order, gives the same answer whatever the
/// thread count and timing. `work` must not throw.
template <class Work>
void forEachChunk(std::size_t n, std::size_t chunk, std::size_t parallelFrom, const Work &work)
{
    const std::size_t chunks = (n + chunk - 1) / chunk;
    const std::size_t threads =
        n < parallelFrom
            ? 1
            : std::min<std::size_t>({std::max(std::thread::hardware_concurrency(), 1u), 16, chunks});
    if (threads <= 1) {
        for (std::size_t c = 0; c < chunks; ++c)
            work(c, c * chunk, std::min(n, (c + 1) * chunk));
        return;
    }
    std::atomic<std::size_t> next{0};
    const auto run = [&] {
        for (std::size_t c; (c = next.fetch_add(1, std::memory_order_relaxed)) < chunks;)
            work(c, c * chunk, std::min(n, (c + 1) * chunk));
    };
    std::vector<std::jthread> pool;
    pool.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(run);
    run();
}

} // namespace klscope
