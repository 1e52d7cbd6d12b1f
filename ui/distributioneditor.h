#pragma once

// The editor of one side (P or Q): the family chooser of both domains, then for a discrete side a slider
// and a spin box per parameter (or, for a custom distribution, a table of events, masses and locks), and
// for a continuous side the ContinuousEditor (parameter rows, or a mixture's components). Picking a family
// of the other domain moves the pair there. Every change goes to the document as an edit; the editor
// shows whatever the document holds (and snaps back when an edit is refused).

#include "documentstate.h"
#include "familycombo.h"

#include <QGroupBox>
#include <QList>

class Document;
class ContinuousEditor;
class CustomMassModel;
class NumberSpinBox;
class QCheckBox;
class QComboBox;
class QStackedWidget;
class QGridLayout;
class QLabel;
class QPushButton;
class QSlider;
class QTableView;
class QToolButton;
class QWidget;

class DistributionEditor : public QGroupBox
{
    Q_OBJECT

public:
    DistributionEditor(Document *document, Side side, QWidget *parent = nullptr);

    Side side() const { return m_side; }
    FamilyCombo *familyBox() const { return m_family; }
    /// The slider of discrete parameter `index` (nullptr for a custom side or a bad index).
    QSlider *slider(int index) const;
    /// The editor of a continuous side (shown instead of the discrete rows in the continuous domain).
    ContinuousEditor *continuousEditor() const { return m_continuous; }
    QTableView *massTable() const { return m_table; }
    /// The sweep button of discrete parameter `index` (nullptr for a custom side or a bad index).
    QToolButton *sweepButton(int index) const;

signals:
    /// The person asked for the sweep window of a parameter (its spec key, e.g. "p") of this side.
    void sweepRequested(Side side, const QString &parameter);

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
        QToolButton *sweep = nullptr;
        double sliderMinimum = 0;
        double sliderMaximum = 1;
        bool integer = false;
    };

    void rebuildParameters();
    void syncFromDocument();
    void syncContinuous(const klscope::ContinuousDistribution &d);
    void onContinuousParameter(int index, double value);
    void onSliderMoved(int row, int position);
    void onSpinChanged(int row, double value);
    int sliderPosition(const ParameterRow &row, double value) const;
    double sliderValue(const ParameterRow &row, int position) const;

    Document *m_document;
    Side m_side;
    int m_family_index = -1; ///< the discrete family whose rows are built (-1: none yet)
    FamilyCombo *m_family;
    QLabel *m_summary;
    QStackedWidget *m_pages; ///< the discrete page, or the continuous editor
    QWidget *m_discretePage;
    ContinuousEditor *m_continuous;
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
