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
#include <QScrollBar>
#include <QStyle>

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

    connect(m_model, &QAbstractItemModel::modelReset, this, &EventTableView::updateColumnWidths);
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, &EventTableView::updateColumnWidths);
    updateColumnWidths();
}

void EventTableView::setComparison(const klscope::Comparison &c)
{
    m_model->setComparison(c);
}

void EventTableView::updateColumnWidths()
{
    // Each column as wide as its widest text, so all seven fit the panel and no number is cut. A table
    // of at most kMeasuredRows events is measured (a few milliseconds); a longer one takes the widest
    // text the format can produce, since measuring 10^6 rows would take seconds.
    constexpr int kMeasuredRows = 1000;
    const QFontMetrics metrics(font());
    const QFontMetrics headerMetrics(horizontalHeader()->font());
    // The style draws a cell's text inside PM_FocusFrameHMargin + 1 on each side; one more pixel for the
    // grid line.
    const int cellPadding = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1) + 2;
    const int headerPadding =
        2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, horizontalHeader()) + 2;
    const int rows = m_model->rowCount();
    const bool measure = rows <= kMeasuredRows;
    m_columnsWidth = 0;
    for (int column = 0; column < EventTableModel::ColumnCount; ++column) {
        int widest = 0;
        if (measure) {
            for (int row = 0; row < rows; ++row)
                widest = std::max(
                    widest, metrics.horizontalAdvance(m_model->data(m_model->index(row, column)).toString()));
        } else {
            QString worst;
            if (column == EventTableModel::EventColumn)
                worst = QStringLiteral("-8888888");
            else if (column == EventTableModel::ShareColumn)
                worst = QStringLiteral("−8.888e+88 %");
            else
                worst = QStringLiteral("−8.88888e−888");
            widest = metrics.horizontalAdvance(worst);
        }
        widest += cellPadding;
        // Headers wrap onto two lines ("p·log(p/q)" over "[nats]"): their longest word counts.
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        for (const QString &word : header.split(QLatin1Char(' ')))
            widest = std::max(widest, headerMetrics.horizontalAdvance(word) + headerPadding);
        widest = std::max(widest, horizontalHeader()->minimumSectionSize());
        setColumnWidth(column, widest);
        m_columnsWidth += widest;
    }
    horizontalHeader()->setMinimumHeight(headerMetrics.lineSpacing() * 2 + 8);
    // Rows as tall as the text needs (the style's default is about 30 px).
    verticalHeader()->setDefaultSectionSize(metrics.height() + 6);
}

int EventTableView::neededWidth() const
{
    int width = m_columnsWidth + 2 * frameWidth();
    const int visibleRows =
        std::max(viewport()->height(), 1) / std::max(verticalHeader()->defaultSectionSize(), 1);
    if (m_model->rowCount() > visibleRows)
        width += verticalScrollBar()->sizeHint().width();
    return width;
}

void EventTableView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    // A larger text size (View → Text size) widens the columns with it.
    if (event->type() == QEvent::FontChange)
        updateColumnWidths();
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
