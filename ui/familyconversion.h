#pragma once

// What a distribution becomes when a person picks another family: the support is kept where the new
// family can express it (uniform a..b, binomial n, custom masses on 0..n-1), otherwise the mean.
// Qt-free.

#include "distribution.h"

namespace klscope {

/// `from` re-expressed in `to`; the family's defaults where nothing sensible carries over.
Distribution convertFamily(const Distribution &from, Family to);

} // namespace klscope
