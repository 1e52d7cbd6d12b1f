#pragma once

// Benchmark of the window on a continuous pair: the real MainWindow's comparison page, a parameter of
// Q dragged as a slider would (one drag, one edit per step), each edit timed until the comparison is
// recomputed, every plot of the page replotted and repainted. Normal against Student t needs quadrature
// for KL(Q‖P), so this is the slow path of the continuous domain. A second scenario drags a mixture's
// component while the Monte Carlo panel's 10^6-sample run works in the background.

namespace klscope {

struct GuiContinuousBenchResult
{
    int edits = 0;
    double medianMs = 0, p95Ms = 0, maxMs = 0; ///< normal vs t5, edit to repainted plots
    double cpuMedianMs = 0;                    ///< the window thread's CPU time per edit
    double coreMedianMs = 0;                   ///< compareContinuous alone on the same pairs
    double monteCarloMedianMs = 0;             ///< gmm vs normal edits while Monte Carlo runs
    double monteCarloP95Ms = 0;
    int monteCarloEditsWhileRunning = 0; ///< of those, how many started while a run was in flight
};

GuiContinuousBenchResult benchGuiContinuous(int editsPerScenario = 30);

} // namespace klscope
