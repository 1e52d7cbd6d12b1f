#pragma once

// What every klscope-cli subcommand shares: exit codes, messages on stderr, output on stdout and
// option parsing. Each subcommand lives in its own file and is declared here.

#include <QString>
#include <QStringList>

#include <string>

class QCommandLineParser;

namespace cli {

constexpr int kInvalidData = 1;
constexpr int kUsage = 2;

/// The distribution spec syntax, for --help texts.
extern const char *const kSpecHelp;

/// "klscope-cli: MESSAGE" on stderr.
void printError(const QString &message);
/// printError, then a pointer to --help; returns kUsage.
int usage(const QString &message);
/// Writes `text` to stdout as it is.
void writeOut(const std::string &text);
/// Parses a subcommand's options; false with `error` set on a usage error or a stray argument.
bool parseOptions(QCommandLineParser &parser, const QStringList &arguments, QString *error);

// The subcommands; `arguments` starts with the program name, without the command word.
int compute(const QStringList &arguments);
int bench(const QStringList &arguments);
/// Renders a figure of two distributions to PNG, JPG, PDF or SVG (needs a QApplication).
int exportFigure(const QStringList &arguments);

} // namespace cli
