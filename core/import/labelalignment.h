#pragma once

// Aligning two labelled distributions (word counts, categories) on the union of their labels.
//
// Order of the union: when every label is a whole number ("-2", "0", "17"), numeric order; otherwise
// the order of first appearance in P, followed by the labels only Q has, in Q's order. Event x of the
// aligned pair is labels[x]. A label missing from one side gets mass 0 there, so the comparison's
// explanation of an infinite KL names it (describeInfinities).

#include "comparison.h"
#include "custom.h"
#include "result.h"

#include <cstdint>
#include <new>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace klscope::import {

/// Masses with one label per event, as read from a file.
struct LabelledMasses
{
    std::vector<std::string> labels;
    std::vector<double> masses;       ///< finite and >= 0, one per label
    std::vector<std::uint32_t> lines; ///< optional: source line of each label, for messages
};

/// How the union of labels is ordered.
enum class LabelOrder
{
    FirstAppearance, ///< P's labels in P's order, then labels only Q has, in Q's order
    Numeric          ///< every label is a whole number: ascending by value
};

/// P and Q on the same events 0..n-1, labelled.
struct AlignedPair
{
    Custom p;
    Custom q; ///< p.labels() and q.labels() are equal: labels()[x] names event x
    LabelOrder order = LabelOrder::FirstAppearance;
    std::size_t onlyInP = 0; ///< labels P has and Q lacks (mass 0 in Q)
    std::size_t onlyInQ = 0; ///< labels Q has and P lacks (mass 0 in P)

    /// The union of labels in event order.
    std::span<const std::string> labels() const noexcept { return p.labels(); }
};

/// Custom(args...) as a Result: the sentence of its std::invalid_argument (or running out of memory)
/// becomes an error naming `name`.
template <typename... Args> Result<Custom> makeCustom(std::string_view name, Args &&...args)
{
    try {
        return Custom(std::forward<Args>(args)...);
    } catch (const std::invalid_argument &e) {
        return makeError(name, 0, e.what());
    } catch (const std::bad_alloc &) {
        return makeError(name, 0, "not enough memory for the events");
    }
}

/// The value of a whole-number label ("-3", "17"; no sign '+', no spaces, no decimals), or nullopt.
std::optional<std::int64_t> integerLabel(std::string_view label) noexcept;

/// The first label that appears twice in `m`, as an error naming `name` and the line of the second
/// appearance when m.lines is filled; nullopt when the labels are distinct.
std::optional<ImportError> findDuplicateLabel(const LabelledMasses &m, std::string_view name);

/// Aligns P and Q on the union of their labels. Errors: a label repeated on one side, masses that
/// the core refuses (all zero, negative, ...), a union larger than kMaxEvents. Never throws.
Result<AlignedPair> alignByLabel(const LabelledMasses &p, const LabelledMasses &q, std::string_view pName,
                                 std::string_view qName);

/// Places masses whose labels are whole numbers >= 0 at those events: event x gets the mass labelled
/// x, and events 0..max that no label names get 0. This is how a labelled file is compared with a
/// family or an unlabelled list (a file of "x,p" rows against binomial:n=15,p=0.4). The result has no
/// labels, since they would only repeat the event numbers. Errors: a label
/// that is not a whole number >= 0, a repeated value, a largest label beyond kMaxEvents. Never throws.
Result<Custom> placeByIntegerLabel(const LabelledMasses &m, std::string_view name);

/// Sentences naming the labelled events that make KL(P||Q) or KL(Q||P) infinite, e.g.
/// "KL(P||Q) is infinite: Q has no mass at 'zebra' (x = 3), where P has some." (at most 10 named, then
/// "and N more"). Empty when neither KL is infinite or there are no labels.
std::vector<std::string> describeInfinities(const Comparison &c, std::span<const std::string> labels);

} // namespace klscope::import
