#include "imageimportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace imp = klscope::import;

ImageImportDialog::ImageImportDialog(const QString &path, Side side, Preview preview, QWidget *parent)
    : QDialog(parent), m_path(path), m_preview(std::move(preview))
{
    setWindowTitle(tr("Import %1").arg(QFileInfo(path).fileName()));
    setObjectName(QStringLiteral("imageImportDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *about = new QLabel(
        tr("<b>%1</b> is an image: its histogram of levels is the distribution, each bin's share of the "
           "pixels its mass. It starts on grey levels in 256 bins, one per level; choose a colour channel "
           "or fewer, wider bins.")
            .arg(QFileInfo(path).fileName().toHtmlEscaped()),
        this);
    about->setWordWrap(true);
    layout->addWidget(about);

    auto *form = new QFormLayout;
    m_side = new QComboBox(this);
    m_side->setObjectName(QStringLiteral("imageSideBox"));
    m_side->addItem(tr("P (the left editor)"));
    m_side->addItem(tr("Q (the right editor)"));
    m_side->setCurrentIndex(side == Side::P ? 0 : 1);
    m_side->setToolTip(tr("The side the image's histogram goes into."));
    form->addRow(tr("Load into:"), m_side);
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("imageImportChannel"));
    for (const imp::ImageChannel c : {imp::ImageChannel::Grey, imp::ImageChannel::Red,
                                      imp::ImageChannel::Green, imp::ImageChannel::Blue}) {
        const std::string_view name = imp::channelName(c);
        m_channel->addItem(QString::fromUtf8(name.data(), qsizetype(name.size())), int(c));
    }
    m_channel->setToolTip(
        tr("The grey level ((11 R + 16 G + 5 B) / 32, as Qt's qGray) or one colour channel."));
    form->addRow(tr("Levels of:"), m_channel);
    m_bins = new QComboBox(this);
    m_bins->setObjectName(QStringLiteral("imageImportBins"));
    for (unsigned bins = 256; bins >= 1; bins /= 2)
        m_bins->addItem(QString::number(bins), bins);
    m_bins->setToolTip(tr("256 bins: one per level; fewer bins group neighbouring levels."));
    form->addRow(tr("Bins:"), m_bins);
    layout->addLayout(form);

    m_previewLabel = new QLabel(this);
    m_previewLabel->setObjectName(QStringLiteral("imageImportPreview"));
    m_previewLabel->setWordWrap(true);
    layout->addWidget(m_previewLabel);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QComboBox *box : {m_side, m_channel, m_bins})
        connect(box, &QComboBox::currentIndexChanged, this, &ImageImportDialog::updatePreview);
    updatePreview();
}

Side ImageImportDialog::side() const
{
    return m_side->currentIndex() == 0 ? Side::P : Side::Q;
}

imp::ImageSpec ImageImportDialog::spec() const
{
    return imageSpecFor(m_path, static_cast<imp::ImageChannel>(m_channel->currentData().toInt()),
                        m_bins->currentData().toUInt());
}

void ImageImportDialog::setChannel(imp::ImageChannel channel)
{
    m_channel->setCurrentIndex(m_channel->findData(int(channel)));
}

void ImageImportDialog::setBins(unsigned bins)
{
    m_bins->setCurrentIndex(m_bins->findData(bins));
}

QString ImageImportDialog::previewText() const
{
    return m_previewLabel->text();
}

void ImageImportDialog::updatePreview()
{
    const auto result = m_preview(side(), spec());
    if (result) {
        m_previewLabel->setText(result->summary);
        m_ok->setEnabled(true);
    } else {
        m_previewLabel->setText(QString::fromStdString(result.error().message));
        m_ok->setEnabled(false);
    }
}
