#pragma once

// The core's comparison of two specs, as the tests compute the values the widgets must show.

#include "comparison.h"
#include "spec.h"

namespace klscope::test {

/// compare(parseSpec(p), parseSpec(q)) on the support A..B when `support` is given, else the union.
inline Comparison compareSpecs(const char *p, const char *q, const char *support = nullptr,
                               Unit unit = Unit::Nats)
{
    CompareOptions options;
    options.unit = unit;
    if (support)
        options.support = parseSupport(support);
    return compare(parseSpec(p), parseSpec(q), options);
}

} // namespace klscope::test
