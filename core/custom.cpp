// Custom masses m_k, used as given: ln P(X = k) = ln m_k (-inf where m_k = 0). The total, the mean
// sum k m_k / sum m_k and the mass outside a range are Neumaier-compensated sums (neumaiersum.h).

#include "custom.h"

#include "labelindex.h"
#include "neumaiersum.h"
#include "validation.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace klscope {

namespace {

// The checked total of `masses` (see Custom's constructor).
double checkedTotal(const std::vector<double> &masses)
{
    if (masses.empty())
        throw std::invalid_argument("custom: no masses given");
    if (masses.size() > kMaxEvents)
        throw std::invalid_argument("custom: " + std::to_string(masses.size()) +
                                    " masses, more than the limit of " + std::to_string(kMaxEvents));
    NeumaierSum total;
    for (std::size_t i = 0; i < masses.size(); ++i) {
        const double m = masses[i];
        if (std::isnan(m) || std::isinf(m))
            throw std::invalid_argument("custom: mass at event " + std::to_string(i) + " is " +
                                        validation::formatNumber(m) + ", not a finite number");
        if (m < 0.0)
            throw std::invalid_argument("custom: mass at event " + std::to_string(i) + " is negative (" +
                                        validation::formatNumber(m) + ")");
        total.add(m);
    }
    if (!(total.value() > 0.0))
        throw std::invalid_argument("custom: all " + std::to_string(masses.size()) + " masses are zero");
    return total.value();
}

std::string countMismatch(std::size_t labels, std::size_t masses)
{
    return "custom: " + std::to_string(labels) + " labels for " + std::to_string(masses) + " masses";
}

} // namespace

Custom::Custom(std::vector<double> masses, std::vector<std::string> labels) : m_total(checkedTotal(masses))
{
    if (!labels.empty()) {
        if (labels.size() != masses.size())
            throw std::invalid_argument(countMismatch(labels.size(), masses.size()));
        // An index of views rather than a set of copies: a million labels from a file are checked in
        // one allocation instead of a million nodes.
        LabelIndex seen(labels.size());
        seen.insertEach(labels, [&](std::size_t i, std::size_t, bool inserted) {
            if (labels[i].empty())
                throw std::invalid_argument("custom: label of event " + std::to_string(i) + " is empty");
            if (!inserted)
                throw std::invalid_argument("custom: label '" + labels[i] + "' appears twice (event " +
                                            std::to_string(i) + ")");
            return true;
        });
    }
    m_masses = std::make_shared<const std::vector<double>>(std::move(masses));
    m_labels = std::make_shared<const std::vector<std::string>>(std::move(labels));
}

Custom::Custom(std::vector<double> masses, const Custom &labelled)
    : m_labels(labelled.m_labels), m_total(checkedTotal(masses))
{
    if (!m_labels->empty() && m_labels->size() != masses.size())
        throw std::invalid_argument(countMismatch(m_labels->size(), masses.size()));
    m_masses = std::make_shared<const std::vector<double>>(std::move(masses));
}

bool operator==(const Custom &a, const Custom &b) noexcept
{
    return (a.m_masses == b.m_masses || *a.m_masses == *b.m_masses) &&
           (a.m_labels == b.m_labels || *a.m_labels == *b.m_labels);
}

double logpmf(const Custom &d, std::int64_t k) noexcept
{
    const auto m = d.masses();
    if (k < 0 || static_cast<std::size_t>(k) >= m.size())
        return -std::numeric_limits<double>::infinity();
    return std::log(m[static_cast<std::size_t>(k)]);
}

EventRange support(const Custom &d) noexcept
{
    return {0, static_cast<std::int64_t>(d.masses().size()) - 1};
}

double massOutside(const Custom &d, EventRange range) noexcept
{
    NeumaierSum outside;
    const auto m = d.masses();
    for (std::size_t i = 0; i < m.size(); ++i)
        if (!range.contains(static_cast<std::int64_t>(i)))
            outside.add(m[i]);
    return outside.value();
}

double mean(const Custom &d) noexcept
{
    NeumaierSum s;
    const auto m = d.masses();
    for (std::size_t i = 0; i < m.size(); ++i)
        s.add(static_cast<double>(i) * m[i]);
    return s.value() / d.total();
}

} // namespace klscope
