#include "cliutil.h"

#include "filespec.h"
#include "imagespec.h"
#include "spec.h"

#include <QCommandLineParser>

#include <cstdio>
#include <stdexcept>

namespace cli {

const char *const kSpecHelp =
    "SPEC: binomial:n=15,p=0.4 | uniform:a=0,b=14 | poisson:lambda=3.5 | geometric:p=0.3\n"
    "    | negative_binomial:r=5,p=0.4 | hypergeometric:N=50,K=20,n=10 | bernoulli:p=0.3\n"
    "    | custom:0.2,0.5,0.3   (numbers may be fractions such as 7/15)\n"
    "DENSITY SPEC (both sides continuous): normal:mu=0,sigma=1 | student_t:nu=5,mu=0,sigma=1\n"
    "    | laplace:mu=0,b=1 | cauchy:x0=0,gamma=1 | exponential:rate=1 | gamma:shape=2,rate=1\n"
    "    | lognormal:mu=0,sigma=1 | beta:a=2,b=3 | continuous_uniform:a=0,b=1\n"
    "    | gmm:w1=0.5,mu1=-2,sigma1=1,w2=0.5,mu2=2,sigma2=1";

// The value of --NAME (or -NAME, --NAME=V, -NAME=V) in the raw arguments, if any.
std::optional<QString> rawValue(const QStringList &arguments, const QString &name)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        for (const QString &prefix : {QStringLiteral("--"), QStringLiteral("-")}) {
            if (a == prefix + name && i + 1 < arguments.size())
                return arguments[i + 1];
            if (a.startsWith(prefix + name + QLatin1Char('=')))
                return a.mid(prefix.size() + name.size() + 1);
        }
    }
    return std::nullopt;
}

void printError(const QString &message)
{
    std::fprintf(stderr, "klscope-cli: %s\n", qPrintable(message));
}

int usage(const QString &message)
{
    printError(message);
    std::fprintf(stderr, "Run 'klscope-cli --help' for usage.\n");
    return kUsage;
}

void writeOut(std::string_view text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
}

bool parseOptions(QCommandLineParser &parser, const QStringList &arguments, QString *error)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return false;
    }
    return true;
}

PairOptions::PairOptions()
    : p(QStringLiteral("p"), QStringLiteral("Distribution P."), QStringLiteral("SPEC")),
      q(QStringLiteral("q"), QStringLiteral("Distribution Q."), QStringLiteral("SPEC")),
      support(QStringLiteral("support"), QStringLiteral("Evaluate both on A..B as given (no renormalising)."),
              QStringLiteral("A..B")),
      unit(QStringLiteral("unit"), QStringLiteral("nats, bits or bans."), QStringLiteral("UNIT"),
           QStringLiteral("nats")),
      renormalize(QStringLiteral("renormalize"),
                  QStringLiteral("Rescale P and Q to sum to 1 on the support."))
{}

QList<QCommandLineOption> PairOptions::all() const
{
    return {p, q, support, unit, renormalize};
}

std::optional<int> parsePairCommand(QCommandLineParser &parser, const QStringList &arguments)
{
    QString error;
    if (!parseOptions(parser, arguments, &error))
        return usage(error);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toStdString() + kSpecHelp + "\n" +
                 std::string(klscope::import::fileSpecHelp()) + "\n" +
                 std::string(klscope::import::imageSpecHelp()) + "\n");
        return 0;
    }
    return std::nullopt;
}

std::optional<UnitAndSupport> parseUnitAndSupport(const QCommandLineParser &parser,
                                                  const PairOptions &options, int *exitCode)
{
    UnitAndSupport result;
    const auto unit = klscope::parseUnit(parser.value(options.unit).toStdString());
    if (!unit) {
        *exitCode = usage(
            QStringLiteral("--unit must be nats, bits or bans, got '%1'").arg(parser.value(options.unit)));
        return std::nullopt;
    }
    result.unit = *unit;
    try {
        if (parser.isSet(options.support))
            result.support = klscope::parseSupport(parser.value(options.support).toStdString());
    } catch (const std::invalid_argument &e) {
        *exitCode = usage(QString::fromStdString(e.what()));
        return std::nullopt;
    }
    return result;
}

} // namespace cli
