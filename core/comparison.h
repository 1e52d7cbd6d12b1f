#pragma once

// compare(P, Q): aligns two distributions on one support, evaluates both there, runs the fused pass
// and applies the rules users trip on elsewhere:
//   * Support: by default the union of both natural supports (infinite ones cut where the upper tail
//     is below 1e-16). An explicit support evaluates both mass functions there as given, without
//     renormalising, and a warning says how much mass lies outside.
//   * Support containment is decided from the families before any tail is cut: with the default support,
//     a side with an infinite support against one with a finite support makes that KL +inf however
//     little mass lies beyond the cut (tailPQ / tailQP say where; explainTail() says it in words).
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
#include <string_view>
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

/// The longest list of events kept for each infinite direction; the count says how many there are.
inline constexpr std::size_t kMaxListedEvents = 100;

/// A KL direction that is infinite beyond the support the sums cover: one side has an infinite support
/// (Poisson, geometric, negative binomial) and the other a finite one, so every event from `from` on has
/// mass on the first side and none on the second. Decided from the families, before any tail is cut.
struct TailBeyondSupport
{
    std::int64_t from = 0; ///< the first event where the second side is 0 and the first is not
    double mass = 0;       ///< the first side's mass from `from` on (may underflow to 0; it is still > 0)
};

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
    std::vector<std::int64_t> infinitePQ;    ///< the first kMaxListedEvents events where P > 0 = Q
    std::vector<std::int64_t> infiniteQP;    ///< the first kMaxListedEvents events where Q > 0 = P
    std::size_t infinitePQCount = 0;         ///< how many events of the support have P > 0 = Q
    std::size_t infiniteQPCount = 0;         ///< how many events of the support have Q > 0 = P
    std::optional<TailBeyondSupport> tailPQ; ///< P > 0 = Q beyond the support (KL(P||Q) = +inf)
    std::optional<TailBeyondSupport> tailQP; ///< Q > 0 = P beyond the support (KL(Q||P) = +inf)
    std::vector<std::string> warnings;       ///< sentences for people
};

/// The sentence for a KL that is infinite beyond the support, e.g. "KL(P||Q) is infinite: Q = 0 for
/// every x >= 61, where P > 0 (P has 4.3e-19 of its mass there) ...". `direction` names the KL,
/// `positive` and `zero` the two sides.
std::string explainTail(std::string_view direction, std::string_view positive, std::string_view zero,
                        const TailBeyondSupport &tail);

/// Compares P and Q. Throws std::invalid_argument (a sentence for people) when the support would exceed
/// kMaxEvents (checked before anything is allocated), when renormalisation is asked for a side with no
/// mass on the support, or when a side cannot be evaluated there. Throws nothing else but bad_alloc.
Comparison compare(const Distribution &p, const Distribution &q, const CompareOptions &options = {});

} // namespace klscope
