#pragma once

// The per-point table of the continuous pair: one row per point of the comparison's plotting grid, with
// x, p(x), q(x) and the three integrands in the comparison's unit. Cells show 4 significant digits; the
// tooltip (and Qt::UserRole) gives the full double.

#include <QAbstractTableModel>

#include <memory>

namespace klscope {
struct ContinuousComparison;
}

class ContinuousTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        X,
        P,
        Q,
        KlPQ,
        KlQP,
        Js,
        ColumnCount
    };

    explicit ContinuousTableModel(QObject *parent = nullptr);
    ~ContinuousTableModel() override;

    /// Shows the grid of `comparison` (nullptr: no rows).
    void setComparison(std::shared_ptr<const klscope::ContinuousComparison> comparison);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    /// DisplayRole: the value for people; ToolTipRole: 17 significant digits; UserRole: the double.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    double value(int row, int column) const;

    std::shared_ptr<const klscope::ContinuousComparison> m_comparison;
};
