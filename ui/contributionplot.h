#pragma once

// The per-event terms: p·log(p/q) for KL(P‖Q), q·log(q/p) for KL(Q‖P) and the JS terms, each shown or
// hidden (setTermsVisible). Negative terms go below the axis; infinite terms are left out
// of the curve and marked at the top. QCustomPlot stays inside the .cpp.

#include "plotwidget.h"

#include <QList>

#include <memory>
#include <span>
#include <string>

namespace klscope {
struct Comparison;
}

class ContributionPlot : public PlotWidget
{
    Q_OBJECT

public:
    explicit ContributionPlot(QWidget *parent = nullptr);
    ~ContributionPlot() override;

    /// Draws the per-event terms of `comparison` (which the plot keeps); labels[x] names event x.
    void setComparison(std::shared_ptr<const klscope::Comparison> comparison,
                       std::span<const std::string> labels = {});
    /// Which terms are drawn (and read out): KL(P‖Q), KL(Q‖P), JS.
    void setTermsVisible(bool klPQ, bool klQP, bool js);

    /// The hover text at a canvas position ("" outside the support).
    QString readoutAt(QPoint canvasPosition) const override;
    /// The y-axis label, which names the unit.
    QString valueAxisLabel() const;
    /// The events marked as making a KL infinite, in increasing order (tests read them).
    QList<double> infiniteMarkers() const;

private:
    struct Private;
    Private *d; ///< the canvas PlotWidget owns
};
