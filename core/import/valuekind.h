#pragma once

// What the numbers in a file mean, chosen explicitly by the user (never guessed), and how they become
// masses:
//     probabilities      m_i = v_i, used as given (the comparison warns when they do not sum to 1)
//     counts             m_i = c_i / N with N = sum_j c_j, the sample size
//     logits             m_i = exp(z_i - max_j z_j) / sum_k exp(z_k - max_j z_j)   (softmax; subtracting
//                        the maximum keeps every exponent <= 0, so nothing overflows)
//     log-probabilities  m_i = exp(l_i), with l_i = -inf giving m_i = 0
// Validation: probabilities and counts must be finite and >= 0; logits and log-probabilities may be
// -inf (mass 0) but not +inf or NaN; a log-probability above 0 (a probability above 1) is refused.

#include "result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace klscope::import {

enum class ValueKind
{
    Probabilities,
    Counts,
    Logits,
    LogProbabilities
};

/// Spec keyword: "probabilities", "counts", "logits" or "logprobs".
std::string_view valueKindKeyword(ValueKind kind) noexcept;
/// Reads a keyword: the above, or "probs", "log-probabilities", "logprobabilities". nullopt otherwise.
std::optional<ValueKind> parseValueKind(std::string_view keyword) noexcept;

/// Masses made from one column of values.
struct Masses
{
    std::vector<double> masses;
    /// For counts, the total count N (the sample size); 0 for the other kinds.
    double sampleSize = 0;
};

/// Converts values (from `fileName`, value i on line lines[i], in file column `column`) to masses.
/// `lines` may be empty (then errors name no line). Errors: a value the kind does not allow (naming
/// its line), all masses zero, all logits -inf. Never throws.
Result<Masses> toMasses(std::span<const double> values, ValueKind kind, std::string_view fileName,
                        std::span<const std::uint32_t> lines = {}, std::size_t column = 0);

} // namespace klscope::import
