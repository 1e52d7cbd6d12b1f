#pragma once

// The samples lab ("Samples"): draw n samples of a known P and m of a known Q (seeded; n and m may differ)
// and estimate KL and JS from them against the truth. On the left: a preset, P's and Q's specs, n, m, the
// seed
// ("Draw" takes the next one), the plug-in's smoothing and the bootstrap resamples. On the right: the
// estimates table (plug-in, Miller-Madow, kNN for continuous pairs, each with its bootstrap interval, and the
// truth); when an estimate is infinite because a bin of Q is empty, a line says which bin and offers a
// pseudo-count right there; the normalised histograms of both samples; the convergence plot (each estimator's
// median and 10-90 % band across repetitions against n on a log axis, the truth dashed); the hypothesis tests
// on the drawn samples (the G-test first: G = 2N·KL); and the users' material's chunk approach to samples of
// different sizes beside the proper estimate and tests. The estimates and the convergence ladder run through
// JobRunners (a newer edit drops an older result); a hidden page computes nothing until it is shown. It owns
// the SamplesDocument; every control edits it.

#include "page.h"
#include "samplesdocument.h"

#include "chunkcomparison.h"
#include "convergence.h"
#include "estimators.h"
#include "testsides.h"

#include <functional>
#include <optional>
#include <utility>
#include <variant>

class JobRunner;
class NumberSpinBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QWidget;
class SeriesPlot;

/// What one round of estimation found for the current state.
struct SamplesOutcome
{
    klscope::SampleEstimates estimates;
    klscope::TrueDivergences truth;
    klscope::HypothesisTests tests;
    std::optional<klscope::ChunkComparison> chunks;
    QString error; ///< when the samples could not be estimated (then the rest is empty)
};

/// A preset of the samples page: a whole state and the one line it teaches.
struct SamplesPreset
{
    QString name;   ///< "two-normals"
    QString title;  ///< for the combo box
    QString lesson; ///< one sentence
    SamplesState state;
};

/// The presets: two-normals, binomial-uniform, empty-bins, different-sizes.
QList<SamplesPreset> samplesPresets();

class SamplesPage : public Page
{
    Q_OBJECT

public:
    explicit SamplesPage(QWidget *parent = nullptr);
    ~SamplesPage() override;

    QString title() const override;
    DocumentBase *documentBase() const override;
    QList<const PlotWidget *> figurePlots() const override;
    QString statusText() const override;
    void setTextScale(double factor) override;
    void resetZoom() override;

    SamplesDocument *document() const { return m_document; }
    /// Loads a preset by name (one undo step); false when there is none by that name.
    bool loadPreset(const QString &name);
    /// True while the estimates or the convergence ladder are computing.
    bool isBusy() const;

    /// The Compare page's current P and Q as specs, or the sentence saying why they cannot be had.
    using PairSource = std::function<std::variant<std::pair<QString, QString>, QString>()>;
    /// Shows "From Compare", which takes P and Q from `source` (the window sets it).
    void setComparePairSource(PairSource source);
    /// Puts the source's P and Q on the page as one undo step (n, m and the rest stay); false, with the
    /// reason as a status message, when there is no source or the pair is refused.
    bool takeComparePair();

    // For tests and the window.
    QTableWidget *estimatesTable() const { return m_estimates; }
    QTableWidget *testsTable() const { return m_tests; }
    SeriesPlot *convergencePlot() const { return m_convergence; }
    SeriesPlot *histogramPlot() const { return m_histograms; }
    NumberSpinBox *nSpin() const { return m_n; }
    NumberSpinBox *mSpin() const { return m_m; }
    NumberSpinBox *smoothingSpin() const { return m_smoothing; }
    QPushButton *drawButton() const { return m_draw; }
    QPushButton *fromCompareButton() const { return m_fromCompare; }
    /// The line that explains an infinite estimate (hidden when every estimate is finite) and its button.
    QWidget *infinityBox() const { return m_infinityBox; }
    QLabel *infinityLabel() const { return m_infinityLabel; }
    QPushButton *smoothButton() const { return m_smoothButton; }
    QLabel *chunksLabel() const { return m_chunks; }
    const std::optional<SamplesOutcome> &outcome() const { return m_outcome; }
    const std::optional<klscope::Convergence> &convergence() const { return m_ladder; }

protected:
    /// A page first shown computes what was edited while it was hidden.
    void showEvent(QShowEvent *event) override;

signals:
    /// The estimates of the current state arrived and are shown.
    void estimatesUpdated();
    /// The convergence ladder of the current state arrived and is drawn.
    void convergenceUpdated();

private:
    void showState();
    void startJobs();
    void startEstimates();
    void startConvergence();
    void showOutcome();
    void drawConvergence();

    SamplesDocument *m_document;
    JobRunner *m_estimateJobs;
    JobRunner *m_convergenceJobs;
    std::optional<SamplesOutcome> m_outcome;
    std::optional<klscope::Convergence> m_ladder;

    QComboBox *m_preset = nullptr;
    QLabel *m_lesson = nullptr;
    QLineEdit *m_pEdit = nullptr;
    QLineEdit *m_qEdit = nullptr;
    NumberSpinBox *m_n = nullptr;
    NumberSpinBox *m_m = nullptr;
    NumberSpinBox *m_seed = nullptr;
    NumberSpinBox *m_smoothing = nullptr;
    NumberSpinBox *m_bootstrap = nullptr;
    QPushButton *m_draw = nullptr;
    QPushButton *m_fromCompare = nullptr;
    PairSource m_pairSource;
    QTableWidget *m_estimates = nullptr;
    QWidget *m_infinityBox = nullptr;
    QLabel *m_infinityLabel = nullptr;
    QPushButton *m_smoothButton = nullptr;
    SeriesPlot *m_histograms = nullptr;
    SeriesPlot *m_convergence = nullptr;
    QLabel *m_gLabel = nullptr;
    QTableWidget *m_tests = nullptr;
    QLabel *m_chunks = nullptr;
    bool m_showing = false; ///< showState() is setting the controls: their signals are not edits
    bool m_pending = false; ///< the state changed while the page was hidden
};
