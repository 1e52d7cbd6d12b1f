// klscope-cli compute with continuous specs: every metric with its route and error estimate, the
// explanation of an infinite KL, the mixture routes and a grid for plotting (continuousreport.h).

#include "computecontinuous.h"

#include "cliutil.h"

#include "continuousreport.h"
#include "continuousspec.h"

#include <QCommandLineParser>

#include <stdexcept>

namespace cli {

namespace {

int computeContinuous(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption p(QStringLiteral("p"), QStringLiteral("Distribution P."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption q(QStringLiteral("q"), QStringLiteral("Distribution Q."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption unit(QStringLiteral("unit"), QStringLiteral("nats, bits or bans."),
                                  QStringLiteral("UNIT"), QStringLiteral("nats"));
    const QCommandLineOption renormalize(QStringLiteral("renormalize"),
                                         QStringLiteral("Rescale mixture weights to sum to 1."));
    const QCommandLineOption samples(
        QStringLiteral("samples"),
        QStringLiteral("Monte Carlo samples for a mixture (default 100000, 0 = none)."), QStringLiteral("N"),
        QStringLiteral("100000"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Monte Carlo seed (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption summary(QStringLiteral("summary"), QStringLiteral("Leave out the grid."));
    const QCommandLineOption support(QStringLiteral("support"), QStringLiteral("Discrete pairs only."),
                                     QStringLiteral("A..B"));
    parser.addOptions({p, q, unit, renormalize, samples, seed, json, summary, support});
    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString());
        return 0;
    }
    if (!parser.isSet(p) || !parser.isSet(q))
        return usage(QStringLiteral("compute needs both --p SPEC and --q SPEC"));
    if (parser.isSet(support))
        return usage(QStringLiteral("--support A..B is for discrete distributions; a continuous pair is "
                                    "compared over the whole of both supports"));
    const auto u = klscope::parseUnit(parser.value(unit).toStdString());
    if (!u)
        return usage(QStringLiteral("--unit must be nats, bits or bans, got '%1'").arg(parser.value(unit)));
    bool ok = false;
    const qulonglong n = parser.value(samples).toULongLong(&ok);
    if (!ok || n == 1 || n > 100000000ULL)
        return usage(QStringLiteral("--samples must be 0 or a whole number from 2 to 100000000, got '%1'")
                         .arg(parser.value(samples)));
    const qulonglong s = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return usage(QStringLiteral("--seed must be a whole number from 0 to 2^64 - 1, got '%1'")
                         .arg(parser.value(seed)));

    klscope::ContinuousCompareOptions options;
    options.unit = *u;
    options.samples = static_cast<std::size_t>(n);
    options.seed = s;
    options.gridPoints = parser.isSet(summary) ? 0 : 201;
    try {
        std::vector<std::string> notes;
        const auto read = [&](const QCommandLineOption &option, const char *name) {
            try {
                return klscope::parseContinuousSpec(parser.value(option).toStdString(),
                                                    parser.isSet(renormalize), &notes);
            } catch (const std::invalid_argument &e) {
                throw std::invalid_argument(std::string(name) + ": " + e.what());
            }
        };
        const klscope::ContinuousDistribution pd = read(p, "--p");
        const klscope::ContinuousDistribution qd = read(q, "--q");
        const klscope::ContinuousComparison c = klscope::compareContinuous(pd, qd, options);
        if (parser.isSet(json)) {
            writeOut(klscope::toJson(c, !parser.isSet(summary), notes));
        } else {
            std::string header = "P: " + klscope::describe(pd) + "\nQ: " + klscope::describe(qd) + "\n";
            for (const std::string &note : notes)
                header += "note: " + note + "\n";
            writeOut(header);
            writeOut(klscope::toText(c, !parser.isSet(summary)));
        }
    } catch (const std::invalid_argument &e) {
        printError(QString::fromStdString(e.what()));
        return kInvalidData;
    }
    return 0;
}

} // namespace

std::optional<int> computeContinuousIfAsked(const QStringList &arguments)
{
    const auto p = rawValue(arguments, QStringLiteral("p"));
    const auto q = rawValue(arguments, QStringLiteral("q"));
    const bool pContinuous = p && klscope::isContinuousSpec(p->toStdString());
    const bool qContinuous = q && klscope::isContinuousSpec(q->toStdString());
    if (!pContinuous && !qContinuous)
        return std::nullopt;
    if (p && q && pContinuous != qContinuous)
        return usage(
            QStringLiteral("--%1 is a continuous distribution and --%2 a discrete one: KL between a "
                           "density and a mass function is not defined (a density has no mass at "
                           "any single point), so compare two discrete or two continuous distributions")
                .arg(pContinuous ? QLatin1Char('p') : QLatin1Char('q'))
                .arg(pContinuous ? QLatin1Char('q') : QLatin1Char('p')));
    return computeContinuous(arguments);
}

} // namespace cli
