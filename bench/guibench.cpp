#include "guibench.h"

#include "guibenchutil.h"

#include "fusedpassbench.h"

#include "contributionplot.h"
#include "cumulativeplot.h"
#include "distributioneditor.h"
#include "distributionplot.h"
#include "document.h"
#include "mainwindow.h"

#include "comparison.h"
#include "custom.h"
#include "spec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QSlider>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <stdexcept>
#include <time.h>
#include <vector>

namespace klscope {

namespace {

using namespace guibench;

bool replotsPending(const MainWindow &window)
{
    return window.distributionPlot()->replotPending() || window.contributionPlot()->replotPending() ||
           window.cumulativePlot()->replotPending();
}

// What follows an edit before a person sees it: the queued replots of the three plots run, and Qt
// repaints what the edit made dirty (the plots, the changed labels and whatever their layouts moved)
// through its own update requests, until each plot canvas has been painted again.
void settle(MainWindow &window, const PaintCounter (&counters)[3])
{
    const int before[3] = {counters[0].paints, counters[1].paints, counters[2].paints};
    const auto start = Clock::now();
    while (replotsPending(window) || counters[0].paints == before[0] || counters[1].paints == before[1] ||
           counters[2].paints == before[2]) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (msSince(start) > 10'000) // a plot that had nothing to redraw: do not wait for ever
            break;
    }
}

// The core's share of an edit: the same comparison computed again outside the window (after the edit
// has been timed, so the window's figure does not include it).
double timeCore(const Document &document)
{
    klscope::CompareOptions options;
    options.support = document.support();
    options.unit = document.unit();
    const auto start = Clock::now();
    const klscope::Comparison c =
        klscope::compare(document.distribution(Side::P), document.distribution(Side::Q), options);
    const double ms = msSince(start);
    return c.p.empty() ? 0.0 : ms;
}

} // namespace

GuiBenchResult benchGui(std::size_t events, int editsPerScenario)
{
    if (events < 2)
        throw std::invalid_argument("the GUI benchmark needs at least 2 events");
    editsPerScenario = std::max(editsPerScenario, 5);
    GuiBenchResult result;
    result.events = events;

    // Launch: construction to the first paint of every plot.
    const auto launchStart = Clock::now();
    MainWindow window;
    window.openPreset(QStringLiteral("seed"));
    window.resize(1280, 800);
    PaintCounter counters[3];
    window.distributionPlot()->canvas()->installEventFilter(&counters[0]);
    window.contributionPlot()->canvas()->installEventFilter(&counters[1]);
    window.cumulativePlot()->canvas()->installEventFilter(&counters[2]);
    window.show();
    while (counters[0].paints == 0 || counters[1].paints == 0 || counters[2].paints == 0 ||
           replotsPending(window))
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    result.launchMs = msSince(launchStart);

    Document *document = window.document();
    const auto last = static_cast<std::int64_t>(events) - 1;
    std::vector<double> slider, mass, cpu, core;

    // 1. A slider drag on p of P = binomial(N−1, p) against Q = uniform on 0..N−1.
    {
        DiscretePair pair;
        pair.p = parseSpec("binomial:n=" + std::to_string(last) + ",p=0.3");
        pair.q = parseSpec("uniform:a=0,b=" + std::to_string(last));
        DocumentState state = document->state();
        state.pair = pair;
        document->resetState(state);
        settle(window, counters);
        QSlider *p = window.editor(0)->slider(1);
        p->setSliderDown(true); // sliderPressed: the drag begins
        for (int i = 1; i <= editsPerScenario; ++i) {
            const auto start = Clock::now();
            const double cpuStart = threadCpuMs();
            p->setSliderPosition(p->minimum() + (p->maximum() - p->minimum()) * 3 / 10 + i);
            settle(window, counters);
            slider.push_back(msSince(start));
            cpu.push_back(threadCpuMs() - cpuStart);
            core.push_back(timeCore(*document));
        }
        p->setSliderDown(false);
    }

    // 2. A drag on one bar of a custom P (N events) against a custom Q: the other masses renormalise.
    {
        std::mt19937_64 rng(20261122);
        DiscretePair pair;
        pair.p = Custom(klscope::randomDistribution(events, rng, 0.5, 1.5), {});
        pair.q = Custom(klscope::randomDistribution(events, rng, 0.5, 1.5), {});
        pair.lockedP = QList<bool>(qsizetype(events), false);
        pair.lockedQ = QList<bool>(qsizetype(events), false);
        DocumentState state = document->state();
        state.pair = pair;
        document->resetState(state);
        settle(window, counters);
        const int event = static_cast<int>(events / 3);
        const double start = std::get<Custom>(document->distribution(Side::P)).masses()[std::size_t(event)];
        const int drag = document->beginDrag();
        for (int i = 1; i <= editsPerScenario; ++i) {
            const auto t = Clock::now();
            const double cpuStart = threadCpuMs();
            document->setCustomMass(Side::P, event, start * (1.0 + 0.25 * i), drag);
            settle(window, counters);
            mass.push_back(msSince(t));
            cpu.push_back(threadCpuMs() - cpuStart);
            core.push_back(timeCore(*document));
        }
        document->endDrag();
    }

    std::vector<double> all = slider;
    all.insert(all.end(), mass.begin(), mass.end());
    const Stats total = stats(all), s = stats(slider), m = stats(mass);
    result.edits = int(all.size());
    result.medianMs = total.median;
    result.p95Ms = total.p95;
    result.maxMs = total.max;
    result.sliderMedianMs = s.median;
    result.sliderP95Ms = s.p95;
    result.massMedianMs = m.median;
    result.massP95Ms = m.p95;
    result.cpuMedianMs = stats(cpu).median;
    result.coreMedianMs = stats(core).median;
    result.peakMemoryMiB = peakMemoryMiB();
    return result;
}

} // namespace klscope
