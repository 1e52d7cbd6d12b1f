// Progressive Monte Carlo KL (montecarloprogress.h). The draws and the Welford update follow
// monteCarloKl() in mixturekl.cpp step for step, so the checkpoint at n equals monteCarloKl(p, q, n, seed).

#include "montecarloprogress.h"

#include "infinitykl.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace klscope {

namespace {

// A uniform on (0, 1), never 0 or 1, so the quantile of every family is finite.
double uniform01(std::mt19937_64 &rng) noexcept
{
    return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
}

} // namespace

double sample(const ContinuousDistribution &d, std::mt19937_64 &rng) noexcept
{
    if (const auto *mixture = std::get_if<GaussianMixture>(&d)) {
        const auto components = mixture->components();
        double total = 0.0;
        for (const MixtureComponent &c : components)
            total += c.weight;
        const double u = uniform01(rng) * total;
        // The same cumulative sums as monteCarloKl(), so both pick the same component for the same u.
        std::size_t k = 0;
        double cumulative = components[0].weight;
        while (k + 1 < components.size() && u > cumulative)
            cumulative += components[++k].weight;
        return quantile(Normal(components[k].mu, components[k].sigma), uniform01(rng));
    }
    return quantile(d, uniform01(rng));
}

MonteCarloRun progressiveMonteCarloKl(const ContinuousDistribution &p, const ContinuousDistribution &q,
                                      const MonteCarloProgressOptions &options,
                                      const std::function<bool(const MonteCarloPoint &)> &onPoint,
                                      const std::function<bool()> &stop)
{
    if (options.firstSamples < 2)
        throw std::invalid_argument("Monte Carlo: the first checkpoint needs at least 2 draws, not " +
                                    std::to_string(options.firstSamples));
    if (options.maxSamples < options.firstSamples)
        throw std::invalid_argument("Monte Carlo: the last checkpoint (" +
                                    std::to_string(options.maxSamples) + " draws) comes before the first (" +
                                    std::to_string(options.firstSamples) + ")");
    MonteCarloRun run;
    run.infinite = infiniteKlReason(p, q);
    if (!run.infinite.empty())
        return run;

    std::mt19937_64 rng(options.seed);
    double mean = 0.0, m2 = 0.0;
    std::size_t n = 0;
    std::size_t checkpoint = options.firstSamples;
    while (true) {
        for (; n < checkpoint; ++n) {
            if (stop && n % kMonteCarloPollDraws == 0 && n > 0 && stop()) {
                run.cancelled = true;
                return run;
            }
            const double x = sample(p, rng);
            const double term = logpdf(p, x) - logpdf(q, x);
            const double delta = term - mean;
            mean += delta / static_cast<double>(n + 1);
            m2 += delta * (term - mean);
        }
        const MonteCarloPoint point{n, mean,
                                    std::sqrt(m2 / static_cast<double>(n - 1) / static_cast<double>(n))};
        run.points.push_back(point);
        if (n == options.maxSamples)
            break;
        if (onPoint && !onPoint(point)) {
            run.cancelled = true;
            return run;
        }
        checkpoint = checkpoint > options.maxSamples / 2 ? options.maxSamples : 2 * checkpoint;
    }
    if (onPoint)
        onPoint(run.points.back());
    return run;
}

} // namespace klscope
