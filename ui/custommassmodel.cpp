#include "custommassmodel.h"

#include "document.h"

#include <variant>

CustomMassModel::CustomMassModel(Document *document, Side side, QObject *parent)
    : QAbstractTableModel(parent), m_document(document), m_side(side)
{
    m_rows = eventCount();
    connect(m_document, &Document::distributionChanged, this, [this](Side s) {
        if (s == m_side)
            refresh();
    });
    connect(m_document, &Document::locksChanged, this, [this](Side s) {
        if (s == m_side && m_rows > 0)
            emit dataChanged(index(0, LockColumn), index(m_rows - 1, LockColumn), {Qt::CheckStateRole});
    });
}

int CustomMassModel::eventCount() const
{
    const auto *c = std::get_if<klscope::Custom>(&m_document->distribution(m_side));
    return c ? int(c->masses().size()) : 0;
}

void CustomMassModel::refresh()
{
    const int rows = eventCount();
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (m_rows > 0) {
        emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    }
}

int CustomMassModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int CustomMassModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomMassModel::data(const QModelIndex &index, int role) const
{
    const auto *c = std::get_if<klscope::Custom>(&m_document->distribution(m_side));
    if (!c || !index.isValid() || index.row() >= int(c->masses().size()))
        return {};
    const int row = index.row();
    switch (index.column()) {
    case EventColumn:
        if (role == Qt::DisplayRole)
            return c->labels().empty() ? QVariant(row) : QVariant(QString::fromStdString(c->labels()[row]));
        break;
    case MassColumn:
        if (role == Qt::DisplayRole)
            return QString::number(c->masses()[row], 'g', 6);
        if (role == Qt::EditRole)
            return c->masses()[row];
        if (role == Qt::ToolTipRole)
            return tr("Mass of event %1. Type a value; the other unlocked masses are rescaled to keep the "
                      "total.")
                .arg(row);
        break;
    case LockColumn:
        if (role == Qt::CheckStateRole)
            return m_document->isLocked(m_side, row) ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return tr("Locked masses stay fixed when another mass is edited.");
        break;
    default:
        break;
    }
    if (role == Qt::TextAlignmentRole && index.column() != LockColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

bool CustomMassModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    if (index.column() == MassColumn && role == Qt::EditRole) {
        bool ok = false;
        const double mass = value.toDouble(&ok);
        return ok && m_document->setCustomMass(m_side, index.row(), mass);
    }
    if (index.column() == LockColumn && role == Qt::CheckStateRole)
        return m_document->setLocked(m_side, index.row(),
                                     value.value<Qt::CheckState>() == Qt::Checked ||
                                         value.toInt() == Qt::Checked);
    return false;
}

Qt::ItemFlags CustomMassModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == MassColumn)
        f |= Qt::ItemIsEditable;
    if (index.column() == LockColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant CustomMassModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EventColumn:
        return tr("x");
    case MassColumn:
        return tr("Mass");
    case LockColumn:
        return tr("Lock");
    default:
        return {};
    }
}
