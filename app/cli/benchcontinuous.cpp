// klscope-cli bench --continuous: microseconds per pair for all metrics of a closed-form pair (normal against
// normal), a quadrature pair (normal against Student t, nu = 5) and a mixture pair (two-component mixture
// against a normal, no Monte Carlo), and per theta of the KL evaluator (normal Q against the mixture P).
// Each figure is the median over 9 runs of the mean over a batch sized to last about 20 ms; the progressive
// Monte Carlo run of 10^6 draws (mixture against normal, checkpoints from 10^3) is the median of 3 runs, in
// ms.

#include "computecontinuous.h"

#include "cliutil.h"

#include "continuousclosedform.h"
#include "continuouscomparison.h"
#include "continuousspec.h"
#include "klevaluator.h"
#include "montecarloprogress.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace cli {

namespace {

// Median over runs of the mean microseconds per call of `work(i)`.
template <class Work> double microseconds(const Work &work)
{
    using Clock = std::chrono::steady_clock;
    std::size_t batch = 1;
    while (true) {
        const auto start = Clock::now();
        for (std::size_t i = 0; i < batch; ++i)
            work(i);
        if (Clock::now() - start > std::chrono::milliseconds(20) || batch > (1u << 26))
            break;
        batch *= 2;
    }
    std::vector<double> runs;
    for (int r = 0; r < 9; ++r) {
        const auto start = Clock::now();
        for (std::size_t i = 0; i < batch; ++i)
            work(i);
        runs.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count() /
                       static_cast<double>(batch));
    }
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

} // namespace

int benchContinuous(bool json)
{
    klscope::ContinuousCompareOptions options;
    options.samples = 0;
    options.gridPoints = 0;
    const auto normal = klscope::parseContinuousSpec("normal:mu=0,sigma=1");
    const auto normal2 = klscope::parseContinuousSpec("normal:mu=1,sigma=2");
    const auto t5 = klscope::parseContinuousSpec("student_t:nu=5");
    const auto mixture = klscope::parseContinuousSpec("gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1");
    const auto normalSqrt2 = klscope::parseContinuousSpec("normal:mu=0,sigma=1.4142135623730951");
    volatile double sink = 0.0;
    const double closedUs =
        microseconds([&](std::size_t) { sink = compareContinuous(normal, normal2, options).klPQ.value; });
    // The closed-form metrics alone (KL both ways, both entropies, both cross entropies, TV, Hellinger): what
    // is left of the closed-form pair without JS, which needs an integral for every pair.
    const double closedOnlyUs = microseconds([&](std::size_t) {
        const auto a = std::get<klscope::Normal>(normal), b = std::get<klscope::Normal>(normal2);
        const double kl = *klscope::closedFormKl(normal, normal2) + *klscope::closedFormKl(normal2, normal);
        sink = kl + klscope::entropy(a) + klscope::entropy(b) + klscope::normalTotalVariation(a, b) +
               klscope::normalHellingerSquared(a, b);
    });
    const double quadratureUs =
        microseconds([&](std::size_t) { sink = compareContinuous(normal, t5, options).klPQ.value; });
    const double mixtureUs = microseconds(
        [&](std::size_t) { sink = compareContinuous(mixture, normalSqrt2, options).klPQ.value; });
    const klscope::ContinuousKlEvaluator evaluator(mixture, klscope::ContinuousFamily::Normal);
    const double evaluatorUs = microseconds([&](std::size_t i) {
        const double theta[2] = {0.001 * static_cast<double>(i % 1000),
                                 1.0 + 0.0005 * static_cast<double>(i % 997)};
        sink = evaluator.evaluate(theta).qp;
    });
    std::vector<double> monteCarloRuns;
    for (int r = 0; r < 3; ++r) {
        const auto start = std::chrono::steady_clock::now();
        sink = klscope::progressiveMonteCarloKl(mixture, normalSqrt2).points.back().estimate;
        monteCarloRuns.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(monteCarloRuns.begin(), monteCarloRuns.end());
    const double monteCarloMs = monteCarloRuns[1];
    (void)sink;
    char buffer[768];
    if (json) {
        std::snprintf(buffer, sizeof buffer,
                      "{\"benchmark\":\"continuous\",\"closed_form_us\":%.3f,\"quadrature_us\":%.3f,"
                      "\"mixture_us\":%.3f,\"evaluator_us\":%.3f,\"closed_form_metrics_us\":%.3f,"
                      "\"monte_carlo_1e6_ms\":%.1f}\n",
                      closedUs, quadratureUs, mixtureUs, evaluatorUs, closedOnlyUs, monteCarloMs);
    } else {
        std::snprintf(buffer, sizeof buffer,
                      "continuous pairs, all metrics (median of 9 runs)\n"
                      "  normal vs normal (closed form)            %10.3f us\n"
                      "  normal vs student_t nu=5 (quadrature)     %10.3f us\n"
                      "  2-component mixture vs normal (no MC)     %10.3f us\n"
                      "  evaluator, normal Q vs mixture P, 1 theta %10.3f us\n"
                      "  normal vs normal, closed-form metrics only %9.3f us (all but JS)\n"
                      "  Monte Carlo KL, mixture vs normal, 10^6   %10.1f ms (median of 3)\n",
                      closedUs, quadratureUs, mixtureUs, evaluatorUs, closedOnlyUs, monteCarloMs);
    }
    writeOut(buffer);
    return 0;
}

} // namespace cli
