// klscope-cli export: the window's figures without a window, so a course can script its figures.
// It builds the same Document and plot widgets as the window and writes through FigureExport, so a
// figure from here and one from File → Export Figure… are drawn by the same code. Two continuous specs
// give the continuous page's figure (ContinuousView: densities, integrands, running integrals), fed by the
// same binder as in the window. main.cpp creates a QApplication for this command (offscreen when there is
// no display).

#include "cliutil.h"

#include "continuousbinder.h"
#include "continuousview.h"
#include "contributionplot.h"
#include "cumulativeplot.h"
#include "discreteplotbinder.h"
#include "distributionplot.h"
#include "document.h"
#include "figureexport.h"
#include "filespec.h"

#include <continuousspec.h>

#include <QCommandLineParser>
#include <QObject>

#include <cmath>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

namespace {

// Resets `document` to `state`: 0, or kInvalidData with the document's reason printed.
int resetDocument(Document &document, const DocumentState &state)
{
    QString refused;
    QObject::connect(&document, &Document::editRefused, &document,
                     [&refused](const QString &message) { refused = message; });
    try {
        if (!document.resetState(state)) {
            printError(refused.isEmpty() ? QStringLiteral("P and Q cannot be compared") : refused);
            return kInvalidData;
        }
    } catch (const std::bad_alloc &) {
        printError(QStringLiteral("not enough memory for this support"));
        return kInvalidData;
    }
    return 0;
}

// The two continuous specs as a pair, or nullopt with the spec's problem printed ("--p: ...").
std::optional<ContinuousPair> readContinuousPair(const QString &p, const QString &q, bool renormalize)
{
    ContinuousPair pair;
    std::vector<std::string> notes;
    const auto read = [&](const QString &spec, const char *name) {
        try {
            return klscope::parseContinuousSpec(spec.toStdString(), renormalize, &notes);
        } catch (const std::invalid_argument &e) {
            throw std::invalid_argument(std::string(name) + ": " + e.what());
        }
    };
    try {
        pair.p = read(p, "--p");
        pair.q = read(q, "--q");
    } catch (const std::invalid_argument &e) {
        printError(QString::fromStdString(e.what()));
        return std::nullopt;
    }
    // stdout stays empty for scripts; a renormalised mixture is worth a line on stderr.
    for (const std::string &note : notes)
        printError(QStringLiteral("note: %1").arg(QString::fromStdString(note)));
    return pair;
}

} // namespace

int exportFigure(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const PairOptions shared;
    const QCommandLineOption plot(QStringLiteral("plot"),
                                  QStringLiteral("distributions, contributions, cumulative or all (the three "
                                                 "stacked, as in the window). For continuous P and Q: the "
                                                 "densities, the integrands or the running integrals."),
                                  QStringLiteral("PLOT"), QStringLiteral("all"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("The file to write; its extension picks the format: .png, "
                                                ".jpg, .pdf (vector) or .svg (vector)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption width(QStringLiteral("width"), QStringLiteral("Figure width in logical pixels."),
                                   QStringLiteral("W"), QStringLiteral("1200"));
    const QCommandLineOption height(QStringLiteral("height"),
                                    QStringLiteral("Figure height in logical pixels."), QStringLiteral("H"),
                                    QStringLiteral("800"));
    const QCommandLineOption scale(QStringLiteral("scale"),
                                   QStringLiteral("PNG/JPG pixels per logical pixel (2 for HiDPI slides)."),
                                   QStringLiteral("S"), QStringLiteral("1"));
    // Print: a physical size (with a resolution for PNG/JPG), the text size, a title and a caption.
    const QCommandLineOption widthMm(
        QStringLiteral("width-mm"),
        QStringLiteral("Figure width on the page in millimetres (with --height-mm; "
                       "replaces --width/--height/--scale)."),
        QStringLiteral("W"));
    const QCommandLineOption heightMm(QStringLiteral("height-mm"),
                                      QStringLiteral("Figure height on the page in millimetres."),
                                      QStringLiteral("H"));
    const QCommandLineOption dpi(
        QStringLiteral("dpi"),
        QStringLiteral("Resolution of a PNG/JPG at --width-mm/--height-mm (default 300)."),
        QStringLiteral("D"), QStringLiteral("300"));
    const QCommandLineOption fontPt(QStringLiteral("font-pt"),
                                    QStringLiteral("Text size on the page in points (e.g. 8 for a two-column "
                                                   "paper)."),
                                    QStringLiteral("F"));
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("A title line above the plots."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption caption(
        QStringLiteral("caption"),
        QStringLiteral("A caption line below the plots with KL(P‖Q), KL(Q‖P) and JS."));
    parser.addOptions(shared.all() + QList<QCommandLineOption>{plot, out, width, height, scale, widthMm,
                                                               heightMm, dpi, fontPt, title, caption});

    if (const auto done = parsePairCommand(parser, arguments))
        return *done;
    if (!parser.isSet(shared.p) || !parser.isSet(shared.q))
        return usage(QStringLiteral("export needs both --p SPEC and --q SPEC"));
    const QString pSpec = parser.value(shared.p), qSpec = parser.value(shared.q);
    const bool pContinuous = klscope::isContinuousSpec(pSpec.toStdString());
    const bool continuous = klscope::isContinuousSpec(qSpec.toStdString());
    if (pContinuous != continuous) {
        const auto domain = [](bool c) {
            return c ? QStringLiteral("continuous") : QStringLiteral("discrete");
        };
        return usage(QStringLiteral("--p %1 is %2 and --q %3 is %4: KL between a density and a mass function "
                                    "is not defined, so export two discrete or two continuous distributions")
                         .arg(pSpec, domain(pContinuous), qSpec, domain(continuous)));
    }
    if (continuous && parser.isSet(shared.support))
        return usage(QStringLiteral("--support A..B is for discrete distributions; a continuous pair is "
                                    "compared over the whole of both supports"));
    if (!parser.isSet(out))
        return usage(QStringLiteral("export needs --out FILE.png, .jpg, .pdf or .svg"));
    const QString file = parser.value(out);
    if (!FigureExport::formatForFile(file))
        return usage(FigureExport::unknownFormatMessage(file));
    const auto which = FigureExport::parsePlot(parser.value(plot));
    if (!which)
        return usage(
            QStringLiteral("--plot must be distributions, contributions, cumulative or all, got '%1'")
                .arg(parser.value(plot)));
    constexpr int kMaxSide = 20000;
    bool okWidth = false, okHeight = false, okScale = false;
    const int w = parser.value(width).toInt(&okWidth);
    const int h = parser.value(height).toInt(&okHeight);
    const double s = parser.value(scale).toDouble(&okScale);
    if (!okWidth || !okHeight || w < 50 || h < 50 || w > kMaxSide || h > kMaxSide)
        return usage(QStringLiteral("--width and --height must be whole numbers from 50 to %1, got %2 and %3")
                         .arg(kMaxSide)
                         .arg(parser.value(width), parser.value(height)));
    if (!okScale || !(s >= 0.25 && s <= 8.0))
        return usage(
            QStringLiteral("--scale must be a number from 0.25 to 8, got '%1'").arg(parser.value(scale)));
    std::optional<FigureExport::PhysicalSize> physical;
    if (parser.isSet(widthMm) || parser.isSet(heightMm)) {
        bool okW = false, okH = false, okDpi = false;
        const double mmW = parser.value(widthMm).toDouble(&okW);
        const double mmH = parser.value(heightMm).toDouble(&okH);
        const double d = parser.value(dpi).toDouble(&okDpi);
        // 5 mm to 1 m, 30 to 2400 dpi: up to 94 488 pixels a side is refused below.
        if (!parser.isSet(widthMm) || !parser.isSet(heightMm) || !okW || !okH || !(mmW >= 5 && mmW <= 1000) ||
            !(mmH >= 5 && mmH <= 1000))
            return usage(
                QStringLiteral("--width-mm and --height-mm go together, each from 5 to 1000, got '%1' "
                               "and '%2'")
                    .arg(parser.value(widthMm), parser.value(heightMm)));
        if (!okDpi || !(d >= 30 && d <= 2400))
            return usage(
                QStringLiteral("--dpi must be a number from 30 to 2400, got '%1'").arg(parser.value(dpi)));
        physical = FigureExport::PhysicalSize{QSizeF(mmW, mmH), d};
        const QSize pixels = FigureExport::pixelSize(*physical);
        if (pixels.width() > kMaxSide || pixels.height() > kMaxSide)
            return usage(QStringLiteral("%1 × %2 mm at %3 dpi is %4 × %5 pixels, more than %6 a side")
                             .arg(mmW)
                             .arg(mmH)
                             .arg(d)
                             .arg(pixels.width())
                             .arg(pixels.height())
                             .arg(kMaxSide));
    } else if (parser.isSet(dpi)) {
        return usage(QStringLiteral("--dpi needs --width-mm and --height-mm"));
    }
    FigureExport::Decorations decorations;
    if (parser.isSet(fontPt)) {
        bool ok = false;
        decorations.fontPoints = parser.value(fontPt).toDouble(&ok);
        if (!ok || !(decorations.fontPoints >= 4 && decorations.fontPoints <= 72))
            return usage(QStringLiteral("--font-pt must be a number from 4 to 72, got '%1'")
                             .arg(parser.value(fontPt)));
    }
    decorations.title = parser.value(title);

    // Refused before the document is built or anything drawn: a raster image Qt cannot address or
    // memory cannot hold (at the physical size when one is given).
    const auto format = *FigureExport::formatForFile(file);
    if (format == FigureExport::Format::Png || format == FigureExport::Format::Jpg) {
        const QString problem = physical
                                    ? FigureExport::imageSizeProblem(FigureExport::pixelSize(*physical), 1.0)
                                    : FigureExport::imageSizeProblem(QSize(w, h), s);
        if (!problem.isEmpty())
            return usage(
                physical ? problem
                         : QStringLiteral("--width %1 --height %2 --scale %3: %4")
                               .arg(parser.value(width), parser.value(height), parser.value(scale), problem));
    }
    int exitCode = 0;
    const auto unitAndSupport = parseUnitAndSupport(parser, shared, &exitCode);
    if (!unitAndSupport)
        return exitCode;

    DocumentState state;
    state.unit = unitAndSupport->unit;
    if (continuous) {
        const auto pair = readContinuousPair(pSpec, qSpec, parser.isSet(shared.renormalize));
        if (!pair)
            return kInvalidData;
        state.pair = *pair;
    } else {
        DiscretePair discrete;
        discrete.support = unitAndSupport->support;
        discrete.renormalize = parser.isSet(shared.renormalize);
        const auto pair = klscope::import::resolveSpecs(pSpec.toStdString(), qSpec.toStdString());
        if (!pair) {
            printError(QString::fromStdString(pair.error().message));
            return kInvalidData;
        }
        discrete.p = pair->p;
        discrete.q = pair->q;
        state.pair = discrete;
    }

    Document document;
    if (const int failed = resetDocument(document, state))
        return failed;

    // The real plot widgets, never shown: each records itself at the size it gets in the figure. A
    // continuous pair draws the view the window shows, fed by the window's binder, stacked 4:3:3 as the
    // window's File → Export Figure… stacks it.
    DistributionPlot distributions;
    ContributionPlot contributions;
    CumulativePlot cumulative;
    ContinuousView view;
    QList<const PlotWidget *> plots;
    double klPQ = 0, klQP = 0, js = 0;
    if (continuous) {
        bindContinuousView(&document, &view);
        for (const PlotWidget *p : view.plots())
            plots.append(p);
        const klscope::ContinuousComparison &c = document.continuousComparison();
        klPQ = c.klPQ.value;
        klQP = c.klQP.value;
        js = c.js.value;
    } else {
        bindDiscretePlots(&document, &distributions, &contributions, &cumulative);
        plots = {&distributions, &contributions, &cumulative};
        const klscope::DivergenceTotals &t = document.comparison().totals;
        klPQ = t.klPQ;
        klQP = t.klQP;
        js = t.js;
    }
    FigureExport figure(plots);
    if (parser.isSet(caption)) {
        const std::string_view unit = klscope::unitName(document.unit());
        decorations.caption =
            FigureExport::caption(klPQ, klQP, js, QString::fromUtf8(unit.data(), qsizetype(unit.size())));
    }
    figure.setPhysicalSize(physical);
    figure.setDecorations(decorations);
    const QString failure = figure.write(file, *which, QSize(w, h), s);
    if (!failure.isEmpty()) {
        printError(failure);
        return kInvalidData;
    }
    return 0;
}

} // namespace cli
