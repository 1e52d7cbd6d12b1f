#pragma once

// The window's export actions: File → Export Figure…, Export Table as CSV…, Export Metrics as JSON…,
// and Edit → Copy Figure. They ask for a file, write it through FigureExport or dataexport, and report
// in the status bar (errors in a message box). MainWindow only places the actions in its menus.

#include "figureexport.h"

#include <QObject>

class Page;
class Document;
class QAction;
class QMainWindow;

class ExportActions : public QObject
{
    Q_OBJECT

public:
    /// Actions for `window` (parent, dialogs and status bar) exporting `document` and the plots of `page`.
    ExportActions(QMainWindow *window, Document *document, const Page *page);

    QAction *exportFigureAction() const { return m_exportFigure; }
    QAction *exportTableAction() const { return m_exportTable; }
    QAction *exportMetricsAction() const { return m_exportMetrics; }
    QAction *copyFigureAction() const { return m_copyFigure; }
    /// The page whose plots the figure actions draw (the window's current page). The table and metrics
    /// exports belong to the comparison document and are enabled only while `comparisonShown`.
    void setPage(const Page *page, bool comparisonShown);

    /// Puts an image of all three plots on the clipboard, at the size they have on screen and the
    /// screen's pixel ratio.
    void copyFigure();

private:
    void exportFigure();
    void exportTable();
    void exportMetrics();
    /// Asks for a file to save to, starting from the one remembered under `key`; "" if cancelled.
    QString askFile(const QString &title, const QString &key, const QString &defaultName,
                    const QString &filter);
    void report(const QString &error, const QString &success);

    QMainWindow *m_window;
    Document *m_document;
    /// The figure of the page's plots as they are now.
    FigureExport figure() const;

    const Page *m_page;
    bool m_comparisonShown = true;
    QAction *m_exportFigure = nullptr;
    QAction *m_exportTable = nullptr;
    QAction *m_exportMetrics = nullptr;
    QAction *m_copyFigure = nullptr;
};
