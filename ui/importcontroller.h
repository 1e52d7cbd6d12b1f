#pragma once

// Loading distributions into the comparison document: File > Open Distribution..., Edit > Paste into
// P/Q, data files dropped on the window or an editor (the SessionController hands them over), and the
// status bar's note on where the imported sides came from.
//
// Every operation has a function that shows no dialog and reports failure through `error`, so tests
// drive them directly; the dialogs live only in the action slots. A refused file leaves the document
// exactly as it was: same state, same undo index, same modified flag.

#include "distributionimport.h"
#include "documentstate.h"
#include "importdialog.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class Document;
class QLabel;
class QMainWindow;
class QMenu;

namespace klscope::import {
struct Table;
}

class ImportController : public QObject
{
    Q_OBJECT

public:
    ImportController(Document *document, QMainWindow *window);
    ~ImportController() override;

    /// Adds Open Distribution... to `file`.
    void addImportActions(QMenu *file);
    /// Adds Paste into P and Paste into Q to `edit`.
    void addPasteActions(QMenu *edit);

    // Without dialogs.
    /// Reads a CSV/TSV/semicolon file into `side` as one undoable edit (see distributionimport.h).
    bool importDistribution(Side side, const QString &path, const ImportChoice &choice, QString *error);
    /// Reads the histogram of an image file's levels (`channel`, in `bins` bins that divide 256; the
    /// image: spec's reading, imagespec.h) into `side` as one undoable edit; a file that is not an image,
    /// is truncated or too large is refused naming it, and the document stays as it was.
    bool importImage(Side side, const QString &path, klscope::import::ImageChannel channel, unsigned bins,
                     QString *error);
    /// True when `path` is an image file by its name or its first bytes (importFile then reads it as one).
    static bool isImageFile(const QString &path);
    /// The same for text copied from a spreadsheet; messages call it "clipboard".
    bool pasteDistribution(Side side, const QString &text, const ImportChoice &choice, QString *error);
    /// What the status bar says about the imported sides that are still as imported
    /// ("P ← counts.csv: counts, N = 120  ·  Q ← heights.csv: 500 samples"); with `full`, the longer
    /// sentences of the tooltip, one per line.
    QString importNote(bool full = false) const;

    // With dialogs (action slots).
    /// Picks a data file and a side, then shows the import dialog.
    void openDistribution(std::optional<Side> side = std::nullopt);
    /// Reads `path` and shows the import dialog for `side` (or the side chosen there): the image dialog
    /// for an image file (isImageFile), else the table one; a file that cannot be read gets a message box
    /// naming it.
    void importFile(const QString &path, std::optional<Side> side);

    // Shared with other pages that import a distribution (the Fit page's P).
    /// Reads a CSV/TSV/semicolon data file; the error names the file and line.
    static klscope::import::Result<klscope::import::Table> readTable(const QString &path);
    /// The import dialog for `table` going into `side`: its shape, first rows and `preview`; bins start
    /// at `otherWidth` when the other side is a histogram of that width (0: none). The caller runs it.
    static std::unique_ptr<ImportDialog> makeDialog(const klscope::import::Table &table, Side side,
                                                    double otherWidth, ImportDialog::Preview preview,
                                                    QWidget *parent);

private:
    bool commitImport(Side side, const klscope::import::Result<DistributionImport> &prepared,
                      const QString &name, QString *error);
    void importImageWithDialog(Side side, const QString &path);
    bool applyImport(Side side, const klscope::import::Table &table, const ImportChoice &choice,
                     QString *error);
    void importWithDialog(Side side, const klscope::import::Table &table);
    void pasteWithDialog(Side side);
    void updateImportNote();
    void warn(const QString &message);

    Document *m_document;
    QMainWindow *m_window;
    QLabel *m_importLabel = nullptr;
    struct ImportedSide
    {
        klscope::Distribution distribution; ///< as imported (or as aligned later)
        QString note;                       ///< DistributionImport::note
        QString summary;                    ///< DistributionImport::summary
    };
    std::vector<ImportedSide> m_imported;
};
