#pragma once

// The JSON and text forms of a continuous comparison, as `klscope-cli compute` prints them. The JSON has the
// fields of the discrete pair (report.h) with these changes: `methods` and `error_estimates` name each
// metric's route and absolute error; `infinite_at` lists the intervals where p > 0 = q (support rule) and
// `explanations` says which rule made a KL infinite; a `mixture` object carries the other routes when a side
// is a Gaussian mixture; and a `grid` of x, p, q and the three integrands replaces `events`.

#include "continuouscomparison.h"

#include <span>
#include <string>

namespace klscope {

/// One JSON object and a newline. `withGrid` false leaves the grid out (--summary).
std::string toJson(const ContinuousComparison &c, bool withGrid, std::span<const std::string> notes = {});

/// Text for people: the metrics with their routes and error estimates, the explanations, the mixture routes,
/// and (withGrid) the grid as a table.
std::string toText(const ContinuousComparison &c, bool withGrid);

} // namespace klscope
