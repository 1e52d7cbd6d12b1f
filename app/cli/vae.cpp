// klscope-cli vae: the KL term of a VAE's encoder output against N(0, I), per latent dimension, with the
// total in nats and bits and the collapsed dimensions (core/multivariate/vaeterm.h).

#include "multivariatecommands.h"

#include "cliutil.h"

#include "report.h"
#include "spec.h"
#include "vaeterm.h"

#include <QCommandLineParser>

#include <cstdio>
#include <numbers>
#include <stdexcept>

namespace cli {

int vae(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The VAE term KL(N(mu, diag sigma^2) || N(0, I)) = sum_i 1/2 (mu_i^2 + sigma_i^2 - 1 - ln "
        "sigma_i^2), "
        "per latent dimension, from a CSV of encoder output: columns mu,logvar (one row per dimension) or "
        "mu_1..mu_d,logvar_1..logvar_d (one row per example; the batch mean and standard deviation per "
        "dimension)."));
    parser.addHelpOption();
    const QCommandLineOption file(QStringLiteral("file"), QStringLiteral("The CSV file."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption unit(QStringLiteral("unit"),
                                  QStringLiteral("nats, bits or bans (default nats)."),
                                  QStringLiteral("UNIT"), QStringLiteral("nats"));
    const QCommandLineOption collapse(
        QStringLiteral("collapse-below"),
        QStringLiteral("A dimension whose KL is below T nats is collapsed (default 0.01 nats)."),
        QStringLiteral("T"), QStringLiteral("0.01"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({file, unit, collapse, json});
    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString());
        return 0;
    }
    if (!parser.isSet(file))
        return usage(QStringLiteral("vae needs --file FILE.csv"));
    const auto u = klscope::parseUnit(parser.value(unit).toStdString());
    if (!u)
        return usage(QStringLiteral("--unit must be nats, bits or bans, got '%1'").arg(parser.value(unit)));
    double threshold = 0.0;
    try {
        threshold = klscope::parseNumber(parser.value(collapse).toStdString(), "--collapse-below");
    } catch (const std::invalid_argument &e) {
        return usage(QString::fromStdString(e.what()));
    }
    if (!(threshold >= 0.0))
        return usage(QStringLiteral("--collapse-below must be a number >= 0 (nats), got '%1'")
                         .arg(parser.value(collapse)));
    const auto loaded = klscope::loadVaeCsv(parser.value(file).toStdString());
    if (!loaded) {
        printError(QString::fromStdString(loaded.error().message));
        return kInvalidData;
    }
    const klscope::VaeSummary &s = loaded.value();
    const double scale = klscope::fromNats(*u);
    const std::vector<std::size_t> collapsed = klscope::collapsedDimensions(s, threshold);
    const bool perExample = s.layout == klscope::VaeLayout::PerExample;
    if (parser.isSet(json)) {
        std::string terms = "[";
        for (std::size_t i = 0; i < s.kl.size(); ++i) {
            terms += i ? "," : "";
            terms += klscope::JsonObject()
                         .add("dimension", std::to_string(i + 1))
                         .add("kl", klscope::jsonNumber(s.kl[i] * scale))
                         .add("spread", klscope::jsonNumber(s.spread[i] * scale))
                         .add("collapsed", s.kl[i] < threshold ? "true" : "false")
                         .close();
        }
        std::string list = "[";
        for (std::size_t i = 0; i < collapsed.size(); ++i)
            list.append(i ? "," : "").append(std::to_string(collapsed[i] + 1));
        writeOut(klscope::JsonObject()
                     .add("file", klscope::jsonString(parser.value(file).toStdString()))
                     .add("layout", perExample ? "\"per_example\"" : "\"per_dimension\"")
                     .add("rows", std::to_string(s.rows))
                     .add("dimensions", std::to_string(s.kl.size()))
                     .add("unit", klscope::jsonString(klscope::unitName(*u)))
                     .add("total", klscope::jsonNumber(s.total * scale))
                     .add("total_nats", klscope::jsonNumber(s.total))
                     .add("total_bits", klscope::jsonNumber(s.total / std::numbers::ln2))
                     .add("total_spread", klscope::jsonNumber(s.totalSpread * scale))
                     .add("collapse_below_nats", klscope::jsonNumber(threshold))
                     .add("collapsed", list + "]")
                     .add("terms", terms + "]")
                     .close() +
                 "\n");
        return 0;
    }
    const std::string unitText(klscope::unitName(*u));
    std::string out = "file: " + klscope::terminalSafe(parser.value(file).toStdString()) + "\n";
    out += perExample ? "layout: one row per example (" + std::to_string(s.rows) +
                            " rows); each dimension's KL is the batch mean, spread its standard deviation\n"
                      : std::string("layout: one row per dimension (mu, logvar)\n");
    char line[200];
    if (perExample)
        std::snprintf(line, sizeof line, "%9s %22s %22s\n", "dimension", ("KL (" + unitText + ")").c_str(),
                      "spread");
    else
        std::snprintf(line, sizeof line, "%9s %22s\n", "dimension", ("KL (" + unitText + ")").c_str());
    out += line;
    for (std::size_t i = 0; i < s.kl.size(); ++i) {
        if (perExample)
            std::snprintf(line, sizeof line, "%9zu %22.15g %22.6g%s\n", i + 1, s.kl[i] * scale,
                          s.spread[i] * scale, s.kl[i] < threshold ? "  collapsed" : "");
        else
            std::snprintf(line, sizeof line, "%9zu %22.15g%s\n", i + 1, s.kl[i] * scale,
                          s.kl[i] < threshold ? "  collapsed" : "");
        out += line;
    }
    std::snprintf(line, sizeof line, "total: %.15g nats = %.15g bits", s.total, s.total / std::numbers::ln2);
    out += line;
    if (perExample) {
        std::snprintf(line, sizeof line, " (spread over the examples %.6g nats)", s.totalSpread);
        out += line;
    }
    out += "\n";
    std::snprintf(line, sizeof line, "collapsed (KL below %g nats): %zu of %zu dimensions", threshold,
                  collapsed.size(), s.kl.size());
    out += line;
    if (!collapsed.empty()) {
        out += ":";
        for (std::size_t i = 0; i < collapsed.size(); ++i)
            out.append(i ? ", " : " ").append(std::to_string(collapsed[i] + 1));
    }
    writeOut(out + "\n");
    return 0;
}

} // namespace cli
