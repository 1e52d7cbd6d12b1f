#pragma once

// The VAE page ("VAE"): the KL term of a variational autoencoder, sum_i 1/2 (mu_i^2 + sigma_i^2 - 1 -
// ln sigma_i^2), one bar per latent dimension. On the left: the example or the loaded file, the sort order,
// the collapse threshold (drawn as a dashed line; a log axis shows the small KL of collapsed
// dimensions), the total in nats and bits, the collapsed dimensions, and for the example one
// dimension's mu and ln sigma^2 on sliders with its term split into the mean part 1/2 mu^2 and the variance
// part 1/2 (sigma^2 - 1 - ln sigma^2). On the right: the bars (collapsed ones grey; a batch file's bars are
// its mean KL with an error bar of one standard deviation either side). A CSV file loads on a JobRunner (10^5
// rows of 512 take about 2 s) and replaces the example in one undo step; a bad file is refused with its name
// and line and changes nothing. It owns the VaeDocument; every control edits it (widget → command → document
// → views), the sort order included. A session saves the example, or the CSV file's path, which
// restoreState() reads again in the background; a file that is gone, unreadable or changed since is named in
// a notice on the page.

#include "page.h"
#include "vaedocument.h"

#include <QString>

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

class JobRunner;
class NumberSpinBox;
class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class SeriesPlot;

class VaePage : public Page
{
    Q_OBJECT

public:
    /// The bars' order (VaeOrder::ByDimension or VaeOrder::ByKl).
    using Order = VaeOrder;

    explicit VaePage(QWidget *parent = nullptr);
    ~VaePage() override;

    VaeDocument *document() const { return m_document; }

    QString title() const override;
    DocumentBase *documentBase() const override;
    QList<const PlotWidget *> figurePlots() const override;
    QString statusText() const override;
    void setTextScale(double factor) override;
    void resetZoom() override;

    /// Loads an encoder's CSV output in the background, with a progress bar and a Cancel button;
    /// loadFinished() reports the outcome.
    void loadFile(const QString &path);
    /// Stops the load running (a cancelled load changes nothing); loadFinished(false, ...) reports it.
    void cancelLoad();
    /// True while a file is loading.
    bool isBusy() const;
    /// The bars' order (an edit of the document, so a session keeps it).
    void setOrder(Order order);
    Order order() const;
    /// The state a session saves: the document's, or while a session's file is being read again, the state
    /// that names it.
    VaeState sessionState() const;
    /// Opens a session's state without an undo step. A state naming a CSV file shows the example (with the
    /// saved threshold and order) while the file is read again in the background, then the file; a file
    /// that is gone or cannot be read leaves the example and a notice naming it, a changed file is shown as
    /// it is now with a notice saying so. loadFinished() reports the outcome.
    void restoreState(const VaeState &state);
    /// The notice about the last restored file ("" when none is shown).
    QString notice() const;

    /// The dimension the sliders edit (0-based).
    void selectDimension(std::size_t index);
    std::size_t selectedDimension() const { return m_selected; }

    /// The dimensions (0-based) in the order the bars are drawn, left to right.
    const std::vector<std::size_t> &barOrder() const { return m_barOrder; }
    /// The bars' heights in drawing order (nats), collapsed and not.
    std::vector<double> barValues() const;
    /// The dimensions drawn grey (0-based, in drawing order).
    std::vector<std::size_t> greyDimensions() const;

    SeriesPlot *plot() const { return m_plot; }
    QComboBox *orderCombo() const { return m_order; }
    QCheckBox *logScaleBox() const { return m_logScale; }
    NumberSpinBox *thresholdSpin() const { return m_threshold; }
    NumberSpinBox *dimensionSpin() const { return m_dimension; }
    QSlider *muSlider() const { return m_mu; }
    QSlider *logvarSlider() const { return m_logvar; }
    QLabel *totalLabel() const { return m_total; }
    QLabel *collapsedLabel() const { return m_collapsed; }
    QLabel *termLabel() const { return m_term; }
    QLabel *sourceLabel() const { return m_source; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }

    /// The μ slider's steps per unit and range (the ln σ² slider's likewise).
    static constexpr int kSliderScale = 100;

signals:
    /// A load finished: `ok`, and the message shown (the summary or the error naming file and line).
    void loadFinished(bool ok, const QString &message);

private:
    void showState();
    void showDimension();
    void openFile();
    void finishRestore(const VaeState &saved, const klscope::VaeResult &result);
    /// Reads `path` on the job runner with the progress bar showing, then hands the result to `done`.
    void startRead(const QString &path, std::function<void(const klscope::VaeResult &)> done);
    /// Back from a read: the progress bar and Cancel hidden, Load enabled.
    void endRead();
    void showNotice(const QString &text);

    VaeDocument *m_document;
    JobRunner *m_jobs;
    SeriesPlot *m_plot = nullptr;
    QComboBox *m_order = nullptr;
    QCheckBox *m_logScale = nullptr;
    NumberSpinBox *m_threshold = nullptr;
    NumberSpinBox *m_dimension = nullptr;
    QSlider *m_mu = nullptr;
    QSlider *m_logvar = nullptr;
    QLabel *m_muValue = nullptr;
    QLabel *m_logvarValue = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_collapsed = nullptr;
    QLabel *m_term = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_notice = nullptr;
    /// The session state whose file is being read again.
    std::optional<VaeState> m_restoring;
    QWidget *m_sliders = nullptr;
    QPushButton *m_load = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    std::vector<std::size_t> m_barOrder;
    std::size_t m_selected = 0;
    bool m_updating = false;
};
