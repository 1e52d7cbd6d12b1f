#include "exportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <cmath>

namespace {

const char kGroup[] = "export";
constexpr int kMinSide = 50;
constexpr int kMaxSide = 20000;

QString defaultFile()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    return QDir(folder).filePath(QStringLiteral("klscope-figure.png"));
}

} // namespace

ExportDialog::ExportDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Export Figure"));
    setObjectName(QStringLiteral("exportDialog"));

    m_plot = new QComboBox(this);
    m_plot->setObjectName(QStringLiteral("plotCombo"));
    m_plot->addItem(tr("Distributions P and Q"));
    m_plot->addItem(tr("Per-event contributions"));
    m_plot->addItem(tr("Cumulative sums"));
    m_plot->addItem(tr("All three, stacked (the figure panel)"));
    m_plot->setToolTip(tr("One plot, or the three plots stacked as in the window."));

    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("fileEdit"));
    m_file->setToolTip(tr("The extension picks the format: .png, .jpg, .pdf (vector) or .svg (vector)."));
    m_browse = new QPushButton(tr("&Browse…"), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);

    m_width = new QSpinBox(this);
    m_width->setObjectName(QStringLiteral("widthSpin"));
    m_height = new QSpinBox(this);
    m_height->setObjectName(QStringLiteral("heightSpin"));
    for (QSpinBox *spin : {m_width, m_height}) {
        spin->setRange(kMinSide, kMaxSide);
        spin->setSuffix(tr(" px"));
        spin->setToolTip(tr("Size of the figure in logical pixels, as on screen: the page of a PDF, the "
                            "view box of an SVG."));
    }
    m_scale = new QDoubleSpinBox(this);
    m_scale->setObjectName(QStringLiteral("scaleSpin"));
    m_scale->setRange(0.25, 8.0);
    m_scale->setSingleStep(0.5);
    m_scale->setDecimals(2);
    m_scale->setPrefix(tr("× "));
    m_scale->setToolTip(tr("PNG and JPG only: the image has size × scale pixels, fonts and lines scaled "
                           "with it (2 for HiDPI slides)."));

    m_summary = new QLabel(this);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Plot:"), m_plot);
    // A row holding a layout gets no buddy by itself; the label needs one for its Alt+F mnemonic.
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    form->addRow(tr("&Width:"), m_width);
    form->addRow(tr("&Height:"), m_height);
    form->addRow(tr("&Scale:"), m_scale);
    form->addRow(QString(), m_summary);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    const auto plot = FigureExport::parsePlot(settings.value(QStringLiteral("plot")).toString());
    setPlot(plot.value_or(FigureExport::Plot::All));
    setFileName(settings.value(QStringLiteral("file"), defaultFile()).toString());
    setFigureSize(QSize(settings.value(QStringLiteral("width"), 1200).toInt(),
                        settings.value(QStringLiteral("height"), 800).toInt()));
    setScale(settings.value(QStringLiteral("scale"), 2.0).toDouble());
    settings.endGroup();

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_file, &QLineEdit::textChanged, this, &ExportDialog::updateSummary);
    connect(m_width, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_height, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    updateSummary();
}

FigureExport::Plot ExportDialog::plot() const
{
    return FigureExport::Plot(m_plot->currentIndex());
}

void ExportDialog::setPlot(FigureExport::Plot plot)
{
    m_plot->setCurrentIndex(int(plot));
}

QString ExportDialog::fileName() const
{
    return m_file->text().trimmed();
}

void ExportDialog::setFileName(const QString &fileName)
{
    m_file->setText(fileName);
}

QSize ExportDialog::figureSize() const
{
    return QSize(m_width->value(), m_height->value());
}

void ExportDialog::setFigureSize(QSize size)
{
    m_width->setValue(size.width());
    m_height->setValue(size.height());
}

double ExportDialog::scale() const
{
    return m_scale->value();
}

void ExportDialog::setScale(double scale)
{
    m_scale->setValue(scale);
}

QString ExportDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ExportDialog::accept()
{
    QString problem;
    if (fileName().isEmpty())
        problem = tr("Choose a file to export to.");
    else if (!FigureExport::formatForFile(fileName()))
        problem = FigureExport::unknownFormatMessage(fileName());
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        m_file->setFocus();
        return;
    }
    const auto format = FigureExport::formatForFile(fileName());
    if (*format == FigureExport::Format::Png || *format == FigureExport::Format::Jpg) {
        if (const QString tooLarge = FigureExport::imageSizeProblem(figureSize(), scale());
            !tooLarge.isEmpty()) {
            // Upper-case the first letter: the sentence stands on its own under the fields.
            m_error->setText(tooLarge.left(1).toUpper() + tooLarge.mid(1) + QLatin1Char('.'));
            m_error->show();
            m_scale->setFocus();
            return;
        }
    }
    m_error->clear();
    m_error->hide();

    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    settings.setValue(QStringLiteral("plot"), FigureExport::plotNames().at(int(plot())));
    settings.setValue(QStringLiteral("file"), fileName());
    settings.setValue(QStringLiteral("width"), figureSize().width());
    settings.setValue(QStringLiteral("height"), figureSize().height());
    settings.setValue(QStringLiteral("scale"), scale());
    settings.endGroup();
    QDialog::accept();
}

void ExportDialog::browse()
{
    const QStringList filters = {tr("PNG image (*.png)"), tr("JPEG image (*.jpg *.jpeg)"),
                                 tr("PDF document, vector (*.pdf)"), tr("SVG drawing, vector (*.svg)")};
    const QStringList suffixes = {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("pdf"),
                                  QStringLiteral("svg")};
    QString filter = filters.first();
    if (const auto format = FigureExport::formatForFile(fileName()))
        filter = filters.at(int(*format));
    QString chosen = QFileDialog::getSaveFileName(this, tr("Export Figure"), fileName(),
                                                  filters.join(QStringLiteral(";;")), &filter);
    if (chosen.isEmpty())
        return;
    // A name typed without extension takes the one of the chosen filter.
    if (QFileInfo(chosen).suffix().isEmpty() && filters.contains(filter))
        chosen += QLatin1Char('.') + suffixes.at(filters.indexOf(filter));
    setFileName(chosen);
}

void ExportDialog::updateSummary()
{
    const auto format = FigureExport::formatForFile(fileName());
    m_scale->setEnabled(!format || *format == FigureExport::Format::Png ||
                        *format == FigureExport::Format::Jpg);
    if (!format) {
        m_summary->setText(tr("Format: from the extension (.png, .jpg, .pdf, .svg)"));
    } else if (*format == FigureExport::Format::Pdf || *format == FigureExport::Format::Svg) {
        m_summary->setText(tr("Vector: one page of %1 × %2 px, sharp at any zoom")
                               .arg(m_width->value())
                               .arg(m_height->value()));
    } else {
        m_summary->setText(tr("Image of %1 × %2 pixels")
                               .arg(std::lround(m_width->value() * m_scale->value()))
                               .arg(std::lround(m_height->value() * m_scale->value())));
    }
}
