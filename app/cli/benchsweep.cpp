// klscope-cli bench --sweep: milliseconds for a sweep of 1000 steps of q.p over a discrete pair of 100
// events (P binomial(99, 0.3) on 0..99, Q binomial(99, p)), the median of 9 runs, on the machine's cores.

#include "analysiscommands.h"

#include "cliutil.h"

#include "spec.h"
#include "sweep.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace cli {

int benchSweep(bool json)
{
    const klscope::Distribution p = klscope::parseSpec("binomial:n=99,p=0.3");
    const klscope::Distribution q = klscope::parseSpec("binomial:n=99,p=0.5");
    const klscope::SweepParameter parameter = klscope::parseSweepParameter("q.p");
    const klscope::SweepRange range{0.001, 0.999, 1000};
    using Clock = std::chrono::steady_clock;
    std::vector<double> runs;
    for (int r = 0; r < 9; ++r) {
        const auto start = Clock::now();
        const klscope::Sweep s = klscope::sweep(p, q, parameter, range);
        runs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (s.values.size() != range.steps)
            return kInvalidData;
    }
    std::sort(runs.begin(), runs.end());
    const double median = runs[runs.size() / 2];
    const unsigned threads = std::max(1u, std::min(16u, std::thread::hardware_concurrency()));
    char buffer[400];
    if (json)
        std::snprintf(
            buffer, sizeof buffer,
            "{\"benchmark\":\"sweep\",\"sweep_ms\":%.3f,\"min_ms\":%.3f,\"steps\":1000,\"events\":100,"
            "\"threads\":%u}\n",
            median, runs.front(), threads);
    else
        std::snprintf(buffer, sizeof buffer,
                      "sweep of q.p over binomial(99, 0.3) against binomial(99, p), 100 events, 1000 steps\n"
                      "  sweep  %9.3f ms (median of 9, min %.3f ms, %u threads)\n",
                      median, runs.front(), threads);
    writeOut(buffer);
    return 0;
}

} // namespace cli
