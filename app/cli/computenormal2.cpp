// klscope-cli compute and fit with normal2 specs: the 2-D pair's metrics (normal2comparison.h) and the
// mean-field fits (meanfield.h), in the JSON layouts of the 1-D commands.

#include "multivariatecommands.h"

#include "cliutil.h"

#include "continuousspec.h"
#include "meanfield.h"
#include "normal2.h"
#include "normal2comparison.h"
#include "report.h"

#include <QCommandLineParser>

#include <cstdio>
#include <stdexcept>

namespace cli {

namespace {

int computeNormal2(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption p(QStringLiteral("p"), QStringLiteral("Distribution P (normal2:...)."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption q(QStringLiteral("q"), QStringLiteral("Distribution Q (normal2:...)."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption unit(QStringLiteral("unit"), QStringLiteral("nats, bits or bans."),
                                  QStringLiteral("UNIT"), QStringLiteral("nats"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption summary(QStringLiteral("summary"),
                                     QStringLiteral("Accepted for symmetry; a 2-D pair has no grid."));
    parser.addOptions({p, q, unit, json, summary});
    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString() +
                 "SPEC: normal2:mu1=0,mu2=0,var1=1,var2=1,cov=0 (keys optional, those are the defaults)\n");
        return 0;
    }
    if (!parser.isSet(p) || !parser.isSet(q))
        return usage(QStringLiteral("compute needs both --p SPEC and --q SPEC"));
    const auto u = klscope::parseUnit(parser.value(unit).toStdString());
    if (!u)
        return usage(QStringLiteral("--unit must be nats, bits or bans, got '%1'").arg(parser.value(unit)));
    try {
        const auto read = [&](const QCommandLineOption &option, const char *name) {
            try {
                return klscope::parseNormal2Spec(parser.value(option).toStdString());
            } catch (const std::invalid_argument &e) {
                throw std::invalid_argument(std::string(name) + ": " + e.what());
            }
        };
        const klscope::Normal2 pd = read(p, "--p");
        const klscope::Normal2 qd = read(q, "--q");
        const klscope::Summary s = klscope::compareNormal2(pd, qd, *u);
        if (parser.isSet(json)) {
            klscope::JsonObject out;
            out.add("unit", klscope::jsonString(klscope::unitName(s.unit)))
                .add("dimensions", "2")
                .add("p", klscope::jsonString(klscope::formatNormal2Spec(pd)))
                .add("q", klscope::jsonString(klscope::formatNormal2Spec(qd)));
            klscope::addMetricBlock(out, s);
            std::string warnings = "[";
            for (const std::string &w : s.warnings)
                warnings.append(warnings.size() > 1 ? "," : "").append(klscope::jsonString(w));
            out.add("warnings", warnings + "]");
            writeOut(out.close() + "\n");
        } else {
            std::string text = "P: " + klscope::formatNormal2Spec(pd) +
                               "\nQ: " + klscope::formatNormal2Spec(qd) + "\n" + klscope::metricLines(s);
            for (const std::string &w : s.warnings)
                text += "warning: " + w + "\n";
            writeOut(text);
        }
    } catch (const std::invalid_argument &e) {
        printError(QString::fromStdString(e.what()));
        return kInvalidData;
    }
    return 0;
}

std::string fitPointJson(const klscope::DiagonalNormal2 &f, const klscope::Normal2 &p)
{
    const klscope::Normal2 q = f.normal();
    return klscope::JsonObject()
        .add("mu1", klscope::jsonNumber(f.mu1))
        .add("mu2", klscope::jsonNumber(f.mu2))
        .add("var1", klscope::jsonNumber(f.var1))
        .add("var2", klscope::jsonNumber(f.var2))
        .add("kl_pq", klscope::jsonNumber(klscope::klNormal2(p, q)))
        .add("kl_qp", klscope::jsonNumber(klscope::klNormal2(q, p)))
        .close();
}

std::string fitPointText(const klscope::DiagonalNormal2 &f, const klscope::Normal2 &p)
{
    const klscope::Normal2 q = f.normal();
    char buffer[256];
    std::snprintf(buffer, sizeof buffer,
                  "  best:     mu1=%.10g, mu2=%.10g, var1=%.10g, var2=%.10g   KL(P||Q) = %.10g, KL(Q||P) = "
                  "%.10g\n  method:   closed form\n",
                  f.mu1, f.mu2, f.var1, f.var2, klscope::klNormal2(p, q), klscope::klNormal2(q, p));
    return buffer;
}

int fitNormal2(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fit a diagonal (factorised) Gaussian Q to a bivariate normal P, the mean-field lesson: forward "
        "(KL(P||Q)) takes P's marginal variances, reverse (KL(Q||P)) 1/Lambda_ii with Lambda = Sigma^-1."));
    parser.addHelpOption();
    const QCommandLineOption p(QStringLiteral("p"), QStringLiteral("Target P (normal2:...)."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption family(QStringLiteral("family"), QStringLiteral("normal2_diagonal."),
                                    QStringLiteral("FAMILY"));
    const QCommandLineOption direction(QStringLiteral("direction"),
                                       QStringLiteral("forward, reverse or both (default)."),
                                       QStringLiteral("DIR"), QStringLiteral("both"));
    const QCommandLineOption fix(QStringLiteral("fix"), QStringLiteral("Not available for normal2_diagonal."),
                                 QStringLiteral("NAME=VALUE"));
    const QCommandLineOption alpha(
        QStringLiteral("alpha"), QStringLiteral("Not available for normal2_diagonal."), QStringLiteral("A"));
    const QCommandLineOption starts(QStringLiteral("starts"),
                                    QStringLiteral("Ignored: the fits are closed forms."),
                                    QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({p, family, direction, fix, alpha, starts, json});
    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString());
        return 0;
    }
    if (!parser.isSet(p) || !parser.isSet(family))
        return usage(QStringLiteral("needs --p SPEC and --family FAMILY"));
    const bool target2 = klscope::isNormal2Spec(parser.value(p).toStdString());
    if (parser.value(family) != QLatin1String("normal2_diagonal"))
        return usage(QStringLiteral("a normal2 target is fitted by the family normal2_diagonal, not '%1'")
                         .arg(parser.value(family)));
    if (!target2)
        return usage(QStringLiteral("the family normal2_diagonal fits a normal2 target; --p is not one"));
    if (parser.isSet(fix) || parser.isSet(alpha))
        return usage(QStringLiteral("--fix and --alpha are not available for normal2_diagonal (its fits are "
                                    "closed forms by KL both ways)"));
    const QString dir = parser.value(direction);
    if (dir != QLatin1String("both") && dir != QLatin1String("forward") && dir != QLatin1String("reverse"))
        return usage(QStringLiteral("--direction must be forward, reverse or both, got '%1'").arg(dir));
    klscope::Normal2 target;
    try {
        target = klscope::parseNormal2Spec(parser.value(p).toStdString());
    } catch (const std::invalid_argument &e) {
        printError(QStringLiteral("--p: %1").arg(QString::fromStdString(e.what())));
        return kInvalidData;
    }
    std::vector<std::pair<std::string, klscope::DiagonalNormal2>> fits;
    if (dir != QLatin1String("reverse"))
        fits.emplace_back("forward", klscope::meanFieldForward(target));
    if (dir != QLatin1String("forward"))
        fits.emplace_back("reverse", klscope::meanFieldReverse(target));
    if (parser.isSet(json)) {
        std::string s = "{\"p\":" + klscope::jsonString(parser.value(p).toStdString()) +
                        ",\"family\":\"normal2_diagonal\"";
        for (const auto &[name, f] : fits) {
            const std::string point = fitPointJson(f, target);
            s += ",\"" + name + "\":{\"best\":" + point + ",\"minima\":[" + point +
                 "],\"method\":\"closed_form\",\"iterations\":0,\"saddles_dropped\":0,\"escaped\":0}";
        }
        writeOut(s + "}\n");
    } else {
        std::string s = "P: " + klscope::formatNormal2Spec(target) + "\nQ: normal2_diagonal\n";
        for (const auto &[name, f] : fits)
            s += std::string("\n") +
                 (name == "forward"
                      ? "forward fit, minimising KL(P||Q) (mass-covering, marginal variances):\n"
                      : "reverse fit, minimising KL(Q||P) (mode-seeking, variances 1/Lambda_ii):\n") +
                 fitPointText(f, target);
        writeOut(s);
    }
    return 0;
}

} // namespace

std::optional<int> computeNormal2IfAsked(const QStringList &arguments)
{
    const auto p = rawValue(arguments, QStringLiteral("p"));
    const auto q = rawValue(arguments, QStringLiteral("q"));
    const bool p2 = p && klscope::isNormal2Spec(p->toStdString());
    const bool q2 = q && klscope::isNormal2Spec(q->toStdString());
    if (!p2 && !q2)
        return std::nullopt;
    if (p && q && p2 != q2)
        return usage(QStringLiteral("--%1 is a two-dimensional normal2 and --%2 is not: KL between "
                                    "distributions of different dimensions is not defined, so compare two "
                                    "normal2 specs")
                         .arg(p2 ? QLatin1Char('p') : QLatin1Char('q'))
                         .arg(p2 ? QLatin1Char('q') : QLatin1Char('p')));
    return computeNormal2(arguments);
}

std::optional<int> fitNormal2IfAsked(const QStringList &arguments)
{
    const auto p = rawValue(arguments, QStringLiteral("p"));
    const auto family = rawValue(arguments, QStringLiteral("family"));
    if ((p && klscope::isNormal2Spec(p->toStdString())) ||
        (family && *family == QLatin1String("normal2_diagonal")))
        return fitNormal2(arguments);
    return std::nullopt;
}

} // namespace cli
