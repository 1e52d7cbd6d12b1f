#pragma once

// The numbers of a comparison in one shape for every domain: each metric as {value, absolute error
// estimate, method}, the sentences that explain an infinite KL, the warnings and a context line. The
// metrics panel, the text and JSON reports and the data export read only this type, so a discrete pair
// (compare(), comparison.h) and a continuous one (compareContinuous(), continuoussummary.h) render the
// same way.

#include "comparison.h"
#include "units.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace klscope {

/// Which kind of pair a summary comes from: probability mass functions on integers, or densities.
enum class Domain
{
    Discrete,
    Continuous
};

/// One metric in the summary's unit.
struct Metric
{
    double value = 0.0; ///< +inf for an infinite KL or cross entropy, NaN when it could not be computed
    double error = 0.0; ///< absolute error estimate; 0 for the discrete sums, which make none
    std::string method; ///< "sum", "closed_form", "quadrature" or "monte_carlo"
};

struct Summary
{
    Domain domain = Domain::Discrete;
    Unit unit = Unit::Nats;
    Metric klPQ, klQP, js, jsDistance, entropyP, entropyQ, crossEntropyPQ, crossEntropyQP, totalVariation,
        hellinger;
    std::string infinitePQ,
        infiniteQP; ///< a sentence saying why KL(P||Q) (KL(Q||P)) is infinite; empty if finite
    std::vector<std::string> warnings; ///< sentences for people
    /// What the metrics are taken over, without the unit: "summed over x = 0..14 (15 events)" or
    /// "integrated over P's support [0, ∞) and Q's support (−∞, ∞)"; empty for an empty comparison.
    std::string context;
    std::size_t events = 0; ///< events summed over (discrete); 0 for densities
};

/// The summary of a discrete comparison: values from c.totals, methods from c.klPQMethod and
/// c.klQPMethod ("sum" for every other metric), error 0. The infinity sentences name up to three
/// events each ("KL(P‖Q) = ∞ because Q = 0 at x = 15 where P = 1.1e-05."), or the tail beyond the
/// support; `labels[x]`, when given, names event x ("at 'apple' (x = 0) where P = 0.2").
Summary summarize(const Comparison &c, std::span<const std::string> labels = {});

/// Both infinity sentences of s, one per line ("" when both KL are finite).
std::string infinityText(const Summary &s);

/// The ten metrics with their JSON keys, in the order the reports print them.
struct NamedMetric
{
    const char *key; ///< "kl_pq", "kl_qp", "js", "js_distance", "h_p", "h_q", "cross_entropy_pq", ...
    const Metric Summary::*metric;
    bool hasUnit; ///< false for the JS distance (square root of the unit), total variation and Hellinger
};
inline constexpr NamedMetric kSummaryMetrics[] = {{"kl_pq", &Summary::klPQ, true},
                                                  {"kl_qp", &Summary::klQP, true},
                                                  {"js", &Summary::js, true},
                                                  {"js_distance", &Summary::jsDistance, false},
                                                  {"h_p", &Summary::entropyP, true},
                                                  {"h_q", &Summary::entropyQ, true},
                                                  {"cross_entropy_pq", &Summary::crossEntropyPQ, true},
                                                  {"cross_entropy_qp", &Summary::crossEntropyQP, true},
                                                  {"total_variation", &Summary::totalVariation, false},
                                                  {"hellinger", &Summary::hellinger, false}};

} // namespace klscope
