#include "eventtableview.h"

#include "eventsortproxymodel.h"
#include "eventtablemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

#include <algorithm>
#include <cmath>

EventTableView::EventTableView(QWidget *parent)
    : QTableView(parent), m_model(new EventTableModel(this)), m_proxy(new EventSortProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    setModel(m_proxy);
    // Unsorted until a person clicks a header: event order is the natural one.
    horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    setSortingEnabled(true);
    horizontalHeader()->setSortIndicatorShown(true);
    // The first click on a column sorts biggest first; the next click reverses it.
    connect(horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        if (section != m_lastSortSection && section != EventTableModel::EventColumn) {
            m_lastSortSection = section;
            sortByColumn(section, Qt::DescendingOrder);
        }
        m_lastSortSection = section;
    });
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));
    // Row heights never depend on contents, so 10^6 rows lay out instantly.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->hide();
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setWordWrap(false);
    setAlternatingRowColors(true);
    setToolTip(tr("Click a header to sort, biggest first (terms by magnitude); click again to reverse. "
                  "Ctrl+C copies the selected rows "
                  "as CSV."));

    m_copyAction = new QAction(tr("&Copy rows as CSV"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_copyAction->setToolTip(tr("Copy the selected rows to the clipboard as CSV, at full precision"));
    connect(m_copyAction, &QAction::triggered, this, &EventTableView::copySelectedRows);
    addAction(m_copyAction);

    updateColumnWidths();
}

void EventTableView::setComparison(const klscope::Comparison &c)
{
    m_model->setComparison(c);
}

void EventTableView::updateColumnWidths()
{
    // Sized from the font, never from the contents: measuring 10^6 rows would take seconds.
    const QFontMetrics metrics(font());
    const int number =
        metrics.horizontalAdvance(QStringLiteral("-8.88888e-888")) + metrics.averageCharWidth() * 2;
    setColumnWidth(EventTableModel::EventColumn, metrics.horizontalAdvance(QStringLiteral("-8888888")));
    // Headers wrap onto two lines ("p·log(p/q)" over "[nats]"), so the numbers set the widths and the
    // seven columns fit the panel without scrolling.
    for (int column = EventTableModel::PColumn; column < EventTableModel::ColumnCount; ++column) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        int widest = 0;
        for (const QString &word : header.split(QLatin1Char(' ')))
            widest = std::max(widest, metrics.horizontalAdvance(word));
        setColumnWidth(column, std::max(number, widest + metrics.averageCharWidth() * 2));
    }
    horizontalHeader()->setMinimumHeight(metrics.lineSpacing() * 2 + 8);
    // Rows as tall as the text needs (the style's default is about 30 px).
    verticalHeader()->setDefaultSectionSize(metrics.height() + 6);
}

QString EventTableView::selectedRowsAsCsv() const
{
    if (!selectionModel())
        return {};
    QList<int> rows;
    const QModelIndexList selected = selectionModel()->selectedRows();
    rows.reserve(selected.size());
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end());

    QString csv = m_model->csvHeaderLine() + QLatin1Char('\n');
    for (int row : rows) {
        csv += m_model->csvRow(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
        csv += QLatin1Char('\n');
    }
    return csv;
}

void EventTableView::copySelectedRows()
{
    const QString csv = selectedRowsAsCsv();
    if (!csv.isEmpty())
        QApplication::clipboard()->setText(csv);
}

void EventTableView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelectedRows();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void EventTableView::contextMenuEvent(QContextMenuEvent *event)
{
    m_copyAction->setEnabled(selectionModel() && selectionModel()->hasSelection());
    QMenu menu(this);
    menu.addAction(m_copyAction);
    menu.exec(event->globalPos());
}
