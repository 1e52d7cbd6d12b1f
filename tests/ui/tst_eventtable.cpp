// EventTableModel and EventTableView: the per-event terms of the core, numeric sorting, CSV copy of
// the selected rows, and a 10^6-event comparison.

#include "eventsortproxymodel.h"
#include "eventtablemodel.h"
#include "eventtableview.h"
#include "metricspanel.h"

#include <comparison.h>
#include <spec.h>

#include "comparespecs.h"

#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>

#include <QTest>

#include <cmath>

namespace {

using klscope::test::compareSpecs;

double raw(const QAbstractItemModel &model, int row, int column)
{
    return model.data(model.index(row, column), EventTableModel::RawValueRole).toDouble();
}

} // namespace

class TestEventTable : public QObject
{
    Q_OBJECT

private slots:
    void showsCoreTerms();
    void shareOfTheTotal();
    void sortsNumerically();
    void copiesSelectedRowsAsCsv();
    void millionRows();
};

void TestEventTable::showsCoreTerms()
{
    EventTableModel model;
    QCOMPARE(model.rowCount(), 0);
    const auto c = compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..14", klscope::Unit::Bits);
    model.setComparison(c);
    QCOMPARE(model.rowCount(), 15);
    QCOMPARE(model.columnCount(), int(EventTableModel::ColumnCount));
    for (int row : {0, 7, 14}) {
        const auto i = std::size_t(row);
        QCOMPARE(model.data(model.index(row, EventTableModel::EventColumn)).toString(), QString::number(row));
        QCOMPARE(raw(model, row, EventTableModel::PColumn), c.p[i]);
        QCOMPARE(raw(model, row, EventTableModel::QColumn), c.q[i]);
        QCOMPARE(raw(model, row, EventTableModel::KlPQColumn), c.klPQ[i]);
        QCOMPARE(raw(model, row, EventTableModel::KlQPColumn), c.klQP[i]);
        QCOMPARE(raw(model, row, EventTableModel::JsColumn), c.js[i]);
        QCOMPARE(model.data(model.index(row, EventTableModel::KlPQColumn)).toString(),
                 EventTableModel::formatNumber(c.klPQ[i]));
    }
    for (int column : {EventTableModel::KlPQColumn, EventTableModel::KlQPColumn, EventTableModel::JsColumn})
        QVERIFY(model.headerData(column, Qt::Horizontal).toString().contains(QLatin1String("[bits]")));
    QCOMPARE(model.headerData(EventTableModel::KlPQColumn, Qt::Horizontal).toString(),
             QStringLiteral("p·log(p/q) [bits]"));
}

void TestEventTable::shareOfTheTotal()
{
    EventTableModel model;
    const auto seed = compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=15", "0..15");
    model.setComparison(seed);
    double sum = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        sum += raw(model, row, EventTableModel::ShareColumn);
    // The total is the closed form or a compensated sum; the shares add up to 1 within rounding.
    QVERIFY2(std::fabs(sum - 1.0) < 1e-12, qPrintable(QString::number(sum, 'g', 17)));
    QVERIFY(
        model.data(model.index(7, EventTableModel::ShareColumn)).toString().endsWith(QLatin1String(" %")));

    // An infinite total: the event that makes it infinite carries all of it.
    model.setComparison(compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..15"));
    QVERIFY(std::isinf(raw(model, 15, EventTableModel::ShareColumn)));
    QCOMPARE(model.data(model.index(15, EventTableModel::ShareColumn)).toString(), QStringLiteral("∞ (all)"));
    QCOMPARE(raw(model, 3, EventTableModel::ShareColumn), 0.0);

    // A zero total (P = Q): no event has a share.
    model.setComparison(compareSpecs("custom:0.2,0.8", "custom:0.2,0.8"));
    QCOMPARE(raw(model, 0, EventTableModel::ShareColumn), 0.0);
    QCOMPARE(raw(model, 1, EventTableModel::ShareColumn), 0.0);
}

void TestEventTable::sortsNumerically()
{
    EventTableView view;
    // Poisson vs geometric: 129 events, terms of both signs spanning many decades, so text order and
    // numeric order differ.
    const auto c = compareSpecs("poisson:lambda=3", "geometric:p=0.25");
    view.setComparison(c);
    QAbstractItemModel &model = *view.model();
    QCOMPARE(model.rowCount(), int(c.p.size()));
    // Unsorted at first: event order.
    QCOMPARE(raw(model, 0, EventTableModel::EventColumn), 0.0);
    QCOMPARE(raw(model, 10, EventTableModel::EventColumn), 10.0);

    // Terms sort by magnitude, biggest first, whatever their sign.
    view.sortByColumn(EventTableModel::KlPQColumn, Qt::DescendingOrder);
    const auto biggest = std::max_element(c.klPQ.begin(), c.klPQ.end(),
                                          [](double a, double b) { return std::fabs(a) < std::fabs(b); }) -
                         c.klPQ.begin();
    QCOMPARE(raw(model, 0, EventTableModel::EventColumn), double(biggest));
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(std::fabs(raw(model, row - 1, EventTableModel::KlPQColumn)) >=
                std::fabs(raw(model, row, EventTableModel::KlPQColumn)));

    view.sortByColumn(EventTableModel::QColumn, Qt::AscendingOrder);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(raw(model, row - 1, EventTableModel::QColumn) <= raw(model, row, EventTableModel::QColumn));

    // Infinite terms sort above every finite one.
    view.setComparison(compareSpecs("binomial:n=20,p=0.5", "uniform:a=5,b=15"));
    view.sortByColumn(EventTableModel::KlPQColumn, Qt::DescendingOrder);
    for (int row = 0; row < 10; ++row)
        QVERIFY(std::isinf(raw(model, row, EventTableModel::KlPQColumn)));
    QVERIFY(std::isfinite(raw(model, 10, EventTableModel::KlPQColumn)));
}

void TestEventTable::copiesSelectedRowsAsCsv()
{
    EventTableView view;
    const auto c = compareSpecs("binomial:n=15,p=7/15", "uniform:a=0,b=14", "0..15");
    view.setComparison(c);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.selectedRowsAsCsv(), QString());

    view.sortByColumn(EventTableModel::KlPQColumn, Qt::DescendingOrder);
    // The top two rows: x = 15 (infinite term) and the biggest finite contributor.
    auto *selection = view.selectionModel();
    const QAbstractItemModel &model = *view.model();
    selection->select(model.index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection->select(model.index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);

    QApplication::clipboard()->clear();
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    const QString csv = QApplication::clipboard()->text();
    QCOMPARE(csv, view.selectedRowsAsCsv());

    const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QStringLiteral("x,p,q,kl_pq_nats,kl_qp_nats,js_nats,share_of_kl_pq"));
    const QStringList first = lines[1].split(QLatin1Char(','));
    QCOMPARE(first.size(), 7);
    QCOMPARE(first[0], QStringLiteral("15"));
    QCOMPARE(first[1].toDouble(), c.p[15]); // %.17g round-trips exactly
    QCOMPARE(first[2], QStringLiteral("0"));
    QCOMPARE(first[3], QStringLiteral("inf"));
    QCOMPARE(first[6], QStringLiteral("inf"));
    const QStringList second = lines[2].split(QLatin1Char(','));
    const auto x = second[0].toLongLong();
    const auto i = std::size_t(x);
    QCOMPARE(second[1].toDouble(), c.p[i]);
    QCOMPARE(second[2].toDouble(), c.q[i]);
    QCOMPARE(second[3].toDouble(), c.klPQ[i]);
    QCOMPARE(second[4].toDouble(), c.klQP[i]);
    QCOMPARE(second[5].toDouble(), c.js[i]);
    QCOMPARE(second[5], QString::asprintf("%.17g", c.js[i]));
    QCOMPARE(second[6], QStringLiteral("0"));
}

void TestEventTable::millionRows()
{
    klscope::CompareOptions options;
    const auto c = klscope::compare(klscope::parseSpec("uniform:a=0,b=999999"),
                                    klscope::parseSpec("binomial:n=999999,p=0.5"), options);
    QCOMPARE(c.p.size(), std::size_t(1'000'000));

    EventTableView view;
    view.resize(800, 400);
    view.setComparison(c);
    const EventTableModel &model = *view.eventModel();
    QCOMPARE(model.rowCount(), 1'000'000);
    for (int row : {0, 499'999, 999'999}) {
        const auto i = std::size_t(row);
        QCOMPARE(raw(model, row, EventTableModel::EventColumn), double(row));
        QCOMPARE(raw(model, row, EventTableModel::PColumn), c.p[i]);
        QCOMPARE(raw(model, row, EventTableModel::KlQPColumn), c.klQP[i]);
        QCOMPARE(model.data(model.index(row, EventTableModel::JsColumn)).toString(),
                 EventTableModel::formatNumber(c.js[i]));
    }
    QCOMPARE(view.model()->rowCount(), 1'000'000);

    // The shared overload shows the same comparison without copying it.
    auto shared = std::make_shared<const klscope::Comparison>(c);
    view.eventModel()->setComparison(shared);
    QCOMPARE(view.eventModel()->comparison().get(), shared.get());
    QCOMPARE(view.model()->rowCount(), 1'000'000);
}

QTEST_MAIN(TestEventTable)
#include "tst_eventtable.moc"
