#pragma once

// The 2-D page ("2-D"): two bivariate normals P and Q drawn as density heatmaps with their 1σ and 2σ
// ellipses, dragged by their centres and axis handles; beside them the per-point integrand p·log(p/q) (or
// q·log(q/p)) showing where KL(P‖Q) (KL(Q‖P)) comes from. On the left: the preset and its lesson, the five
// numbers of each side (the means, the variances and the correlation), the metrics (KL both ways, both
// entropies and cross entropies and the Hellinger distance from the closed forms, at once; JS and TV by
// cubature through a JobRunner, with their method and error) and the mean-field lesson: a factorised Q
// fitted to P both ways, drawn over P with its numbers. It owns the Normal2Document; every control and
// every drag edits it (widget → command → document → views).

#include "normal2document.h"
#include "page.h"

#include <summary.h>

#include <QList>
#include <QRectF>
#include <QString>

#include <array>
#include <optional>

class Gaussian2DPlot;
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

/// The 2-D page's presets: kl-2d (reference vector 26) and mean-field.
QList<Normal2Preset> normal2Presets();

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
    QCheckBox *meanFieldBox() const { return m_meanField; }
    QCheckBox *reverseBox() const { return m_reverse; }
    QComboBox *presetCombo() const { return m_presetCombo; }
    QLabel *lessonLabel() const { return m_lesson; }
    QLabel *metricsLabel() const { return m_metrics; }
    QLabel *meanFieldLabel() const { return m_meanFieldNumbers; }
    /// The cubature metrics (JS, TV) of the current state, once they arrived.
    const std::optional<klscope::Summary> &cubature() const { return m_cubature; }
    /// True while the cubature of the current state is computing.
    bool isBusy() const;

protected:
    /// A page first shown computes the cubature of what was edited while it was hidden.
    void showEvent(QShowEvent *event) override;

signals:
    /// The cubature metrics of the current state arrived and are shown.
    void metricsUpdated();

private:
    void buildControls(QWidget *panel);
    void showState();
    void drawPlots();
    void showMetrics();
    void startCubature();
    void editField(Normal2Document::Side side, Field field, double value);
    /// The rectangle the plots show by default: both sides' 2.5σ boxes, padded.
    QRectF defaultView() const;

    Normal2Document *m_document;
    JobRunner *m_cubatureJobs;
    std::optional<klscope::Summary> m_cubature;
    bool m_cubaturePending = false; ///< the state changed while the page was hidden
    QRectF m_view;                  ///< kept while a drag goes on, so the plane does not move under the mouse

    QComboBox *m_presetCombo = nullptr;
    QLabel *m_lesson = nullptr;
    std::array<std::array<NumberSpinBox *, FieldCount>, 2> m_spins{};
    QCheckBox *m_meanField = nullptr;
    QCheckBox *m_reverse = nullptr;
    QLabel *m_metrics = nullptr;
    QLabel *m_meanFieldNumbers = nullptr;
    Gaussian2DPlot *m_density = nullptr;
    Gaussian2DPlot *m_integrand = nullptr;
    bool m_showing = false; ///< showState() is setting the controls: their signals are not edits
};
