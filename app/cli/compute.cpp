// klscope-cli compute: every metric and per-event term for two distributions.

#include "cliutil.h"

#include "comparison.h"
#include "report.h"
#include "spec.h"

#include <QCommandLineParser>

#include <new>
#include <stdexcept>

namespace cli {

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

} // namespace cli
