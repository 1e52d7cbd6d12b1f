// klscope-cli bench --normal2: the median edit→replot of the 2-D page (guibenchnormal2.cpp): the window at
// 1280 × 800, P dragged, each edit until both maps (at pixel resolution) are replotted and repainted.

#include "benchnormal2.h"

#include "cliutil.h"

#include "guibenchnormal2.h"

#include <cstdio>
#include <exception>

namespace cli {

int benchNormal2(bool json)
{
    klscope::GuiNormal2BenchResult r;
    try {
        r = klscope::benchGuiNormal2();
    } catch (const std::exception &e) {
        printError(QString::fromUtf8(e.what()));
        return kInvalidData;
    }
    char buffer[512];
    if (json) {
        std::snprintf(
            buffer, sizeof buffer,
            "{\"benchmark\":\"normal2\",\"edits\":%d,\"edit_replot_ms\":%.2f,\"p95_ms\":%.2f,"
            "\"max_ms\":%.2f,\"cpu_median_ms\":%.2f,\"density_map\":[%d,%d],\"integrand_map\":[%d,%d]}\n",
            r.edits, r.medianMs, r.p95Ms, r.maxMs, r.cpuMedianMs, r.mapWidth, r.mapHeight, r.integrandWidth,
            r.integrandHeight);
    } else {
        std::snprintf(
            buffer, sizeof buffer,
            "2-D page at 1280x800, %d edits of P in one drag (edit to replotted and repainted maps)\n"
            "  edit_replot_ms  median %.2f ms, p95 %.2f ms, max %.2f ms\n"
            "  CPU time of the window thread per edit, median %.2f ms\n"
            "  density map %d x %d cells, integrand map %d x %d cells (one per pixel)\n",
            r.edits, r.medianMs, r.p95Ms, r.maxMs, r.cpuMedianMs, r.mapWidth, r.mapHeight, r.integrandWidth,
            r.integrandHeight);
    }
    writeOut(buffer);
    return 0;
}

} // namespace cli
