#include "guibenchnormal2.h"

#include "guibenchutil.h"

#include "gaussian2dplot.h"
#include "mainwindow.h"
#include "normal2document.h"
#include "normal2page.h"

#include <QApplication>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace klscope {

namespace {

using namespace guibench;

/// Until both plots of the page have replotted and been painted again after an edit.
void settle(const std::vector<const PlotWidget *> &plots,
            const std::vector<std::unique_ptr<PaintCounter>> &paints)
{
    std::vector<int> before;
    for (const auto &c : paints)
        before.push_back(c->paints);
    const auto start = Clock::now();
    for (;;) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        bool done = true;
        for (std::size_t i = 0; i < plots.size(); ++i)
            done = done && !plots[i]->replotPending() && paints[i]->paints != before[i];
        if (done || msSince(start) > 10'000)
            break;
    }
}

} // namespace

GuiNormal2BenchResult benchGuiNormal2(int edits)
{
    edits = std::max(edits, 5);
    GuiNormal2BenchResult result;
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.showPage(QStringLiteral("2d"));
    Normal2Page *page = window.normal2Page();
    Normal2Document *document = page->document();
    std::vector<const PlotWidget *> plots = {page->densityPlot(), page->integrandPlot()};
    std::vector<std::unique_ptr<PaintCounter>> paints;
    for (const PlotWidget *plot : plots) {
        paints.push_back(std::make_unique<PaintCounter>());
        plot->canvas()->installEventFilter(paints.back().get());
    }
    // Let the window lay itself out and draw once.
    const auto warm = Clock::now();
    while (msSince(warm) < 500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);

    std::vector<double> wall, cpu;
    const int drag = document->beginDrag();
    (void)drag;
    for (int i = 1; i <= edits; ++i) {
        // P's mean moves and its axis turns, as a mean drag and a handle drag do.
        const double rho = 0.3 + 0.6 * i / edits;
        const Normal2Params p{0.02 * i, -0.01 * i, 1.0 + 0.01 * i, 1.0, rho * std::sqrt(1.0 + 0.01 * i)};
        const auto start = Clock::now();
        const double cpuStart = threadCpuMs();
        document->setSide(Normal2Document::P, p);
        settle(plots, paints);
        wall.push_back(msSince(start));
        cpu.push_back(threadCpuMs() - cpuStart);
    }
    document->endDrag();
    const Stats s = stats(wall);
    result.edits = int(wall.size());
    result.medianMs = s.median;
    result.p95Ms = s.p95;
    result.maxMs = s.max;
    result.cpuMedianMs = stats(cpu).median;
    result.mapWidth = page->densityPlot()->mapSize().width();
    result.mapHeight = page->densityPlot()->mapSize().height();
    result.integrandWidth = page->integrandPlot()->mapSize().width();
    result.integrandHeight = page->integrandPlot()->mapSize().height();
    return result;
}

} // namespace klscope
