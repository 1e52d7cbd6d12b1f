#pragma once

// The fitting lab ("Fit"): fit a family Q to a target P by KL(P‖Q) (forward, mass-covering), by KL(Q‖P)
// (reverse, mode-seeking) and by Minka's α-divergence, side by side. On the left: the preset and its
// lesson, P's editor, Q's family with a fix box per parameter, the α slider and the list of every local
// minimum with KL both ways; on the right: P with the fits drawn over it (global minima solid, other
// local minima dashed) and the two loss landscapes, where a click sets Q (or the animation's start), and
// under them the animation bar (fitanimation.h), whose descents are drawn as paths on the landscapes and as
// the current Q of each direction over P. Fits and landscapes run through
// JobRunners (a newer edit drops an older result); the landscape refines from coarse to fine. It owns the
// FitDocument; every control edits it (widget → command → document → views).

#include "distributionimport.h"
#include "fitdocument.h"
#include "page.h"

#include "fitter.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

class ContinuousEditor;
class FitAnimation;
class FamilyCombo;
class JobRunner;
class LandscapePlot;
class NumberSpinBox;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSlider;
class QTableWidget;
class QTimer;
class QWheelEvent;
class SeriesPlot;
struct PlotSeries;

/// A lesson of the fitting lab: a whole document state and the one line it teaches.
struct FitPreset
{
    QString name;   ///< "bimodal-fit"
    QString lesson; ///< one sentence
    FitState state;
};

/// The fit page's presets: bimodal-fit, heavy-tail-fit, discrete-bimodal-fit, minka-alpha.
QList<FitPreset> fitPresets();

/// What one round of fitting found; a direction that cannot fit P has its error sentence instead.
struct FitOutcome
{
    std::optional<klscope::FitResult> forward, reverse, alpha;
    QString forwardError, reverseError, alphaError;
    /// A round during a drag: the reverse fit started from the previous round's minima and the forward fit,
    /// the α fits from the previous round's α fits and this round's forward and reverse fits, so they list
    /// only the minima those starts reach. The multistart follows the drag.
    bool warm = false;
    /// minka-alpha: the global fits for several α (0 < α < 1), in order.
    QList<std::pair<double, std::vector<double>>> alphaSweep;
};

class FitPage : public Page
{
    Q_OBJECT

public:
    explicit FitPage(QWidget *parent = nullptr);
    ~FitPage() override;

    QString title() const override;
    DocumentBase *documentBase() const override;
    QList<const PlotWidget *> figurePlots() const override;
    QList<int> figureStretch() const override;
    QString statusText() const override;
    void setTextScale(double factor) override;
    void resetZoom() override;

    FitDocument *document() const { return m_document; }
    /// Loads a preset by name (one undo step); false when there is none by that name.
    bool loadPreset(const QString &name);
    /// Reads the data file `path` as `choice` says (the comparison page's importer: probabilities, counts,
    /// logits, log-probabilities or binned samples) and makes it P as custom discrete bars, one undo step.
    /// A file that cannot be read or imported changes nothing: false, and `error` names the file and line.
    bool importTarget(const QString &path, const ImportChoice &choice, QString *error);
    /// "Import P…": picks a data file, asks what its values are (the import dialog) and imports it.
    void importTargetWithDialog();
    /// The length of one wheel gesture: ticks closer together than this are one undo step.
    static constexpr int kWheelGestureMs = 500;

    // For tests and the window.
    SeriesPlot *fitPlot() const { return m_plot; }
    LandscapePlot *landscapePlot(int direction) const
    {
        return direction == 0 ? m_landscapePQ : m_landscapeQP;
    }
    QTableWidget *minimaTable() const { return m_minima; }
    QSlider *alphaSlider() const { return m_alpha; }
    QComboBox *familyCombo() const { return m_family; }
    QComboBox *presetCombo() const { return m_presetCombo; }
    QCheckBox *fixBox(int index) const;
    NumberSpinBox *fixSpin(int index) const;
    QLineEdit *targetEdit() const { return m_targetEdit; }
    ContinuousEditor *continuousEditor() const { return m_continuousEditor; }
    QLabel *lessonLabel() const { return m_lesson; }
    QLabel *methodLabel() const { return m_method; }
    FitAnimation *animation() const { return m_animation; }
    QPushButton *importButton() const { return m_importButton; }
    /// The fits of the current state (empty until the first round arrives).
    const std::optional<FitOutcome> &outcome() const { return m_outcome; }
    /// True while a fit or a landscape (at any resolution) is computing. A hidden page computes nothing until
    /// it is shown.
    bool isBusy() const;
    /// True while a round of fits computes (the landscape aside).
    bool isFitting() const;
    /// True when the landscape shown is at full resolution for the current state.
    bool landscapeComplete() const { return m_landscapeComplete; }

protected:
    /// Drags a mixture P's component mean on the fit plot (one undo step per drag).
    bool eventFilter(QObject *watched, QEvent *event) override;
    /// A page first shown fits what was edited while it was hidden.
    void showEvent(QShowEvent *event) override;

signals:
    /// The fits of the current state arrived and are drawn.
    void fitsUpdated();
    /// The forward and reverse fits of the current state arrived and are drawn, with the previous round's α
    /// fits; the new α fits follow (then fitsUpdated). Not emitted for the first round, which shows whole.
    void forwardAndReverseUpdated();
    /// A landscape arrived (complete: at full resolution).
    void landscapeUpdated(bool complete);

private:
    void buildControls(QWidget *panel);
    void showState();
    void rebuildFixRows();
    void startFit();
    void fitsArrived(const FitOutcome &outcome);
    void startLandscape();
    void drawFits();
    void fillMinima();
    void landscapeClicked(double x, double y);
    void editTargetFromEditor();
    // The animation (fitanimation.h): its problem after each round of fits, its paths and Qs drawn, frames.
    void updateAnimationProblem();
    void showAnimation();
    void appendAnimationSeries(QList<PlotSeries> &series, const std::vector<double> &xs) const;
    QString writeFrame(const QString &fileName) const;
    /// Makes the left panel as wide as its controls need.
    void fitPanelWidth();
    /// The mixture component whose mean marker is within a few pixels of canvas column `x` (-1: none).
    int componentAt(int x) const;
    /// The mixture component under the mouse: its mean marker, or the filled area of P where that component
    /// is the largest part of the density (-1: none).
    int componentUnder(QPointF canvasPosition) const;
    /// The wheel over a component scales its σ (up widens); true when the event was taken.
    bool wheelOverComponent(QWheelEvent *event);
    /// Ends the wheel gesture: the next tick starts a new undo step.
    void endWheelGesture();
    /// The controls (scrolling) over the minima box, which stays in view.
    QWidget *leftColumn(QScrollArea *controls);
    /// The minima table as tall as its rows (up to six).
    void fitMinimaHeight();
    /// The width the minima table needs to be read (its Q column may wrap).
    int minimaWidth() const;
    /// Draws the forward and reverse fits of a round whose α fits are still computing.
    void forwardAndReverseArrived(const FitOutcome &outcome);

    FitDocument *m_document;
    JobRunner *m_fitJobs;
    JobRunner *m_landscapeJobs;
    std::optional<FitOutcome> m_outcome;
    bool m_landscapeComplete = false;
    bool m_fitPending = false;                ///< the state changed while the page was hidden
    std::vector<std::size_t> m_landscapeAxes; ///< the parameters on the landscape's x (and y)

    QScrollArea *m_panelScroll = nullptr;
    QComboBox *m_presetCombo = nullptr;
    QLabel *m_lesson = nullptr;
    FamilyCombo *m_targetFamily = nullptr;
    QLineEdit *m_targetEdit = nullptr;
    ContinuousEditor *m_continuousEditor = nullptr;
    QComboBox *m_family = nullptr;
    QGridLayout *m_fixGrid = nullptr;
    QList<QLabel *> m_fixLabels;
    QList<QCheckBox *> m_fixBoxes;
    QList<NumberSpinBox *> m_fixSpins;
    QSlider *m_alpha = nullptr;
    QLabel *m_alphaLabel = nullptr;
    QTableWidget *m_minima = nullptr;
    QLabel *m_method = nullptr;
    SeriesPlot *m_plot = nullptr;
    LandscapePlot *m_landscapePQ = nullptr;
    LandscapePlot *m_landscapeQP = nullptr;
    FitAnimation *m_animation = nullptr;
    int m_dragging = -1; ///< the mixture component being dragged on the plot
    int m_wheeling = -1; ///< the mixture component of the wheel gesture going on (-1: none)
    QTimer *m_wheelTimer = nullptr;
    QPushButton *m_importButton = nullptr;
    QWidget *m_minimaBox = nullptr;
    bool m_showing = false; ///< showState() is setting the controls: their signals are not edits
    bool m_warmFit = false; ///< the last round started was warm (a drag): the drag's end refits in full
};
