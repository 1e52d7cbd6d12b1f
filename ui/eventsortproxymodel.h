#pragma once

// Sorts the event table numerically on the raw doubles of EventTableModel, without going through
// QVariant, so sorting 10^6 events stays quick. NaN (a missing term) sorts below everything.

#include <QSortFilterProxyModel>

class EventTableModel;

class EventSortProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventSortProxyModel(QObject *parent = nullptr);

    /// The source must be an EventTableModel (other models sort on RawValueRole through QVariant).
    void setSourceModel(QAbstractItemModel *sourceModel) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    EventTableModel *m_events = nullptr;
};
