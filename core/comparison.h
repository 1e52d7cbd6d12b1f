#pragma once

// compare(P, Q): aligns two distributions on one support, evaluates both there, runs the fused pass
// and applies the rules users trip on elsewhere:
//   * Support: by default the union of both natural supports (infinite ones cut where the upper tail
//     is below 1e-16). An explicit support evaluates both mass functions there as given, without
//     renormalising, and a warning says how much mass lies outside.
//   * Masses that do not sum to 1 are used as given, with a warning that states each sum, unless
//     renormalisation is asked for (then the warning says it was done).
//   * KL totals use a cancellation-free closed form when both sides are the same family and the support
//     covers both natural supports (closedform.h); `methods` says which way each total was computed.

#include "distribution.h"
#include "divergence.h"
#include "eventrange.h"
#include "units.h"
#include "values.h"

#include <optional>
#include <string>
#include <vector>

namespace klscope {

struct CompareOptions
{
    std::optional<EventRange> support; ///< explicit support A..B, or nullopt for the union of supports
    Unit unit = Unit::Nats;
    bool renormalize = false; ///< rescale P and Q on the support to sum to 1
    double smoothing = 0.0;   ///< epsilon added to every mass of P and Q before the pass (0 = off)
    bool perEvent = true;     ///< fill the per-event vectors (off for summaries of huge supports)
};

/// How a total was computed.
enum class Method
{
    Sum,
    ClosedForm
};

/// "sum" or "closed_form".
std::string_view methodName(Method method) noexcept;

struct Comparison
{
    EventRange support;
    Unit unit = Unit::Nats;
    Values p, q;                           ///< masses on the support, as used (after renormalising/smoothing)
    Values logP, logQ;                     ///< their natural logs (finite where a mass underflowed)
    Values klPQ, klQP, js;                 ///< per-event terms in `unit` (empty unless perEvent)
    DivergenceTotals totals;               ///< in `unit`
    double givenMassP = 0, givenMassQ = 0; ///< sums on the support before renormalising
    double outsideP = 0, outsideQ = 0;     ///< mass of each distribution outside the support
    Method klPQMethod = Method::Sum;
    Method klQPMethod = Method::Sum;
    std::vector<std::int64_t> infinitePQ; ///< events where P > 0 and Q = 0 (KL(P||Q) infinite)
    std::vector<std::int64_t> infiniteQP; ///< events where Q > 0 and P = 0
    std::vector<std::string> warnings;    ///< sentences for people
};

/// Compares P and Q. Throws std::invalid_argument when the support would exceed kMaxEvents or when
/// renormalisation is asked for a side with no mass on the support.
Comparison compare(const Distribution &p, const Distribution &q, const CompareOptions &options = {});

} // namespace klscope
