#pragma once

// Benchmark of the interactive window: the real MainWindow, edited through its editors and document as
// a person's drags would, each edit timed until the metrics are recomputed, the three plots replotted
// and the whole window repainted. Needs a QApplication (offscreen is fine).

#include <cstddef>

namespace klscope {

struct GuiBenchResult
{
    std::size_t events = 0;
    int edits = 0;             ///< timed edits in all (half slider, half custom mass)
    double medianMs = 0;       ///< over all edits
    double p95Ms = 0;          ///< over all edits
    double maxMs = 0;          ///< slowest edit
    double sliderMedianMs = 0; ///< parameter slider drag on binomial(N−1, p) vs uniform 0..N−1
    double sliderP95Ms = 0;
    double massMedianMs = 0; ///< custom-mass drag on an N-event custom P vs an N-event custom Q
    double massP95Ms = 0;
    double cpuMedianMs = 0;   ///< median CPU time of the window's thread per edit (robust to a busy machine)
    double coreMedianMs = 0;  ///< median of klscope::compare alone on the same states (the core's share)
    double launchMs = 0;      ///< window construction to the first paint of all three plots
    double peakMemoryMiB = 0; ///< peak resident set of the process at the end (getrusage)
};

/// Opens the window, then times `editsPerScenario` slider edits and as many custom-mass edits on
/// pairs with `events` events each.
GuiBenchResult benchGui(std::size_t events, int editsPerScenario = 30);

} // namespace klscope
