// JobRunner: the generation check happens on the GUI thread, where the runner lives, so a queued
// delivery never races with start(), cancel() or the destructor. Deliveries are posted to the
// application object, not to the runner, because a worker may post after the runner is gone; the
// shared Link then says so.

#include "jobrunner.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <exception>

namespace jobrunner_detail {

// The runner as its jobs see it: null once it is destroyed. Read and written on the GUI thread only.
struct Link
{
    JobRunner *runner = nullptr;
};

struct Job
{
    quint64 generation = 0;
    std::atomic<bool> cancelled{false};
    std::shared_ptr<Link> link;
    JobRunner::Progress progress; // called on the GUI thread only
};

} // namespace jobrunner_detail

using jobrunner_detail::Job;

namespace {

// Queues `deliver` to the GUI thread; it runs only if the job is still its runner's current one.
template <class Deliver> void post(const std::shared_ptr<Job> &job, Deliver deliver)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return;
    QMetaObject::invokeMethod(
        app, [job, deliver = std::move(deliver)]() mutable { deliver(*job); }, Qt::QueuedConnection);
}

} // namespace

bool JobControl::cancelled() const noexcept
{
    return m_job->cancelled.load(std::memory_order_acquire);
}

void JobControl::progress(double fraction, std::any partial) const
{
    if (cancelled())
        return;
    post(m_job, [fraction, partial = std::move(partial)](Job &job) {
        if (JobRunner::currentRunner(job) && job.progress)
            job.progress(fraction, partial);
    });
}

JobRunner::JobRunner(QObject *parent, QThreadPool *pool)
    : QObject(parent), m_pool(pool ? pool : QThreadPool::globalInstance()),
      m_link(std::make_shared<jobrunner_detail::Link>())
{
    Q_ASSERT(!QCoreApplication::instance() || thread() == QCoreApplication::instance()->thread());
    m_link->runner = this;
}

JobRunner::~JobRunner()
{
    if (m_current)
        m_current->cancelled.store(true, std::memory_order_release);
    m_link->runner = nullptr;
}

JobRunner *JobRunner::currentRunner(const Job &job) noexcept
{
    JobRunner *runner = job.link->runner;
    if (!runner || runner->m_current.get() != &job || job.cancelled.load(std::memory_order_acquire))
        return nullptr;
    return runner;
}

quint64 JobRunner::launch(Work work, Progress progress)
{
    if (m_current)
        m_current->cancelled.store(true, std::memory_order_release);
    auto job = std::make_shared<Job>();
    job->generation = ++m_generation;
    job->link = m_link;
    job->progress = std::move(progress);
    m_current = job;
    m_pool->start([job, work = std::move(work)]() mutable {
        JobControl control(job);
        std::function<void()> deliver;
        QString error;
        try {
            deliver = work(control);
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        } catch (...) {
            error = QStringLiteral("The background job failed with an unknown error.");
        }
        // The job's own captures die here, on the worker, whatever happens to the delivery.
        work = nullptr;
        if (control.cancelled())
            return;
        post(job, [deliver = std::move(deliver), error](Job &j) {
            JobRunner *runner = currentRunner(j);
            if (!runner)
                return;
            runner->m_current.reset();
            if (deliver)
                deliver();
            else
                emit runner->failed(error);
            // done() may have started the next job (busy throughout) or destroyed the runner.
            if (JobRunner *still = j.link->runner; still && !still->m_current)
                still->setRunning(false);
        });
    });
    setRunning(true);
    return job->generation;
}

void JobRunner::cancel()
{
    if (!m_current)
        return;
    m_current->cancelled.store(true, std::memory_order_release);
    m_current.reset();
    setRunning(false);
}

void JobRunner::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    emit busyChanged(running);
}
