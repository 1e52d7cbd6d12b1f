#pragma once

// P and Q overlaid on the comparison's support: grouped bars while each bar is a few pixels wide,
// step lines beyond that. Events that make a KL infinite are marked on the axis. The plot draws the
// comparison it is given (setComparison); dragging the bar of an editable side up or down emits the
// mass asked for (massDragged), and whoever owns the data applies it (see discreteplotbinder.h).
// QCustomPlot stays inside the .cpp (private implementation).

#include "plotwidget.h"

#include <QList>

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <utility>

namespace klscope {
struct Comparison;
}

class DistributionPlot : public PlotWidget
{
    Q_OBJECT

public:
    explicit DistributionPlot(QWidget *parent = nullptr);
    ~DistributionPlot() override;

    /// Draws `comparison` (which the plot keeps); labels[x] names event x on the axis and in the
    /// read-out (empty: plain numbers).
    void setComparison(std::shared_ptr<const klscope::Comparison> comparison,
                       std::span<const std::string> labels = {});
    /// Which terms the read-out lists: KL(P‖Q), KL(Q‖P), JS.
    void setTermsVisible(bool klPQ, bool klQP, bool js);
    /// Lets the bars of `side` (0 = P, 1 = Q) be dragged at events 0..events-1 (0: not editable).
    void setEditable(int side, std::size_t events);

    /// Position on canvas() of the top of the bar of `side` (0 = P, 1 = Q) at event x with the given mass.
    QPoint pixelFor(int side, double x, double mass) const;
    /// True while bars are drawn (small supports), false for step lines.
    bool showsBars() const;
    /// The hover text at a canvas position ("" outside the support).
    QString readoutAt(QPoint canvasPosition) const override;
    /// The events marked as making a KL infinite, in increasing order (tests read them).
    QList<double> infiniteMarkers() const;
    /// A logarithmic mass axis (View → Log Scale for Masses), to see tails and tiny masses.
    void setLogScale(bool on);
    bool logScale() const;
    /// The mass axis range (tests read it).
    std::pair<double, double> massAxisRange() const;

signals:
    /// The person pressed on the bar of `side` (0 = P, 1 = Q): a drag begins (one undo step).
    void massDragStarted(int side);
    /// During a drag: the bar of `side` at `event` asks for `mass` (≥ 0).
    void massDragged(int side, int event, double mass);
    /// The drag ended (mouse released).
    void massDragFinished();

private:
    struct Private;
    Private *d; ///< the canvas PlotWidget owns
};
