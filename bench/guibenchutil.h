#pragma once

// What both window benchmarks (guibench.cpp, guibenchcontinuous.cpp) measure with: wall and thread CPU
// time, a paint counter for plot canvases, and median / p95 / max of a list of timings.

#include <QEvent>
#include <QObject>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <time.h>
#include <vector>

namespace klscope::guibench {

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// CPU time of this thread: on a machine shared with other jobs the wall clock also counts their turns.
inline double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

/// Counts paint events on a plot canvas, so a timing ends at a real paint.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

struct Stats
{
    double median = 0, p95 = 0, max = 0;
};

inline Stats stats(std::vector<double> ms)
{
    Stats s;
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    s.median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
    s.p95 = ms[std::min(ms.size() - 1, static_cast<std::size_t>(std::ceil(0.95 * double(ms.size()))) - 1)];
    s.max = ms.back();
    return s;
}

} // namespace klscope::guibench
