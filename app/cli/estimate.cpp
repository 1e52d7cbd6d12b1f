// klscope-cli estimate: KL(P||Q), KL(Q||P) and JS estimated from samples (core/analysis/estimators.h) by the
// plug-in, Miller-Madow and kNN estimators, each with its percentile bootstrap interval, beside the truth
// when the samples were drawn from known distributions.

#include "analysiscommands.h"

#include "cliutil.h"

#include "estimators.h"
#include "filespec.h"
#include "report.h"
#include "samplemodel.h"

#include <QCommandLineParser>

#include <cmath>
#include <cstdio>
#include <new>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

namespace {

constexpr qulonglong kMaxSamples = 10'000'000;
constexpr qulonglong kMaxBootstrap = 100'000;

// "kl_pq": v, "ci_low": a, "ci_high": b for KL(P||Q); the other two with their prefix.
std::string jsonEstimator(const klscope::EstimatorValues &v)
{
    using klscope::jsonNumber;
    if (!v.applies())
        return "{\"reason\": " + klscope::jsonString(v.reason) + "}";
    std::string s = "{\"kl_pq\": " + jsonNumber(v.klPQ.value) + ", \"ci_low\": " + jsonNumber(v.klPQ.ciLow) +
                    ", \"ci_high\": " + jsonNumber(v.klPQ.ciHigh);
    if (!v.klPQ.infinite.empty())
        s += ", \"why_infinite\": " + klscope::jsonString(v.klPQ.infinite);
    s += ", \"kl_qp\": " + jsonNumber(v.klQP.value) + ", \"kl_qp_ci_low\": " + jsonNumber(v.klQP.ciLow) +
         ", \"kl_qp_ci_high\": " + jsonNumber(v.klQP.ciHigh);
    if (!v.klQP.infinite.empty())
        s += ", \"kl_qp_why_infinite\": " + klscope::jsonString(v.klQP.infinite);
    if (!std::isnan(v.js.value))
        s += ", \"js\": " + jsonNumber(v.js.value) + ", \"js_ci_low\": " + jsonNumber(v.js.ciLow) +
             ", \"js_ci_high\": " + jsonNumber(v.js.ciHigh);
    return s + "}";
}

std::string number(double x)
{
    if (std::isnan(x))
        return "-";
    if (std::isinf(x))
        return x > 0 ? "inf" : "-inf";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", x);
    return buffer;
}

std::string textRow(const char *name, const char *what, const klscope::Estimate &e)
{
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "  %-13s %-8s %12s   [%s, %s]\n", name, what,
                  number(e.value).c_str(), number(e.ciLow).c_str(), number(e.ciHigh).c_str());
    std::string s = buffer;
    if (!e.infinite.empty())
        s += "      infinite: " + klscope::terminalSafe(e.infinite) + "\n";
    return s;
}

std::string toText(const klscope::SampleEstimates &e, const std::optional<klscope::TrueDivergences> &truth,
                   double confidence)
{
    std::string s = "n = " + std::to_string(e.n) + " samples of P, m = " + std::to_string(e.m) + " of Q; " +
                    e.histogramP.binning.description + "\n";
    char buffer[120];
    std::snprintf(buffer, sizeof buffer, "Estimates in nats, %g %% percentile bootstrap intervals:\n",
                  100 * confidence);
    s += buffer;
    for (const auto &[name, v] : {std::pair{"plug-in", &e.plugin}, std::pair{"Miller-Madow", &e.millerMadow},
                                  std::pair{"kNN", &e.knn}}) {
        if (!v->applies()) {
            s += "  " + std::string(name) + ": does not apply: " + v->reason + "\n";
            continue;
        }
        s += textRow(name, "KL(P||Q)", v->klPQ);
        s += textRow("", "KL(Q||P)", v->klQP);
        if (!std::isnan(v->js.value))
            s += textRow("", "JS", v->js);
    }
    if (truth)
        s += "Truth: KL(P||Q) " + number(truth->klPQ) + ", KL(Q||P) " + number(truth->klQP) + ", JS " +
             number(truth->js) + "\n";
    return s;
}

} // namespace

int estimate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption p(QStringLiteral("p"),
                               QStringLiteral("P to draw n samples from (a family spec)."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption q(QStringLiteral("q"), QStringLiteral("Q to draw m samples from."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption n(QStringLiteral("n"), QStringLiteral("Samples of P (default 1000)."),
                               QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption m(QStringLiteral("m"), QStringLiteral("Samples of Q (default: n)."),
                               QStringLiteral("M"));
    const QCommandLineOption a(QStringLiteral("a"),
                               QStringLiteral("Instead of --p: P's samples from a file, samples:PATH."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption b(QStringLiteral("b"),
                               QStringLiteral("Instead of --q: Q's samples, samples:PATH."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of the draws and the bootstrap."), QStringLiteral("S"),
                                  QStringLiteral("1"));
    const QCommandLineOption bootstrap(
        QStringLiteral("bootstrap"), QStringLiteral("Bootstrap resamples B (default 200; 0: no intervals)."),
        QStringLiteral("B"), QStringLiteral("200"));
    const QCommandLineOption smoothing(
        QStringLiteral("smoothing"),
        QStringLiteral("Pseudo-count added to every bin of both histograms (default 0)."),
        QStringLiteral("A"), QStringLiteral("0"));
    const QCommandLineOption k(QStringLiteral("k"),
                               QStringLiteral("Neighbours of the kNN estimator (default 1)."),
                               QStringLiteral("K"), QStringLiteral("1"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({p, q, n, m, a, b, seed, bootstrap, smoothing, k, json});
    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString());
        writeOut(std::string(kSpecHelp) + "\n");
        return 0;
    }
    const bool drawn = parser.isSet(p) || parser.isSet(q);
    const bool files = parser.isSet(a) || parser.isSet(b);
    if (drawn == files || (drawn && !(parser.isSet(p) && parser.isSet(q))) ||
        (files && !(parser.isSet(a) && parser.isSet(b))))
        return usage(
            QStringLiteral("estimate needs either --p SPEC and --q SPEC (samples drawn from them) or "
                           "--a samples:FILE and --b samples:FILE"));
    bool ok = false;
    const auto whole = [&](const QCommandLineOption &option, qulonglong low, qulonglong high,
                           qulonglong *out) {
        *out = parser.value(option).toULongLong(&ok);
        if (!ok || *out < low || *out > high) {
            error = QStringLiteral("--%1 must be a whole number from %2 to %3, not '%4'")
                        .arg(option.names().first())
                        .arg(low)
                        .arg(high)
                        .arg(parser.value(option));
            return false;
        }
        return true;
    };
    qulonglong sizeP = 0, sizeQ = 0, resamples = 0, neighbours = 0, seedValue = 0;
    if (!whole(n, 2, kMaxSamples, &sizeP) || !whole(bootstrap, 0, kMaxBootstrap, &resamples) ||
        !whole(k, 1, 100, &neighbours) || !whole(seed, 0, ~0ull, &seedValue))
        return usage(error);
    if (parser.isSet(m)) {
        if (!whole(m, 2, kMaxSamples, &sizeQ))
            return usage(error);
    } else {
        sizeQ = sizeP;
    }
    klscope::EstimatorOptions options;
    options.smoothing = parser.value(smoothing).toDouble(&ok);
    if (!ok || !(options.smoothing >= 0) || !std::isfinite(options.smoothing))
        return usage(
            QStringLiteral("--smoothing must be a number >= 0, not '%1'").arg(parser.value(smoothing)));
    options.bootstrap = resamples;
    options.k = neighbours;
    options.seed = seedValue;

    std::vector<double> x, y;
    std::optional<klscope::TrueDivergences> truth;
    try {
        if (drawn) {
            const auto model = [&](const QCommandLineOption &option) {
                try {
                    return klscope::parseSampleModel(parser.value(option).toStdString());
                } catch (const std::invalid_argument &e) {
                    throw std::invalid_argument("--" + option.names().first().toStdString() + ": " +
                                                e.what());
                }
            };
            const klscope::SampleModel mp = model(p), mq = model(q);
            truth = klscope::trueDivergences(mp, mq);
            std::mt19937_64 rng(seedValue);
            x = klscope::drawSamples(mp, sizeP, rng);
            y = klscope::drawSamples(mq, sizeQ, rng);
            options.knn = klscope::isContinuous(mp);
        } else {
            const auto load = [&](const QCommandLineOption &option, klscope::import::Side side) {
                const std::string spec = parser.value(option).toStdString();
                auto source = klscope::import::loadSource(spec, side);
                const std::string name = "--" + option.names().first().toStdString();
                if (!source)
                    throw std::invalid_argument(name + ": " + source.error().message);
                if (source->type != klscope::import::Source::Type::Samples)
                    throw std::invalid_argument(
                        name + ": estimate reads raw observations, samples:PATH, not " + spec);
                options.binning = source->binning;
                return std::move(source->samples);
            };
            x = load(a, klscope::import::Side::P);
            y = load(b, klscope::import::Side::Q);
            options.knn = !(klscope::import::allIntegers(x) && klscope::import::allIntegers(y));
        }
        const klscope::SampleEstimates e = klscope::estimateFromSamples(x, y, options);
        if (parser.isSet(json)) {
            std::string s = "{\"n\": " + std::to_string(e.n) + ", \"m\": " + std::to_string(e.m) +
                            ", \"bins\": " + std::to_string(e.histogramP.binning.count) +
                            ", \"binning\": " + klscope::jsonString(e.histogramP.binning.description) +
                            ", \"bootstrap\": " + std::to_string(options.bootstrap) +
                            ", \"smoothing\": " + klscope::jsonNumber(options.smoothing) +
                            ",\n \"plugin\": " + jsonEstimator(e.plugin) +
                            ",\n \"miller_madow\": " + jsonEstimator(e.millerMadow) +
                            ",\n \"knn\": " + jsonEstimator(e.knn) + ",\n \"truth\": ";
            s += truth ? "{\"kl_pq\": " + klscope::jsonNumber(truth->klPQ) +
                             ", \"kl_qp\": " + klscope::jsonNumber(truth->klQP) +
                             ", \"js\": " + klscope::jsonNumber(truth->js) + "}"
                       : std::string("null");
            writeOut(s + "}\n");
        } else {
            writeOut(toText(e, truth, options.confidence));
        }
    } catch (const std::invalid_argument &e) {
        return usage(QString::fromStdString(e.what()));
    } catch (const std::bad_alloc &) {
        printError(QStringLiteral("not enough memory for these samples"));
        return kInvalidData;
    }
    return 0;
}

} // namespace cli
