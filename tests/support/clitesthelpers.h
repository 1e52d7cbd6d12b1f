#pragma once

// What the CLI suites of issue 13 (tst_clianalysis, tst_cliestimate) share beside clirun.h: reading a JSON
// number that may be written as the string "inf", running a command for its JSON object, writing a small
// input file, and checking that a command is refused with exit code 2 and a message.

#include "clirun.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTest>

#include <limits>

namespace klscope::test {

/// A JSON number, or the strings "inf" / "-inf" the CLI writes for infinities; NaN for anything else.
inline double jsonNumber(const QJsonValue &v)
{
    if (v.isString()) {
        if (v.toString() == QLatin1String("inf"))
            return std::numeric_limits<double>::infinity();
        if (v.toString() == QLatin1String("-inf"))
            return -std::numeric_limits<double>::infinity();
        return std::numeric_limits<double>::quiet_NaN();
    }
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

/// The JSON object a run printed (empty when it printed none).
inline QJsonObject jsonOf(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out).object();
}

/// Runs `klscope-cli COMMAND ARGS --json` and parses the object; an empty object (with a warning printed)
/// when the command fails, so the calling test fails on its first check.
inline QJsonObject commandJson(const QString &command, const QStringList &arguments)
{
    const CliRun run = runCli(QStringList{command} + arguments + QStringList{QStringLiteral("--json")});
    if (run.crashed || run.exitCode != 0) {
        qWarning("klscope-cli %s: exit %d: %s", qPrintable(command), run.exitCode, qPrintable(run.err));
        return {};
    }
    return jsonOf(run);
}

/// Writes `text` to `path` (a test fails when it cannot).
inline void writeTextFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(f.write(text), text.size());
}

/// Checks that `klscope-cli COMMAND ARGS` exits with 2 and says `fragment` on stderr.
inline void checkRefused(const QString &command, const QStringList &arguments, const QString &fragment)
{
    const CliRun run = runCli(QStringList{command} + arguments);
    QVERIFY(!run.crashed);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(fragment), qPrintable(run.err));
}

} // namespace klscope::test
