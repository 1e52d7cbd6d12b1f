// klscope-cli bench --fit: milliseconds for a fit in both directions with 16 starts (the two-component
// mixture 1/2 N(-3, 1) + 1/2 N(3, 1) as P, a normal Q: the closed-form forward fit and the multistart reverse
// one) and for a 128 x 128 landscape of KL both ways over (mu, sigma) of the same pair, on the machine's
// cores. Each figure is the median over repeats (9 for the fit, 5 for the landscape).
// edit_during_landscape_ms emulates the Fit page while a landscape computes: a worker thread recomputes the
// 128 x 128 landscape over and over (on the cores, as the page's landscape job does), and the main thread
// edits P (moves the second mode by a small step, parses the new spec) and refits it as the page's fit job
// does: forward, reverse and alpha = 1/2. The refit holds a LandscapeYield, as the page's fit job does, so
// the landscape keeps to one thread meanwhile. edit_two_fits_ms is the same edit refitting forward and
// reverse only: the page draws those two as soon as they are found, before the alpha fit (a multistart search
// over a quadrature, most of the round's time) arrives;
// edit_contended_ms is the page's refit without the yield (the landscape on every core throughout). Each is
// the median of 7 edits.

#include "fitcommands.h"

#include "cliutil.h"

#include "continuousspec.h"
#include "fitter.h"
#include "landscape.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
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

// The median time of an edit of P and its refit while a landscape computes on another thread.
double editDuringLandscapeMs(bool yield, bool alphaFit)
{
    const klscope::FitObjective objective(
        klscope::parseContinuousSpec("gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=3,sigma2=1"),
        klscope::FitFamily::Normal);
    const double base[2] = {0.0, 1.0};
    const klscope::LandscapeAxis x{0, -6.0, 6.0, 128};
    const klscope::LandscapeAxis y{1, 0.3, 6.0, 128};
    std::atomic<bool> stop{false};
    std::atomic<int> landscapes{0};
    std::jthread background([&] {
        while (!stop.load()) {
            (void)klscope::computeLandscape(objective, base, x, y, [&stop] { return stop.load(); });
            landscapes.fetch_add(1);
        }
    });
    // Let the landscape get going on every thread before the first edit.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    int edit = 0;
    const double ms = medianMs(7, [&] {
        std::optional<klscope::LandscapeYield> gate;
        if (yield)
            gate.emplace();
        const std::string spec =
            "gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=" + std::to_string(3.0 + 0.01 * ++edit) + ",sigma2=1";
        const klscope::FitObjective edited(klscope::parseContinuousSpec(spec), klscope::FitFamily::Normal);
        klscope::FitOptions alpha;
        alpha.alpha = 0.5;
        (void)klscope::fit(edited, klscope::FitDirection::Forward);
        (void)klscope::fit(edited, klscope::FitDirection::Reverse);
        if (alphaFit)
            (void)klscope::fit(edited, klscope::FitDirection::Alpha, alpha);
    });
    stop.store(true);
    return ms;
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
    const double editMs = editDuringLandscapeMs(true, true);
    const double twoFitsMs = editDuringLandscapeMs(true, false);
    const double contendedMs = editDuringLandscapeMs(false, true);
    char buffer[1024];
    if (json) {
        std::snprintf(
            buffer, sizeof buffer,
            "{\"benchmark\":\"fit\",\"fit_ms\":%.3f,\"landscape_ms\":%.3f,"
            "\"edit_during_landscape_ms\":%.3f,\"edit_two_fits_ms\":%.3f,\"edit_contended_ms\":%.3f,"
            "\"starts\":16,"
            "\"minima\":%zu,\"landscape_nodes\":16384,\"threads\":%u}\n",
            fitMs, landscapeMs, editMs, twoFitsMs, contendedMs, minima, threads);
    } else {
        std::snprintf(buffer, sizeof buffer,
                      "fitting a normal Q to 1/2 N(-3,1) + 1/2 N(3,1)\n"
                      "  fit, forward and reverse, 16 starts   %9.3f ms (median of 9; %zu minima)\n"
                      "  landscape 128x128, KL both ways       %9.3f ms (median of 5, %u threads)\n"
                      "  an edit of P and its refit while a landscape computes (median of 7; target 16 ms)\n"
                      "    forward, reverse and alpha, the landscape yielding       %9.3f ms\n"
                      "    forward and reverse (drawn first), the landscape yielding %6.3f ms\n"
                      "    forward, reverse and alpha, the landscape on every core  %9.3f ms\n",
                      fitMs, minima, landscapeMs, threads, editMs, twoFitsMs, contendedMs);
    }
    writeOut(buffer);
    return 0;
}

} // namespace cli
