// klscope-cli test: the G-test, Pearson's chi^2, the two-sample Z-test and Welch's t-test for two sides given
// as specs (core/analysis/testsides.h), each with its statistic, p-value and a sentence, or the reason it
// does not apply.

#include "analysiscommands.h"

#include "cliutil.h"

#include "report.h"
#include "testsides.h"

#include <QCommandLineParser>

#include <cmath>
#include <cstdio>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

namespace cli {

namespace {

std::string jsonTest(const klscope::TestResult &t)
{
    if (!t.applies)
        return "{\"reason\": " + klscope::jsonString(t.reason) + "}";
    std::string s = "{\"statistic\": " + klscope::jsonNumber(t.statistic) +
                    ", \"p_value\": " + klscope::jsonNumber(t.pValue);
    if (!std::isnan(t.df))
        s += ", \"df\": " + klscope::jsonNumber(t.df);
    s += ", \"n\": " + klscope::jsonNumber(t.sampleSize);
    if (t.categories > 0)
        s += ", \"categories\": " + std::to_string(t.categories);
    if (!t.reading.empty())
        s += ", \"reading\": " + klscope::jsonString(t.reading);
    return s + ", \"sentence\": " + klscope::jsonString(t.sentence) + "}";
}

std::string toJson(const klscope::HypothesisTests &r)
{
    std::string s = "{\"design\": " + klscope::jsonString(r.design) + ", \"notes\": [";
    for (std::size_t i = 0; i < r.notes.size(); ++i)
        s += (i > 0 ? ", " : "") + klscope::jsonString(r.notes[i]);
    s += "],\n \"g_test\": " + jsonTest(r.gTest) + ",\n \"chi_square\": " + jsonTest(r.chiSquare) +
         ",\n \"z_test\": " + jsonTest(r.zTest) + ",\n \"welch_t\": " + jsonTest(r.welchT) + "}\n";
    return s;
}

std::string textTest(const char *title, const klscope::TestResult &t)
{
    std::string s = std::string(title) + "\n";
    if (!t.applies)
        return s + "  does not apply: " + klscope::terminalSafe(t.reason) + "\n";
    char buffer[200];
    std::snprintf(buffer, sizeof buffer, "  statistic %.10g   p-value %.6g", t.statistic, t.pValue);
    s += buffer;
    if (!std::isnan(t.df)) {
        std::snprintf(buffer, sizeof buffer, "   df %.6g", t.df);
        s += buffer;
    }
    return s + "\n  " + t.sentence + "\n";
}

std::string toText(const klscope::HypothesisTests &r)
{
    std::string s;
    if (!r.design.empty())
        s += "Design: " + r.design + "\n";
    for (const std::string &note : r.notes)
        s += "note: " + klscope::terminalSafe(note) + "\n";
    for (const auto &[title, test] :
         {std::pair{"G-test (G = 2 N KL(empirical || model))", &r.gTest},
          std::pair{"Pearson's chi-square test", &r.chiSquare}, std::pair{"Two-sample Z-test", &r.zTest},
          std::pair{"Welch's t-test", &r.welchT}}) {
        s += '\n';
        s += textTest(title, *test);
    }
    return s;
}

} // namespace

int hypothesisTest(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption a(
        QStringLiteral("a"),
        QStringLiteral("Side A: samples:PATH, file:PATH,as=counts, or a distribution (a family spec, "
                       "file:PATH of probabilities, a continuous family)."),
        QStringLiteral("SPEC"));
    const QCommandLineOption b(QStringLiteral("b"), QStringLiteral("Side B, as side A."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({a, b, json});
    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString());
        writeOut(std::string(kSpecHelp) + "\n");
        return 0;
    }
    if (!parser.isSet(a) || !parser.isSet(b))
        return usage(QStringLiteral("test needs both --a SPEC and --b SPEC"));
    klscope::HypothesisTests result;
    try {
        const auto load = [&](const QCommandLineOption &option, klscope::import::Side side,
                              const char *name) {
            try {
                return klscope::loadTestSide(parser.value(option).toStdString(), side);
            } catch (const std::invalid_argument &e) {
                throw std::invalid_argument(std::string(name) + ": " + e.what());
            }
        };
        const klscope::TestSide sideA = load(a, klscope::import::Side::P, "--a");
        const klscope::TestSide sideB = load(b, klscope::import::Side::Q, "--b");
        result = klscope::runHypothesisTests(sideA, sideB);
    } catch (const std::invalid_argument &e) {
        return usage(QString::fromStdString(e.what()));
    } catch (const std::bad_alloc &) {
        printError(QStringLiteral("not enough memory for these tests"));
        return kInvalidData;
    }
    writeOut(parser.isSet(json) ? toJson(result) : toText(result));
    return 0;
}

} // namespace cli
