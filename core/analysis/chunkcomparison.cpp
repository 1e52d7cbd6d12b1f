#include "chunkcomparison.h"

#include "estimators.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace klscope {

ChunkComparison compareByChunks(std::span<const double> x, std::span<const double> y,
                                const import::BinningOptions &binning, double smoothing)
{
    auto histograms = import::binSamplesTogether(x, y, binning, "P's samples", "Q's samples");
    if (!histograms)
        throw std::invalid_argument(histograms.error().message);
    ChunkComparison out;
    out.binning = histograms->first.binning;
    const std::vector<double> &countsP = histograms->first.counts, &countsQ = histograms->second.counts;
    out.properKl = pluginEstimate(countsP, countsQ, smoothing).klPQ;
    out.gTest = gTestHomogeneity(countsP, countsQ);
    out.chiSquare = chiSquareHomogeneity(countsP, countsQ);

    out.pIsLarger = x.size() >= y.size();
    const std::span<const double> large = out.pIsLarger ? x : y;
    const std::vector<double> &smallCounts = out.pIsLarger ? countsQ : countsP;
    out.chunkSize = out.pIsLarger ? y.size() : x.size();
    const std::size_t chunks = large.size() / out.chunkSize;
    out.dropped = large.size() - chunks * out.chunkSize;
    const import::Binning &b = out.binning;
    const double last = static_cast<double>(b.count - 1);
    std::vector<double> chunk(b.count);
    double sum = 0.0, sumSquares = 0.0;
    std::size_t finite = 0;
    for (std::size_t c = 0; c < chunks; ++c) {
        std::fill(chunk.begin(), chunk.end(), 0.0);
        for (std::size_t i = c * out.chunkSize; i < (c + 1) * out.chunkSize; ++i)
            chunk[static_cast<std::size_t>(
                std::clamp(std::floor((large[i] - b.origin) / b.width), 0.0, last))] += 1;
        const double kl = out.pIsLarger ? pluginEstimate(chunk, smallCounts, smoothing).klPQ
                                        : pluginEstimate(smallCounts, chunk, smoothing).klPQ;
        out.chunkKl.push_back(kl);
        if (std::isinf(kl)) {
            ++out.infiniteChunks;
        } else {
            sum += kl;
            sumSquares += kl * kl;
            ++finite;
        }
    }
    out.mean = finite > 0 ? sum / static_cast<double>(finite) : std::numeric_limits<double>::quiet_NaN();
    out.sd = finite > 1
                 ? std::sqrt(std::max(0.0, (sumSquares - sum * out.mean) / static_cast<double>(finite - 1)))
                 : 0.0;
    out.note =
        "Cutting the larger set into chunks throws data away: each chunk KL is a plug-in estimate from " +
        std::to_string(out.chunkSize) +
        " samples a side, inflated by the plug-in bias at that size; their spread is chunk noise, "
        "and neither their mean nor their spread gives significance. Compare the normalised "
        "histograms of all the samples and use the G-test of homogeneity.";
    return out;
}

} // namespace klscope
