#pragma once

// The editor of one side (P or Q): family chooser, a slider and a spin box per parameter, and for a
// custom distribution a table of events, masses and locks. Every change goes to the document as an
// edit; the editor shows whatever the document holds (and snaps back when an edit is refused).

#include "documentstate.h"

#include <QGroupBox>
#include <QList>

class Document;
class CustomMassModel;
class NumberSpinBox;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSlider;
class QTableView;
class QWidget;

class DistributionEditor : public QGroupBox
{
    Q_OBJECT

public:
    DistributionEditor(Document *document, Side side, QWidget *parent = nullptr);

    Side side() const { return m_side; }
    QComboBox *familyBox() const { return m_family; }
    /// The slider of parameter `index` (nullptr for a custom side or a bad index).
    QSlider *slider(int index) const;
    QTableView *massTable() const { return m_table; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Sizes the mass table's columns from its font and its texts, and keeps the table at least wide
    /// enough that the mass column shows its widest text whole.
    void updateMassTableWidths();
    struct ParameterRow
    {
        QLabel *label = nullptr;
        QSlider *slider = nullptr;
        NumberSpinBox *spin = nullptr;
        double sliderMinimum = 0;
        double sliderMaximum = 1;
        bool integer = false;
    };

    void rebuildParameters();
    void syncFromDocument();
    void onSliderMoved(int row, int position);
    void onSpinChanged(int row, double value);
    int sliderPosition(const ParameterRow &row, double value) const;
    double sliderValue(const ParameterRow &row, int position) const;

    Document *m_document;
    Side m_side;
    int m_family_index = -1;
    QComboBox *m_family;
    QLabel *m_summary;
    QWidget *m_parameterBox;
    QGridLayout *m_parameterGrid;
    QList<ParameterRow> m_rows;
    QWidget *m_customBox;
    CustomMassModel *m_model;
    QTableView *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QCheckBox *m_keepTotal;
};
