// Runs klscope-cli as a user would (QProcess) and checks the contract of `compute`: the JSON keys and
// numbers (seed example), infinities as "inf", units, --summary, exit codes with messages that name
// the bad part, no crash on garbage, and distributions read from files (file:, samples:).

#include "clirun.h"
#include "relativecompare.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using klscope::test::closeRelative;

namespace {

using Run = klscope::test::CliRun;
using klscope::test::computeJson;
using klscope::test::runCli;

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &contents)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray number(double x)
{
    return QByteArray::number(x, 'g', 17);
}

// The per-event p (or q) column of a JSON result.
QList<double> column(const QJsonObject &o, const char *key)
{
    QList<double> values;
    for (const QJsonValue &e : o.value(QStringLiteral("events")).toArray())
        values.append(e.toObject().value(QLatin1String(key)).toDouble());
    return values;
}

bool anyContains(const QJsonArray &sentences, const QString &text)
{
    for (const QJsonValue &s : sentences)
        if (s.toString().contains(text))
            return true;
    return false;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void seedExample_data();
    void seedExample();
    void everyKeyPresent();
    void infiniteKlIsNamed();
    void summaryLeavesOutEvents();
    void units_data();
    void units();
    void exitCodes_data();
    void exitCodes();
    void noCrashOnGarbage_data();
    void noCrashOnGarbage();
    void helpShowsFileSpecs();
    void fileKinds_data();
    void fileKinds();
    void labelledFilesAlignByLabel();
    void threeColumnFile();
    void samplesOfDifferentSizes();
    void labelledFileAgainstFamily();
    void textOutputShowsLabelsAndNotes();
    void trustRegressions_data();
    void trustRegressions();
    void infinityBeyondTheSupport();
    void escapesInLabels();
};

void TestCli::seedExample_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<double>("klPQ");
    QTest::addColumn<double>("pMass");
    // P's mass on 0..14 is 1 - P(X = 15) = 1 - (7/15)^15.
    QTest::newRow("support 0..14") << QStringList{"--p",       "binomial:n=15,p=7/15",
                                                  "--q",       "uniform:a=0,b=14",
                                                  "--support", "0..14"}
                                   << 0.6311103254079738 << 1.0 - std::pow(7.0 / 15.0, 15.0);
    QTest::newRow("whole support 0..15")
        << QStringList{"--p", "binomial:n=15,p=7/15", "--q", "uniform:a=0,b=15"} << 0.6955542620636594 << 1.0;
}

void TestCli::seedExample()
{
    QFETCH(QStringList, arguments);
    QFETCH(double, klPQ);
    QFETCH(double, pMass);
    const QJsonObject o = computeJson(arguments);
    QVERIFY(!o.isEmpty());
    const double kl = o.value("kl_pq").toDouble();
    QVERIFY2(closeRelative(kl, klPQ, 1e-12), qPrintable(QString::number(kl, 'g', 17)));
    const double mass = o.value("p_mass").toDouble();
    QVERIFY2(closeRelative(mass, pMass, 1e-12), qPrintable(QString::number(mass, 'g', 17)));
    QVERIFY(closeRelative(o.value("q_mass").toDouble(), 1.0, 1e-12));
}

void TestCli::everyKeyPresent()
{
    const QJsonObject o = computeJson({"--p", "binomial:n=15,p=7/15", "--q", "uniform:a=0,b=15"});
    QVERIFY(!o.isEmpty());
    const char *numbers[] = {"p_mass",
                             "q_mass",
                             "kl_pq",
                             "kl_qp",
                             "js",
                             "js_distance",
                             "h_p",
                             "h_q",
                             "cross_entropy_pq",
                             "cross_entropy_qp",
                             "total_variation",
                             "hellinger"};
    for (const char *key : numbers)
        QVERIFY2(o.value(QLatin1String(key)).isDouble(), key);
    QCOMPARE(o.value("unit").toString(), QStringLiteral("nats"));
    QVERIFY(o.value("infinite_at").isObject());
    QVERIFY(o.value("warnings").isArray());
    const QJsonArray events = o.value("events").toArray();
    QCOMPARE(events.size(), 16); // 0..15, the union of both supports
    for (const QJsonValue &e : events)
        for (const char *key : {"x", "p", "q", "kl_pq", "kl_qp", "js"})
            QVERIFY2(e.toObject().value(QLatin1String(key)).isDouble(), key);
    // 17 significant digits: the text of a number survives a round trip through double.
    const Run run =
        runCli({"compute", "--p", "poisson:lambda=3.5", "--q", "poisson:lambda=3.25", "--json", "--summary"});
    QCOMPARE(run.exitCode, 0);
    const QByteArray text = run.out;
    const int at = text.indexOf("\"kl_pq\":") + 8;
    const QByteArray digits = text.mid(at, text.indexOf(',', at) - at);
    QCOMPARE(number(digits.toDouble()), digits);
}

void TestCli::infiniteKlIsNamed()
{
    // Q has no mass at event 2, where P has 0.25.
    const QJsonObject o = computeJson({"--p", "custom:0.25,0.5,0.25", "--q", "custom:0.5,0.5"});
    QVERIFY(!o.isEmpty());
    QCOMPARE(o.value("kl_pq").toString(), QStringLiteral("inf"));
    QCOMPARE(o.value("cross_entropy_pq").toString(), QStringLiteral("inf"));
    QVERIFY(o.value("kl_qp").isDouble());
    const QJsonObject at = o.value("infinite_at").toObject();
    QCOMPARE(at.value("kl_pq").toArray(), QJsonArray{2});
    QCOMPARE(at.value("kl_qp").toArray(), QJsonArray{});
    const QJsonObject event2 = o.value("events").toArray().at(2).toObject();
    QCOMPARE(event2.value("kl_pq").toString(), QStringLiteral("inf"));
}

void TestCli::summaryLeavesOutEvents()
{
    const QJsonObject full = computeJson({"--p", "bernoulli:p=0.3", "--q", "bernoulli:p=0.6"});
    const QJsonObject summary =
        computeJson({"--p", "bernoulli:p=0.3", "--q", "bernoulli:p=0.6", "--summary"});
    QVERIFY(full.contains("events"));
    QVERIFY(!summary.isEmpty());
    QVERIFY(!summary.contains("events"));
    QCOMPARE(summary.value("kl_pq").toDouble(), full.value("kl_pq").toDouble());
}

void TestCli::units_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<double>("perNat");
    QTest::newRow("bits") << "bits" << 1 / std::log(2.0);
    QTest::newRow("bans") << "bans" << 1 / std::log(10.0);
    QTest::newRow("nats") << "nats" << 1.0;
}

void TestCli::units()
{
    QFETCH(QString, unit);
    QFETCH(double, perNat);
    const QStringList specs{"--p", "binomial:n=15,p=7/15", "--q", "uniform:a=0,b=15"};
    const QJsonObject nats = computeJson(specs);
    const QJsonObject other = computeJson(specs + QStringList{"--unit", unit});
    QVERIFY(!nats.isEmpty() && !other.isEmpty());
    QCOMPARE(other.value("unit").toString(), unit);
    for (const char *key : {"kl_pq", "kl_qp", "js", "h_p", "h_q", "cross_entropy_pq"}) {
        const double expected = nats.value(QLatin1String(key)).toDouble() * perNat;
        QVERIFY2(closeRelative(other.value(QLatin1String(key)).toDouble(), expected, 1e-14), key);
    }
    // Distances have no unit.
    QCOMPARE(other.value("total_variation").toDouble(), nats.value("total_variation").toDouble());
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("stderrMentions");
    const QString badfiles = QStringLiteral(KLSCOPE_BADFILES);
    QTest::newRow("success") << QStringList{"compute", "--p", "bernoulli:p=0.3", "--q", "bernoulli:p=0.5"}
                             << 0 << QStringList{};
    QTest::newRow("bad spec") << QStringList{"compute", "--p", "binomial:n=15,p=abc", "--q",
                                             "uniform:a=0,b=15"}
                              << 1 << QStringList{"--p", "abc"};
    QTest::newRow("unknown family") << QStringList{"compute", "--p", "bernoulli:p=0.3", "--q", "zipf:s=2"}
                                    << 1 << QStringList{"--q", "zipf"};
    QTest::newRow("negative mass") << QStringList{"compute", "--p", "custom:0.5,-0.25,0.75", "--q",
                                                  "custom:1"}
                                   << 1 << QStringList{"negative", "-0.25"};
    QTest::newRow("unknown unit") << QStringList{"compute",         "--p",    "bernoulli:p=0.3", "--q",
                                                 "bernoulli:p=0.5", "--unit", "furlongs"}
                                  << 2 << QStringList{"furlongs"};
    QTest::newRow("missing --q") << QStringList{"compute", "--p", "bernoulli:p=0.3"} << 2
                                 << QStringList{"--q"};
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << QStringList{"frobnicate"};
    QTest::newRow("unknown option") << QStringList{"compute",         "--p",     "bernoulli:p=0.3", "--q",
                                                   "bernoulli:p=0.5", "--colour"}
                                    << 2 << QStringList{"colour"};
    QTest::newRow("reversed support")
        << QStringList{"compute", "--p", "bernoulli:p=0.3", "--q", "bernoulli:p=0.5", "--support", "5..1"}
        << 2 << QStringList{"5..1"};
    QTest::newRow("missing file") << QStringList{"compute", "--p", "file:/nonexistent/klscope/p.csv", "--q",
                                                 "bernoulli:p=0.5"}
                                  << 1 << QStringList{"--p", "p.csv", "no such file"};
    QTest::newRow("text in a number")
        << QStringList{"compute", "--p", "bernoulli:p=0.5", "--q", "file:" + badfiles + "/text-in-number.csv"}
        << 1 << QStringList{"--q", "text-in-number.csv, line 3", "'abc'"};
    QTest::newRow("negative count") << QStringList{"compute", "--p",
                                                   "file:" + badfiles + "/negative.csv,as=counts", "--q",
                                                   "custom:1"}
                                    << 1 << QStringList{"negative.csv, line 3", "negative count"};
    QTest::newRow("unknown file option")
        << QStringList{"compute", "--p", "file:" + badfiles + "/negative.csv,colour=red", "--q", "custom:1"}
        << 1 << QStringList{"unknown option 'colour'"};
    QTest::newRow("unknown kind") << QStringList{"compute", "--p",
                                                 "file:" + badfiles + "/negative.csv,as=odds", "--q",
                                                 "custom:1"}
                                  << 1 << QStringList{"odds", "logits"};
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, stderrMentions);
    const Run run = runCli(arguments);
    QVERIFY(!run.crashed);
    QCOMPARE(run.exitCode, exitCode);
    if (exitCode == 0)
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    else
        QVERIFY(run.out.isEmpty());
    for (const QString &text : stderrMentions)
        QVERIFY2(run.err.contains(text), qPrintable(run.err + " lacks " + text));
}

void TestCli::noCrashOnGarbage_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString badfiles = QStringLiteral(KLSCOPE_BADFILES);
    auto compute = [](const QString &p, const QString &q, const QStringList &more = {}) {
        return QStringList{"compute", "--p", p, "--q", q} + more;
    };
    QTest::newRow("empty spec") << compute("", "");
    QTest::newRow("colon only") << compute(":", ":,=,");
    QTest::newRow("custom empty") << compute("custom:", "custom:,,,");
    QTest::newRow("custom overflow") << compute("custom:1e999", "custom:1");
    QTest::newRow("custom nan") << compute("custom:nan,1", "custom:1");
    QTest::newRow("fraction by zero") << compute("binomial:n=15,p=1/0", "custom:1");
    QTest::newRow("huge n") << compute("binomial:n=1e300,p=0.5", "custom:1");
    QTest::newRow("huge support") << compute("bernoulli:p=0.5", "bernoulli:p=0.5",
                                             {"--support", "0..99999999999999"});
    QTest::newRow("support garbage") << compute("bernoulli:p=0.5", "bernoulli:p=0.5", {"--support", "..-"});
    QTest::newRow("binary spec") << compute(QString::fromLatin1("\x01\x7f\xff"), "custom:1");
    QTest::newRow("file no path") << compute("file:", "samples:");
    QTest::newRow("file is a folder") << compute("file:" + badfiles, "custom:1");
    QTest::newRow("binary file") << compute("file:" + badfiles + "/binary.csv", "custom:1");
    QTest::newRow("invalid utf-8") << compute("samples:" + badfiles + "/invalid-utf8.csv", "custom:1");
    QTest::newRow("bad width") << compute("samples:" + badfiles + "/negative.csv,width=-1", "custom:1");
    QTest::newRow("dangling option") << compute("--p", "--q");
}

void TestCli::noCrashOnGarbage()
{
    QFETCH(QStringList, arguments);
    const Run run = runCli(arguments);
    QVERIFY(!run.crashed);
    QVERIFY2(run.exitCode == 1 || run.exitCode == 2, qPrintable(QString::number(run.exitCode)));
    QVERIFY(run.err.startsWith(QStringLiteral("klscope-cli: ")));
}

void TestCli::helpShowsFileSpecs()
{
    const Run run = runCli({"compute", "--help"});
    QCOMPARE(run.exitCode, 0);
    const QString help = QString::fromUtf8(run.out);
    for (const char *text : {"file:PATH", "samples:PATH", "as=probabilities|counts|logits|logprobs",
                             "bins=auto|integer|fd", "width=W", "column=C", "binomial:n=15"})
        QVERIFY2(help.contains(QLatin1String(text)), text);
}

void TestCli::fileKinds_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QList<double>>("masses");
    QTest::addColumn<QString>("note");
    QTest::newRow("counts") << QByteArray("1\n2\n3\n4\n") << "counts" << QList<double>{0.1, 0.2, 0.3, 0.4}
                            << "sample size 10";
    QTest::newRow("logits") << number(0) + "\n" + number(std::log(2.0)) + "\n" + number(std::log(3.0)) + "\n"
                            << "logits" << QList<double>{1.0 / 6, 2.0 / 6, 3.0 / 6} << "read as logits";
    QTest::newRow("huge logits") << QByteArray("1000\n1000\n") << "logits" << QList<double>{0.5, 0.5}
                                 << "read as logits";
    QTest::newRow("logprobs") << number(std::log(0.25)) + "\n-inf\n" + number(std::log(0.75)) + "\n"
                              << "logprobs" << QList<double>{0.25, 0.0, 0.75} << "read as logprobs";
    QTest::newRow("probabilities") << QByteArray("p\n0.5\n0.25\n0.25\n") << "probabilities"
                                   << QList<double>{0.5, 0.25, 0.25} << "read as probabilities";
}

void TestCli::fileKinds()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, kind);
    QFETCH(QList<double>, masses);
    QFETCH(QString, note);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, "values.csv", contents);
    const QJsonObject o =
        computeJson({"--p", "file:" + path + ",as=" + kind, "--q", "file:" + path + ",as=" + kind});
    QVERIFY(!o.isEmpty());
    const QList<double> p = column(o, "p");
    QCOMPARE(p.size(), masses.size());
    for (qsizetype i = 0; i < p.size(); ++i)
        QVERIFY2(std::fabs(p[i] - masses[i]) <= 1e-15, qPrintable(QString::number(p[i], 'g', 17)));
    QCOMPARE(o.value("kl_pq").toDouble(), 0.0);
    QVERIFY(anyContains(o.value("notes").toArray(), note));
    QVERIFY(anyContains(o.value("notes").toArray(), "values.csv"));
}

void TestCli::labelledFilesAlignByLabel()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // P has 'zebra', Q does not; Q has 'okapi', P does not.
    const QString p = writeFile(dir, "p.csv", "animal,count\nlion,2\nzebra,1\ngnu,1\n");
    const QString q = writeFile(dir, "q.tsv", "animal\tp\ngnu\t0.5\nlion\t0.25\nokapi\t0.25\n");
    const QJsonObject o = computeJson({"--p", "file:" + p + ",as=counts", "--q", "file:" + q});
    QVERIFY(!o.isEmpty());
    const QJsonArray events = o.value("events").toArray();
    QCOMPARE(events.size(), 4); // the union
    QStringList labels;
    for (const QJsonValue &e : events)
        labels << e.toObject().value("label").toString();
    QCOMPARE(labels, (QStringList{"lion", "zebra", "gnu", "okapi"}));
    QCOMPARE(column(o, "p"), (QList<double>{0.5, 0.25, 0.25, 0.0}));
    QCOMPARE(column(o, "q"), (QList<double>{0.25, 0.0, 0.5, 0.25}));
    QCOMPARE(o.value("kl_pq").toString(), QStringLiteral("inf"));
    QCOMPARE(o.value("infinite_at").toObject().value("kl_pq").toArray(), QJsonArray{1});
    QCOMPARE(o.value("kl_qp").toString(), QStringLiteral("inf"));
    QCOMPARE(o.value("infinite_at").toObject().value("kl_qp").toArray(), QJsonArray{3});
    const QJsonArray warnings = o.value("warnings").toArray();
    QVERIFY2(anyContains(warnings, "'zebra'"), qPrintable(QJsonDocument(warnings).toJson()));
    QVERIFY(anyContains(warnings, "'okapi'"));
    QVERIFY(anyContains(o.value("notes").toArray(), "sample size 4"));
    // Without the missing labels the KL is finite: 0.5 ln(0.5/0.25) + 0.25 ln(0.25/0.5) + ...
    const QString q2 = writeFile(dir, "q2.csv", "gnu,0.25\nzebra,0.25\nlion,0.5\n");
    const QJsonObject finite = computeJson({"--p", "file:" + p + ",as=counts", "--q", "file:" + q2});
    const double expected =
        0.5 * std::log(0.5 / 0.5) + 0.25 * std::log(0.25 / 0.25) + 0.25 * std::log(0.25 / 0.25);
    QCOMPARE(finite.value("kl_pq").toDouble(), expected);
    const QString q3 = writeFile(dir, "q3.csv", "gnu,0.5\nzebra,0.25\nlion,0.25\n");
    const QJsonObject other = computeJson({"--p", "file:" + p + ",as=counts", "--q", "file:" + q3});
    const double kl = 0.5 * std::log(0.5 / 0.25) + 0.25 * std::log(0.25 / 0.25) + 0.25 * std::log(0.25 / 0.5);
    QVERIFY(closeRelative(other.value("kl_pq").toDouble(), kl, 1e-14));
}

void TestCli::threeColumnFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, "pq.csv", "event;p;q\nheads;0.5;0.25\ntails;0.5;0.75\n");
    const QJsonObject o = computeJson({"--p", "file:" + path, "--q", "file:" + path});
    QVERIFY(!o.isEmpty());
    QCOMPARE(column(o, "p"), (QList<double>{0.5, 0.5}));
    QCOMPARE(column(o, "q"), (QList<double>{0.25, 0.75}));
    const double kl = 0.5 * std::log(0.5 / 0.25) + 0.5 * std::log(0.5 / 0.75);
    QVERIFY(closeRelative(o.value("kl_pq").toDouble(), kl, 1e-14));
    // column= picks a column by header name for either side.
    const QJsonObject swapped =
        computeJson({"--p", "file:" + path + ",column=q", "--q", "file:" + path + ",column=P"});
    QCOMPARE(column(swapped, "p"), (QList<double>{0.25, 0.75}));
    QCOMPARE(column(swapped, "q"), (QList<double>{0.5, 0.5}));
}

void TestCli::samplesOfDifferentSizes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString p = writeFile(dir, "p.txt", "0\n1\n1\n2\n");
    const QString q = writeFile(dir, "q.txt", "2\n0\n2\n1\n2\n");
    const QJsonObject o = computeJson({"--p", "samples:" + p, "--q", "samples:" + q});
    QVERIFY(!o.isEmpty());
    QCOMPARE(column(o, "p"), (QList<double>{0.25, 0.5, 0.25}));
    QCOMPARE(column(o, "q"), (QList<double>{0.2, 0.2, 0.6}));
    const QJsonArray notes = o.value("notes").toArray();
    QVERIFY(anyContains(notes, "p.txt: 4 samples"));
    QVERIFY(anyContains(notes, "q.txt: 5 samples"));
    QVERIFY(anyContains(notes, "integer bins 0..2"));
    // Real samples with a bin width: both sides share the edges 0, 0.5, 1, 1.5.
    const QString pr = writeFile(dir, "pr.txt", "0.1\n0.2\n0.7\n1.2\n");
    const QString qr = writeFile(dir, "qr.txt", "0.6\n0.9\n");
    const QJsonObject r = computeJson({"--p", "samples:" + pr + ",width=0.5", "--q", "samples:" + qr});
    QVERIFY(!r.isEmpty());
    QCOMPARE(column(r, "p"), (QList<double>{0.5, 0.25, 0.25}));
    QCOMPARE(column(r, "q"), (QList<double>{0.0, 1.0, 0.0}));
    QCOMPARE(r.value("events").toArray().at(1).toObject().value("label").toString(),
             QStringLiteral("[0.5, 1)"));
}

void TestCli::labelledFileAgainstFamily()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Rows out of order and a gap at 1: the mass labelled x goes to event x.
    const QString path = writeFile(dir, "x.csv", "x,p\n2,0.25\n0,0.75\n");
    const QJsonObject o = computeJson({"--p", "file:" + path, "--q", "bernoulli:p=0.5"});
    QVERIFY(!o.isEmpty());
    QCOMPARE(column(o, "p"), (QList<double>{0.75, 0.0, 0.25}));
    QCOMPARE(column(o, "q"), (QList<double>{0.5, 0.5, 0.0}));
    QCOMPARE(o.value("infinite_at").toObject().value("kl_pq").toArray(), QJsonArray{2});
    QVERIFY(!o.value("events").toArray().at(0).toObject().contains("label"));
}

void TestCli::textOutputShowsLabelsAndNotes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString p = writeFile(dir, "p.csv", "word,n\ncat,3\ndog,1\n");
    const QString q = writeFile(dir, "q.csv", "word,n\ncat,1\nemu,1\n");
    const Run run = runCli({"compute", "--p", "file:" + p + ",as=counts", "--q", "file:" + q + ",as=counts"});
    QCOMPARE(run.exitCode, 0);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains("P: p.csv: 2 events"), qPrintable(text));
    QVERIFY(text.contains("sample size 4"));
    QVERIFY(text.contains("note: Aligned by label on 3 events"));
    QVERIFY(text.contains("  dog\n"));
    QVERIFY(text.contains("no mass at 'dog'"));
    QVERIFY(text.contains("no mass at 'emu'"));
}

// The trust issue's command lines: each once aborted, printed a wrong number or a false message.
void TestCli::trustRegressions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions"); // in stdout for 0, in stderr otherwise
    auto compute = [](const QString &p, const QString &q, const QStringList &more = {}) {
        return QStringList{"compute", "--p", p, "--q", q, "--json", "--summary"} + more;
    };
    QTest::newRow("poisson ratio 1e-17 (Boost overflow)")
        << compute("poisson:lambda=1", "poisson:lambda=1e-17") << 0 << "\"kl_pq\":38.14394658089";
    QTest::newRow("bernoulli ratio 1e-17")
        << compute("bernoulli:p=0.5", "bernoulli:p=1e-17") << 0 << "\"kl_pq\":18.87882610988";
    QTest::newRow("binomial ratio 1e-16")
        << compute("binomial:n=10,p=0.5", "binomial:n=10,p=1e-16") << 0 << "\"kl_pq\":177.2753356339";
    QTest::newRow("tgamma overflow") << compute("poisson:lambda=1e-10", "uniform:a=0,b=5",
                                                {"--support", "2000..2001"})
                                     << 0 << "\"kl_pq\":\"inf\"";
    QTest::newRow("near-equal customs") << compute("custom:0.9456657713430001", "custom:0.9456657713430094")
                                        << 0 << "\"kl_pq\":-9.32587340685126";
    QTest::newRow("identical after renormalising")
        << compute("custom:1,2,3", "custom:2,4,6", {"--renormalize"}) << 0 << "\"js_distance\":0,";
    QTest::newRow("subnormal total") << compute("custom:1e-320,1e-320", "custom:1,1", {"--renormalize"}) << 0
                                     << "\"kl_pq\":0,";
    QTest::newRow("total beyond double, as given")
        << compute("custom:1e308,1e308", "custom:1,1") << 1 << "2e+308";
    QTest::newRow("poisson 1e6 js") << compute("poisson:lambda=1e6", "poisson:lambda=1000000.000001") << 0
                                    << "\"js_distance\":3.53";
    QTest::newRow("union beyond the limit")
        << compute("uniform:a=-4.9e7,b=0", "uniform:a=0,b=10") << 1 << "limit of 10000000";
    QTest::newRow("geometric minimum")
        << compute("geometric:p=1e-6", "geometric:p=0.5") << 1 << "between 4e-06 and 1";
    QTest::newRow("underflowing spec")
        << compute("binomial:n=10,p=1e-400", "binomial:n=10,p=0.5") << 0 << "\"support\":[0,10]";
    QTest::newRow("overflowing spec")
        << compute("geometric:p=1e309", "geometric:p=0.5") << 1 << "'1e309' is out of range";
}

void TestCli::trustRegressions()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const Run run = runCli(arguments);
    QVERIFY(!run.crashed);
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.err));
    const QString text = exitCode == 0 ? QString::fromUtf8(run.out) : run.err;
    QVERIFY2(text.contains(mentions), qPrintable(text + " lacks " + mentions));
    if (exitCode != 0)
        QVERIFY(!run.err.contains(QStringLiteral("internal error")));
}

// geometric(0.5) against binomial(60, 0.3): P's tail beyond 60 is below the 1e-16 cut and still makes
// KL(P||Q) infinite, decided from the families; JSON says where.
void TestCli::infinityBeyondTheSupport()
{
    const QJsonObject o = computeJson({"--p", "geometric:p=0.5", "--q", "binomial:n=60,p=0.3", "--summary"});
    QVERIFY(!o.isEmpty());
    QCOMPARE(o.value("kl_pq").toString(), QStringLiteral("inf"));
    QVERIFY(o.value("kl_qp").isDouble());
    const QJsonObject tail = o.value("infinite_beyond_support").toObject().value("kl_pq").toObject();
    QCOMPARE(tail.value("from").toInt(), 61);
    KLSCOPE_COMPARE_REL(tail.value("mass").toDouble(), std::ldexp(1.0, -61), 1e-12);
    QCOMPARE(o.value("infinite_count").toObject().value("kl_pq").toInt(), 0);
    const Run text = runCli({"compute", "--p", "geometric:p=0.5", "--q", "binomial:n=60,p=0.3", "--summary"});
    QVERIFY(text.out.contains("KL(P||Q) is infinite: Q = 0 for every x >= 61, where P > 0"));
}

// A label with terminal escape codes is printed escaped in the text table, never raw.
void TestCli::escapesInLabels()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString p = writeFile(dir, "p.csv", "word,p\n\x1b[2Jevil,0.5\nok,0.5\n");
    const Run run = runCli({"compute", "--p", "file:" + p, "--q", "file:" + p});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains('\x1b'));
    QVERIFY(run.out.contains("\\x1b[2Jevil"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
