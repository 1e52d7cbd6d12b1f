#pragma once

// The discretisation panel, the bridge between the two halves of the course: a bin width h (0: off) at
// which both densities are binned (discretise.h), the discrete KL at that h beside the continuous one, and
// a small plot of the discrete KL(P‖Q) and KL(Q‖P) against h (log10 h) closing in on the continuous values
// (dashed lines) as h shrinks. The binning runs through a JobRunner; a newer pair or width supersedes it.
// Fed with data; an edit of the width is an intent (binWidthEdited) that the binder makes a document edit.

#include "deferredinput.h"
#include "documentstate.h"

#include <discretise.h>

#include <QWidget>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace klscope {
struct ContinuousComparison;
}
class JobRunner;
class NumberSpinBox;
class QLabel;
class SeriesPlot;

class DiscretisationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DiscretisationPanel(QWidget *parent = nullptr);
    ~DiscretisationPanel() override;

    /// Shows `comparison` of `pair` and its bin width; recomputes (in the background) when P, Q or the
    /// width changed, only redraws otherwise (a new unit). No comparison (nullptr: the document left the
    /// continuous domain) cancels the computation.
    void setComparison(std::shared_ptr<const klscope::ContinuousComparison> comparison,
                       const ContinuousPair &pair);
    /// The widths of the sweep and their discrete KLs (nats), empty until computed.
    const std::vector<klscope::DiscreteKlPoint> &sweep() const { return m_sweep; }
    /// The discrete KL at the current width, once computed (nullopt when the width is 0 or not yet known).
    const std::optional<klscope::DiscreteKlPoint> &current() const { return m_current; }
    /// True while a computation runs.
    bool isBusy() const;
    NumberSpinBox *widthBox() const { return m_width; }
    SeriesPlot *plot() const { return m_plot; }
    /// The line beside the control ("discrete KL(P‖Q) at h = … : … · continuous …").
    QString valuesText() const;

    /// The widths of the sweep for a pair whose plotting grid spans `span`: span/4, span/8, … (11 widths,
    /// down to span/4096).
    static std::vector<double> sweepWidths(double span);

    /// While inactive (its tab hidden) the panel computes nothing: a new pair cancels the run and waits,
    /// and becoming active again starts the latest pair's run. Active from construction.
    void setActive(bool active);
    bool isActive() const { return m_hidden.isActive(); }

signals:
    /// The person set the width (0: off).
    void binWidthEdited(double h);
    /// A computation's result arrived and is drawn.
    void computed();

private:
    void start();
    void redraw();

    NumberSpinBox *m_width;
    QLabel *m_values;
    SeriesPlot *m_plot;
    JobRunner *m_runner;
    std::shared_ptr<const klscope::ContinuousComparison> m_comparison;
    std::optional<ContinuousPair> m_pair;
    /// While hidden: the pair given last, started when the panel is shown.
    DeferredInput<std::shared_ptr<const klscope::ContinuousComparison>, ContinuousPair> m_hidden;
    std::vector<klscope::DiscreteKlPoint> m_sweep;
    std::optional<klscope::DiscreteKlPoint> m_current;
};
