// klscope-cli: the command-line face of the core.
//   klscope-cli compute --p SPEC --q SPEC [--support A..B] [--unit U] [--renormalize] [--json] [--summary]
//   klscope-cli bench [--events N] [--json]   (bench --fit [--json]: the fitting core)
//   klscope-cli fit --p SPEC --family FAMILY [--fix NAME=VALUE]... [--direction D] [--alpha A] [--starts N]
//   klscope-cli vae --file FILE.csv [--unit U] [--collapse-below T] [--json]
//   klscope-cli landscape --p SPEC --family FAMILY --x NAME=A..B [--y NAME=C..D] [--size WxH] --out FILE.csv
//   klscope-cli sweep --p SPEC --q SPEC --vary q.NAME=A..B [--steps N] [--unit U] [--json | --out FILE]
//   klscope-cli test --a SPEC --b SPEC [--json]
//   klscope-cli estimate --p SPEC --q SPEC --n N [--m M] [--seed S] [--bootstrap B] [--smoothing A] [--json]
//   klscope-cli export --p SPEC --q SPEC [--support A..B] [--unit U] --plot PLOT --out FILE [--width W
//                      --height H --scale S]
// Exit codes: 0 success, 1 invalid data, 2 usage error; messages go to stderr.
// Each command lives in its own file; this one picks the command.

#include "analysiscommands.h"
#include "cliutil.h"
#include "fitcommands.h"
#include "imageloader.h"
#include "multivariatecommands.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>

namespace {

// Commands that draw widgets need a QApplication: export, sweep with a figure, and bench --gui and --normal2
// (which time the plots).
bool needsWidgets(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    if (std::strcmp(argv[1], "export") == 0)
        return true;
    if (std::strcmp(argv[1], "sweep") == 0)
        return cli::sweepDrawsFigure(argc, argv);
    if (std::strcmp(argv[1], "bench") != 0)
        return false;
    for (int i = 2; i < argc; ++i)
        if (std::strcmp(argv[i], "--gui") == 0 || std::strcmp(argv[i], "-gui") == 0 ||
            std::strcmp(argv[i], "--normal2") == 0)
            return true;
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool widgets = needsWidgets(argc, argv);
    // Without a display, draw offscreen, so scripts and CI can export figures.
    if (widgets && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app =
        widgets ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("klscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KLSCOPE_VERSION));
    imageloader::installImageSpecReader(); // image:PATH specs, read with QImageReader

    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.size() > 1 ? arguments.at(1) : QString();
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        cli::writeOut(
            "Usage: klscope-cli COMMAND [options]\n\n"
            "Commands:\n"
            "  compute   KL(P||Q), KL(Q||P), JS, entropies, cross entropies, TV and Hellinger for two\n"
            "            distributions, with every per-event term\n"
            "  bench     time the core's fused pass\n"
            "  export    write a figure (distributions, contributions, cumulative or all) as\n"
            "            PNG, JPG, PDF or SVG, without a display\n"
            "  fit       fit a family Q to P by KL(P||Q), KL(Q||P) or the alpha-divergence, every local "
            "minimum\n"
            "  landscape KL both ways over a grid of Q's parameters, as CSV\n"
            "  sweep     KL(P||Q), KL(Q||P) and JS against one parameter of P or Q\n"
            "  test      G-test, chi-square, Z-test and Welch's t-test on counts or samples\n"
            "  estimate  KL and JS estimated from samples (plug-in, Miller-Madow, kNN) with intervals\n"
            "  vae       the VAE term KL(N(mu, diag sigma^2) || N(0, I)) per latent dimension, from CSV\n\n"
            "Run 'klscope-cli COMMAND --help' for a command's options.\n");
        cli::writeOut(std::string(cli::kSpecHelp) + "\n");
        return command.isEmpty() ? cli::kUsage : 0;
    }
    if (command == QLatin1String("--version")) {
        cli::writeOut("klscope-cli " KLSCOPE_VERSION "\n");
        return 0;
    }
    arguments.removeAt(1);
    // One boundary for every command: whatever a command lets through becomes a message and exit code
    // 1, never std::terminate. (Commands turn the core's std::invalid_argument into their own messages.)
    try {
        if (command == QLatin1String("compute"))
            return cli::compute(arguments);
        if (command == QLatin1String("bench"))
            return cli::bench(arguments);
        if (command == QLatin1String("export"))
            return cli::exportFigure(arguments);
        if (command == QLatin1String("fit"))
            return cli::fit(arguments);
        if (command == QLatin1String("landscape"))
            return cli::landscape(arguments);
        if (command == QLatin1String("sweep"))
            return cli::sweep(arguments);
        if (command == QLatin1String("test"))
            return cli::hypothesisTest(arguments);
        if (command == QLatin1String("estimate"))
            return cli::estimate(arguments);
        if (command == QLatin1String("vae"))
            return cli::vae(arguments);
    } catch (const std::bad_alloc &) {
        cli::printError(QStringLiteral("not enough memory"));
        return cli::kInvalidData;
    } catch (const std::exception &e) {
        cli::printError(QStringLiteral("internal error: %1").arg(QString::fromStdString(e.what())));
        return cli::kInvalidData;
    }
    return cli::usage(QStringLiteral("unknown command '%1' (expected compute, bench, export, fit, landscape, "
                                     "sweep, test, estimate or vae)")
                          .arg(command));
}
