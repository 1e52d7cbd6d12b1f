// Data exports: the per-event CSV has a header with the unit and one row per event whose numbers are
// the document's comparison; the metrics JSON is exactly klscope::toJson(comparison, true); an
// unwritable path gives a message naming it and writes nothing.

#include "dataexport.h"
#include "document.h"
#include "eventtableview.h"

#include <report.h>
#include <spec.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

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

QTEST_MAIN(TestDataExport)
#include "tst_dataexport.moc"
