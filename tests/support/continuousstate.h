#pragma once

// The document state of a continuous pair given as two specs, for tests.

#include "documentstate.h"

#include <continuousspec.h>

inline DocumentState continuousState(const char *p, const char *q)
{
    return DocumentState::continuous(klscope::parseContinuousSpec(p), klscope::parseContinuousSpec(q));
}
