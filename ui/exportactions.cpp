#include "exportactions.h"

#include "page.h"
#include "plotwidget.h"

#include "contributionplot.h"
#include "cumulativeplot.h"
#include "dataexport.h"
#include "distributionplot.h"
#include "document.h"
#include "exportdialog.h"

#include <continuouscomparison.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

#include <cmath>

namespace {

constexpr int kStatusTimeout = 8000;

} // namespace

ExportActions::ExportActions(QMainWindow *window, Document *document, const Page *page)
    : QObject(window), m_window(window), m_document(document), m_page(page)
{
    m_exportFigure = new QAction(tr("Export &Figure…"), this);
    m_exportFigure->setObjectName(QStringLiteral("exportFigureAction"));
    m_exportFigure->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportFigure->setStatusTip(
        tr("Save a plot, or all three, as PNG, JPG, PDF or SVG for slides and papers."));
    connect(m_exportFigure, &QAction::triggered, this, &ExportActions::exportFigure);

    m_exportTable = new QAction(tr("Export &Table as CSV…"), this);
    m_exportTable->setObjectName(QStringLiteral("exportTableAction"));
    m_exportTable->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportTable->setStatusTip(tr("Save every event's p, q and terms (in the current unit) as CSV."));
    connect(m_exportTable, &QAction::triggered, this, &ExportActions::exportTable);

    m_exportMetrics = new QAction(tr("Export &Metrics as JSON…"), this);
    m_exportMetrics->setObjectName(QStringLiteral("exportMetricsAction"));
    m_exportMetrics->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    m_exportMetrics->setStatusTip(tr("Save every metric and per-event term as JSON, the same object as "
                                     "klscope-cli compute --json."));
    connect(m_exportMetrics, &QAction::triggered, this, &ExportActions::exportMetrics);

    m_copyFigure = new QAction(tr("Copy &Figure"), this);
    m_copyFigure->setObjectName(QStringLiteral("copyFigureAction"));
    m_copyFigure->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyFigure->setStatusTip(tr("Copy an image of the three plots to the clipboard."));
    connect(m_copyFigure, &QAction::triggered, this, &ExportActions::copyFigure);

    for (QAction *a : {m_exportFigure, m_exportTable, m_exportMetrics, m_copyFigure})
        a->setToolTip(a->statusTip());
}

FigureExport ExportActions::figure() const
{
    return FigureExport(m_page->figurePlots(), m_page->figureStretch());
}

void ExportActions::copyFigure()
{
    // The figure panel is the parent of the three plots.
    const QList<const PlotWidget *> plots = m_page->figurePlots();
    const QWidget *panel = plots.constFirst()->parentWidget()
                               ? plots.constFirst()->parentWidget()
                               : static_cast<const QWidget *>(plots.constFirst());
    const QSize size = panel->size().expandedTo(QSize(300, 300));
    const double ratio = panel->devicePixelRatioF();
    // Copying changes nothing on disk, so a refusal is a status message like the success one.
    if (const QString problem = FigureExport::imageSizeProblem(size, ratio); !problem.isEmpty()) {
        m_window->statusBar()->showMessage(tr("Cannot copy the figure: %1.").arg(problem), kStatusTimeout);
        return;
    }
    const QImage image = figure().image(FigureExport::Plot::All, size, ratio);
    if (image.isNull()) {
        m_window->statusBar()->showMessage(
            tr("Cannot copy the figure: not enough memory for an image of %1 × %2 pixels.")
                .arg(FigureExport::pixelSize(size, ratio).width())
                .arg(FigureExport::pixelSize(size, ratio).height()),
            kStatusTimeout);
        return;
    }
    QApplication::clipboard()->setImage(image);
    m_window->statusBar()->showMessage(
        tr("Copied the figure (%1 × %2 pixels) to the clipboard.").arg(image.width()).arg(image.height()),
        kStatusTimeout);
}

void ExportActions::setPage(const Page *page, bool comparisonShown)
{
    m_page = page;
    m_comparisonShown = comparisonShown;
    m_exportTable->setEnabled(comparisonShown);
    m_exportMetrics->setEnabled(comparisonShown);
}

void ExportActions::exportFigure()
{
    ExportDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString file = dialog.fileName();
    FigureExport::Decorations decorations = dialog.decorations();
    if (dialog.wantsCaption() && m_comparisonShown) {
        const std::string_view unit = klscope::unitName(m_document->unit());
        const QString unitName = QString::fromUtf8(unit.data(), qsizetype(unit.size()));
        if (m_document->isContinuous()) {
            const klscope::ContinuousComparison &c = m_document->continuousComparison();
            decorations.caption = FigureExport::caption(c.klPQ.value, c.klQP.value, c.js.value, unitName);
        } else {
            const klscope::Comparison &c = m_document->comparison();
            decorations.caption = FigureExport::caption(c.totals.klPQ, c.totals.klQP, c.totals.js, unitName);
        }
    }
    FigureExport exporter = figure();
    exporter.setPhysicalSize(dialog.physicalSize());
    exporter.setDecorations(decorations);
    const QString error = exporter.write(file, dialog.plot(), dialog.figureSize(), dialog.scale());
    // Copy Figure keeps drawing as on screen.
    report(error, tr("Exported the figure to %1.").arg(QDir::toNativeSeparators(file)));
}

void ExportActions::exportTable()
{
    const QString file = askFile(tr("Export Table as CSV"), QStringLiteral("csvFile"),
                                 m_document->isContinuous() ? QStringLiteral("klscope-grid.csv")
                                                            : QStringLiteral("klscope-events.csv"),
                                 tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    if (m_document->isContinuous()) {
        const klscope::ContinuousComparison &c = m_document->continuousComparison();
        const QString error = dataexport::writeContinuousGridCsv(c, file);
        report(error, tr("Exported %1 grid points to %2.")
                          .arg(qulonglong(c.grid.x.size()))
                          .arg(QDir::toNativeSeparators(file)));
        return;
    }
    const QString error = dataexport::writeEventTableCsv(m_document->sharedComparison(), file);
    report(error, tr("Exported %1 events to %2.")
                      .arg(qulonglong(m_document->comparison().p.size()))
                      .arg(QDir::toNativeSeparators(file)));
}

void ExportActions::exportMetrics()
{
    const QString file = askFile(tr("Export Metrics as JSON"), QStringLiteral("jsonFile"),
                                 QStringLiteral("klscope-metrics.json"), tr("JSON files (*.json)"));
    if (file.isEmpty())
        return;
    const QString error =
        m_document->isContinuous()
            ? dataexport::writeContinuousMetricsJson(m_document->continuousComparison(), file)
            : dataexport::writeMetricsJson(m_document->comparison(), file);
    report(error, tr("Exported the metrics to %1.").arg(QDir::toNativeSeparators(file)));
}

QString ExportActions::askFile(const QString &title, const QString &key, const QString &defaultName,
                               const QString &filter)
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("export"));
    QString start = settings.value(key).toString();
    if (start.isEmpty()) {
        QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        start = QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(defaultName);
    }
    const QString file = QFileDialog::getSaveFileName(m_window, title, start, filter);
    if (!file.isEmpty())
        settings.setValue(key, file);
    return file;
}

void ExportActions::report(const QString &error, const QString &success)
{
    if (error.isEmpty()) {
        m_window->statusBar()->showMessage(success, kStatusTimeout);
        return;
    }
    m_window->statusBar()->showMessage(tr("Export failed."), kStatusTimeout);
    QMessageBox::warning(m_window, tr("Export"), error);
}
