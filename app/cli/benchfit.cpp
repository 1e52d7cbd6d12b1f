// klscope-cli bench --fit: milliseconds for a fit in both directions with 16 starts (the two-component
// mixture 1/2 N(-3, 1) + 1/2 N(3, 1) as P, a normal Q: the closed-form forward fit and the multistart reverse
// one), for the alpha = 1/2 fit alone with 16 starts, and for a 128 x 128 landscape of KL both ways over
// (mu, sigma) of the same pair, on the machine's cores. Each figure is the median over repeats (9 for the
// fits, 5 for the landscape).
// The edit figures emulate the Fit page while a landscape computes: a worker thread recomputes the 128 x 128
// landscape over and over (on the cores, as the page's landscape job does), and the main thread edits P
// (moves the second mode by 0.01, parses the new spec) and refits it as the page's fit job does, holding a
// LandscapeYield as that job does (the landscape keeps to one thread meanwhile). Each is the median of 7
// edits in a row:
//   * edit_during_landscape_ms: an edit while P is dragged, as the page refits it: the forward fit, the
//     reverse fit warm-started from the previous edit's minima and the forward fit, and the alpha = 1/2 fit
//     warm-started from the previous edit's alpha fit and this edit's forward and reverse fits (what a
//     person sees on every mouse move);
//   * edit_two_fits_ms: the same edit's forward and reverse fits, which the page draws first;
//   * edit_contended_ms: the drag's edit without the yield (the landscape on every core throughout);
//   * release_refit_ms: the round that follows the drag's end: forward, reverse and alpha, all multistart.

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

enum class Refit
{
    TwoFits, ///< forward and reverse
    Drag,    ///< forward, reverse and the alpha fit warm-started (a drag)
    Full     ///< forward, reverse and the alpha multistart (the end of a drag)
};

// The median time of an edit of P and its refit while a landscape computes on another thread.
double editDuringLandscapeMs(bool yield, Refit refit)
{
    const klscope::FitObjective objective(
        klscope::parseContinuousSpec("gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=3,sigma2=1"),
        klscope::FitFamily::Normal);
    klscope::FitOptions alpha;
    alpha.alpha = 0.5;
    // The drag starts from the round before it, in full.
    std::optional<klscope::FitResult> previousAlpha =
        klscope::fit(objective, klscope::FitDirection::Alpha, alpha);
    std::optional<klscope::FitResult> previousReverse =
        klscope::fit(objective, klscope::FitDirection::Reverse);
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
        std::string spec = "gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=";
        spec += std::to_string(3.0 + 0.01 * ++edit);
        spec += ",sigma2=1";
        const klscope::FitObjective edited(klscope::parseContinuousSpec(spec), klscope::FitFamily::Normal);
        const klscope::FitResult forward = klscope::fit(edited, klscope::FitDirection::Forward);
        klscope::FitOptions reverseOptions;
        if (refit != Refit::Full)
            reverseOptions.startPoints = klscope::warmStarts({&*previousReverse, &forward});
        const klscope::FitResult reverse =
            klscope::fit(edited, klscope::FitDirection::Reverse, reverseOptions);
        previousReverse = reverse;
        if (refit == Refit::TwoFits)
            return;
        klscope::FitOptions options = alpha;
        if (refit == Refit::Drag)
            options.startPoints = klscope::warmStarts({&*previousAlpha, &forward, &reverse});
        previousAlpha = klscope::fit(edited, klscope::FitDirection::Alpha, options);
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
    klscope::FitOptions alpha;
    alpha.alpha = 0.5;
    const double alphaMs =
        medianMs(9, [&] { (void)klscope::fit(objective, klscope::FitDirection::Alpha, alpha); });
    const unsigned threads = std::max(1u, std::min(16u, std::thread::hardware_concurrency()));
    const double editMs = editDuringLandscapeMs(true, Refit::Drag);
    const double twoFitsMs = editDuringLandscapeMs(true, Refit::TwoFits);
    const double contendedMs = editDuringLandscapeMs(false, Refit::Drag);
    const double releaseMs = editDuringLandscapeMs(true, Refit::Full);
    char buffer[1536];
    if (json) {
        std::snprintf(
            buffer, sizeof buffer,
            "{\"benchmark\":\"fit\",\"fit_ms\":%.3f,\"landscape_ms\":%.3f,\"alpha_fit_ms\":%.3f,"
            "\"edit_during_landscape_ms\":%.3f,\"edit_two_fits_ms\":%.3f,\"edit_contended_ms\":%.3f,"
            "\"release_refit_ms\":%.3f,\"starts\":16,"
            "\"minima\":%zu,\"landscape_nodes\":16384,\"threads\":%u}\n",
            fitMs, landscapeMs, alphaMs, editMs, twoFitsMs, contendedMs, releaseMs, minima, threads);
    } else {
        std::snprintf(buffer, sizeof buffer,
                      "fitting a normal Q to 1/2 N(-3,1) + 1/2 N(3,1)\n"
                      "  fit, forward and reverse, 16 starts   %9.3f ms (median of 9; %zu minima)\n"
                      "  alpha = 1/2 fit, 16 starts            %9.3f ms (median of 9)\n"
                      "  landscape 128x128, KL both ways       %9.3f ms (median of 5, %u threads)\n"
                      "  an edit of P and its refit while a landscape computes (median of 7; target 16 ms)\n"
                      "    during a drag: forward, warm reverse and alpha, the landscape yielding %6.3f ms\n"
                      "    forward and warm reverse (drawn first), the landscape yielding      %9.3f ms\n"
                      "    during a drag, the landscape on every core                         %9.3f ms\n"
                      "  the drag's end: forward, reverse, alpha with 16 starts, yielding      %9.3f ms\n",
                      fitMs, minima, alphaMs, landscapeMs, threads, editMs, twoFitsMs, contendedMs,
                      releaseMs);
    }
    writeOut(buffer);
    return 0;
}

} // namespace cli
