// klscope-cli compute: every metric and per-event term for two distributions, given as family specs
// or as files (file:PATH, samples:PATH; see core/import/filespec.h).

#include "cliutil.h"
#include "computecontinuous.h"
#include "multivariatecommands.h"

#include "comparison.h"
#include "filespec.h"
#include "labelalignment.h"
#include "report.h"
#include "spec.h"

#include <QCommandLineParser>

#include <new>
#include <stdexcept>

namespace cli {

int compute(const QStringList &arguments)
{
    // Continuous specs (normal:, gmm:, ...) take their own path; a discrete one against them is a usage
    // error.
    if (const auto twoD = computeNormal2IfAsked(arguments))
        return *twoD;
    if (const auto continuous = computeContinuousIfAsked(arguments))
        return *continuous;
    QCommandLineParser parser;
    parser.addHelpOption();
    const PairOptions shared;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption summary(QStringLiteral("summary"),
                                     QStringLiteral("Leave out the per-event terms."));
    parser.addOptions(shared.all() + QList<QCommandLineOption>{json, summary});

    if (const auto done = parsePairCommand(parser, arguments))
        return *done;
    if (!parser.isSet(shared.p) || !parser.isSet(shared.q))
        return usage(QStringLiteral("compute needs both --p SPEC and --q SPEC"));
    int exitCode = 0;
    const auto unitAndSupport = parseUnitAndSupport(parser, shared, &exitCode);
    if (!unitAndSupport)
        return exitCode;

    klscope::CompareOptions options;
    options.unit = unitAndSupport->unit;
    options.support = unitAndSupport->support;
    options.renormalize = parser.isSet(shared.renormalize);
    options.perEvent = !parser.isSet(summary);
    try {
        // Each side is read on its own first, so a message says which option it is about.
        auto load = [&](const QCommandLineOption &option, klscope::import::Side side, const char *name) {
            auto source = klscope::import::loadSource(parser.value(option).toStdString(), side);
            if (!source)
                throw std::invalid_argument(std::string(name).append(": ").append(source.error().message));
            return std::move(source).value();
        };
        const auto ps = load(shared.p, klscope::import::Side::P, "--p");
        const auto qs = load(shared.q, klscope::import::Side::Q, "--q");
        auto pair = klscope::import::pairSources(ps, qs);
        if (!pair)
            throw std::invalid_argument(pair.error().message);
        klscope::Comparison c = klscope::compare(pair->p, pair->q, options);
        // With labels from files, the explanation of an infinite KL names the labels, not only x.
        const auto labels = pair->labels();
        for (std::string &sentence : klscope::import::describeInfinities(c, labels))
            c.warnings.push_back(std::move(sentence));
        // Streamed: the per-event rows of 10^7 events are never held in memory as one text.
        const klscope::TextSink out = [](std::string_view piece) {
            writeOut(piece);
        };
        if (parser.isSet(json)) {
            klscope::writeJson(c, options.perEvent, labels, pair->notes, out);
        } else {
            const std::string pText = ps.type == klscope::import::Source::Type::Family
                                          ? klscope::describe(pair->p)
                                          : ps.description;
            const std::string qText = qs.type == klscope::import::Source::Type::Family
                                          ? klscope::describe(pair->q)
                                          : qs.description;
            // File names and notes come from outside: escaped, so they cannot drive the terminal.
            std::string header =
                "P: " + klscope::terminalSafe(pText) + "\nQ: " + klscope::terminalSafe(qText) + "\n";
            for (const std::string &note : pair->notes)
                if (note != pText && note != qText)
                    header.append("note: ").append(klscope::terminalSafe(note)).append("\n");
            writeOut(header);
            klscope::writeText(c, options.perEvent, labels, out);
        }
    } catch (const std::invalid_argument &e) {
        printError(QString::fromStdString(e.what()));
        return kInvalidData;
    } catch (const std::bad_alloc &) {
        printError(QStringLiteral("not enough memory for this support"));
        return kInvalidData;
    } catch (const std::exception &e) {
        // The core refuses bad input with std::invalid_argument; anything else is a fault, reported
        // as one rather than ending in std::terminate.
        printError(QStringLiteral("internal error: %1").arg(QString::fromStdString(e.what())));
        return kInvalidData;
    }
    return 0;
}

} // namespace cli
