// klscope-cli fit and landscape: fit a family Q to P by KL(P||Q), KL(Q||P) or the alpha-divergence, and
// write the loss landscape as CSV (core/fit). Usage errors, including a family that cannot fit P in the asked
// direction, exit 2 with a sentence naming the problem; a malformed P spec exits 1, as in compute.

#include "fitcommands.h"

#include "cliutil.h"
#include "multivariatecommands.h"

#include "continuousspec.h"
#include "fitter.h"
#include "landscape.h"
#include "report.h"
#include "spec.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSaveFile>

#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString familyList()
{
    QStringList names;
    for (const klscope::FitFamily f : klscope::allFitFamilies())
        names << QString::fromLatin1(klscope::fitFamilyKeyword(f).data(),
                                     qsizetype(klscope::fitFamilyKeyword(f).size()));
    return names.join(QStringLiteral(", "));
}

QString parameterList(klscope::FitFamily family)
{
    QStringList names;
    for (const klscope::FitParameter &p : klscope::fitParameters(family))
        names << QString::fromLatin1(p.name.data(), qsizetype(p.name.size()));
    return names.join(QStringLiteral(", "));
}

// The index of parameter `name` of the family, or -1.
int parameterIndex(klscope::FitFamily family, const QString &name)
{
    const auto info = klscope::fitParameters(family);
    for (std::size_t i = 0; i < info.size(); ++i)
        if (name.toStdString() == info[i].name)
            return int(i);
    return -1;
}

// What fit and landscape share: P, the family and the fixed values.
struct Problem
{
    klscope::FitFamily family = klscope::FitFamily::Normal;
    std::optional<klscope::FitObjective> objective;
    std::vector<double> fixed;
};

struct SharedOptions
{
    QCommandLineOption p{QStringLiteral("p"), QStringLiteral("Target P (any spec, see below)."),
                         QStringLiteral("SPEC")};
    QCommandLineOption family{QStringLiteral("family"),
                              QStringLiteral("Model family for Q: %1.").arg(familyList()),
                              QStringLiteral("FAMILY")};
    QCommandLineOption fix{QStringLiteral("fix"),
                           QStringLiteral("Hold a parameter of Q at a value (repeatable), e.g. sigma=1; "
                                          "binomial needs n fixed."),
                           QStringLiteral("NAME=VALUE")};
    QCommandLineOption direction{QStringLiteral("direction"),
                                 QStringLiteral("forward (KL(P||Q)), reverse (KL(Q||P)) or both (default)."),
                                 QStringLiteral("DIR"), QStringLiteral("both")};
};

// Reads P, the family and --fix; the exit code when something is wrong.
std::optional<int> readProblem(const QCommandLineParser &parser, const SharedOptions &o, Problem &problem)
{
    if (!parser.isSet(o.p) || !parser.isSet(o.family))
        return usage(QStringLiteral("needs --p SPEC and --family FAMILY"));
    const QString familyName = parser.value(o.family);
    if (!klscope::fitFamilyFromKeyword(familyName.toStdString(), problem.family))
        return usage(
            QStringLiteral("unknown family '%1' (expected one of %2)").arg(familyName, familyList()));
    problem.fixed.assign(klscope::fitParameters(problem.family).size(), kNaN);
    for (const QString &fix : parser.values(o.fix)) {
        const qsizetype eq = fix.indexOf(QLatin1Char('='));
        const QString name = fix.left(eq);
        const int index = eq < 0 ? -1 : parameterIndex(problem.family, name);
        if (eq < 0)
            return usage(QStringLiteral("--fix takes NAME=VALUE, got '%1'").arg(fix));
        if (index < 0)
            return usage(QStringLiteral("--fix: %1 has no parameter '%2' (its parameters: %3)")
                             .arg(familyName, name, parameterList(problem.family)));
        try {
            problem.fixed[std::size_t(index)] =
                klscope::parseNumber(fix.mid(eq + 1).toStdString(), name.toStdString());
        } catch (const std::invalid_argument &e) {
            return usage(QStringLiteral("--fix: %1").arg(QString::fromStdString(e.what())));
        }
    }
    std::optional<klscope::FitTarget> target;
    const std::string spec = parser.value(o.p).toStdString();
    try {
        if (klscope::isContinuousSpec(spec))
            target = klscope::parseContinuousSpec(spec);
        else
            target = klscope::parseSpec(spec);
    } catch (const std::invalid_argument &e) {
        printError(QStringLiteral("--p: %1").arg(QString::fromStdString(e.what())));
        return kInvalidData;
    }
    try {
        problem.objective.emplace(*target, problem.family, problem.fixed);
    } catch (const std::invalid_argument &e) {
        return usage(QString::fromStdString(e.what()));
    }
    return std::nullopt;
}

struct Directions
{
    bool forward = true, reverse = true;
};

std::optional<Directions> readDirections(const QString &value)
{
    if (value == QLatin1String("both"))
        return Directions{true, true};
    if (value == QLatin1String("forward"))
        return Directions{true, false};
    if (value == QLatin1String("reverse"))
        return Directions{false, true};
    return std::nullopt;
}

std::string pointJson(klscope::FitFamily family, const klscope::FitPoint &point, bool alpha)
{
    std::string s = "{";
    const auto info = klscope::fitParameters(family);
    for (std::size_t i = 0; i < info.size(); ++i) {
        s += '"';
        s.append(info[i].name);
        s += "\":";
        s += klscope::jsonNumber(point.parameters[i]);
        s += ',';
    }
    s += "\"kl_pq\":";
    s += klscope::jsonNumber(point.kl.pq);
    s += ",\"kl_qp\":";
    s += klscope::jsonNumber(point.kl.qp);
    if (alpha) {
        s += ",\"divergence\":";
        s += klscope::jsonNumber(point.value);
    }
    s += '}';
    return s;
}

std::string resultJson(klscope::FitFamily family, const klscope::FitResult &r, std::optional<double> alpha)
{
    std::string s = "{";
    if (alpha)
        s += "\"alpha\":" + klscope::jsonNumber(*alpha) + ",";
    s += "\"best\":" + pointJson(family, r.best, alpha.has_value()) + ",\"minima\":[";
    for (std::size_t i = 0; i < r.minima.size(); ++i) {
        if (i > 0)
            s += ',';
        s += pointJson(family, r.minima[i], alpha.has_value());
    }
    s += "],\"method\":\"" + r.method + "\",\"iterations\":" + std::to_string(r.iterations) +
         ",\"saddles_dropped\":" + std::to_string(r.saddles) + ",\"escaped\":" + std::to_string(r.escaped) +
         "}";
    return s;
}

std::string pointText(klscope::FitFamily family, const klscope::FitPoint &point)
{
    std::string s;
    const auto info = klscope::fitParameters(family);
    char buffer[64];
    for (std::size_t i = 0; i < info.size(); ++i) {
        std::snprintf(buffer, sizeof buffer, "%s%s=%.10g", i ? ", " : "", std::string(info[i].name).c_str(),
                      point.parameters[i]);
        s += buffer;
    }
    std::snprintf(buffer, sizeof buffer, "   KL(P||Q) = %.10g, KL(Q||P) = %.10g", point.kl.pq, point.kl.qp);
    return s + buffer;
}

std::string resultText(const std::string &title, klscope::FitFamily family, const klscope::FitResult &r)
{
    std::string s = title + "\n";
    s += "  best:     " + pointText(family, r.best) + "\n";
    if (r.minima.size() > 1) {
        s += "  every local minimum (" + std::to_string(r.minima.size()) + ", smallest first):\n";
        for (const klscope::FitPoint &m : r.minima)
            s += "            " + pointText(family, m) + "\n";
    }
    if (r.method == "closed_form") {
        s += "  method:   closed form\n";
    } else {
        s += "  method:   " + r.method + ", " + std::to_string(r.iterations) + " evaluations";
        if (r.saddles > 0)
            s += ", " + std::to_string(r.saddles) + " saddle or flat points dropped";
        if (r.escaped > 0)
            s += ", " + std::to_string(r.escaped) + " starts ran off the family or to where it is infinite";
        s += "\n";
    }
    return s;
}

} // namespace

int fit(const QStringList &arguments)
{
    // A normal2 target and the family normal2_diagonal: the mean-field closed forms (computenormal2.cpp).
    if (const auto done = fitNormal2IfAsked(arguments))
        return *done;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Fit Q from a family to P by minimising KL(P||Q) (forward, mass-covering), KL(Q||P) "
                       "(reverse, mode-seeking) or, with --alpha, Minka's alpha-divergence (alpha -> 1 is "
                       "KL(P||Q), alpha -> 0 is KL(Q||P)). Reports every distinct local minimum."));
    parser.addHelpOption();
    const SharedOptions o;
    const QCommandLineOption alpha(QStringLiteral("alpha"),
                                   QStringLiteral("Minimise the alpha-divergence instead, A in [0, 1]."),
                                   QStringLiteral("A"));
    const QCommandLineOption starts(QStringLiteral("starts"),
                                    QStringLiteral("Starting points of the search (default 16)."),
                                    QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({o.p, o.family, o.fix, o.direction, alpha, starts, json});
    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString());
        writeOut(std::string(kSpecHelp) + "\n");
        return 0;
    }
    const auto directions = readDirections(parser.value(o.direction));
    if (!directions)
        return usage(QStringLiteral("--direction must be forward, reverse or both, got '%1'")
                         .arg(parser.value(o.direction)));
    if (parser.isSet(alpha) && parser.isSet(o.direction))
        return usage(QStringLiteral("--alpha replaces --direction: give one of them"));
    bool ok = false;
    const int n = parser.value(starts).toInt(&ok);
    if (!ok || n < 1 || n > 10000)
        return usage(QStringLiteral("--starts must be a whole number from 1 to 10000, got '%1'")
                         .arg(parser.value(starts)));
    std::optional<double> a;
    if (parser.isSet(alpha)) {
        try {
            a = klscope::parseNumber(parser.value(alpha).toStdString(), "--alpha");
        } catch (const std::invalid_argument &e) {
            return usage(QString::fromStdString(e.what()));
        }
        if (!(*a >= 0.0 && *a <= 1.0))
            return usage(QStringLiteral("--alpha must lie in [0, 1], got '%1'").arg(parser.value(alpha)));
    }
    Problem problem;
    if (const auto code = readProblem(parser, o, problem))
        return *code;
    klscope::FitOptions options;
    options.starts = std::size_t(n);
    std::vector<std::pair<std::string, klscope::FitResult>> results;
    try {
        if (a) {
            options.alpha = *a;
            results.emplace_back("alpha",
                                 klscope::fit(*problem.objective, klscope::FitDirection::Alpha, options));
        } else {
            if (directions->forward)
                results.emplace_back(
                    "forward", klscope::fit(*problem.objective, klscope::FitDirection::Forward, options));
            if (directions->reverse)
                results.emplace_back(
                    "reverse", klscope::fit(*problem.objective, klscope::FitDirection::Reverse, options));
        }
    } catch (const klscope::FitError &e) {
        return usage(QStringLiteral("%1 cannot be fitted to this P: %2")
                         .arg(parser.value(o.family), QString::fromStdString(e.what())));
    }
    if (parser.isSet(json)) {
        std::string s = "{\"p\":" + klscope::jsonString(parser.value(o.p).toStdString()) + ",\"family\":\"" +
                        std::string(klscope::fitFamilyKeyword(problem.family)) + "\"";
        for (const auto &[name, r] : results)
            s += ",\"" + name + "\":" + resultJson(problem.family, r, a);
        writeOut(s + "}\n");
    } else {
        std::string s = "P: " + parser.value(o.p).toStdString() +
                        "\nQ: " + std::string(klscope::fitFamilyKeyword(problem.family)) + "\n";
        for (const auto &[name, r] : results) {
            const std::string title = name == "forward" ? "forward fit, minimising KL(P||Q) (mass-covering):"
                                      : name == "reverse"
                                          ? "reverse fit, minimising KL(Q||P) (mode-seeking):"
                                          : "alpha-divergence fit, alpha = " + std::to_string(*a) + ":";
            s += "\n" + resultText(title, problem.family, r);
        }
        writeOut(s);
    }
    return 0;
}

int landscape(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write KL(P||Q) and KL(Q||P) over a grid of two of Q's parameters (or along one, a curve) as CSV. "
        "Parameters not on an axis take their --fix value, else the forward fit's."));
    parser.addHelpOption();
    const SharedOptions o;
    const QCommandLineOption x(QStringLiteral("x"), QStringLiteral("First axis, e.g. mu=-5..5."),
                               QStringLiteral("NAME=A..B"));
    const QCommandLineOption y(QStringLiteral("y"), QStringLiteral("Second axis, e.g. sigma=0.5..5."),
                               QStringLiteral("NAME=C..D"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Grid nodes (default 128x128)."),
                                  QStringLiteral("WxH"), QStringLiteral("128x128"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output file (.csv)."),
                                 QStringLiteral("FILE"));
    parser.addOptions({o.p, o.family, o.fix, o.direction, x, y, size, out});
    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString());
        return 0;
    }
    const auto directions = readDirections(parser.value(o.direction));
    if (!directions)
        return usage(QStringLiteral("--direction must be forward, reverse or both, got '%1'")
                         .arg(parser.value(o.direction)));
    if (!parser.isSet(out) || !parser.isSet(x))
        return usage(QStringLiteral("landscape needs --x NAME=A..B and --out FILE.csv"));
    const QString file = parser.value(out);
    const QString suffix = file.section(QLatin1Char('.'), -1).toLower();
    if (suffix == QLatin1String("png") || suffix == QLatin1String("pdf") || suffix == QLatin1String("svg"))
        return usage(QStringLiteral("figure output of landscapes (%1) comes with the fitting page; for now "
                                    "write the values with --out FILE.csv")
                         .arg(suffix));
    if (suffix != QLatin1String("csv"))
        return usage(QStringLiteral("--out must end in .csv, got '%1'").arg(file));
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const int w = wh.size() == 2 ? wh[0].toInt(&okW) : 0;
    const int h = wh.size() == 2 ? wh[1].toInt(&okH) : 0;
    if (!okW || !okH || w < 2 || h < (parser.isSet(y) ? 2 : 1) || w > 4096 || h > 4096)
        return usage(QStringLiteral("--size must be WxH with W and H from 2 to 4096, got '%1'")
                         .arg(parser.value(size)));
    Problem problem;
    if (const auto code = readProblem(parser, o, problem))
        return *code;

    const auto readAxis = [&](const QCommandLineOption &option, std::size_t count,
                              klscope::LandscapeAxis &axis) -> std::optional<int> {
        const QString text = parser.value(option);
        const qsizetype eq = text.indexOf(QLatin1Char('='));
        const qsizetype dots = text.indexOf(QLatin1String(".."), eq + 1);
        if (eq < 0 || dots < 0)
            return usage(QStringLiteral("--%1 takes NAME=A..B, got '%2'").arg(option.names().first(), text));
        const QString name = text.left(eq);
        const int index = parameterIndex(problem.family, name);
        if (index < 0)
            return usage(QStringLiteral("--%1: %2 has no parameter '%3' (its parameters: %4)")
                             .arg(option.names().first(), parser.value(o.family), name,
                                  parameterList(problem.family)));
        if (klscope::fitParameters(problem.family)[std::size_t(index)].kind == klscope::ParameterKind::Count)
            return usage(QStringLiteral("--%1: %2 is a whole number held fixed, not an axis")
                             .arg(option.names().first(), name));
        try {
            axis.from =
                klscope::parseNumber(text.mid(eq + 1, dots - eq - 1).toStdString(), name.toStdString());
            axis.to = klscope::parseNumber(text.mid(dots + 2).toStdString(), name.toStdString());
        } catch (const std::invalid_argument &e) {
            return usage(
                QStringLiteral("--%1: %2").arg(option.names().first(), QString::fromStdString(e.what())));
        }
        if (!(axis.from < axis.to))
            return usage(QStringLiteral("--%1: the range %2 needs A < B").arg(option.names().first(), text));
        axis.parameter = std::size_t(index);
        axis.count = count;
        return std::nullopt;
    };
    klscope::LandscapeAxis ax;
    if (const auto code = readAxis(x, std::size_t(w), ax))
        return *code;
    std::optional<klscope::LandscapeAxis> ay;
    if (parser.isSet(y)) {
        ay.emplace();
        if (const auto code = readAxis(y, std::size_t(h), *ay))
            return *code;
        if (ay->parameter == ax.parameter)
            return usage(QStringLiteral("--x and --y name the same parameter"));
    }
    // The parameters off the axes: fixed, else the forward fit's (else the reverse fit's).
    std::vector<double> base = problem.fixed;
    const auto free = problem.objective->freeIndices();
    bool needFit = false;
    for (const std::size_t i : free)
        needFit = needFit || (i != ax.parameter && (!ay || i != ay->parameter));
    if (needFit) {
        std::optional<klscope::FitResult> r;
        for (const auto direction : {klscope::FitDirection::Forward, klscope::FitDirection::Reverse}) {
            try {
                r = klscope::fit(*problem.objective, direction);
                break;
            } catch (const klscope::FitError &) {
            }
        }
        if (!r)
            return usage(
                QStringLiteral("%1 cannot be fitted to this P in either direction, so the parameters "
                               "off the axes have no value: fix them with --fix")
                    .arg(parser.value(o.family)));
        for (const std::size_t i : free)
            base[i] = r->best.parameters[i];
    }
    for (double &v : base)
        if (std::isnan(v))
            v = 1.0; // on an axis: overwritten node by node
    const klscope::Landscape l = klscope::computeLandscape(*problem.objective, base, ax, ay);

    const auto info = klscope::fitParameters(problem.family);
    std::string csv = std::string(info[ax.parameter].name);
    if (ay)
        csv += "," + std::string(info[ay->parameter].name);
    if (directions->forward)
        csv += ",kl_pq";
    if (directions->reverse)
        csv += ",kl_qp";
    csv += "\n";
    const auto number = [](double v) {
        if (std::isnan(v))
            return std::string("nan");
        if (std::isinf(v))
            return std::string(v > 0 ? "inf" : "-inf");
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", v);
        return std::string(buffer);
    };
    const std::size_t rows = ay ? ay->count : 1;
    for (std::size_t j = 0; j < rows; ++j) {
        for (std::size_t i = 0; i < ax.count; ++i) {
            const std::size_t k = j * ax.count + i;
            csv += number(ax.at(i));
            if (ay)
                csv += "," + number(ay->at(j));
            if (directions->forward)
                csv += "," + number(l.klPQ[k]);
            if (directions->reverse)
                csv += "," + number(l.klQP[k]);
            csv += "\n";
        }
    }
    QSaveFile saved(file);
    if (!saved.open(QIODevice::WriteOnly) ||
        saved.write(csv.data(), qint64(csv.size())) != qint64(csv.size()) || !saved.commit()) {
        printError(QStringLiteral("Cannot write file %1:\n%2")
                       .arg(QDir::toNativeSeparators(file), saved.errorString()));
        return kInvalidData;
    }
    return 0;
}

} // namespace cli
