#pragma once

// The Compare page's import dialog for an image file (PNG, JPEG, BMP, ...): the histogram of its grey
// levels (or of one colour channel), in 256 bins (one per level) or fewer, goes into P or Q as counts of
// pixels, as the image: spec reads it (imagespec.h). It starts on grey levels in 256 bins and says so; a
// preview line shows what the choice gives (the image's size and levels) or why the file is refused.

#include "distributionimport.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;

class ImageImportDialog : public QDialog
{
    Q_OBJECT

public:
    /// Reads the image as the choice says, for the side, without touching the document.
    using Preview =
        std::function<klscope::import::Result<DistributionImport>(Side, const klscope::import::ImageSpec &)>;

    /// `path`: the image file; `side`: where it goes unless changed here.
    ImageImportDialog(const QString &path, Side side, Preview preview, QWidget *parent = nullptr);

    Side side() const;
    /// The image: spec the choice makes (the path, the channel and the bins).
    klscope::import::ImageSpec spec() const;
    void setChannel(klscope::import::ImageChannel channel);
    void setBins(unsigned bins);
    /// The preview line (what the choice gives, or why it fails).
    QString previewText() const;
    QPushButton *okButton() const { return m_ok; }

private:
    void updatePreview();

    QString m_path;
    Preview m_preview;
    QComboBox *m_side;
    QComboBox *m_channel;
    QComboBox *m_bins;
    QLabel *m_previewLabel;
    QPushButton *m_ok;
};
