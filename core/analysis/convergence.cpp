#include "convergence.h"

#include <cmath>
#include <random>
#include <stdexcept>

namespace klscope {

Convergence convergence(const SampleModel &p, const SampleModel &q, const ConvergenceOptions &options,
                        const std::function<bool(double fraction)> &progress)
{
    if (options.repetitions == 0)
        throw std::invalid_argument("the convergence ladder needs at least one repetition");
    if (!(options.ratio > 0) || !std::isfinite(options.ratio))
        throw std::invalid_argument("the ratio m / n must be finite and > 0");
    for (const std::size_t n : options.sizes)
        if (n < 2)
            throw std::invalid_argument("every sample size of the ladder must be at least 2");
    Convergence out;
    out.truth = trueDivergences(p, q);
    const bool continuous = isContinuous(p);
    out.curves = {{"plug-in", {}, {}, {}}, {"Miller-Madow", {}, {}, {}}};
    if (continuous)
        out.curves.push_back({"kNN", {}, {}, {}});
    EstimatorOptions estimator;
    estimator.bootstrap = 0;
    estimator.smoothing = options.smoothing;
    estimator.k = options.k;
    estimator.knn = continuous;
    for (std::size_t s = 0; s < options.sizes.size(); ++s) {
        const std::size_t n = options.sizes[s];
        const auto m =
            static_cast<std::size_t>(std::max(2.0, std::round(options.ratio * static_cast<double>(n))));
        std::vector<std::vector<double>> values(out.curves.size());
        for (std::size_t r = 0; r < options.repetitions; ++r) {
            std::mt19937_64 rng(options.seed + 1000 * s + r);
            const std::vector<double> x = drawSamples(p, n, rng);
            const std::vector<double> y = drawSamples(q, m, rng);
            const SampleEstimates e = estimateFromSamples(x, y, estimator);
            values[0].push_back(e.plugin.klPQ.value);
            values[1].push_back(e.millerMadow.klPQ.value);
            if (continuous)
                values[2].push_back(e.knn.klPQ.value);
        }
        out.n.push_back(static_cast<double>(n));
        for (std::size_t c = 0; c < out.curves.size(); ++c) {
            const auto band = percentileInterval(values[c], 0.8);
            out.curves[c].median.push_back(percentileInterval(values[c], 1e-12).first);
            out.curves[c].low.push_back(band.first);
            out.curves[c].high.push_back(band.second);
        }
        if (progress && progress(static_cast<double>(s + 1) / static_cast<double>(options.sizes.size())))
            break;
    }
    return out;
}

} // namespace klscope
