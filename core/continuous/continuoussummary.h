#pragma once

// summarize(ContinuousComparison): the continuous comparison in the shape shared with discrete pairs
// (summary.h), so the metrics panel and the reports read one type.

#include "continuouscomparison.h"

#include <summary.h>

namespace klscope {

/// Every metric with its value, error estimate and method name ("closed_form", "quadrature",
/// "monte_carlo"), the infinity sentences of infiniteKlReason(), the other warnings (c.warnings without
/// the infinity sentences, which it repeats), and a context line naming both supports. Entropies are
/// differential and may be negative; they are carried as they are.
Summary summarize(const ContinuousComparison &c);

} // namespace klscope
