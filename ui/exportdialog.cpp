#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
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

    // For print: a physical size with a resolution, the text size in points, a title and a caption.
    m_print = new QGroupBox(tr("For &print (physical size)"), this);
    m_print->setObjectName(QStringLiteral("printGroup"));
    m_print->setCheckable(true);
    m_print->setChecked(false);
    m_print->setToolTip(tr("Size the figure in millimetres for a paper (85 mm is one column of a two-column "
                           "paper), with its text in points."));
    m_widthMm = new QDoubleSpinBox(m_print);
    m_widthMm->setObjectName(QStringLiteral("widthMmSpin"));
    m_heightMm = new QDoubleSpinBox(m_print);
    m_heightMm->setObjectName(QStringLiteral("heightMmSpin"));
    for (QDoubleSpinBox *spin : {m_widthMm, m_heightMm}) {
        spin->setRange(5, 1000);
        spin->setDecimals(1);
        spin->setSuffix(tr(" mm"));
        spin->setToolTip(
            tr("Size of the figure on the page (the PDF page, the SVG size; PNG/JPG at the DPI)."));
    }
    m_dpi = new QSpinBox(m_print);
    m_dpi->setObjectName(QStringLiteral("dpiSpin"));
    m_dpi->setRange(30, 2400);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setToolTip(tr("PNG and JPG only: pixels per inch (85 mm at 300 dpi is 1004 pixels)."));
    m_fontPt = new QDoubleSpinBox(m_print);
    m_fontPt->setObjectName(QStringLiteral("fontPtSpin"));
    m_fontPt->setRange(4, 72);
    m_fontPt->setDecimals(1);
    m_fontPt->setSuffix(tr(" pt"));
    m_fontPt->setToolTip(tr("Size of the text on the page, in points (8 pt suits a two-column paper)."));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setPlaceholderText(tr("none"));
    m_title->setToolTip(tr("An optional title line above the plots."));
    m_caption = new QCheckBox(tr("Caption with KL(P‖Q), KL(Q‖P) and JS"), this);
    m_caption->setObjectName(QStringLiteral("captionBox"));
    m_caption->setToolTip(tr("An optional line below the plots with the metric values."));
    auto *printForm = new QFormLayout(m_print);
    printForm->addRow(tr("Width:"), m_widthMm);
    printForm->addRow(tr("Height:"), m_heightMm);
    printForm->addRow(tr("Resolution:"), m_dpi);
    printForm->addRow(tr("Text size:"), m_fontPt);

    m_summary = new QLabel(this);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_settingsNote = new QLabel(this);
    m_settingsNote->setObjectName(QStringLiteral("settingsNote"));
    m_settingsNote->setWordWrap(true);
    m_settingsNote->hide();

    auto *form = new QFormLayout;
    m_plotLabel = new QLabel(tr("&Plot:"), this);
    m_plotLabel->setBuddy(m_plot);
    form->addRow(m_plotLabel, m_plot);
    // A row holding a layout gets no buddy by itself; the label needs one for its Alt+F mnemonic.
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    form->addRow(tr("&Width:"), m_width);
    form->addRow(tr("&Height:"), m_height);
    form->addRow(tr("&Scale:"), m_scale);
    form->addRow(m_print);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(QString(), m_caption);
    form->addRow(QString(), m_summary);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_settingsNote);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    const auto plot = FigureExport::parsePlot(settings.value(QStringLiteral("plot")).toString());
    setPlot(plot.value_or(FigureExport::Plot::All));
    setFileName(settings.value(QStringLiteral("file"), defaultFile()).toString());
    // A remembered number outside its box's range (an older version, a hand-edited file) is refused
    // and said so, rather than silently clamped into a different figure.
    QStringList refused;
    const auto remembered = [&settings, &refused](const QString &key, double fallback, double minimum,
                                                  double maximum, const QString &what,
                                                  const QString &suffix) {
        const QVariant stored = settings.value(key);
        if (!stored.isValid())
            return fallback;
        bool ok = false;
        const double value = stored.toDouble(&ok);
        if (ok && std::isfinite(value) && value >= minimum && value <= maximum)
            return value;
        refused.append(tr("the remembered %1 %2%3 is outside %4–%5%3, so it is %6%3")
                           .arg(what, stored.toString(), suffix)
                           .arg(minimum)
                           .arg(maximum)
                           .arg(fallback));
        return fallback;
    };
    setFigureSize(
        QSize(int(remembered(QStringLiteral("width"), 1200, kMinSide, kMaxSide, tr("width"), tr(" px"))),
              int(remembered(QStringLiteral("height"), 800, kMinSide, kMaxSide, tr("height"), tr(" px")))));
    setScale(remembered(QStringLiteral("scale"), 2.0, m_scale->minimum(), m_scale->maximum(), tr("scale"),
                        QString()));
    m_widthMm->setValue(remembered(QStringLiteral("widthMm"), 85.0, m_widthMm->minimum(),
                                   m_widthMm->maximum(), tr("print width"), tr(" mm")));
    m_heightMm->setValue(remembered(QStringLiteral("heightMm"), 60.0, m_heightMm->minimum(),
                                    m_heightMm->maximum(), tr("print height"), tr(" mm")));
    m_dpi->setValue(int(std::lround(remembered(QStringLiteral("dpi"), 300, m_dpi->minimum(), m_dpi->maximum(),
                                               tr("resolution"), tr(" dpi")))));
    m_fontPt->setValue(remembered(QStringLiteral("fontPt"), 8.0, m_fontPt->minimum(), m_fontPt->maximum(),
                                  tr("text size"), tr(" pt")));
    m_settingsNote->setText(
        refused.isEmpty() ? QString() : tr("Not restored: %1.").arg(refused.join(QStringLiteral("; "))));
    m_settingsNote->setVisible(!refused.isEmpty());
    m_print->setChecked(settings.value(QStringLiteral("print"), false).toBool());
    m_title->setText(settings.value(QStringLiteral("title")).toString());
    m_caption->setChecked(settings.value(QStringLiteral("caption"), false).toBool());
    settings.endGroup();

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_file, &QLineEdit::textChanged, this, &ExportDialog::updateSummary);
    connect(m_width, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_height, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_print, &QGroupBox::toggled, this, &ExportDialog::updateSummary);
    connect(m_widthMm, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_heightMm, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_dpi, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    updateSummary();
}

void ExportDialog::setPlotChoiceVisible(bool visible)
{
    m_plotLabel->setVisible(visible);
    m_plot->setVisible(visible);
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

std::optional<FigureExport::PhysicalSize> ExportDialog::physicalSize() const
{
    if (!m_print->isChecked())
        return std::nullopt;
    return FigureExport::PhysicalSize{QSizeF(m_widthMm->value(), m_heightMm->value()),
                                      double(m_dpi->value())};
}

void ExportDialog::setPhysicalSize(std::optional<FigureExport::PhysicalSize> physical)
{
    m_print->setChecked(physical.has_value());
    if (physical) {
        m_widthMm->setValue(physical->millimetres.width());
        m_heightMm->setValue(physical->millimetres.height());
        m_dpi->setValue(int(std::lround(physical->dpi)));
    }
}

FigureExport::Decorations ExportDialog::decorations() const
{
    FigureExport::Decorations d;
    d.fontPoints = m_print->isChecked() ? m_fontPt->value() : 0.0;
    d.title = m_title->text().trimmed();
    return d;
}

void ExportDialog::setDecorations(const FigureExport::Decorations &decorations, bool caption)
{
    if (decorations.fontPoints > 0)
        m_fontPt->setValue(decorations.fontPoints);
    m_title->setText(decorations.title);
    m_caption->setChecked(caption);
}

bool ExportDialog::wantsCaption() const
{
    return m_caption->isChecked();
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
    settings.setValue(QStringLiteral("print"), m_print->isChecked());
    settings.setValue(QStringLiteral("widthMm"), m_widthMm->value());
    settings.setValue(QStringLiteral("heightMm"), m_heightMm->value());
    settings.setValue(QStringLiteral("dpi"), m_dpi->value());
    settings.setValue(QStringLiteral("fontPt"), m_fontPt->value());
    settings.setValue(QStringLiteral("title"), m_title->text());
    settings.setValue(QStringLiteral("caption"), m_caption->isChecked());
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
    const bool print = m_print->isChecked();
    for (QWidget *w : {static_cast<QWidget *>(m_width), static_cast<QWidget *>(m_height)})
        w->setEnabled(!print);
    if (print)
        m_scale->setEnabled(false);
    if (!format) {
        m_summary->setText(tr("Format: from the extension (.png, .jpg, .pdf, .svg)"));
    } else if (print) {
        const auto physical = physicalSize();
        const QSize pixels = FigureExport::pixelSize(*physical);
        if (*format == FigureExport::Format::Pdf || *format == FigureExport::Format::Svg)
            m_summary->setText(
                tr("Vector: a page of %1 × %2 mm").arg(m_widthMm->value()).arg(m_heightMm->value()));
        else
            m_summary->setText(tr("Image of %1 × %2 pixels (%3 × %4 mm at %5 dpi)")
                                   .arg(pixels.width())
                                   .arg(pixels.height())
                                   .arg(m_widthMm->value())
                                   .arg(m_heightMm->value())
                                   .arg(m_dpi->value()));
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
