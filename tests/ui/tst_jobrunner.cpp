// The background job runner: results on the GUI thread, a superseded job's result and progress dropped, a
// cooperative cancel that stops the loop and delivers nothing, progress payloads in order, an exception as
// a failure message, and a runner destroyed mid-job (or by its own done callback) without a crash. Jobs
// wait on semaphores the test releases, and run on a private one-thread pool, so each job ends (and posts
// what it posts) before the next begins: the order of events is fixed, with no sleeps.

#include "jobrunner.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <stdexcept>

class TestJobRunner : public QObject
{
    Q_OBJECT

private:
    // Runs every queued delivery the pool's finished jobs have posted.
    static void drain(QThreadPool &pool)
    {
        QVERIFY(pool.waitForDone(30000));
        QCoreApplication::sendPostedEvents();
    }

private slots:
    void resultArrivesOnTheGuiThread()
    {
        QThreadPool pool;
        JobRunner runner(nullptr, &pool);
        QSignalSpy busy(&runner, &JobRunner::busyChanged);
        std::atomic<QThread *> workThread = nullptr;
        QThread *doneThread = nullptr;
        int result = 0;
        const quint64 generation = runner.start(
            [&](JobControl &) {
                workThread = QThread::currentThread();
                return 6 * 7;
            },
            [&](const int &r) {
                doneThread = QThread::currentThread();
                result = r;
            });
        QCOMPARE(generation, quint64(1));
        QVERIFY(runner.isRunning());
        QTRY_COMPARE(result, 42);
        QVERIFY(workThread.load() != nullptr);
        QVERIFY(workThread.load() != QCoreApplication::instance()->thread());
        QCOMPARE(doneThread, QCoreApplication::instance()->thread());
        QVERIFY(!runner.isRunning());
        QCOMPARE(busy.count(), 2);
        QCOMPARE(busy.at(0).at(0).toBool(), true);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
    }

    void supersededResultIsDropped()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        JobRunner runner(nullptr, &pool);
        QSignalSpy busy(&runner, &JobRunner::busyChanged);
        QSemaphore started, gate;
        std::atomic<bool> firstSawCancel = false;
        QList<int> results;
        runner.start(
            [&](JobControl &control) {
                started.release();
                gate.acquire();
                firstSawCancel = control.cancelled();
                return 1;
            },
            [&](const int &r) { results << r; });
        started.acquire();
        const quint64 second =
            runner.start([](JobControl &) { return 2; }, [&](const int &r) { results << r; });
        QCOMPARE(second, quint64(2));
        gate.release();
        // The first job posts its result before the second job starts (one thread): when 2 has arrived,
        // 1 has been seen and dropped.
        QTRY_COMPARE(results, QList<int>{2});
        drain(pool);
        QCOMPARE(results, QList<int>{2});
        QVERIFY(firstSawCancel);
        // Busy from the first start to the second job's result, without a gap in between.
        QCOMPARE(busy.count(), 2);
        QVERIFY(!runner.isRunning());
    }

    // A result already queued to the GUI thread when the job is superseded or cancelled is dropped there.
    void queuedResultOfAStaleJobIsDropped_data()
    {
        QTest::addColumn<bool>("supersede");
        QTest::newRow("superseded") << true;
        QTest::newRow("cancelled") << false;
    }

    void queuedResultOfAStaleJobIsDropped()
    {
        QFETCH(bool, supersede);
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        JobRunner runner(nullptr, &pool);
        QList<int> results;
        runner.start([](JobControl &) { return 1; }, [&](const int &r) { results << r; });
        // On one thread the probe runs after the job has posted its result, which waits in the queue.
        QSemaphore probe;
        pool.start([&probe] { probe.release(); });
        probe.acquire();
        if (supersede) {
            runner.start([](JobControl &) { return 2; }, [&](const int &r) { results << r; });
            QTRY_COMPARE(results, QList<int>{2});
        } else {
            runner.cancel();
        }
        drain(pool);
        QCOMPARE(results, supersede ? QList<int>{2} : QList<int>{});
    }

    void cancelStopsACooperativeLoopAndDeliversNothing()
    {
        QThreadPool pool;
        JobRunner runner(nullptr, &pool);
        QSignalSpy busy(&runner, &JobRunner::busyChanged);
        QSemaphore started;
        std::atomic<long long> iterations = 0;
        bool delivered = false, progressed = false;
        runner.start(
            [&](JobControl &control) {
                started.release();
                long long n = 0;
                while (!control.cancelled()) {
                    ++n;
                    if (n % 1024 == 0)
                        control.progress(0.5, n);
                }
                iterations = n;
                return n;
            },
            [&](const long long &) { delivered = true; },
            [&](double, const std::any &) { progressed = true; });
        started.acquire();
        runner.cancel();
        QVERIFY(!runner.isRunning());
        QCOMPARE(busy.count(), 2);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
        drain(pool); // returns only because the loop saw the cancel
        QVERIFY(!delivered);
        QVERIFY(!progressed);
        QCOMPARE(busy.count(), 2);
        runner.cancel(); // nothing runs: no signal
        QCOMPARE(busy.count(), 2);
    }

    void progressArrivesInOrderAndStaleProgressIsDropped()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        JobRunner runner(nullptr, &pool);
        QSemaphore posted;
        QList<int> payloads;
        QList<double> fractions;
        int result = 0;
        auto record = [&](double fraction, const std::any &partial) {
            fractions << fraction;
            payloads << std::any_cast<int>(partial);
        };
        runner.start(
            [&](JobControl &control) {
                control.progress(0.5, 1);
                posted.release();
                return -1;
            },
            [&](const int &r) { result = r; }, record);
        // The first job's progress is queued, not yet delivered; a new start makes it stale.
        posted.acquire();
        runner.start(
            [](JobControl &control) {
                control.progress(0.25, 10);
                control.progress(0.5, 20);
                control.progress(1.0, 30);
                return 40;
            },
            [&](const int &r) { result = r; }, record);
        QTRY_COMPARE(result, 40);
        QCOMPARE(payloads, (QList<int>{10, 20, 30}));
        QCOMPARE(fractions, (QList<double>{0.25, 0.5, 1.0}));
    }

    void exceptionBecomesAFailureMessage_data()
    {
        QTest::addColumn<bool>("standard");
        QTest::addColumn<QString>("message");
        QTest::newRow("std::exception") << true << "boom: the integral diverged";
        QTest::newRow("anything else") << false << "The background job failed with an unknown error.";
    }

    void exceptionBecomesAFailureMessage()
    {
        QFETCH(bool, standard);
        QFETCH(QString, message);
        QThreadPool pool;
        JobRunner runner(nullptr, &pool);
        QSignalSpy failed(&runner, &JobRunner::failed);
        QSignalSpy busy(&runner, &JobRunner::busyChanged);
        bool delivered = false;
        runner.start(
            [standard](JobControl &) -> int {
                if (standard)
                    throw std::runtime_error("boom: the integral diverged");
                throw 42;
            },
            [&](const int &) { delivered = true; });
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), message);
        QVERIFY(!delivered);
        QVERIFY(!runner.isRunning());
        QCOMPARE(busy.count(), 2);
    }

    void destroyingTheRunnerMidJobIsSafe()
    {
        QThreadPool pool;
        QSemaphore started, gate;
        auto sawCancel = std::make_shared<std::atomic<bool>>(false);
        auto delivered = std::make_shared<bool>(false);
        auto *runner = new JobRunner(nullptr, &pool);
        runner->start(
            [sawCancel, &started, &gate](JobControl &control) {
                started.release();
                gate.acquire();
                *sawCancel = control.cancelled();
                control.progress(1.0, 5);
                return 1;
            },
            [delivered](const int &) { *delivered = true; },
            [delivered](double, const std::any &) { *delivered = true; });
        started.acquire();
        delete runner;
        gate.release();
        drain(pool);
        QVERIFY(*sawCancel);
        QVERIFY(!*delivered);
    }

    void doneMayDestroyTheRunner()
    {
        QThreadPool pool;
        auto *runner = new JobRunner(nullptr, &pool);
        QPointer<JobRunner> guard(runner);
        int result = 0;
        runner->start([](JobControl &) { return 3; },
                      [&](const int &r) {
                          result = r;
                          delete runner;
                      });
        QTRY_COMPARE(result, 3);
        QVERIFY(guard.isNull());
    }

    void doneMayStartTheNextJob()
    {
        QThreadPool pool;
        JobRunner runner(nullptr, &pool);
        QSignalSpy busy(&runner, &JobRunner::busyChanged);
        QList<int> results;
        runner.start([](JobControl &) { return 1; },
                     [&](const int &r) {
                         results << r;
                         runner.start([](JobControl &) { return 2; }, [&](const int &s) { results << s; });
                     });
        QTRY_COMPARE(results, (QList<int>{1, 2}));
        QTRY_VERIFY(!runner.isRunning());
        // One busy period: true at the first start, false after the second result.
        QCOMPARE(busy.count(), 2);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
