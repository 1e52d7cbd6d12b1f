// The per-point table of a continuous pair: one row per point of the document's plotting grid, each cell
// the grid's value (full precision in the tooltip and Qt::UserRole), the unit in the headers, and a reset
// after an edit and its undo.

#include "continuousstate.h"
#include "continuoustablemodel.h"
#include "document.h"
#include "eventreadout.h"

#include <continuouscomparison.h>
#include <continuousspec.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace klscope;

class TestContinuousTableModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreTheGrid_data();
    void rowsAreTheGrid();
    void followsEditsAndUndo();
};

void TestContinuousTableModel::rowsAreTheGrid_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<int>("row");
    QTest::newRow("normal vs t5, first") << "normal:mu=0,sigma=1"
                                         << "student_t:nu=5" << 0;
    QTest::newRow("normal vs t5, middle") << "normal:mu=0,sigma=1"
                                          << "student_t:nu=5" << 400;
    QTest::newRow("support mismatch, last") << "normal:mu=0,sigma=1"
                                            << "exponential:rate=1" << 800;
    QTest::newRow("support mismatch, left") << "normal:mu=0,sigma=1"
                                            << "exponential:rate=1" << 10;
}

void TestContinuousTableModel::rowsAreTheGrid()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(int, row);
    Document document;
    QVERIFY(document.resetState(continuousState(p.toUtf8().constData(), q.toUtf8().constData())));
    ContinuousTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setComparison(document.sharedContinuousComparison());
    QCOMPARE(model.rowCount(), int(Document::kGridPoints));
    QCOMPARE(model.columnCount(), 6);
    const ContinuousGrid &g = document.continuousComparison().grid;
    const std::vector<double> *columns[] = {&g.x, &g.p, &g.q, &g.klPQ, &g.klQP, &g.js};
    for (int column = 0; column < 6; ++column) {
        const QModelIndex index = model.index(row, column);
        const double v = (*columns[column])[std::size_t(row)];
        const QVariant user = model.data(index, Qt::UserRole);
        if (std::isnan(v))
            QVERIFY(std::isnan(user.toDouble()));
        else
            QCOMPARE(user.toDouble(), v);
        QCOMPARE(model.data(index).toString(), formatValue(v));
        // The tooltip reads back to the same double.
        const QString tip = model.data(index, Qt::ToolTipRole).toString();
        if (std::isfinite(v))
            QCOMPARE(tip.toDouble(), v);
    }
    QVERIFY(model.headerData(3, Qt::Horizontal).toString().contains(QStringLiteral("nats")));
}

void TestContinuousTableModel::followsEditsAndUndo()
{
    Document document;
    QVERIFY(document.resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5")));
    ContinuousTableModel model;
    QObject::connect(&document, &Document::comparisonChanged, &model,
                     [&] { model.setComparison(document.sharedContinuousComparison()); });
    model.setComparison(document.sharedContinuousComparison());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const double before = model.data(model.index(400, 1), Qt::UserRole).toDouble();
    QVERIFY(document.setContinuous(Side::P, parseContinuousSpec("normal:mu=0,sigma=0.5")));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.data(model.index(400, 1), Qt::UserRole).toDouble(),
             document.continuousComparison().grid.p[400]);
    QVERIFY(model.data(model.index(400, 1), Qt::UserRole).toDouble() != before);
    document.undoStack()->undo();
    QCOMPARE(model.data(model.index(400, 1), Qt::UserRole).toDouble(), before);
    QVERIFY(document.setUnit(Unit::Bits));
    QVERIFY(model.headerData(3, Qt::Horizontal).toString().contains(QStringLiteral("bits")));
}

QTEST_MAIN(TestContinuousTableModel)
#include "tst_continuoustablemodel.moc"
