// klscope-cli sweep: KL(P||Q), KL(Q||P) and JS against one parameter of P or Q (core/analysis/sweep.h), as
// text, JSON, CSV or a figure (the window's SeriesPlot written through FigureExport, with the current value
// and each curve's minimum marked). Every value equals `compute` at that point.

#include "analysiscommands.h"

#include "cliutil.h"

#include "continuousspec.h"
#include "figureexport.h"
#include "filespec.h"
#include "seriesplot.h"
#include "sweep.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <new>
#include <stdexcept>
#include <string>

namespace cli {

namespace {

std::string number(double v, bool json)
{
    if (std::isnan(v))
        return json ? "null" : "nan";
    if (std::isinf(v))
        return json ? (v > 0 ? "\"inf\"" : "\"-inf\"") : (v > 0 ? "inf" : "-inf");
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

std::string jsonArray(const std::vector<double> &v)
{
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i > 0)
            s += ", ";
        s += number(v[i], true);
    }
    return s + "]";
}

std::string toJson(const klscope::Sweep &s)
{
    return "{\"parameter\": \"" + s.parameter + "\", \"unit\": \"" + std::string(klscope::unitName(s.unit)) +
           "\", \"values\": " + jsonArray(s.values) + ", \"kl_pq\": " + jsonArray(s.klPQ) +
           ", \"kl_qp\": " + jsonArray(s.klQP) + ", \"js\": " + jsonArray(s.js) + "}\n";
}

// Where a curve is lowest (the first such step), for the text output.
// The index of a curve's lowest value (the first such step), or curve.size() when every value is NaN.
std::size_t minimumIndex(const std::vector<double> &curve)
{
    std::size_t best = curve.size();
    for (std::size_t i = 0; i < curve.size(); ++i)
        if (!std::isnan(curve[i]) && (best == curve.size() || curve[i] < curve[best]))
            best = i;
    return best;
}

std::string minimumLine(const char *name, const klscope::Sweep &s, const std::vector<double> &curve)
{
    const std::size_t best = minimumIndex(curve);
    if (best == curve.size())
        return std::string("  ") + name + ": no value\n";
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "  %-9s minimum %.6g at %s = %.6g\n", name, curve[best],
                  s.parameter.c_str(), s.values[best]);
    return buffer;
}

std::string toText(const klscope::Sweep &s)
{
    const std::string unit(klscope::unitName(s.unit));
    char buffer[200];
    std::snprintf(buffer, sizeof buffer, "%-14s %-24s %-24s %-24s\n", s.parameter.c_str(),
                  ("KL(P||Q) [" + unit + "]").c_str(), ("KL(Q||P) [" + unit + "]").c_str(),
                  ("JS [" + unit + "]").c_str());
    std::string text = buffer;
    for (std::size_t i = 0; i < s.values.size(); ++i) {
        std::snprintf(buffer, sizeof buffer, "%-14.8g %-24s %-24s %-24s\n", s.values[i],
                      number(s.klPQ[i], false).c_str(), number(s.klQP[i], false).c_str(),
                      number(s.js[i], false).c_str());
        text += buffer;
    }
    text += '\n';
    text += minimumLine("KL(P||Q)", s, s.klPQ);
    text += minimumLine("KL(Q||P)", s, s.klQP);
    text += minimumLine("JS", s, s.js);
    return text;
}

// The figure's size in logical pixels.
constexpr int kFigureWidth = 900;
constexpr int kFigureHeight = 600;

// Draws the three curves with the current value and each curve's minimum marked; "" or why not.
QString writeFigure(const klscope::Sweep &s, const QString &file)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return QStringLiteral("figures need the widgets; run sweep with --out FILE.png, .pdf or .svg");
    using Role = PlotSeries::Role;
    const std::string_view unitText = klscope::unitName(s.unit);
    const QString unit = QString::fromUtf8(unitText.data(), qsizetype(unitText.size()));
    const QString parameter = QString::fromStdString(s.parameter);
    const struct
    {
        QString name;
        Role role;
        const std::vector<double> *curve;
    } curves[] = {{QStringLiteral("KL(P‖Q)"), Role::KlPQ, &s.klPQ},
                  {QStringLiteral("KL(Q‖P)"), Role::KlQP, &s.klQP},
                  {QStringLiteral("JS"), Role::Js, &s.js}};
    QList<PlotSeries> series;
    // Minima at the same step share one marker, so their labels do not overprint.
    std::vector<std::pair<std::size_t, QString>> minima;
    for (const auto &c : curves) {
        series.append(PlotSeries{c.name, PlotSeries::Kind::Line, c.role, s.values, *c.curve});
        const std::size_t m = minimumIndex(*c.curve);
        if (m == c.curve->size())
            continue;
        const QString text = c.name;
        const auto same =
            std::find_if(minima.begin(), minima.end(), [m](const auto &e) { return e.first == m; });
        if (same != minima.end())
            same->second += QStringLiteral(", ") + text;
        else
            minima.emplace_back(m, text);
    }
    QList<PlotMarker> markers;
    for (const auto &[m, text] : minima)
        markers.append(PlotMarker{s.values[m], QStringLiteral("min ") + text, Role::Neutral});
    if (s.current >= s.values.front() && s.current <= s.values.back())
        markers.append(PlotMarker{
            s.current, QStringLiteral("%1 = %2 (current)").arg(parameter, QString::number(s.current, 'g', 6)),
            Role::Neutral});
    SeriesPlot plot;
    plot.setSeries(series);
    plot.setMarkers(markers);
    plot.setAxisTitles(parameter, QStringLiteral("divergence (%1)").arg(unit));
    plot.setXRange(s.values.front(), s.values.back());
    const FigureExport figure({&plot});
    return figure.write(file, FigureExport::Plot::Distributions, QSize(kFigureWidth, kFigureHeight));
}

// A discrete side, as compute reads it (family spec, file: or samples:).
klscope::import::Source loadSide(const QString &spec, klscope::import::Side side, const char *name)
{
    auto source = klscope::import::loadSource(spec.toStdString(), side);
    if (!source)
        throw std::invalid_argument(std::string(name) + ": " + source.error().message);
    return std::move(source).value();
}

} // namespace

bool sweepDrawsFigure(int argc, char *argv[])
{
    for (int i = 2; i < argc; ++i) {
        const QByteArray a = QByteArray(argv[i]).toLower();
        for (const char *suffix : {".png", ".jpg", ".jpeg", ".pdf", ".svg"})
            if (a.endsWith(suffix))
                return true;
    }
    return false;
}

int sweep(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption p(QStringLiteral("p"),
                               QStringLiteral("Distribution P (any spec compute takes)."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption q(QStringLiteral("q"), QStringLiteral("Distribution Q."),
                               QStringLiteral("SPEC"));
    const QCommandLineOption vary(
        QStringLiteral("vary"),
        QStringLiteral("The parameter and its range: p.NAME=A..B or q.NAME=A..B, NAME the spec's key (q.p, "
                       "p.sigma)."),
        QStringLiteral("PARAM=A..B"));
    const QCommandLineOption steps(
        QStringLiteral("steps"), QStringLiteral("Number of values from A to B, 2 to 1000000 (default 101)."),
        QStringLiteral("N"), QStringLiteral("101"));
    const QCommandLineOption unit(QStringLiteral("unit"), QStringLiteral("nats, bits or bans."),
                                  QStringLiteral("UNIT"), QStringLiteral("nats"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption out(
        QStringLiteral("out"),
        QStringLiteral("Write the values to FILE.csv, or draw them to FILE.png, .jpg, .pdf or .svg."),
        QStringLiteral("FILE"));
    parser.addOptions({p, q, vary, steps, unit, json, out});
    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString());
        writeOut(std::string(kSpecHelp) + "\n");
        return 0;
    }
    if (!parser.isSet(p) || !parser.isSet(q) || !parser.isSet(vary))
        return usage(QStringLiteral("sweep needs --p SPEC, --q SPEC and --vary p.NAME=A..B or q.NAME=A..B"));
    if (parser.isSet(json) && parser.isSet(out))
        return usage(QStringLiteral("give --json or --out, not both"));
    const auto u = klscope::parseUnit(parser.value(unit).toStdString());
    if (!u)
        return usage(QStringLiteral("--unit must be nats, bits or bans, got '%1'").arg(parser.value(unit)));
    bool ok = false;
    const qulonglong n = parser.value(steps).toULongLong(&ok);
    if (!ok || n < 2 || n > klscope::kMaxSweepSteps)
        return usage(QStringLiteral("--steps must be a whole number from 2 to %1, got '%2'")
                         .arg(klscope::kMaxSweepSteps)
                         .arg(parser.value(steps)));
    QString file;
    if (parser.isSet(out)) {
        file = parser.value(out);
        const QString suffix = QFileInfo(file).suffix().toLower();
        if (suffix != QLatin1String("csv") && !FigureExport::formatForFile(file))
            return usage(
                QStringLiteral("--out must end in .csv, .png, .jpg, .pdf or .svg, got '%1'").arg(file));
    }

    // --vary NAME=A..B: the usage errors first, before any spec is read.
    klscope::SweepParameter parameter;
    klscope::SweepRange range;
    try {
        const QString text = parser.value(vary);
        const qsizetype eq = text.indexOf(QLatin1Char('='));
        if (eq < 0)
            throw std::invalid_argument("--vary must be p.NAME=A..B or q.NAME=A..B, got '" +
                                        text.toStdString() + "'");
        parameter = klscope::parseSweepParameter(text.left(eq).toStdString());
        range = klscope::parseSweepRange(text.mid(eq + 1).toStdString(), static_cast<std::size_t>(n));
    } catch (const std::invalid_argument &e) {
        return usage(QStringLiteral("--vary: %1").arg(QString::fromStdString(e.what())));
    }

    const bool pContinuous = klscope::isContinuousSpec(parser.value(p).toStdString());
    const bool qContinuous = klscope::isContinuousSpec(parser.value(q).toStdString());
    if (pContinuous != qContinuous)
        return usage(
            QStringLiteral("--%1 is a continuous distribution and --%2 a discrete one: a sweep compares "
                           "two discrete or two continuous distributions")
                .arg(pContinuous ? QLatin1Char('p') : QLatin1Char('q'))
                .arg(pContinuous ? QLatin1Char('q') : QLatin1Char('p')));

    klscope::Sweep result;
    try {
        // Reading the specs: a bad spec is invalid data (exit 1), as in compute.
        std::optional<klscope::ContinuousDistribution> pc, qc;
        std::optional<klscope::import::ResolvedPair> pair;
        try {
            if (pContinuous) {
                pc = klscope::parseContinuousSpec(parser.value(p).toStdString());
                qc = klscope::parseContinuousSpec(parser.value(q).toStdString());
            } else {
                const auto ps = loadSide(parser.value(p), klscope::import::Side::P, "--p");
                const auto qs = loadSide(parser.value(q), klscope::import::Side::Q, "--q");
                const auto &swept = parameter.side == klscope::SweepSide::P ? ps : qs;
                if (swept.type != klscope::import::Source::Type::Family)
                    return usage(
                        QStringLiteral("cannot sweep %1: --%2 is read from a file, which has no named "
                                       "parameters")
                            .arg(QString::fromStdString(parameter.text()))
                            .arg(parameter.side == klscope::SweepSide::P ? QLatin1Char('p')
                                                                         : QLatin1Char('q')));
                auto resolved = klscope::import::pairSources(ps, qs);
                if (!resolved)
                    throw std::invalid_argument(resolved.error().message);
                pair = std::move(resolved).value();
            }
        } catch (const std::invalid_argument &e) {
            printError(QString::fromStdString(e.what()));
            return kInvalidData;
        }
        // The sweep itself: an unknown parameter or a value out of range is a usage error.
        try {
            result = pContinuous ? klscope::sweep(*pc, *qc, parameter, range, *u)
                                 : klscope::sweep(pair->p, pair->q, parameter, range, *u);
        } catch (const std::invalid_argument &e) {
            return usage(QString::fromStdString(e.what()));
        }
    } catch (const std::bad_alloc &) {
        printError(QStringLiteral("not enough memory for this sweep"));
        return kInvalidData;
    }

    if (parser.isSet(json)) {
        writeOut(toJson(result));
    } else if (!file.isEmpty() && FigureExport::formatForFile(file)) {
        const QString failure = writeFigure(result, file);
        if (!failure.isEmpty()) {
            printError(failure);
            return kInvalidData;
        }
    } else if (!file.isEmpty()) {
        const std::string csv = klscope::sweepCsv(result);
        QSaveFile saved(file);
        if (!saved.open(QIODevice::WriteOnly) ||
            saved.write(csv.data(), qint64(csv.size())) != qint64(csv.size()) || !saved.commit()) {
            printError(QStringLiteral("Cannot write file %1:\n%2")
                           .arg(QDir::toNativeSeparators(file), saved.errorString()));
            return kInvalidData;
        }
    } else {
        writeOut(toText(result));
    }
    return 0;
}

} // namespace cli
