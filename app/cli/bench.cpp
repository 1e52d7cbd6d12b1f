// klscope-cli bench: times the core's fused pass.

#include "cliutil.h"

#include "eventrange.h"
#include "fusedpassbench.h"

#include <QCommandLineParser>

#include <cstdio>

namespace cli {

int bench(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption events(QStringLiteral("events"),
                                    QStringLiteral("Number of events (default 1000000)."),
                                    QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption runs(QStringLiteral("runs"),
                                  QStringLiteral("Timed runs, at least 5 (default 9)."), QStringLiteral("R"),
                                  QStringLiteral("9"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({events, runs, json});
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
