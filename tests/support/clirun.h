#pragma once

// Runs the built klscope-cli (KLSCOPE_CLI, set by the test's CMake target) for the CLI suites.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace klscope::test {

struct CliRun
{
    int exitCode = -1;
    bool crashed = true; ///< also true when it did not start or finish within two minutes
    QByteArray out;
    QString err;
};

/// Runs klscope-cli with `arguments` and collects its exit code and output.
inline CliRun runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(KLSCOPE_CLI), arguments);
    CliRun run;
    if (!process.waitForStarted(30000) || !process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// Runs `compute ARGS --json` and parses the object; an empty object (with a warning printed) when the
/// command fails or prints no JSON object, so the calling test fails on its first check.
inline QJsonObject computeJson(const QStringList &arguments)
{
    const CliRun run =
        runCli(QStringList{QStringLiteral("compute")} + arguments + QStringList{QStringLiteral("--json")});
    if (run.crashed || run.exitCode != 0) {
        qWarning("klscope-cli %s: exit %d: %s", qPrintable(arguments.join(QLatin1Char(' '))), run.exitCode,
                 qPrintable(run.err));
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        qWarning("not a JSON object: %s", qPrintable(error.errorString()));
        return {};
    }
    return doc.object();
}

} // namespace klscope::test
