#pragma once

// The sweep window (issue 13): KL(P‖Q), KL(Q‖P) and JS against one parameter of P or of Q, one click from
// the parameter's control. Non-modal; it computes with the core sweep (core/analysis/sweep.h) on a
// JobRunner, so the window stays live and a newer request drops an older one's result. The current value
// is a marker and each curve's minimum is labelled. The range and the number of steps are editable; a
// range the core refuses shows its sentence and keeps the curves drawn. Every change of the document
// (an edit, undo, the unit) recomputes the curves at the range shown. "Export figure…" writes the plot as
// PNG, JPG, PDF or SVG through the window's export dialog (ExportDialog, FigureExport); "Export CSV…" writes
// the values as `klscope-cli sweep --out FILE.csv` does (klscope::sweepCsv, shared with the CLI).
//
// SweepController connects the editors' sweepRequested() to one window per side and parameter; the
// comparison page creates it with one line.

#include "documentstate.h"
#include "figureexport.h"
#include "seriesplot.h"

#include <sweep.h>

#include <QDialog>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

class Document;
class DistributionEditor;
class JobRunner;
class NumberSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

class SweepDialog : public QDialog
{
    Q_OBJECT

public:
    /// Sweeps `parameter` (a spec key: "p", "sigma", ...) of `side` over the parameter's slider range.
    SweepDialog(Document *document, Side side, const QString &parameter, QWidget *parent = nullptr);
    ~SweepDialog() override;

    Side side() const { return m_side; }
    QString parameter() const { return m_parameter; }
    SeriesPlot *plot() const { return m_plot; }
    NumberSpinBox *fromBox() const { return m_from; }
    NumberSpinBox *toBox() const { return m_to; }
    QSpinBox *stepsBox() const { return m_steps; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *exportFigureButton() const { return m_exportFigure; }
    QPushButton *exportCsvButton() const { return m_exportCsv; }
    /// The sentence of the last refusal ("" after a sweep was drawn).
    QLabel *messageLabel() const { return m_message; }
    /// The sweep drawn (no values before the first one arrives).
    const klscope::Sweep &sweep() const { return m_sweep; }
    /// The range the curves were computed over.
    klscope::SweepRange range() const { return m_range; }
    /// The markers drawn: the current value first, then the minima.
    QList<PlotMarker> markers() const { return m_markers; }
    /// True while a sweep is being computed.
    bool isRunning() const;

    /// The figure of the plot as drawn now (what "Export figure…" writes).
    FigureExport figure() const;
    /// Writes the sweep drawn as CSV (klscope::sweepCsv) through AtomicWriter: "" or "Cannot write file …".
    QString writeCsv(const QString &fileName) const;
    /// "Export figure…": asks with the export dialog (its choice of plot hidden), then writes the figure.
    void exportFigure();
    /// "Export CSV…": asks for a file, then writes the CSV.
    void exportCsv();

signals:
    /// A sweep arrived and was drawn.
    void sweepShown();
    /// A sweep was refused (a bad range, a parameter the family does not have): its sentence.
    void sweepRefused(const QString &message);

private:
    void apply();
    void start(const klscope::SweepRange &range);
    void draw(const klscope::Sweep &sweep, const klscope::SweepRange &range);
    void refuse(const QString &message);
    /// A sentence under the plot after an export (errors also in a message box).
    void reportExport(const QString &error, const QString &success);

    Document *m_document;
    Side m_side;
    QString m_parameter;
    SeriesPlot *m_plot;
    NumberSpinBox *m_from;
    NumberSpinBox *m_to;
    QSpinBox *m_steps;
    QPushButton *m_apply;
    QPushButton *m_exportFigure;
    QPushButton *m_exportCsv;
    QLabel *m_message;
    JobRunner *m_runner;
    klscope::Sweep m_sweep;
    QList<PlotMarker> m_markers;
    klscope::SweepRange m_range;   ///< the range of the curves drawn (or of the first request)
    klscope::SweepRange m_pending; ///< the range being computed
};

/// Opens (or raises) the sweep window of a parameter when an editor asks for one. Owned by its parent.
class SweepController : public QObject
{
    Q_OBJECT

public:
    SweepController(Document *document, DistributionEditor *p, DistributionEditor *q, QWidget *parent);
    /// The window of a side's parameter (nullptr if none was opened, or it was closed).
    SweepDialog *dialog(Side side, const QString &parameter) const;
    /// Opens the window of a side's parameter, or raises it when it is open.
    SweepDialog *open(Side side, const QString &parameter);

private:
    Document *m_document;
    QWidget *m_window;
    QHash<QString, QPointer<SweepDialog>> m_dialogs; ///< keyed "p.NAME" / "q.NAME"
};
