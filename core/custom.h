#pragma once

// A custom distribution: masses given per event, on the events 0, 1, ..., n-1, used as given
// (not renormalised; the comparison warns when they do not sum to 1). Optional labels name the
// events (words, categories) for data loaded from files.

#include "eventrange.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace klscope {

class Custom
{
public:
    /// masses: at least one, each finite and >= 0, not all zero, at most 5e7.
    /// labels: empty, or one distinct non-empty label per mass.
    /// Throws std::invalid_argument naming the first bad event ("custom: mass at event 3 is negative
    /// (-0.2)").
    explicit Custom(std::vector<double> masses, std::vector<std::string> labels = {});
    /// masses (checked as above) on the events of `labelled`, sharing its labels: P and Q aligned on one
    /// list of labels hold it once, and labels already checked are not hashed again. Throws
    /// std::invalid_argument when the counts differ.
    Custom(std::vector<double> masses, const Custom &labelled);

    /// The masses as given, one per event 0..n-1.
    std::span<const double> masses() const noexcept { return *m_masses; }
    /// The event labels: empty, or one per mass.
    std::span<const std::string> labels() const noexcept { return *m_labels; }
    /// Sum of the masses as given.
    double total() const noexcept { return m_total; }
    /// Equal masses and labels.
    friend bool operator==(const Custom &a, const Custom &b) noexcept;

private:
    // Shared and immutable, so copying a distribution (undo commands, documents) is cheap.
    std::shared_ptr<const std::vector<double>> m_masses;
    std::shared_ptr<const std::vector<std::string>> m_labels;
    double m_total;
};

/// ln of the mass at k (-inf where it is 0 or k is outside 0..n-1).
double logpmf(const Custom &d, std::int64_t k) noexcept;
/// 0..n-1.
EventRange support(const Custom &d) noexcept;
/// Sum of the masses outside `range` (as given, not as a share of the total).
double massOutside(const Custom &d, EventRange range) noexcept;
/// sum k m_k / sum m_k.
double mean(const Custom &d) noexcept;

} // namespace klscope
