#pragma once

// JobRunner: work longer than a frame (Monte Carlo, landscapes, sweeps) off the GUI thread, in the
// spirit of Qt's Mandelbrot example: a new request cancels the running one. One runner per view and
// purpose; at most one of its jobs is current. Each start() takes a new generation number; a job's
// progress and result reach the GUI thread as queued calls and are delivered only while their
// generation is still the current one, so a superseded or cancelled job delivers nothing, ever.
// Cancellation is cooperative: the job polls JobControl::cancelled(). Jobs run on a QThreadPool (the
// global one unless another is given). An exception thrown by a job becomes failed(message).
// Destroying the runner cancels its job without waiting: the job keeps only shared state and finds the
// runner gone when its result arrives.

#include <QObject>
#include <QString>

#include <any>
#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

class QThreadPool;
class JobRunner;

namespace jobrunner_detail {
struct Link;
struct Job;
} // namespace jobrunner_detail

/// What a running job sees of its runner. Thread-safe; used on the worker thread.
class JobControl
{
public:
    /// True once the job was cancelled or superseded by a newer start(), or its runner destroyed: the job
    /// should return soon (what it returns is dropped).
    bool cancelled() const noexcept;
    /// Reports progress: `fraction` in [0, 1] and an optional partial result (a landscape so far, the
    /// Monte Carlo point just reached). Queued to the runner's progress callback on the GUI thread, in
    /// order, and dropped if the job is stale by the time it arrives.
    void progress(double fraction, std::any partial = {}) const;

private:
    friend class JobRunner;
    explicit JobControl(std::shared_ptr<jobrunner_detail::Job> job) : m_job(std::move(job)) {}
    std::shared_ptr<jobrunner_detail::Job> m_job;
};

class JobRunner : public QObject
{
    Q_OBJECT

public:
    /// Progress callback: the fraction and the partial result passed to JobControl::progress().
    using Progress = std::function<void(double fraction, const std::any &partial)>;

    /// Lives on the GUI thread. `pool`, when given, must outlive every job started on it.
    explicit JobRunner(QObject *parent = nullptr, QThreadPool *pool = nullptr);
    /// Cancels the current job; does not wait for it.
    ~JobRunner() override;

    /// Starts `work(JobControl &)` on the pool and cancels the job running before it. `done(result)` runs on
    /// the GUI thread when the job returns and is still current; `progress` likewise for each report.
    /// Returns the job's generation number (increasing).
    template <class Work, class Done> quint64 start(Work work, Done done, Progress progress = {})
    {
        using R = std::invoke_result_t<Work &, JobControl &>;
        static_assert(!std::is_void_v<R>, "a job returns its result");
        return launch(
            [work = std::move(work),
             done = std::move(done)](JobControl &control) mutable -> std::function<void()> {
                auto result = std::make_shared<R>(work(control));
                return [done, result] {
                    done(*result);
                };
            },
            std::move(progress));
    }

    /// Cancels the current job: nothing more of it is delivered. Nothing happens when none runs.
    void cancel();
    /// True from start() until the current job's result or failure is being delivered or it is cancelled.
    bool isRunning() const noexcept { return m_current != nullptr; }
    /// The generation of the last start() (0 before any).
    quint64 generation() const noexcept { return m_generation; }

signals:
    /// A job started while none ran (true), or the last one finished, failed or was cancelled (false).
    void busyChanged(bool busy);
    /// The current job threw: its what() (or a sentence for an unknown exception).
    void failed(const QString &message);

private:
    friend class JobControl;
    using Work = std::function<std::function<void()>(JobControl &)>;
    quint64 launch(Work work, Progress progress);
    void setRunning(bool running);
    // On the GUI thread: true when the job is the current one of a runner still alive.
    static JobRunner *currentRunner(const jobrunner_detail::Job &job) noexcept;

    QThreadPool *m_pool;
    std::shared_ptr<jobrunner_detail::Link> m_link;
    std::shared_ptr<jobrunner_detail::Job> m_current;
    quint64 m_generation = 0;
    bool m_running = false; ///< what busyChanged() last said
};
