// Data exports: the per-event CSV has a header with the unit and one row per event whose numbers are
// the document's comparison; the metrics JSON is exactly klscope::toJson(comparison, true); an
// unwritable path gives a message naming it and writes nothing. For a continuous pair: the grid CSV
// reads back to the document's grid bit for bit, the metrics JSON is byte for byte what
// `klscope-cli compute --json` prints for the same specs, and a write that fails on a full disk leaves
// the old file as it was.

#include "dataexport.h"
#include "document.h"
#include "eventtableview.h"

#include <clirun.h>
#include <continuousreport.h>
#include <continuousspec.h>
#include <report.h>
#include <spec.h>

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>
#include <sys/mount.h>
#include <unistd.h>

namespace {

double parseNumber(const QString &field, bool *ok)
{
    if (field == QLatin1String("inf")) {
        *ok = true;
        return std::numeric_limits<double>::infinity();
    }
    if (field == QLatin1String("-inf")) {
        *ok = true;
        return -std::numeric_limits<double>::infinity();
    }
    return field.toDouble(ok);
}

// A document holding the continuous pair P, Q in `unit`.
bool loadContinuous(Document &document, const QString &p, const QString &q, klscope::Unit unit)
{
    ContinuousPair pair;
    pair.p = klscope::parseContinuousSpec(p.toStdString());
    pair.q = klscope::parseContinuousSpec(q.toStdString());
    DocumentState state;
    state.pair = pair;
    state.unit = unit;
    return document.resetState(state);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

// Pairs of every kind the continuous export meets: quadrature, closed form, infinite integrands (P = 0
// where Q > 0), a mixture.
void continuousPairs()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<int>("unit");
    QTest::addColumn<QString>("unitName");
    QTest::newRow("normal vs t5, nats")
        << "normal:mu=0,sigma=1"
        << "student_t:nu=5,mu=0,sigma=1" << int(klscope::Unit::Nats) << "nats";
    QTest::newRow("vae term, bits") << "normal:mu=1,sigma=0.5"
                                    << "normal:mu=0,sigma=1" << int(klscope::Unit::Bits) << "bits";
    QTest::newRow("exponential vs normal, bans")
        << "exponential:rate=1"
        << "normal:mu=1,sigma=1" << int(klscope::Unit::Bans) << "bans";
    QTest::newRow("mixture vs normal, nats")
        << "gmm:w1=0.5,mu1=-2,sigma1=1,w2=0.5,mu2=2,sigma2=1"
        << "normal:mu=0,sigma=2.23606797749979" << int(klscope::Unit::Nats) << "nats";
}

} // namespace

class TestDataExport : public QObject
{
    Q_OBJECT

private slots:
    void csv_data();
    void csv();
    void sameAsCopyingAllRows();
    void json();
    void unwritable();
    void continuousCsv_data();
    void continuousCsv();
    void continuousJsonIsTheCli_data();
    void continuousJsonIsTheCli();
    void continuousUnwritable();
    void continuousFailedWriteKeepsTheOldFile_data();
    void continuousFailedWriteKeepsTheOldFile();
};

void TestDataExport::csv_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("support");
    QTest::addColumn<int>("unit");
    QTest::addColumn<QString>("unitName");
    QTest::newRow("binomial vs uniform, nats") << "binomial:n=15,p=7/15"
                                               << "uniform:a=0,b=14"
                                               << "" << int(klscope::Unit::Nats) << "nats";
    QTest::newRow("poisson on 0..30, bits") << "poisson:lambda=4"
                                            << "poisson:lambda=9"
                                            << "0..30" << int(klscope::Unit::Bits) << "bits";
    QTest::newRow("custom with a zero, bans") << "custom:0.5,0.5,0"
                                              << "custom:0.2,0.3,0.5"
                                              << "" << int(klscope::Unit::Bans) << "bans";
}

void TestDataExport::csv()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(QString, support);
    QFETCH(int, unit);
    QFETCH(QString, unitName);
    Document document;
    DocumentState state;
    state.discrete()->p = klscope::parseSpec(p.toStdString());
    state.discrete()->q = klscope::parseSpec(q.toStdString());
    if (!support.isEmpty())
        state.discrete()->support = klscope::parseSupport(support.toStdString());
    state.unit = klscope::Unit(unit);
    QVERIFY(document.resetState(state));
    const klscope::Comparison &c = document.comparison();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.csv"));
    QCOMPARE(dataexport::writeEventTableCsv(document.sharedComparison(), path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), qsizetype(c.p.size()) + 1);
    const QStringList header = lines.first().split(QLatin1Char(','));
    QCOMPARE(header.value(0), QStringLiteral("x"));
    QCOMPARE(header.value(3), QStringLiteral("kl_pq_") + unitName);
    QCOMPARE(header.value(4), QStringLiteral("kl_qp_") + unitName);
    QCOMPARE(header.value(5), QStringLiteral("js_") + unitName);

    for (std::size_t i = 0; i < c.p.size(); ++i) {
        const QStringList fields = lines.at(qsizetype(i) + 1).split(QLatin1Char(','));
        QCOMPARE(fields.size(), header.size());
        QCOMPARE(fields.at(0).toLongLong(), c.support.first + qint64(i));
        const double expected[] = {c.p[i], c.q[i], c.klPQ[i], c.klQP[i], c.js[i]};
        for (int k = 0; k < 5; ++k) {
            bool ok = false;
            const double value = parseNumber(fields.at(k + 1), &ok);
            QVERIFY2(ok, qPrintable(fields.at(k + 1)));
            // 17 significant digits read back to the same double.
            QCOMPARE(value, expected[k]);
        }
    }
}

void TestDataExport::sameAsCopyingAllRows()
{
    // The export and Ctrl+C on the table share one row format: exporting equals copying every row.
    Document document;
    EventTableView view;
    view.eventModel()->setComparison(document.sharedComparison());
    view.selectAll();
    const QString copied = view.selectedRowsAsCsv();
    QVERIFY(!copied.isEmpty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.csv"));
    QCOMPARE(dataexport::writeEventTableCsv(document.sharedComparison(), path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), copied);
}

void TestDataExport::json()
{
    Document document;
    QVERIFY(document.setUnit(klscope::Unit::Bits));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.json"));
    QCOMPARE(dataexport::writeMetricsJson(document.comparison(), path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const std::string expected = klscope::toJson(document.comparison(), true);
    QCOMPARE(file.readAll(), QByteArray::fromStdString(expected));
    QVERIFY(expected.find("\"unit\"") != std::string::npos);
}

void TestDataExport::unwritable()
{
    Document document;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing-folder/events.csv"));
    const QString csvError = dataexport::writeEventTableCsv(document.sharedComparison(), path);
    QVERIFY(csvError.contains(QStringLiteral("events.csv")));
    const QString jsonError = dataexport::writeMetricsJson(document.comparison(), path);
    QVERIFY(jsonError.startsWith(QStringLiteral("Cannot write file")));
    QVERIFY(!QFile::exists(path));
}

void TestDataExport::continuousCsv_data()
{
    continuousPairs();
}

void TestDataExport::continuousCsv()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(int, unit);
    QFETCH(QString, unitName);
    Document document;
    QVERIFY(loadContinuous(document, p, q, klscope::Unit(unit)));
    const klscope::ContinuousGrid &grid = document.continuousComparison().grid;
    QCOMPARE(grid.x.size(), Document::kGridPoints);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("grid.csv"));
    QCOMPARE(dataexport::writeContinuousGridCsv(document.continuousComparison(), path), QString());
    const QStringList lines = QString::fromUtf8(readAll(path)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), qsizetype(grid.x.size()) + 1);
    QCOMPARE(lines.first(), QStringLiteral("x,p,q,kl_pq_%1,kl_qp_%1,js_%1").arg(unitName));
    const std::vector<double> *columns[] = {&grid.x, &grid.p, &grid.q, &grid.klPQ, &grid.klQP, &grid.js};
    int infinite = 0;
    for (std::size_t i = 0; i < grid.x.size(); ++i) {
        const QStringList fields = lines.at(qsizetype(i) + 1).split(QLatin1Char(','));
        QCOMPARE(fields.size(), 6);
        for (int k = 0; k < 6; ++k) {
            bool ok = false;
            const double value = parseNumber(fields.at(k), &ok);
            QVERIFY2(ok, qPrintable(fields.at(k)));
            // 17 significant digits read back to the same double.
            QCOMPARE(value, (*columns[k])[i]);
            infinite += std::isinf(value);
        }
    }
    // Where P = 0 < Q the integrand q ln(q/p) is +inf, and it is written so.
    QCOMPARE(infinite > 0, p.startsWith(QLatin1String("exponential")));
}

void TestDataExport::continuousJsonIsTheCli_data()
{
    continuousPairs();
}

void TestDataExport::continuousJsonIsTheCli()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(int, unit);
    QFETCH(QString, unitName);
    const QStringList specs = {QStringLiteral("--p"),    p,        QStringLiteral("--q"),   q,
                               QStringLiteral("--unit"), unitName, QStringLiteral("--json")};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.json"));

    // The window's comparison (801 grid points, no Monte Carlo on an edit) has the metrics of
    // `compute --summary --samples 0`, byte for byte.
    Document document;
    QVERIFY(loadContinuous(document, p, q, klscope::Unit(unit)));
    QCOMPARE(dataexport::writeContinuousMetricsJson(document.continuousComparison(), path, false), QString());
    const klscope::test::CliRun summary = klscope::test::runCli(
        QStringList{QStringLiteral("compute")} + specs +
        QStringList{QStringLiteral("--summary"), QStringLiteral("--samples"), QStringLiteral("0")});
    QVERIFY2(!summary.crashed && summary.exitCode == 0, qPrintable(summary.err));
    QCOMPARE(readAll(path), summary.out);
    QVERIFY(summary.out.contains("\"kl_pq\""));

    // With the CLI's options (201 grid points, 10^5 Monte Carlo samples for a mixture, seed 1) the whole
    // object, grid included, is the CLI's.
    klscope::ContinuousCompareOptions options;
    options.unit = klscope::Unit(unit);
    options.gridPoints = 201;
    const klscope::ContinuousComparison c =
        klscope::compareContinuous(klscope::parseContinuousSpec(p.toStdString()),
                                   klscope::parseContinuousSpec(q.toStdString()), options);
    QCOMPARE(dataexport::writeContinuousMetricsJson(c, path), QString());
    const klscope::test::CliRun full = klscope::test::runCli(QStringList{QStringLiteral("compute")} + specs);
    QVERIFY2(!full.crashed && full.exitCode == 0, qPrintable(full.err));
    QCOMPARE(readAll(path), full.out);
    QVERIFY(full.out.contains("\"grid\""));
    QCOMPARE(full.out.contains("\"mixture\""), p.startsWith(QLatin1String("gmm")));
}

void TestDataExport::continuousUnwritable()
{
    Document document;
    QVERIFY(loadContinuous(document, QStringLiteral("normal:mu=0,sigma=1"),
                           QStringLiteral("normal:mu=1,sigma=2"), klscope::Unit::Nats));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing-folder/grid.csv"));
    const QString csvError = dataexport::writeContinuousGridCsv(document.continuousComparison(), path);
    QVERIFY2(
        csvError.startsWith(QStringLiteral("Cannot write file %1:\n").arg(QDir::toNativeSeparators(path))),
        qPrintable(csvError));
    const QString jsonError = dataexport::writeContinuousMetricsJson(document.continuousComparison(), path);
    QVERIFY2(
        jsonError.startsWith(QStringLiteral("Cannot write file %1:\n").arg(QDir::toNativeSeparators(path))),
        qPrintable(jsonError));
    QVERIFY(!QFile::exists(path));
}

void TestDataExport::continuousFailedWriteKeepsTheOldFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("metrics json") << "metrics.json";
    QTest::newRow("grid csv") << "grid.csv";
}

void TestDataExport::continuousFailedWriteKeepsTheOldFile()
{
    // A 16 KiB disk holds the old file but not the new one (either is about 100 KiB at 801 points), so
    // the writes fail part way; AtomicWriter must then keep the old file whole and leave nothing else.
    QFETCH(QString, name);
    if (::geteuid() != 0)
        QSKIP("mounting a tmpfs needs root (CI runs as root); tst_atomicwriter covers a failing device");
    QTemporaryDir dir;
    const QString mount = dir.filePath(QStringLiteral("disk"));
    QVERIFY(QDir().mkpath(mount));
    if (::mount("tmpfs", QFile::encodeName(mount).constData(), "tmpfs", 0, "size=16k") != 0)
        QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs here: %1")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)))));
    const auto unmount =
        qScopeGuard([&mount] { ::umount2(QFile::encodeName(mount).constData(), MNT_DETACH); });

    const QString path = mount + QLatin1Char('/') + name;
    const QByteArray old = "old " + name.toUtf8();
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(old), old.size());
    }
    Document document;
    QVERIFY(loadContinuous(document, QStringLiteral("normal:mu=0,sigma=1"),
                           QStringLiteral("student_t:nu=5,mu=0,sigma=1"), klscope::Unit::Nats));
    const QString error = name.endsWith(QLatin1String(".json"))
                              ? dataexport::writeContinuousMetricsJson(document.continuousComparison(), path)
                              : dataexport::writeContinuousGridCsv(document.continuousComparison(), path);
    QVERIFY2(error.startsWith(QStringLiteral("Cannot write file %1:\n").arg(QDir::toNativeSeparators(path))),
             qPrintable(error));
    QCOMPARE(readAll(path), old);
    QCOMPARE(QDir(mount).entryList(QDir::Files | QDir::Hidden), QStringList{name});
}

QTEST_MAIN(TestDataExport)
#include "tst_dataexport.moc"
