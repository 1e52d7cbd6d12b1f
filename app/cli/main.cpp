// klscope-cli: the command-line face of the core.
//   klscope-cli compute --p SPEC --q SPEC [--support A..B] [--unit U] [--renormalize] [--json] [--summary]
//   klscope-cli bench [--events N] [--json]
// Exit codes: 0 success, 1 invalid data, 2 usage error; messages go to stderr.
// Each command lives in its own file; this one picks the command.

#include "cliutil.h"

#include <QCoreApplication>

#include <string>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("klscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KLSCOPE_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.size() > 1 ? arguments.at(1) : QString();
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        cli::writeOut("Usage: klscope-cli COMMAND [options]\n\n"
                      "Commands:\n"
                      "  compute   KL(P||Q), KL(Q||P), JS, entropies, cross entropies, TV and Hellinger for two\n"
                      "            distributions, with every per-event term\n"
                      "  bench     time the core's fused pass\n\n"
                      "Run 'klscope-cli COMMAND --help' for a command's options.\n");
        cli::writeOut(std::string(cli::kSpecHelp) + "\n");
        return command.isEmpty() ? cli::kUsage : 0;
    }
    if (command == QLatin1String("--version")) {
        cli::writeOut("klscope-cli " KLSCOPE_VERSION "\n");
        return 0;
    }
    arguments.removeAt(1);
    if (command == QLatin1String("compute"))
        return cli::compute(arguments);
    if (command == QLatin1String("bench"))
        return cli::bench(arguments);
    return cli::usage(QStringLiteral("unknown command '%1' (expected compute or bench)").arg(command));
}
