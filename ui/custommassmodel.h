#pragma once

// The events and masses of one custom side, as a table: event, mass (editable), lock (checkable).
// Like Tiled's LayerModel, setData() pushes a command on the document instead of changing anything
// itself, so the table cannot bypass undo.

#include "documentstate.h"

#include <QAbstractTableModel>

class Document;

class CustomMassModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        EventColumn,
        MassColumn,
        LockColumn,
        ColumnCount
    };

    CustomMassModel(Document *document, Side side, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();
    int eventCount() const;

    Document *m_document;
    Side m_side;
    int m_rows = 0;
};
