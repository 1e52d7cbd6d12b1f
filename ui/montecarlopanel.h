#pragma once

// The Monte Carlo panel of a pair with a Gaussian mixture: the estimate of KL(P‖Q) ± 2 standard errors
// as the number of draws n doubles up to 10^6 (on a log10 n axis), against the quadrature value and the
// variational estimate and bounds of mixturekl.h. The run goes through a JobRunner, off the GUI thread,
// with a progress bar and a Stop button; a new pair supersedes it, and points of a superseded run are
// never shown. Fed with data: the binder gives it the document's comparison.

#include "deferredinput.h"
#include "documentstate.h"

#include <montecarloprogress.h>

#include <QWidget>

#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace klscope {
struct ContinuousComparison;
}
class JobRunner;
class QLabel;
class QProgressBar;
class QPushButton;
class SeriesPlot;

class MonteCarloPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MonteCarloPanel(QWidget *parent = nullptr);
    ~MonteCarloPanel() override;

    /// True when the panel has something to show for `pair`: a side is a Gaussian mixture.
    static bool appliesTo(const ContinuousPair &pair);
    /// Shows `comparison` of `pair`. A new P or Q starts a new run (superseding the one running); the
    /// same pair (a new unit, a new bin width) only redraws. A pair without a mixture, or no comparison
    /// (nullptr: the document left the continuous domain), stops the run and clears the points.
    void setComparison(std::shared_ptr<const klscope::ContinuousComparison> comparison,
                       const ContinuousPair &pair);
    /// The draws of the last checkpoint (10^6 by default; tests use fewer). Applies to the next run.
    void setMaxSamples(std::size_t n);
    /// Stops the run, keeping the points reached.
    void stop();
    bool isRunning() const;
    /// The checkpoints of the current run received so far (nats).
    const std::vector<klscope::MonteCarloPoint> &points() const { return m_points; }
    SeriesPlot *plot() const { return m_plot; }
    /// While inactive (its tab hidden) the panel computes nothing: a new pair cancels the run and waits,
    /// and becoming active again starts the latest pair's run. Active from construction.
    void setActive(bool active);
    bool isActive() const { return m_hidden.isActive(); }

signals:
    /// A checkpoint of the current run arrived (and is drawn).
    void pointAdded();
    /// The current run reached its last checkpoint, was stopped, or found KL infinite.
    void finished();

private:
    void start();
    void redraw();

    SeriesPlot *m_plot;
    QProgressBar *m_progress;
    QPushButton *m_stop;
    QLabel *m_status;
    JobRunner *m_runner;
    std::shared_ptr<const klscope::ContinuousComparison> m_comparison;
    std::optional<ContinuousPair> m_pair;
    /// While hidden: the pair given last, started when the panel is shown.
    DeferredInput<std::shared_ptr<const klscope::ContinuousComparison>, ContinuousPair> m_hidden;
    std::vector<klscope::MonteCarloPoint> m_points;
    std::size_t m_maxSamples = 1'000'000;
    QString m_infinite;
};
