#pragma once

// Raw samples to a histogram.
//   * Integer data (every sample a whole number): one bin per integer from the smallest to the largest
//     sample, labelled by the integer.
//   * Real data: bins [o + i h, o + (i+1) h) with the origin o = floor(min / h) h on a multiple of the
//     width h, so two sample sets binned with the same width share their edges.
//     The default width is the Freedman-Diaconis rule
//         h = 2 IQR n^(-1/3)
//     (D. Freedman, P. Diaconis, "On the histogram as a density estimator: L2 theory",
//     Z. Wahrscheinlichkeitstheorie verw. Gebiete 57 (1981) 453-476), with the interquartile range IQR
//     from linearly interpolated quartiles (Hyndman-Fan type 7), rounded to 3 significant digits so
//     the edges read well. When IQR = 0 (the middle half of the samples equal), the width falls back to
//     Sturges' range / (ceil(log2 n) + 1); when every sample is equal, to a single bin of width 1.
// Histograms hold counts; the number of samples is reported so the UI and CLI can show it.

#include "result.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace klscope::import {

/// Most bins a histogram may have (10^5); more is refused with a hint to choose a wider bin. Every bin
/// is an event with a label on screen, and fuzzing showed that a few samples far apart with a narrow
/// width asked for a million labelled bins.
inline constexpr std::size_t kMaxBins = 100'000;

/// How to choose bins.
enum class BinRule
{
    Auto,             ///< Integer for integer data, FreedmanDiaconis otherwise
    Integer,          ///< one bin per integer (the data must be whole numbers)
    Width,            ///< the given width
    FreedmanDiaconis, ///< 2 IQR n^(-1/3), with the fallbacks above
};

struct BinningOptions
{
    BinRule rule = BinRule::Auto;
    double width = 0; ///< for BinRule::Width: finite and > 0
};

/// The bins as chosen.
struct Binning
{
    bool integer = false;  ///< one bin per integer; then origin is the first integer and width 1
    double origin = 0;     ///< left edge of bin 0
    double width = 1;      ///< bin width
    std::size_t count = 0; ///< number of bins
    /// For people: "integer bins 0..9", "Freedman-Diaconis width 0.25 (22 bins from -2.5)",
    /// "width 0.5 (given)", ...
    std::string description;

    /// Left edge of bin i (origin + i * width).
    double edge(std::size_t i) const noexcept { return origin + static_cast<double>(i) * width; }
};

/// Counts per bin, with a label per bin ("3" for integer bins, "[0.25, 0.5)" for real ones).
struct Histogram
{
    std::vector<double> counts;
    std::vector<std::string> labels;
    Binning binning;
    std::size_t sampleCount = 0; ///< number of samples binned (= sum of counts)
};

/// True when every sample is a whole number of magnitude <= 2^53.
bool allIntegers(std::span<const double> samples) noexcept;

/// Freedman-Diaconis width 2 IQR n^(-1/3) (unrounded); 0 when IQR is 0 or there are fewer than two
/// samples.
double freedmanDiaconisWidth(std::span<const double> samples);

/// Bins `samples` (finite; `name` names them in messages, e.g. the file name). Errors: no samples,
/// a non-finite sample, BinRule::Integer on non-integer data, a bad width, more than kMaxBins bins.
/// Never throws.
Result<Histogram> binSamples(std::span<const double> samples, const BinningOptions &options,
                             std::string_view name);

/// Bins two sample sets (of any sizes) on common edges, so bin i means the same interval on both
/// sides: integer bins over both ranges when both are integer data (Auto), otherwise one width
/// (given, or Freedman-Diaconis of the pooled samples) and one origin. The two histograms have equal
/// labels. Never throws.
Result<std::pair<Histogram, Histogram>> binSamplesTogether(std::span<const double> p,
                                                           std::span<const double> q,
                                                           const BinningOptions &options,
                                                           std::string_view pName, std::string_view qName);

} // namespace klscope::import
