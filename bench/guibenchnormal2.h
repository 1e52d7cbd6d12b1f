#pragma once

// Benchmark of the 2-D page: the real MainWindow at 1280 × 800 showing the 2-D page, P's mean and
// covariance dragged as a mouse drag would (one drag, one edit per step), each edit timed until both
// plots (the density heatmaps and the integrand map, sampled at their pixel resolution, with the
// ellipses) are replotted and repainted and the closed-form metrics rewritten. The cubature (JS, TV)
// waits for the drag's end, so it is not part of an edit.

namespace klscope {

struct GuiNormal2BenchResult
{
    int edits = 0;
    double medianMs = 0, p95Ms = 0, maxMs = 0; ///< edit to repainted plots
    double cpuMedianMs = 0;                    ///< the window thread's CPU time per edit
    int mapWidth = 0, mapHeight = 0;           ///< the density plot's map, in cells (= pixels)
    int integrandWidth = 0, integrandHeight = 0;
};

GuiNormal2BenchResult benchGuiNormal2(int edits = 40);

} // namespace klscope
