#pragma once

// The 2-D page ("2-D"): two bivariate normals P and Q drawn as density heatmaps with their 1σ and 2σ
// ellipses, dragged by their centres and axis handles; beside them the per-point integrand p·log(p/q) (or
// q·log(q/p)) showing where KL(P‖Q) (KL(Q‖P)) comes from. On the left: the preset and its lesson, the five
// numbers of each side (the means, the variances and the correlation), the metrics (KL both ways, both
// entropies and cross entropies and the Hellinger distance from the closed forms, at once; JS and TV by
// cubature through a JobRunner, with their method and error) and the mean-field lesson: a factorised Q
// fitted to P both ways, drawn over P with its numbers. It owns the Normal2Document; every control and
// every drag edits it (widget → command → document → views).
// With a mixture P (the bimodal-2d preset, PRML fig. 10.3) P's box edits the component chosen, each
// component's 1σ ellipse is dragged like a side's, the metrics are KL both ways by Gauss–Hermite, and the
// fits of P are the single Gaussians of mixture2.h: the moment match (forward, closed form) at once, the
// reverse minima (a multi-start NLopt search) through a second JobRunner on a one-thread pool, so a drag
// never waits for it and never takes both cores from the window.

#include "normal2document.h"
#include "page.h"

#include <mixture2.h>
#include <summary.h>

#include <QList>
#include <QRectF>
#include <QString>

#include <array>
#include <optional>

class Gaussian2DPlot;
struct PlotEllipse;
class JobRunner;
class NumberSpinBox;
class QCheckBox;
class QComboBox;
class QLabel;

/// A lesson of the 2-D page: a whole document state and the one line it teaches.
struct Normal2Preset
{
    QString name;   ///< "mean-field"
    QString lesson; ///< one sentence
    Normal2State state;
};

/// The 2-D page's presets: kl-2d (reference vector 26), mean-field and bimodal-2d.
QList<Normal2Preset> normal2Presets();

/// The single-Gaussian fits of a mixture P (mixture2.h), with KL both ways for each.
struct Normal2MixtureFits
{
    QList<Normal2Component> mixture; ///< the P they were fitted to
    klscope::Normal2 forward;        ///< the moment match, argmin KL(P‖Q)
    double forwardKlPQ = 0, forwardKlQP = 0;
    klscope::Mixture2ReverseFit reverse; ///< the reverse minima, the global one first
    std::vector<double> reverseKlPQ;     ///< KL(P‖Q) of each reverse minimum
};

class Normal2Page : public Page
{
    Q_OBJECT

public:
    /// The numbers each side's editor shows, in order.
    enum Field
    {
        Mu1,
        Mu2,
        Var1,
        Var2,
        Rho,
        FieldCount
    };

    explicit Normal2Page(QWidget *parent = nullptr);
    ~Normal2Page() override;

    QString title() const override;
    DocumentBase *documentBase() const override;
    QList<const PlotWidget *> figurePlots() const override;
    QString statusText() const override;
    void setTextScale(double factor) override;
    void resetZoom() override;

    Normal2Document *document() const { return m_document; }
    /// Loads a preset by name (one undo step); false when there is none by that name.
    bool loadPreset(const QString &name);

    // For tests, the benchmark and the window.
    Gaussian2DPlot *densityPlot() const { return m_density; }
    Gaussian2DPlot *integrandPlot() const { return m_integrand; }
    NumberSpinBox *spin(Normal2Document::Side side, Field field) const
    {
        return m_spins[std::size_t(side)][std::size_t(field)];
    }
    /// P's component the P box edits (a mixture P), and its weight.
    QComboBox *componentCombo() const { return m_component; }
    NumberSpinBox *weightSpin() const { return m_weight; }
    QCheckBox *meanFieldBox() const { return m_meanField; }
    QCheckBox *reverseBox() const { return m_reverse; }
    QComboBox *presetCombo() const { return m_presetCombo; }
    QLabel *lessonLabel() const { return m_lesson; }
    QLabel *metricsLabel() const { return m_metrics; }
    QLabel *meanFieldLabel() const { return m_meanFieldNumbers; }
    /// The cubature metrics (JS, TV) of the current state, once they arrived.
    const std::optional<klscope::Summary> &cubature() const { return m_cubature; }
    /// The fits of the current mixture P, once they arrived (nullopt for a bivariate normal P).
    const std::optional<Normal2MixtureFits> &mixtureFits() const { return m_fits; }
    /// True while the cubature of the current state, or the fits of its mixture, are computing.
    bool isBusy() const;

protected:
    /// A page first shown computes the cubature of what was edited while it was hidden.
    void showEvent(QShowEvent *event) override;

signals:
    /// The cubature metrics of the current state arrived and are shown.
    void metricsUpdated();
    /// The fits of the current mixture P arrived and are drawn.
    void fitsUpdated();

private:
    void buildControls(QWidget *panel);
    void showState();
    void drawPlots();
    void showMetrics();
    void startCubature();
    void startFits();
    /// The ellipses of P's fits: the mean-field ones of a bivariate normal, a mixture's Gaussian fits.
    QList<PlotEllipse> fitEllipses() const;
    /// The metrics table of a mixture P against Q, and the fits' numbers.
    QString mixtureMetrics();
    QString mixtureFitNumbers() const;
    /// The numbers the P box edits: P, or the mixture's component chosen.
    Normal2Params editedP() const;
    void editField(Normal2Document::Side side, Field field, double value);
    /// The rectangle the plots show by default: both sides' 2.5σ boxes, padded.
    QRectF defaultView() const;

    Normal2Document *m_document;
    JobRunner *m_cubatureJobs;
    JobRunner *m_fitJobs;
    std::optional<Normal2MixtureFits> m_fits;
    double m_klPQ = 0; ///< KL(P‖Q) shown (the status line)
    std::optional<klscope::Summary> m_cubature;
    bool m_cubaturePending = false; ///< the state changed while the page was hidden
    QRectF m_view;                  ///< kept while a drag goes on, so the plane does not move under the mouse

    QComboBox *m_presetCombo = nullptr;
    QLabel *m_lesson = nullptr;
    std::array<std::array<NumberSpinBox *, FieldCount>, 2> m_spins{};
    QWidget *m_componentRow = nullptr;
    QComboBox *m_component = nullptr;
    NumberSpinBox *m_weight = nullptr;
    QCheckBox *m_meanField = nullptr;
    QCheckBox *m_reverse = nullptr;
    QLabel *m_metrics = nullptr;
    QLabel *m_meanFieldNumbers = nullptr;
    Gaussian2DPlot *m_density = nullptr;
    Gaussian2DPlot *m_integrand = nullptr;
    bool m_showing = false; ///< showState() is setting the controls: their signals are not edits
};
