#include "guibenchcontinuous.h"

#include "guibenchutil.h"

#include "comparisonpage.h"
#include "document.h"
#include "jobrunner.h"
#include "mainwindow.h"
#include "montecarlopanel.h"
#include "plotwidget.h"

#include <continuouscomparison.h>
#include <continuousspec.h>

#include <QApplication>
#include <QEvent>
#include <QTabWidget>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <vector>

namespace klscope {

namespace {

using namespace guibench;

/// Counts the paints of every plot the page shows now.
struct PagePaints
{
    std::vector<std::unique_ptr<PaintCounter>> counters;
    QList<const PlotWidget *> plots;

    explicit PagePaints(const Page &page) : plots(page.figurePlots())
    {
        for (const PlotWidget *plot : plots) {
            counters.push_back(std::make_unique<PaintCounter>());
            plot->canvas()->installEventFilter(counters.back().get());
        }
    }
    std::vector<int> snapshot() const
    {
        std::vector<int> s;
        for (const auto &c : counters)
            s.push_back(c->paints);
        return s;
    }
    bool pending() const
    {
        return std::any_of(plots.begin(), plots.end(),
                           [](const PlotWidget *p) { return p->replotPending(); });
    }
};

/// Until every plot of the page has replotted and been painted again after an edit.
void settle(const PagePaints &paints)
{
    const std::vector<int> before = paints.snapshot();
    const auto start = Clock::now();
    for (;;) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        const std::vector<int> now = paints.snapshot();
        bool allPainted = true;
        for (std::size_t i = 0; i < now.size(); ++i)
            allPainted = allPainted && now[i] != before[i];
        if ((!paints.pending() && allPainted) || msSince(start) > 10'000)
            break;
    }
}

DocumentState continuousState(const char *p, const char *q)
{
    return DocumentState::continuous(parseContinuousSpec(p), parseContinuousSpec(q));
}

} // namespace

GuiContinuousBenchResult benchGuiContinuous(int editsPerScenario)
{
    editsPerScenario = std::max(editsPerScenario, 5);
    GuiContinuousBenchResult result;
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    Document *document = window.document();
    ComparisonPage *page = window.comparisonPage();

    // 1. Normal P against Student t Q: drag Q's location.
    {
        document->resetState(continuousState("normal:mu=0,sigma=1", "student_t:nu=5,mu=0,sigma=1"));
        PagePaints paints(*page);
        settle(paints);
        std::vector<double> wall, cpu, core;
        const int drag = document->beginDrag();
        for (int i = 1; i <= editsPerScenario; ++i) {
            const StudentT q(5.0, 0.02 * i, 1.0 + 0.01 * i);
            const auto start = Clock::now();
            const double cpuStart = threadCpuMs();
            document->setContinuous(Side::Q, q, drag);
            settle(paints);
            wall.push_back(msSince(start));
            cpu.push_back(threadCpuMs() - cpuStart);
            ContinuousCompareOptions o;
            o.samples = 0;
            o.gridPoints = Document::kGridPoints;
            const auto coreStart = Clock::now();
            (void)compareContinuous(document->continuousPair()->p, q, o);
            core.push_back(msSince(coreStart));
        }
        document->endDrag();
        const Stats s = stats(wall);
        result.edits = int(wall.size());
        result.medianMs = s.median;
        result.p95Ms = s.p95;
        result.maxMs = s.max;
        result.cpuMedianMs = stats(cpu).median;
        result.coreMedianMs = stats(core).median;
    }

    // 2. A mixture P against a normal Q while the Monte Carlo panel works: drag Q's mean.
    {
        document->resetState(
            continuousState("gmm:w1=0.5,mu1=-2,sigma1=0.6,w2=0.5,mu2=2,sigma2=0.8", "normal:mu=0,sigma=2"));
        // The Monte Carlo tab open, as a person watching the estimate converge has it: its panel runs.
        page->panelTabs()->setCurrentWidget(page->monteCarloPanel());
        PagePaints paints(*page);
        settle(paints);
        std::vector<double> wall;
        const int drag = document->beginDrag();
        for (int i = 1; i <= editsPerScenario; ++i) {
            const QList<JobRunner *> runners = page->findChildren<JobRunner *>();
            const bool running = std::any_of(runners.begin(), runners.end(),
                                             [](const JobRunner *r) { return r->isRunning(); });
            result.monteCarloEditsWhileRunning += running ? 1 : 0;
            const auto start = Clock::now();
            document->setContinuous(Side::Q, Normal(0.03 * i, 2.0), drag);
            settle(paints);
            wall.push_back(msSince(start));
        }
        document->endDrag();
        const Stats s = stats(wall);
        result.monteCarloMedianMs = s.median;
        result.monteCarloP95Ms = s.p95;
    }
    return result;
}

} // namespace klscope
