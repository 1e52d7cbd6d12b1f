#pragma once

// The continuous pair's figure, fed with data (no document inside): three stacked plots over the
// comparison's plotting grid, whose x comes from both sides' quantiles:
//   * the densities p(x) and q(x) as filled curves, with a marker at each Gaussian-mixture component's
//     mean (which the person can drag: componentMoved);
//   * the integrands p·log(p/q), q·log(q/p) and the JS integrand (negative parts below zero);
//   * their running integrals (the cumulative trapezoid rule over the grid), with the exact value of each
//     metric as a dashed line the running integral climbs to (one legend entry per metric names both).
//     An infinite KL gets no curve: the legend says it is infinite and the note says why.
// Where an integrand is +∞ (q = 0 < p) a hatched band in its colour marks the x it covers. The note (why
// a KL is infinite, how much of a metric lies beyond the plotted range) is drawn under the running
// integrals, inside that plot, so exported figures carry it.
// The three plots share zoom, pan and reset, their y axes line up, and hovering reads out x, p, q and the
// integrands interpolated on the grid. The default view is the grid's range, or for heavy tails (where the
// grid reaches far beyond the bulk) the central 98% of either side.

#include "documentstate.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace klscope {
struct ContinuousComparison;
}
class PlotWidget;
class QCheckBox;
class SeriesPlot;

class ContinuousView : public QWidget
{
    Q_OBJECT

public:
    explicit ContinuousView(QWidget *parent = nullptr);
    ~ContinuousView() override;

    /// Draws `comparison` (its grid, values and unit) of `pair` (for the mixture components' markers).
    void setComparison(std::shared_ptr<const klscope::ContinuousComparison> comparison,
                       const ContinuousPair &pair);
    /// Which integrands (and running integrals) are drawn.
    void setTermsVisible(bool klPQ, bool klQP, bool js);
    /// The three plots, top to bottom (figure export takes them in this order).
    QList<PlotWidget *> plots() const;
    SeriesPlot *densityPlot() const { return m_density; }
    SeriesPlot *integrandPlot() const { return m_integrand; }
    SeriesPlot *runningPlot() const { return m_running; }
    /// Text of the three plots at `factor` × the widget's font.
    void setTextScale(double factor);
    /// A logarithmic y axis on the density plot, for tails.
    void setLogDensity(bool on);
    /// The hover read-out at x: x, p(x), q(x) and the integrands shown, linearly interpolated on the grid.
    QString readout(double x) const;
    /// The number of mixture components' markers on the density plot (0 without a mixture).
    int componentMarkerCount() const { return int(m_handles.size()); }
    /// What the note under the running integrals says (why a KL is infinite), "" when nothing.
    QString note() const;

    /// The cumulative trapezoid integral of y over x (same length; starts at 0). A non-finite y makes
    /// the rest non-finite.
    static std::vector<double> runningIntegral(std::span<const double> x, std::span<const double> y);
    /// The x ranges where y is +∞: each run of such grid points, widened halfway to its finite neighbours
    /// (to the grid's ends at the ends).
    static QList<std::pair<double, double>> infiniteRuns(std::span<const double> x,
                                                         std::span<const double> y);

signals:
    /// The person pressed on a mixture component's mean marker of `side` and began dragging it.
    void componentDragStarted(Side side);
    /// The dragged component (0-based) of `side` is now at mean `mu`.
    void componentMoved(Side side, int component, double mu);
    /// The drag ended (mouse released).
    void componentDragFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Handle
    {
        Side side;
        int component;
        double mu;
    };
    void redraw();
    void applyXRange();
    void alignPlots();
    const Handle *handleAt(int canvasX) const;

    SeriesPlot *m_density;
    SeriesPlot *m_integrand;
    SeriesPlot *m_running;
    QCheckBox *m_logY;
    QString m_note;
    std::shared_ptr<const klscope::ContinuousComparison> m_comparison;
    QList<Handle> m_handles;
    std::optional<std::pair<double, double>> m_defaultRange; ///< the x range of the default view
    bool m_terms[3] = {true, true, true};
    std::optional<Handle> m_dragging;
};
