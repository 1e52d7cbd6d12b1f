#pragma once

// The Images page ("Images", or `klscope --page images`): is KL a good measure of image similarity? Two
// images A (P) and B (Q) side by side, each above the histogram of its grey levels (or of one channel,
// in 256 or fewer bins), and every metric of the two histograms compared bin by bin in the metrics
// panel. "Shuffle pixels" puts A's pixels, in a random order from a shown seed, on B: the histograms are
// identical, so every divergence is exactly 0 while the pictures plainly differ; the page says so, the
// point of our users' material that KL ignores where the pixels are. Images load from buttons or by
// dropping a file on a picture; a file that is not an image, is truncated or has more than 10^8 pixels
// is refused with a message and changes nothing. It owns the ImagesDocument; every control edits it
// (widget → command → document → views).

#include "imagesdocument.h"
#include "page.h"

#include <QString>

class MetricsPanel;
class NumberSpinBox;
class QComboBox;
class QLabel;
class QPushButton;
class SeriesPlot;

class ImagesPage : public Page
{
    Q_OBJECT

public:
    explicit ImagesPage(QWidget *parent = nullptr);
    ~ImagesPage() override;

    QString title() const override;
    DocumentBase *documentBase() const override;
    QList<const PlotWidget *> figurePlots() const override;
    QString statusText() const override;
    void setTextScale(double factor) override;
    void resetZoom() override;

    ImagesDocument *document() const { return m_document; }

    /// Reads the image file at `path` onto side 0 (A) or 1 (B) as one undo step; false with `error` set
    /// (and shown on the page) when the file is refused, and then nothing changes.
    bool loadImageFile(int side, const QString &path, QString *error = nullptr);
    /// The file dialog of a Load button: picks a file and loads it.
    void openImage(int side);
    /// Opens a session's state (sources, channel, bins; imagesstatejson.h) without an undo step: each side's
    /// image is read again from its file (and shuffled again with its seed). A side whose file is gone or
    /// refused opens empty, and the page's message names the file; returns that message ("" when both read).
    QString restoreState(const ImagesState &state);
    /// The message under the controls ("" when none is shown).
    QString errorText() const;

    // For tests.
    QLabel *imageLabel(int side) const { return m_picture[side == 0 ? 0 : 1]; }
    QLabel *nameLabel(int side) const { return m_name[side == 0 ? 0 : 1]; }
    SeriesPlot *histogramPlot(int side) const { return m_plot[side == 0 ? 0 : 1]; }
    QPushButton *loadButton(int side) const { return m_load[side == 0 ? 0 : 1]; }
    QPushButton *shuffleButton() const { return m_shuffle; }
    NumberSpinBox *seedBox() const { return m_seed; }
    QComboBox *channelCombo() const { return m_channel; }
    QComboBox *binsCombo() const { return m_bins; }
    /// The metrics panel; its labels' object names carry the prefix "images_" ("images_klPQValue").
    MetricsPanel *metricsPanel() const { return m_metrics; }
    /// The sentence under the controls: the caveat after a shuffle, else what the page shows.
    QLabel *lessonLabel() const { return m_lesson; }
    /// The last refusal ("" after a successful load).
    QLabel *errorLabel() const { return m_error; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showState();
    void showPictures();

    ImagesDocument *m_document;
    QLabel *m_lesson = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_load[2] = {};
    QPushButton *m_shuffle = nullptr;
    NumberSpinBox *m_seed = nullptr;
    QComboBox *m_channel = nullptr;
    QComboBox *m_bins = nullptr;
    QLabel *m_picture[2] = {};
    QLabel *m_name[2] = {};
    SeriesPlot *m_plot[2] = {};
    MetricsPanel *m_metrics = nullptr;
    bool m_showing = false; ///< showState() is setting the controls: their signals are not edits
};
