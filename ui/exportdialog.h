#pragma once

// File → Export Figure…: which plot (one of the three, or all stacked), the file (its extension picks
// PNG, JPG, PDF or SVG), the figure's size in logical pixels and the scale factor of PNG and JPG.
// It starts from the last choices, kept in QSettings, and stores them again when accepted.

#include "figureexport.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// Loads the last choices (or 1200 × 800 at scale 2, all plots, a PNG in the pictures folder).
    explicit ExportDialog(QWidget *parent = nullptr);

    /// Shows or hides the choice of plot (a window with one plot, such as the sweep window, has none).
    void setPlotChoiceVisible(bool visible);
    FigureExport::Plot plot() const;
    void setPlot(FigureExport::Plot plot);
    QString fileName() const;
    void setFileName(const QString &fileName);
    /// The figure's size in logical pixels (the page size of a PDF, the view box of an SVG).
    QSize figureSize() const;
    void setFigureSize(QSize size);
    /// PNG and JPG are figureSize() × scale pixels.
    double scale() const;
    void setScale(double scale);

    /// For print: the physical size and resolution when "For print" is ticked, else nullopt (then the
    /// figure uses figureSize() and scale()).
    std::optional<FigureExport::PhysicalSize> physicalSize() const;
    void setPhysicalSize(std::optional<FigureExport::PhysicalSize> physical);
    /// Text size in points (0: as on screen) and the title; the caption is filled in by the caller.
    FigureExport::Decorations decorations() const;
    void setDecorations(const FigureExport::Decorations &decorations, bool caption);
    /// Whether a caption line with the metric values is wanted.
    bool wantsCaption() const;

    /// The message shown under the fields when the choices cannot be exported ("" when none).
    QString errorText() const;
    /// Checks the choices; if they are fine, stores them in QSettings and closes the dialog. If not (no
    /// file, unknown extension), shows why and stays open.
    void accept() override;

private:
    void browse();
    void updateSummary();

    QLabel *m_plotLabel = nullptr;
    QComboBox *m_plot = nullptr;
    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QDoubleSpinBox *m_scale = nullptr;
    QGroupBox *m_print = nullptr;
    QDoubleSpinBox *m_widthMm = nullptr;
    QDoubleSpinBox *m_heightMm = nullptr;
    QSpinBox *m_dpi = nullptr;
    QDoubleSpinBox *m_fontPt = nullptr;
    QLineEdit *m_title = nullptr;
    QCheckBox *m_caption = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_settingsNote = nullptr;
};
