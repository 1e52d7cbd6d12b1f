// klscope-cli bench --fit: milliseconds for a fit in both directions with 16 starts (the two-component
// mixture 1/2 N(-3, 1) + 1/2 N(3, 1) as P, a normal Q: the closed-form forward fit and the multistart reverse
// one) and for a 128 x 128 landscape of KL both ways over (mu, sigma) of the same pair, on the machine's
// cores. Each figure is the median over repeats (9 for the fit, 5 for the landscape).

#include "fitcommands.h"

#include "cliutil.h"

#include "continuousspec.h"
#include "fitter.h"
#include "landscape.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace cli {

namespace {

template <class Work> double medianMs(int repeats, const Work &work)
{
    using Clock = std::chrono::steady_clock;
    std::vector<double> runs;
    for (int r = 0; r < repeats; ++r) {
        const auto start = Clock::now();
        work();
        runs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

} // namespace

int benchFit(bool json)
{
    const klscope::FitObjective objective(
        klscope::parseContinuousSpec("gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=3,sigma2=1"),
        klscope::FitFamily::Normal);
    std::size_t minima = 0;
    const double fitMs = medianMs(9, [&] {
        minima = klscope::fit(objective, klscope::FitDirection::Forward).minima.size() +
                 klscope::fit(objective, klscope::FitDirection::Reverse).minima.size();
    });
    const double base[2] = {0.0, 1.0};
    const klscope::LandscapeAxis x{0, -6.0, 6.0, 128};
    const klscope::LandscapeAxis y{1, 0.3, 6.0, 128};
    const double landscapeMs = medianMs(5, [&] { (void)klscope::computeLandscape(objective, base, x, y); });
    const unsigned threads = std::max(1u, std::min(16u, std::thread::hardware_concurrency()));
    char buffer[512];
    if (json) {
        std::snprintf(buffer, sizeof buffer,
                      "{\"benchmark\":\"fit\",\"fit_ms\":%.3f,\"landscape_ms\":%.3f,\"starts\":16,"
                      "\"minima\":%zu,\"landscape_nodes\":16384,\"threads\":%u}\n",
                      fitMs, landscapeMs, minima, threads);
    } else {
        std::snprintf(buffer, sizeof buffer,
                      "fitting a normal Q to 1/2 N(-3,1) + 1/2 N(3,1)\n"
                      "  fit, forward and reverse, 16 starts   %9.3f ms (median of 9; %zu minima)\n"
                      "  landscape 128x128, KL both ways       %9.3f ms (median of 5, %u threads)\n",
                      fitMs, minima, landscapeMs, threads);
    }
    writeOut(buffer);
    return 0;
}

} // namespace cli
