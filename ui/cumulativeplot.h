#pragma once

// The running sum of each per-event term across the events: where a divergence is earned. The last
// value of each curve is the total. Curves stop (and a marker shows) where a sum becomes infinite.
// QCustomPlot stays inside the .cpp.

#include "plotwidget.h"

#include <QList>

#include <memory>
#include <span>
#include <string>

namespace klscope {
struct Comparison;
}

class CumulativePlot : public PlotWidget
{
    Q_OBJECT

public:
    explicit CumulativePlot(QWidget *parent = nullptr);
    ~CumulativePlot() override;

    /// Draws the running sums of `comparison`'s terms (the plot keeps it); labels[x] names event x.
    void setComparison(std::shared_ptr<const klscope::Comparison> comparison,
                       std::span<const std::string> labels = {});
    /// Which sums are drawn (and read out): KL(P‖Q), KL(Q‖P), JS.
    void setTermsVisible(bool klPQ, bool klQP, bool js);

    /// The hover text at a canvas position ("" outside the support): the event and the running sums.
    QString readoutAt(QPoint canvasPosition) const override;
    /// The running sum of `term` (0 = KL(P‖Q), 1 = KL(Q‖P), 2 = JS) at the last event, as plotted.
    double lastValue(int term) const;
    /// The y-axis label, which names the unit.
    QString valueAxisLabel() const;
    /// The events marked as making a KL infinite, in increasing order (tests read them).
    QList<double> infiniteMarkers() const;

private:
    struct Private;
    Private *d; ///< the canvas PlotWidget owns
};
