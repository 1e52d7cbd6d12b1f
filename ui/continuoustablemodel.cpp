#include "continuoustablemodel.h"

#include "eventreadout.h"

#include <continuouscomparison.h>

#include <limits>

ContinuousTableModel::ContinuousTableModel(QObject *parent) : QAbstractTableModel(parent) {}

ContinuousTableModel::~ContinuousTableModel() = default;

void ContinuousTableModel::setComparison(std::shared_ptr<const klscope::ContinuousComparison> comparison)
{
    beginResetModel();
    m_comparison = std::move(comparison);
    endResetModel();
}

int ContinuousTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_comparison)
        return 0;
    return int(m_comparison->grid.x.size());
}

int ContinuousTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double ContinuousTableModel::value(int row, int column) const
{
    const klscope::ContinuousGrid &g = m_comparison->grid;
    const std::vector<double> *columns[ColumnCount] = {&g.x, &g.p, &g.q, &g.klPQ, &g.klQP, &g.js};
    const std::vector<double> &v = *columns[column];
    return std::size_t(row) < v.size() ? v[std::size_t(row)] : std::numeric_limits<double>::quiet_NaN();
}

QVariant ContinuousTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_comparison || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const double v = value(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        return klscope::formatValue(v);
    case Qt::ToolTipRole:
        return QString::number(v, 'g', 17);
    case Qt::UserRole:
        return v;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ContinuousTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    const QString unit = m_comparison ? klscope::unitText(m_comparison->unit) : QStringLiteral("nats");
    switch (section) {
    case X:
        return tr("x");
    case P:
        return tr("p(x)");
    case Q:
        return tr("q(x)");
    case KlPQ:
        return tr("p·log(p/q) (%1)").arg(unit);
    case KlQP:
        return tr("q·log(q/p) (%1)").arg(unit);
    case Js:
        return tr("JS integrand (%1)").arg(unit);
    default:
        return {};
    }
}
