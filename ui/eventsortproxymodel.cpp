#include "eventsortproxymodel.h"

#include "eventtablemodel.h"

#include <cmath>

EventSortProxyModel::EventSortProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(EventTableModel::RawValueRole);
}

void EventSortProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    m_events = qobject_cast<EventTableModel *>(sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

bool EventSortProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_events)
        return QSortFilterProxyModel::lessThan(left, right);
    const double a = m_events->rawValue(left.row(), left.column());
    const double b = m_events->rawValue(right.row(), right.column());
    // A strict weak order with NaN first, so std::sort never sees an inconsistent comparison.
    if (std::isnan(a))
        return !std::isnan(b);
    if (std::isnan(b))
        return false;
    // Terms sort by magnitude: the biggest contributors, of either sign, come first in descending order.
    const int column = left.column();
    if (column == EventTableModel::KlPQColumn || column == EventTableModel::KlQPColumn ||
        column == EventTableModel::JsColumn)
        return std::fabs(a) < std::fabs(b);
    return a < b;
}
