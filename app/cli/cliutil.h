#pragma once

// What every klscope-cli subcommand shares: exit codes, messages on stderr, output on stdout and
// option parsing. Each subcommand lives in its own file and is declared here.

#include "eventrange.h"
#include "units.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <string_view>

class QCommandLineParser;

namespace cli {

constexpr int kInvalidData = 1;
constexpr int kUsage = 2;

/// The distribution spec syntax, for --help texts.
extern const char *const kSpecHelp;

/// The value of --NAME (or -NAME, --NAME=V, -NAME=V) in the raw arguments, if any: for choosing a
/// command's variant (a continuous or 2-D pair) before its own parser runs.
std::optional<QString> rawValue(const QStringList &arguments, const QString &name);

/// "klscope-cli: MESSAGE" on stderr.
void printError(const QString &message);
/// printError, then a pointer to --help; returns kUsage.
int usage(const QString &message);
/// Writes `text` to stdout as it is.
void writeOut(std::string_view text);
/// Parses a subcommand's options; false with `error` set on a usage error or a stray argument.
bool parseOptions(QCommandLineParser &parser, const QStringList &arguments, QString *error);

/// The options of the commands that compare two distributions: --p, --q, --support, --unit and
/// --renormalize, with the same help text in each command.
struct PairOptions
{
    QCommandLineOption p, q, support, unit, renormalize;

    PairOptions();
    /// The five, in the order their help lists them.
    QList<QCommandLineOption> all() const;
};

/// Parses the options of a command that compares two distributions: the exit code when the command
/// is done already (a usage error, or --help printed with the spec syntax), else nullopt.
std::optional<int> parsePairCommand(QCommandLineParser &parser, const QStringList &arguments);

/// The unit and the explicit support (nullopt when --support is not given) read from `parser`.
struct UnitAndSupport
{
    klscope::Unit unit = klscope::Unit::Nats;
    std::optional<klscope::EventRange> support;
};

/// Reads --unit, then --support; on a bad value prints the usage message and sets `exitCode` to
/// kUsage, leaving the result empty.
std::optional<UnitAndSupport> parseUnitAndSupport(const QCommandLineParser &parser,
                                                  const PairOptions &options, int *exitCode);

// The subcommands; `arguments` starts with the program name, without the command word.
int compute(const QStringList &arguments);
int bench(const QStringList &arguments);
/// Renders a figure of two distributions to PNG, JPG, PDF or SVG (needs a QApplication).
int exportFigure(const QStringList &arguments);

} // namespace cli
