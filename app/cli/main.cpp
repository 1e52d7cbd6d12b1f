// klscope-cli: the command-line face of the core.
//   klscope-cli compute --p SPEC --q SPEC [--support A..B] [--unit U] [--renormalize] [--json] [--summary]
//   klscope-cli bench [--events N] [--json]
// Exit codes: 0 success, 1 invalid data, 2 usage error; messages go to stderr.

#include "comparison.h"
#include "fusedpassbench.h"
#include "report.h"
#include "spec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <stdexcept>

namespace {

constexpr int kInvalidData = 1;
constexpr int kUsage = 2;

const char *const kSpecHelp =
    "SPEC: binomial:n=15,p=0.4 | uniform:a=0,b=14 | poisson:lambda=3.5 | geometric:p=0.3\n"
    "    | negative_binomial:r=5,p=0.4 | hypergeometric:N=50,K=20,n=10 | bernoulli:p=0.3\n"
    "    | custom:0.2,0.5,0.3   (numbers may be fractions such as 7/15)";

void printError(const QString &message)
{
    std::fprintf(stderr, "klscope-cli: %s\n", qPrintable(message));
}

int usage(const QString &message)
{
    printError(message);
    std::fprintf(stderr, "Run 'klscope-cli --help' for usage.\n");
    return kUsage;
}

void writeOut(const std::string &text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
}

// Parses the subcommand's own options; returns false (after reporting) on a usage error.
bool parseOptions(QCommandLineParser &parser, const QStringList &arguments, QString *error)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return false;
    }
    return true;
}

int compute(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption p(QStringLiteral("p"), QStringLiteral("Distribution P."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption q(QStringLiteral("q"), QStringLiteral("Distribution Q."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption support(QStringLiteral("support"),
                                     QStringLiteral("Evaluate both on A..B as given (no renormalising)."),
                                     QStringLiteral("A..B"));
    const QCommandLineOption unit(QStringLiteral("unit"), QStringLiteral("nats, bits or bans."),
                                  QStringLiteral("UNIT"), QStringLiteral("nats"));
    const QCommandLineOption renormalize(QStringLiteral("renormalize"),
                                         QStringLiteral("Rescale P and Q to sum to 1 on the support."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption summary(QStringLiteral("summary"),
                                     QStringLiteral("Leave out the per-event terms."));
    parser.addOptions({p, q, support, unit, renormalize, json, summary});

    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString() + kSpecHelp + "\n");
        return 0;
    }
    if (!parser.isSet(p) || !parser.isSet(q))
        return usage(QStringLiteral("compute needs both --p SPEC and --q SPEC"));
    const auto parsedUnit = klscope::parseUnit(parser.value(unit).toStdString());
    if (!parsedUnit)
        return usage(QStringLiteral("--unit must be nats, bits or bans, got '%1'").arg(parser.value(unit)));

    klscope::CompareOptions options;
    options.unit = *parsedUnit;
    options.renormalize = parser.isSet(renormalize);
    options.perEvent = !parser.isSet(summary);
    try {
        if (parser.isSet(support))
            options.support = klscope::parseSupport(parser.value(support).toStdString());
    } catch (const std::invalid_argument &e) {
        return usage(QString::fromStdString(e.what()));
    }
    try {
        const auto pd = [&] {
            try {
                return klscope::parseSpec(parser.value(p).toStdString());
            } catch (const std::invalid_argument &e) {
                throw std::invalid_argument(std::string("--p: ") + e.what());
            }
        }();
        const auto qd = [&] {
            try {
                return klscope::parseSpec(parser.value(q).toStdString());
            } catch (const std::invalid_argument &e) {
                throw std::invalid_argument(std::string("--q: ") + e.what());
            }
        }();
        const klscope::Comparison c = klscope::compare(pd, qd, options);
        if (parser.isSet(json)) {
            writeOut(klscope::toJson(c, options.perEvent));
        } else {
            writeOut("P: " + klscope::describe(pd) + "\nQ: " + klscope::describe(qd) + "\n");
            writeOut(klscope::toText(c, options.perEvent));
        }
    } catch (const std::invalid_argument &e) {
        printError(QString::fromStdString(e.what()));
        return kInvalidData;
    } catch (const std::bad_alloc &) {
        printError(QStringLiteral("not enough memory for this support"));
        return kInvalidData;
    }
    return 0;
}

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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("klscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KLSCOPE_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.size() > 1 ? arguments.at(1) : QString();
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        writeOut("Usage: klscope-cli COMMAND [options]\n\n"
                 "Commands:\n"
                 "  compute   KL(P||Q), KL(Q||P), JS, entropies, cross entropies, TV and Hellinger for two\n"
                 "            distributions, with every per-event term\n"
                 "  bench     time the core's fused pass\n\n"
                 "Run 'klscope-cli COMMAND --help' for a command's options.\n");
        writeOut(std::string(kSpecHelp) + "\n");
        return command.isEmpty() ? kUsage : 0;
    }
    if (command == QLatin1String("--version")) {
        writeOut("klscope-cli " KLSCOPE_VERSION "\n");
        return 0;
    }
    arguments.removeAt(1);
    if (command == QLatin1String("compute"))
        return compute(arguments);
    if (command == QLatin1String("bench"))
        return bench(arguments);
    return usage(QStringLiteral("unknown command '%1' (expected compute or bench)").arg(command));
}
