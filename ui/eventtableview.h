#pragma once

// The per-event table: sorts numerically on any column (descending puts the biggest contributors on
// top) and copies the selected rows as CSV with Ctrl+C or the context menu.

#include "eventtablemodel.h"

#include <comparison.h>

#include <QTableView>

class EventSortProxyModel;

class EventTableView : public QTableView
{
    Q_OBJECT

public:
    /// Creates the view with its own EventTableModel behind a numeric sort proxy.
    explicit EventTableView(QWidget *parent = nullptr);

    /// The model of events the view shows (owned by the view).
    EventTableModel *eventModel() const { return m_model; }
    /// The sort proxy between the model and the view.
    EventSortProxyModel *proxyModel() const { return m_proxy; }

    /// Shows the events of c (forwards to eventModel()).
    void setComparison(const klscope::Comparison &c);

    /// The selected rows in view order as CSV: a header line, then one line per row, numbers with 17
    /// significant digits, infinities as "inf"/"-inf". Empty when nothing is selected.
    QString selectedRowsAsCsv() const;

    /// Puts selectedRowsAsCsv() on the clipboard (does nothing when nothing is selected).
    void copySelectedRows();

    /// The width the view needs to show every column without a horizontal scroll bar: the columns, the
    /// frame and, when the rows do not all fit, the vertical scroll bar.
    int neededWidth() const;

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void updateColumnWidths();

    EventTableModel *m_model = nullptr;
    EventSortProxyModel *m_proxy = nullptr;
    QAction *m_copyAction = nullptr;
    int m_lastSortSection = -1;
    int m_columnsWidth = 0;
};
