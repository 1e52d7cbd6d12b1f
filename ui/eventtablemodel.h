#pragma once

// The per-event table of a comparison: one row per event of the support. Nothing is computed per row
// when a comparison arrives; data() formats each cell on demand, so 10^6 events cost only the shared
// vectors.

#include <comparison.h>

#include <QAbstractTableModel>

#include <memory>

class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// The columns, in display order.
    enum Column
    {
        EventColumn, ///< x, the event
        PColumn,     ///< p(x)
        QColumn,     ///< q(x)
        KlPQColumn,  ///< p log(p/q), in the unit; +inf where q = 0 < p
        KlQPColumn,  ///< q log(q/p), in the unit
        JsColumn,    ///< the JS term, in the unit
        ShareColumn, ///< this event's share of KL(P||Q) (see ShareColumn rules in data())
        ColumnCount
    };

    /// Qt::UserRole holds the raw double of every cell (x as a double), for sorting and export.
    static constexpr int RawValueRole = Qt::UserRole;

    explicit EventTableModel(QObject *parent = nullptr);

    /// How a number reads in the table: MetricsPanel::formatValue's 6 significant digits and U+2212
    /// minus, with a compact exponent ("7.76342e−5", not "7.76342e-05") so the seven columns fit the
    /// panel. "∞"/"−∞" for infinities, "—" for NaN, "0" for zero.
    static QString formatNumber(double v);
    /// A share of the total as a percentage: 4 significant digits and a U+2212 minus ("−1.234 %").
    static QString formatShare(double share);

    /// Shows the events of c. Copies the per-event vectors it needs once (no per-row work).
    void setComparison(const klscope::Comparison &c);
    /// Shows the events of a shared comparison without copying it.
    void setComparison(std::shared_ptr<const klscope::Comparison> c);
    /// The comparison shown, or null before the first setComparison.
    std::shared_ptr<const klscope::Comparison> comparison() const { return m_comparison; }

    /// The raw value of a cell, as RawValueRole returns it (NaN outside the table or for a missing term).
    /// Share of the total: term / KL(P||Q); 0 when the total is 0; when the total is +inf, +inf for the
    /// events that make it infinite and 0 for the others.
    double rawValue(int row, int column) const;

    /// The CSV header cell of a column, e.g. "kl_pq_nats".
    QString csvHeader(int column) const;
    /// The CSV header line (no newline): the csvHeader of every column, comma-separated.
    QString csvHeaderLine() const;
    /// One CSV line (no newline) for `row` of this model: x, then every value with 17 significant
    /// digits, infinities as "inf"/"-inf", NaN as "nan". The selection copy and the table export share it.
    QString csvRow(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString unitName() const;

    std::shared_ptr<const klscope::Comparison> m_comparison;
};
