#pragma once

// The loss landscape: KL(P||Q) and KL(Q||P) over a W x H grid of two of Q's parameters (the others at given
// values), or along one parameter (a curve) for a family with one free parameter. Each node costs one
// FitObjective::kl (no allocation for the evaluator-backed families). Rows are spread over the cores with
// forEachChunk (parallel.h), one row per chunk; a cancel callback is asked before each row.

#include "fitobjective.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace klscope {

/// One axis: parameter `parameter` (an index into fitParameters(family)) from `from` to `to` (from < to) at
/// `count` evenly spaced nodes, both ends included (count >= 2).
struct LandscapeAxis
{
    std::size_t parameter = 0;
    double from = 0.0;
    double to = 1.0;
    std::size_t count = 128;

    /// The value at node i.
    double at(std::size_t i) const noexcept
    {
        return i + 1 == count ? to
                              : from + (to - from) * static_cast<double>(i) / static_cast<double>(count - 1);
    }
};

struct Landscape
{
    LandscapeAxis x;
    std::optional<LandscapeAxis> y; ///< empty for a curve
    /// Row-major: node (i, j) at j * x.count + i; NaN where Q is invalid, +inf where KL is infinite, and NaN
    /// in rows not computed after a cancel.
    std::vector<double> klPQ, klQP;
    bool cancelled = false;
};

/// Foreground work (an edit's refit) holds one of these while it runs: meanwhile every landscape computing
/// in the process works its rows one at a time (its other threads wait on a lock, using no core), so the
/// foreground gets the other cores. Landscapes go back to every core when the last one is destroyed.
/// Thread-safe; any number may be alive at once.
class LandscapeYield
{
public:
    LandscapeYield() noexcept;
    ~LandscapeYield();
    LandscapeYield(const LandscapeYield &) = delete;
    LandscapeYield &operator=(const LandscapeYield &) = delete;
    /// True while at least one LandscapeYield is alive.
    static bool active() noexcept;
};

/// Computes the landscape around `base` (every parameter, fixed ones included; the axes' parameters are
/// overwritten). `cancelled`, if given, is called from the worker threads and must be thread-safe; once it
/// returns true no further row starts. Throws std::invalid_argument for an axis with from >= to, fewer than
/// 2 nodes, an index out of range, or both axes on one parameter.
Landscape computeLandscape(const FitObjective &objective, std::span<const double> base,
                           const LandscapeAxis &x, const std::optional<LandscapeAxis> &y = std::nullopt,
                           const std::function<bool()> &cancelled = {});

/// Coarse to fine: calls `deliver` with the landscape at 1/8, 1/4, 1/2 of the resolution (each at least
/// 2 x 2) and then at the full one, so a view can show something at once; stops early when cancelled. The
/// coarse levels cost about a third of the full one together.
void computeLandscapeProgressively(const FitObjective &objective, std::span<const double> base,
                                   const LandscapeAxis &x, const std::optional<LandscapeAxis> &y,
                                   const std::function<void(const Landscape &)> &deliver,
                                   const std::function<bool()> &cancelled = {});

} // namespace klscope
