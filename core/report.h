#pragma once

// Text and JSON renderings of a Comparison: the contract of `klscope-cli compute` and of the window's
// "Export metrics as JSON". Numbers print with 17 significant digits; an infinite value is "inf".

#include "comparison.h"
#include "summary.h"

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace klscope {

/// Where streamed output goes, piece by piece (stdout, a file, a string). The writers below hand it
/// pieces of about 64 KiB, so a report of 10^7 events is never held in memory whole.
using TextSink = std::function<void(std::string_view)>;

/// One JSON object: unit, p_mass, q_mass, kl_pq, kl_qp, js, js_distance, h_p, h_q, cross_entropy_pq,
/// cross_entropy_qp, total_variation, hellinger, infinite_at {kl_pq: [...], kl_qp: [...]} (at most
/// kMaxListedEvents each), infinite_count {kl_pq: N, kl_qp: N} (all such events of the support), and,
/// where a KL is infinite beyond the support (Comparison::tailPQ/tailQP), infinite_beyond_support
/// {kl_pq: {from, mass}}; warnings, methods, support, and (with events) events:
/// [{x, p, q, kl_pq, kl_qp, js}, ...].
/// For data read from files: when `labels` is not empty, labels[x] names event x and each event object
/// with a label gets "label" after "x"; when `notes` is not empty, a "notes" array of sentences (what
/// was read, the sample size of counts, the binning of samples) follows "warnings".
void writeJson(const Comparison &c, bool withEvents, std::span<const std::string> labels,
               std::span<const std::string> notes, const TextSink &sink);
/// writeJson into one string (for small outputs: the window's export, tests).
std::string toJson(const Comparison &c, bool withEvents, std::span<const std::string> labels = {},
                   std::span<const std::string> notes = {});

/// A table of the events (with events) and a summary, for a person at a terminal. With `labels`, the
/// table gets a last column naming each event. Labels and warnings pass through terminalSafe().
void writeText(const Comparison &c, bool withEvents, std::span<const std::string> labels,
               const TextSink &sink);
/// writeText into one string.
std::string toText(const Comparison &c, bool withEvents, std::span<const std::string> labels = {});

/// s with every control character (C0, DEL and the C1 range U+0080..U+009F) written as a visible escape
/// such as \x1b, so that text from a file can never move a terminal's cursor or change its colours.
std::string terminalSafe(std::string_view s);

/// Appends "key":value members to one JSON object; `value` is JSON text already (a number from
/// jsonNumber, a string from jsonString, an array or object).
class JsonObject
{
public:
    JsonObject &add(std::string_view key, std::string_view value);
    /// The object's text; the builder is spent afterwards.
    std::string close();

private:
    std::string m_text = "{";
};

/// The metric block of both domains' JSON: the ten values ("kl_pq" ... "hellinger", jsonNumber), then
/// "methods" ({kl_pq, kl_qp, js, entropy} for a discrete pair, every metric for densities) and, for
/// densities, "error_estimates" (every metric's absolute error).
void addMetricBlock(JsonObject &out, const Summary &s);

/// The metric block of both domains' text reports, one line per metric. Discrete: name, value to 15
/// digits, unit, and "(closed form)" after a KL that was not summed. Continuous: "unit nats" first, then
/// name, value, unit, method and "+- error".
std::string metricLines(const Summary &s);

/// JSON number text: 17 significant digits, "inf"/"-inf" as strings, NaN as null.
std::string jsonNumber(double x);

/// s with JSON string escapes, in quotes.
std::string jsonString(std::string_view s);

} // namespace klscope
