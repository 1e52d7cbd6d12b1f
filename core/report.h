#pragma once

// Text and JSON renderings of a Comparison: the contract of `klscope-cli compute` and of the window's
// "Export metrics as JSON". Numbers print with 17 significant digits; an infinite value is "inf".

#include "comparison.h"

#include <span>
#include <string>

namespace klscope {

/// One JSON object: unit, p_mass, q_mass, kl_pq, kl_qp, js, js_distance, h_p, h_q, cross_entropy_pq,
/// cross_entropy_qp, total_variation, hellinger, infinite_at {kl_pq: [...], kl_qp: [...]}, warnings,
/// methods, support, and (with events) events: [{x, p, q, kl_pq, kl_qp, js}, ...].
/// For data read from files: when `labels` is not empty, labels[x] names event x and each event object
/// with a label gets "label" after "x"; when `notes` is not empty, a "notes" array of sentences (what
/// was read, the sample size of counts, the binning of samples) follows "warnings".
std::string toJson(const Comparison &c, bool withEvents, std::span<const std::string> labels = {},
                   std::span<const std::string> notes = {});

/// A table of the events (with events) and a summary, for a person at a terminal. With `labels`, the
/// table gets a last column naming each event.
std::string toText(const Comparison &c, bool withEvents, std::span<const std::string> labels = {});

/// JSON number text: 17 significant digits, "inf"/"-inf" as strings, NaN as null.
std::string jsonNumber(double x);

/// s with JSON string escapes, in quotes.
std::string jsonString(std::string_view s);

} // namespace klscope
