#include "importcontroller.h"

#include "document.h"
#include "imageimportdialog.h"
#include "imageloader.h"
#include "importdialog.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageReader>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

#include <algorithm>

namespace imp = klscope::import;

namespace {

QString sideName(Side side)
{
    return side == Side::P ? QStringLiteral("P") : QStringLiteral("Q");
}

// "*.bmp *.gif *.jpeg ...": the image files Qt reads here.
QString imageFilePatterns()
{
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns.append(QStringLiteral("*.") + QString::fromLatin1(format));
    return patterns.join(QLatin1Char(' '));
}

QString message(const imp::ImportError &error)
{
    return QString::fromStdString(error.message);
}

// One line on a table's shape for the import dialog.
QString describeTable(const imp::Table &t)
{
    QString columns;
    switch (t.columnCount) {
    case 1:
        columns = QObject::tr("1 column of values");
        break;
    case 2:
        columns = QObject::tr("2 columns (event, value)");
        break;
    default:
        columns = QObject::tr("3 columns (event, p, q)");
        break;
    }
    QString text = QObject::tr("%1 rows, %2, %3-separated")
                       .arg(t.rowCount())
                       .arg(columns, QString::fromUtf8(imp::delimiterName(t.delimiter).data()));
    if (t.hasHeader) {
        QStringList names;
        for (const std::string &h : t.header)
            names.append(QString::fromStdString(h));
        text += QObject::tr(", header: %1").arg(names.join(QStringLiteral(", ")));
    }
    return text;
}

// The column titles and the first rows of a parsed table, for the import dialog's preview.
QStringList firstRowsHeader(const imp::Table &table)
{
    QStringList columns{QObject::tr("line")};
    if (table.hasLabels())
        columns.append(table.header.size() > 0 ? QString::fromStdString(table.header[0])
                                               : QObject::tr("event"));
    for (std::size_t v = 0; v < table.values.size(); ++v) {
        const std::size_t index = v + (table.hasLabels() ? 1 : 0);
        columns.append(index < table.header.size() ? QString::fromStdString(table.header[index])
                                                   : QObject::tr("value %1").arg(v + 1));
    }
    return columns;
}

QList<QStringList> firstRows(const imp::Table &table, std::size_t count = 5)
{
    QList<QStringList> rows;
    for (std::size_t r = 0; r < table.rowCount() && r < count; ++r) {
        QStringList row{QString::number(table.lines[r])};
        if (table.hasLabels() && r < table.labels.size())
            row.append(QString::fromStdString(table.labels[r]));
        for (const auto &column : table.values)
            row.append(r < column.size() ? QString::number(column[r], 'g', 17) : QString());
        rows.append(row);
    }
    return rows;
}

} // namespace

ImportController::ImportController(Document *document, QMainWindow *window)
    : QObject(window), m_document(document), m_window(window)
{
    m_importLabel = new QLabel(window);
    m_importLabel->setObjectName(QStringLiteral("importNote"));
    m_importLabel->setToolTip(tr("Where the imported distributions came from."));
    m_importLabel->hide();
    window->statusBar()->addPermanentWidget(m_importLabel);
    connect(m_document, &Document::distributionChanged, this, &ImportController::updateImportNote);
    // Images come in through the image: spec's reader (QImageReader, with its size and file checks).
    imageloader::installImageSpecReader();
}

ImportController::~ImportController() = default;

void ImportController::addImportActions(QMenu *file)
{
    QAction *importAction = file->addAction(tr("Open &Distribution…"), this, [this] { openDistribution(); });
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    importAction->setStatusTip(
        tr("Load P or Q from a CSV/TSV file of probabilities, counts, logits, "
           "log-probabilities or raw samples, or from an image's histogram of levels."));
}

void ImportController::importFile(const QString &path, std::optional<Side> side)
{
    if (isImageFile(path)) {
        importImageWithDialog(side.value_or(Side::P), path);
        return;
    }
    const auto table = readTable(path);
    if (!table) {
        warn(message(table.error()));
        return;
    }
    importWithDialog(side.value_or(Side::P), *table);
}

void ImportController::warn(const QString &text)
{
    QMessageBox::warning(m_window, QGuiApplication::applicationDisplayName(), text);
}

void ImportController::addPasteActions(QMenu *edit)
{
    for (Side side : {Side::P, Side::Q}) {
        QAction *a = edit->addAction(tr("Paste into %1").arg(sideName(side)), this,
                                     [this, side] { pasteWithDialog(side); });
        a->setStatusTip(tr("Load %1 from a column copied from a spreadsheet.").arg(sideName(side)));
    }
}

bool ImportController::applyImport(Side side, const imp::Table &table, const ImportChoice &choice,
                                   QString *error)
{
    return commitImport(side, prepareImport(m_document->discretePair(), side, table, choice),
                        QString::fromStdString(table.fileName), error);
}

bool ImportController::commitImport(Side side, const imp::Result<DistributionImport> &prepared,
                                    const QString &name, QString *error)
{
    if (!prepared) {
        if (error)
            *error = message(prepared.error());
        return false;
    }
    const Side other = side == Side::P ? Side::Q : Side::P;
    // The other side may gain zero-mass labels by the alignment; keep its note with its new value.
    const klscope::Distribution &newOther = other == Side::P ? prepared->p : prepared->q;
    for (auto &entry : m_imported)
        if (entry.distribution == m_document->distribution(other))
            entry.distribution = newOther;

    QString refusal;
    const auto connection =
        connect(m_document, &Document::editRefused, this, [&refusal](const QString &m) { refusal = m; });
    const bool ok =
        m_document->loadState(QString(), prepared->p, prepared->q, std::nullopt, m_document->unit(),
                              tr("Import %1 into %2").arg(name, sideName(side)));
    disconnect(connection);
    if (!ok) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(name, refusal);
        return false;
    }
    m_imported.push_back({side == Side::P ? prepared->p : prepared->q, prepared->note, prepared->summary});
    // A few earlier imports stay, so undo and redo bring their notes back.
    if (m_imported.size() > 16)
        m_imported.erase(m_imported.begin());
    updateImportNote();
    // The permanent note already names the file; the transient message says how the sides were aligned.
    m_window->statusBar()->showMessage(
        prepared->alignment.isEmpty() ? prepared->summary : prepared->alignment, 15000);
    return true;
}

bool ImportController::importImage(Side side, const QString &path, imp::ImageChannel channel, unsigned bins,
                                   QString *error)
{
    return commitImport(
        side, prepareImageImport(m_document->discretePair(), side, imageSpecFor(path, channel, bins)),
        QFileInfo(path).fileName(), error);
}

bool ImportController::isImageFile(const QString &path)
{
    // By the name (so a broken picture is refused as an image, naming it) or by the first bytes.
    const QByteArray suffix = QFileInfo(path).suffix().toLower().toLatin1();
    return (!suffix.isEmpty() && QImageReader::supportedImageFormats().contains(suffix)) ||
           !QImageReader::imageFormat(path).isEmpty();
}

void ImportController::importImageWithDialog(Side side, const QString &path)
{
    ImageImportDialog dialog(
        path, side,
        [this](Side s, const imp::ImageSpec &spec) {
            return prepareImageImport(m_document->discretePair(), s, spec);
        },
        m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const imp::ImageSpec spec = dialog.spec();
    QString error;
    if (!importImage(dialog.side(), path, spec.channel, spec.bins, &error))
        warn(error);
}

bool ImportController::importDistribution(Side side, const QString &path, const ImportChoice &choice,
                                          QString *error)
{
    const auto table = readTable(path);
    if (!table) {
        if (error)
            *error = message(table.error());
        return false;
    }
    return applyImport(side, *table, choice, error);
}

bool ImportController::pasteDistribution(Side side, const QString &text, const ImportChoice &choice,
                                         QString *error)
{
    const auto table = imp::parseDelimitedText(text.toStdString(), "clipboard");
    if (!table) {
        if (error)
            *error = message(table.error());
        return false;
    }
    return applyImport(side, *table, choice, error);
}

QString ImportController::importNote(bool full) const
{
    QStringList parts;
    for (Side side : {Side::P, Side::Q}) {
        const klscope::Distribution &d = m_document->distribution(side);
        if (!std::holds_alternative<klscope::Custom>(d))
            continue;
        const auto it = std::find_if(m_imported.rbegin(), m_imported.rend(),
                                     [&d](const ImportedSide &entry) { return entry.distribution == d; });
        if (it != m_imported.rend())
            parts.append(QStringLiteral("%1 ← %2").arg(sideName(side), full ? it->summary : it->note));
    }
    return parts.join(full ? QStringLiteral("\n") : QStringLiteral("  ·  "));
}

void ImportController::updateImportNote()
{
    const QString note = importNote();
    m_importLabel->setText(note);
    m_importLabel->setToolTip(importNote(true));
    m_importLabel->setVisible(!note.isEmpty());
}

void ImportController::openDistribution(std::optional<Side> side)
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open Distribution"), QString(),
        tr("Data files (*.csv *.tsv *.txt *.dat);;Images (%1);;All files (*)").arg(imageFilePatterns()));
    if (path.isEmpty())
        return;
    if (isImageFile(path)) {
        importImageWithDialog(side.value_or(Side::P), path);
        return;
    }
    const auto table = readTable(path);
    if (!table) {
        warn(message(table.error()));
        return;
    }
    importWithDialog(side.value_or(Side::P), *table);
}

imp::Result<imp::Table> ImportController::readTable(const QString &path)
{
    return imp::readDelimitedFile(std::filesystem::path(QFile::encodeName(path).toStdString()));
}

std::unique_ptr<ImportDialog> ImportController::makeDialog(const imp::Table &table, Side side,
                                                           double otherWidth, ImportDialog::Preview preview,
                                                           QWidget *parent)
{
    const std::vector<double> &values = table.values[importColumn(table, side)];
    // Start a given width at the other side's (so the bins line up) or at the Freedman-Diaconis width.
    double width = otherWidth;
    if (width <= 0) {
        const double fd = imp::freedmanDiaconisWidth(values);
        width = fd > 0 ? QString::number(fd, 'g', 3).toDouble() : 1.0;
    }
    auto dialog = std::make_unique<ImportDialog>(QString::fromStdString(table.fileName), describeTable(table),
                                                 side, imp::allIntegers(values), width, otherWidth > 0,
                                                 std::move(preview), parent);
    dialog->setFirstRows(firstRowsHeader(table), firstRows(table));
    return dialog;
}

void ImportController::importWithDialog(Side side, const imp::Table &table)
{
    const Side other = side == Side::P ? Side::Q : Side::P;
    const auto dialog = makeDialog(
        table, side, histogramWidth(m_document->distribution(other)),
        [this, &table](Side s, const ImportChoice &c) {
            return prepareImport(m_document->discretePair(), s, table, c);
        },
        m_window);
    if (dialog->exec() != QDialog::Accepted)
        return;
    QString error;
    if (!applyImport(dialog->side(), table, dialog->choice(), &error))
        warn(error);
}

void ImportController::pasteWithDialog(Side side)
{
    const QString text = QGuiApplication::clipboard()->text();
    const auto table = imp::parseDelimitedText(text.toStdString(), "clipboard");
    if (!table) {
        warn(message(table.error()));
        return;
    }
    importWithDialog(side, *table);
}
