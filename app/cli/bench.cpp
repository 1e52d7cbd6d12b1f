// klscope-cli bench: times the core's fused pass, or with --gui the interactive window (edit to
// repainted window).

#include "analysiscommands.h"
#include "benchnormal2.h"
#include "cliutil.h"
#include "computecontinuous.h"
#include "fitcommands.h"
#include "multivariatecommands.h"

#include "eventrange.h"
#include "fusedpassbench.h"
#include "guibench.h"
#include "guibenchcontinuous.h"

#include <QCommandLineParser>

#include <cstdio>
#include <exception>

namespace cli {

namespace {

int benchGui(std::size_t events, int edits, bool json)
{
    klscope::GuiBenchResult r;
    try {
        r = klscope::benchGui(events, edits);
    } catch (const std::exception &e) {
        printError(QString::fromUtf8(e.what()));
        return kInvalidData;
    }
    char buffer[768];
    if (json) {
        std::snprintf(
            buffer, sizeof buffer,
            "{\"benchmark\":\"gui\",\"events\":%zu,\"edits\":%d,\"median_ms\":%.2f,\"p95_ms\":%.2f,"
            "\"max_ms\":%.2f,\"slider_median_ms\":%.2f,\"slider_p95_ms\":%.2f,\"mass_median_ms\":%.2f,"
            "\"mass_p95_ms\":%.2f,\"cpu_median_ms\":%.2f,\"core_median_ms\":%.2f,\"launch_ms\":%.1f,\"peak_"
            "memory_mb\":%.1f}\n",
            r.events, r.edits, r.medianMs, r.p95Ms, r.maxMs, r.sliderMedianMs, r.sliderP95Ms, r.massMedianMs,
            r.massP95Ms, r.cpuMedianMs, r.coreMedianMs, r.launchMs, r.peakMemoryMiB);
    } else {
        std::snprintf(buffer, sizeof buffer,
                      "window over %zu events, %d edits (edit to recomputed metrics, replotted plots, "
                      "repainted window)\n"
                      "  all edits      median %.2f ms, p95 %.2f ms, max %.2f ms\n"
                      "  slider drag    median %.2f ms, p95 %.2f ms\n"
                      "  bar drag       median %.2f ms, p95 %.2f ms\n"
                      "  CPU time of the window thread per edit, median %.2f ms\n"
                      "  the core's compare() alone on the same states, median %.2f ms\n"
                      "  launch to first paint %.1f ms, peak memory %.1f MiB\n",
                      r.events, r.edits, r.medianMs, r.p95Ms, r.maxMs, r.sliderMedianMs, r.sliderP95Ms,
                      r.massMedianMs, r.massP95Ms, r.cpuMedianMs, r.coreMedianMs, r.launchMs,
                      r.peakMemoryMiB);
    }
    writeOut(buffer);
    return 0;
}

int benchGuiContinuous(bool json)
{
    klscope::GuiContinuousBenchResult r;
    try {
        r = klscope::benchGuiContinuous();
    } catch (const std::exception &e) {
        printError(QString::fromUtf8(e.what()));
        return kInvalidData;
    }
    char buffer[768];
    if (json) {
        std::snprintf(buffer, sizeof buffer,
                      "{\"benchmark\":\"gui_continuous\",\"edits\":%d,\"median_ms\":%.2f,\"p95_ms\":%.2f,"
                      "\"max_ms\":%.2f,\"cpu_median_ms\":%.2f,\"core_median_ms\":%.2f,"
                      "\"monte_carlo_median_ms\":%.2f,\"monte_carlo_p95_ms\":%.2f,"
                      "\"edits_while_monte_carlo_ran\":%d}\n",
                      r.edits, r.medianMs, r.p95Ms, r.maxMs, r.cpuMedianMs, r.coreMedianMs,
                      r.monteCarloMedianMs, r.monteCarloP95Ms, r.monteCarloEditsWhileRunning);
    } else {
        std::snprintf(buffer, sizeof buffer,
                      "window on a continuous pair, %d edits per drag (edit to recomputed metrics, "
                      "replotted and repainted plots)\n"
                      "  normal vs Student t (quadrature)   median %.2f ms, p95 %.2f ms, max %.2f ms\n"
                      "  CPU time of the window thread per edit, median %.2f ms\n"
                      "  compareContinuous alone on the same pairs, median %.2f ms\n"
                      "  mixture vs normal, Monte Carlo in the background: median %.2f ms, p95 %.2f ms "
                      "(%d edits began while a run was in flight)\n",
                      r.edits, r.medianMs, r.p95Ms, r.maxMs, r.cpuMedianMs, r.coreMedianMs,
                      r.monteCarloMedianMs, r.monteCarloP95Ms, r.monteCarloEditsWhileRunning);
    }
    writeOut(buffer);
    return 0;
}

} // namespace

int bench(const QStringList &arguments)
{
    // bench --gui --continuous [--json]: the window on a continuous pair (guibenchcontinuous.cpp).
    if (arguments.contains(QStringLiteral("--gui")) && arguments.contains(QStringLiteral("--continuous")))
        return benchGuiContinuous(arguments.contains(QStringLiteral("--json")));
    // bench --continuous [--json]: the continuous pairs and the KL evaluator (benchcontinuous.cpp).
    if (arguments.contains(QStringLiteral("--continuous")))
        return benchContinuous(arguments.contains(QStringLiteral("--json")));
    // bench --sweep [--json]: sweep_ms (benchsweep.cpp).
    if (arguments.contains(QStringLiteral("--sweep")))
        return benchSweep(arguments.contains(QStringLiteral("--json")));
    // bench --vae [--json]: loading a 10^5 x 512 VAE file (benchvae.cpp).
    if (arguments.contains(QStringLiteral("--vae")))
        return benchVae(arguments.contains(QStringLiteral("--json")));
    // bench --normal2 [--json]: the 2-D page's edit_replot_ms (benchnormal2.cpp).
    if (arguments.contains(QStringLiteral("--normal2")))
        return benchNormal2(arguments.contains(QStringLiteral("--json")));
    // bench --fit [--json]: fit_ms and landscape_ms (benchfit.cpp).
    if (arguments.contains(QStringLiteral("--fit")))
        return benchFit(arguments.contains(QStringLiteral("--json")));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption events(QStringLiteral("events"),
                                    QStringLiteral("Number of events (default 1000000)."),
                                    QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption runs(QStringLiteral("runs"),
                                  QStringLiteral("Timed runs, at least 5 (default 9)."), QStringLiteral("R"),
                                  QStringLiteral("9"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption gui(
        QStringLiteral("gui"), QStringLiteral("Time the window instead: slider and bar drags on pairs with N "
                                              "events, each edit until metrics, plots and window are "
                                              "redrawn (offscreen without a display)."));
    const QCommandLineOption edits(
        QStringLiteral("edits"), QStringLiteral("With --gui: timed edits per drag, at least 5 (default 30)."),
        QStringLiteral("E"), QStringLiteral("30"));
    parser.addOptions({events, runs, json, gui, edits});
    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString());
        return 0;
    }
    bool ok = false;
    const qlonglong n = parser.value(events).toLongLong(&ok);
    if (!ok || n < 1 || n > static_cast<qlonglong>(klscope::kMaxEvents))
        return usage(QStringLiteral("--events must be a whole number from 1 to %1, got '%2'")
                         .arg(klscope::kMaxEvents)
                         .arg(parser.value(events)));
    const int r = parser.value(runs).toInt(&ok);
    if (!ok || r < 5 || r > 1000)
        return usage(
            QStringLiteral("--runs must be a whole number from 5 to 1000, got '%1'").arg(parser.value(runs)));

    if (parser.isSet(gui)) {
        const int e = parser.value(edits).toInt(&ok);
        if (!ok || e < 5 || e > 1000)
            return usage(QStringLiteral("--edits must be a whole number from 5 to 1000, got '%1'")
                             .arg(parser.value(edits)));
        return benchGui(static_cast<std::size_t>(n), e, parser.isSet(json));
    }

    const auto result = klscope::benchFusedPass(static_cast<std::size_t>(n), r);
    char buffer[512];
    if (parser.isSet(json)) {
        std::snprintf(
            buffer, sizeof buffer,
            "{\"benchmark\":\"fused_pass\",\"events\":%zu,\"runs\":%d,\"ns_per_event\":%.4f,"
            "\"min_ns_per_event\":%.4f,\"peak_memory_mb\":%.1f,\"threads\":%u,\"vectorised_log\":%s}\n",
            result.events, result.runs, result.medianNsPerEvent, result.minNsPerEvent, result.peakMemoryMiB,
            result.threads, result.vectorisedLog ? "true" : "false");
    } else {
        std::snprintf(buffer, sizeof buffer,
                      "fused pass over %zu events (all metrics and per-event terms)\n"
                      "  median %.3f ns/event (min %.3f) over %d runs, %u threads, %s log\n"
                      "  peak memory %.1f MiB\n",
                      result.events, result.medianNsPerEvent, result.minNsPerEvent, result.runs,
                      result.threads, result.vectorisedLog ? "AVX2 libmvec" : "scalar", result.peakMemoryMiB);
    }
    writeOut(buffer);
    return 0;
}

} // namespace cli
