#pragma once

// The import dialog: the user says what the values of a file (or the clipboard) are — probabilities,
// counts, logits, log-probabilities, or raw samples with a binning — and into which side they go. No
// kind is preselected, so the choice is never guessed; OK stays disabled until one is made. A preview
// line shows what the choice gives (events read, the sample size of counts, the number of samples) or
// the error, naming the file and line.

#include "distributionimport.h"

#include <QDialog>

#include <functional>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class NumberSpinBox;
class QGroupBox;
class QLabel;
class QRadioButton;
class QTableWidget;

class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    /// Reads the table as the choice says, for the side, without touching the document.
    using Preview = std::function<klscope::import::Result<DistributionImport>(Side, const ImportChoice &)>;

    /// source: the file name or "clipboard"; shape: one line on the table ("120 rows, 2 columns ...");
    /// integerData: every value is a whole number (integer bins become the default binning, otherwise
    /// Freedman-Diaconis); width: the starting bin width; matchOther: it is the other side's histogram
    /// width, so a given width becomes the default binning (the bins line up).
    ImportDialog(const QString &source, const QString &shape, Side side, bool integerData, double width,
                 bool matchOther, Preview preview, QWidget *parent = nullptr);

    Side side() const;
    void setSide(Side side);
    /// A page with one thing to import into (the Fit page's P): the side shows but cannot be changed.
    void setSideFixed(bool fixed);
    /// True once a kind of values has been chosen.
    bool hasChoice() const;
    ImportChoice choice() const;
    void setChoice(const ImportChoice &choice);
    /// Shows the first rows of the table as they were parsed (line number, label, values), so a wrong
    /// column or delimiter shows before anything is imported.
    void setFirstRows(const QStringList &columns, const QList<QStringList> &rows);
    /// The preview line (what the choice gives, or why it fails).
    QString previewText() const;

private:
    void updatePreview();

    Preview m_preview;
    QComboBox *m_side;
    QButtonGroup *m_kinds;
    QGroupBox *m_binningBox;
    QButtonGroup *m_binRules;
    QRadioButton *m_integerBins;
    QRadioButton *m_widthBins;
    QRadioButton *m_fdBins;
    NumberSpinBox *m_width;
    QLabel *m_previewLabel;
    QTableWidget *m_rows = nullptr;
    QDialogButtonBox *m_buttons;
};
