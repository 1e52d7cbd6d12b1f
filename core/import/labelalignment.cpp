#include "labelalignment.h"

#include "eventrange.h"
#include "labelindex.h"

#include <algorithm>
#include <charconv>
#include <new>
#include <numeric>
#include <stdexcept>

namespace klscope::import {

namespace {

std::string quote(std::string_view label)
{
    return std::string(1, '\'').append(label).append(1, '\'');
}

std::size_t lineOf(const LabelledMasses &m, std::size_t i)
{
    return i < m.lines.size() ? m.lines[i] : 0;
}

// "the event EVENT appears twice (first on line L)", on the line of `row`.
ImportError repeatedEvent(const LabelledMasses &m, std::string_view name, std::string_view event,
                          std::size_t firstRow, std::size_t row)
{
    std::string what = "the event ";
    what.append(event).append(" appears twice");
    if (const std::size_t first = lineOf(m, firstRow))
        what += " (first on line " + std::to_string(first) + ")";
    return makeError(name, lineOf(m, row), what);
}

ImportError duplicateError(const LabelledMasses &m, std::string_view name, std::size_t firstRow,
                           std::size_t row)
{
    return repeatedEvent(m, name, quote(m.labels[row]), firstRow, row);
}

// Numbers the labels of `m` in `index` (empty so far), or the error naming the first repeated one.
std::optional<ImportError> insertDistinct(const LabelledMasses &m, std::string_view name, LabelIndex &index)
{
    std::optional<ImportError> duplicate;
    // Without earlier repeats, label number k is row k.
    index.insertEach(m.labels, [&](std::size_t i, std::size_t first, bool inserted) {
        if (!inserted)
            duplicate = duplicateError(m, name, first, i);
        return inserted;
    });
    return duplicate;
}

ImportError sizeMismatch(std::string_view name, const LabelledMasses &m)
{
    return makeError(name, 0,
                     std::to_string(m.labels.size()) + " labels for " + std::to_string(m.masses.size()) +
                         " masses");
}

std::string sentence(std::string_view kl, std::string_view empty, std::string_view full,
                     const std::vector<std::int64_t> &events, std::size_t count,
                     std::span<const std::string> labels)
{
    constexpr std::size_t kNamed = 10;
    std::string text = std::string(kl) + " is infinite: " + std::string(empty) + " has no mass at ";
    for (std::size_t i = 0; i < events.size() && i < kNamed; ++i) {
        if (i > 0)
            text += i + 1 == count ? " and " : ", ";
        const auto x = events[i];
        text += x >= 0 && static_cast<std::size_t>(x) < labels.size()
                    ? quote(labels[static_cast<std::size_t>(x)]) + " (x = " + std::to_string(x) + ")"
                    : "x = " + std::to_string(x);
    }
    if (count > kNamed)
        text += " and " + std::to_string(count - kNamed) + " more events";
    text += ", where " + std::string(full) + " has some.";
    return text;
}

} // namespace

std::optional<std::int64_t> integerLabel(std::string_view label) noexcept
{
    std::int64_t value = 0;
    if (label.empty())
        return std::nullopt;
    const auto [ptr, ec] = std::from_chars(label.data(), label.data() + label.size(), value);
    if (ec != std::errc() || ptr != label.data() + label.size())
        return std::nullopt;
    return value;
}

std::optional<ImportError> findDuplicateLabel(const LabelledMasses &m, std::string_view name)
{
    LabelIndex index(m.labels.size());
    return insertDistinct(m, name, index);
}

Result<AlignedPair> alignByLabel(const LabelledMasses &p, const LabelledMasses &q, std::string_view pName,
                                 std::string_view qName)
{
    if (p.labels.size() != p.masses.size())
        return sizeMismatch(pName, p);
    if (q.labels.size() != q.masses.size())
        return sizeMismatch(qName, q);
    try {
        // The union in first-appearance order: P's labels are numbered 0..|P|-1 in row order.
        LabelIndex index(p.labels.size() + q.labels.size());
        if (auto duplicate = insertDistinct(p, pName, index))
            return *duplicate;
        const std::size_t fromP = index.size();
        std::vector<std::size_t> qNumber(q.labels.size());
        index.insertEach(q.labels, [&](std::size_t j, std::size_t number, bool) {
            qNumber[j] = number;
            return true;
        });
        const std::size_t n = index.size();
        std::vector<std::size_t> qRow(n, SIZE_MAX);
        for (std::size_t j = 0; j < q.labels.size(); ++j) {
            if (qRow[qNumber[j]] != SIZE_MAX)
                return duplicateError(q, qName, qRow[qNumber[j]], j);
            qRow[qNumber[j]] = j;
        }
        if (n > kMaxEvents)
            return makeError(std::string(pName) + " and " + std::string(qName), 0,
                             std::to_string(n) + " distinct events, more than the limit of " +
                                 std::to_string(kMaxEvents));

        // position[k] = event of union label k.
        LabelOrder labelOrder = LabelOrder::FirstAppearance;
        std::vector<std::size_t> position(n);
        std::iota(position.begin(), position.end(), std::size_t{0});
        std::vector<std::int64_t> values(n);
        bool numeric = true;
        for (std::size_t k = 0; k < n && numeric; ++k) {
            const auto v = integerLabel(index.label(k));
            numeric = v.has_value();
            if (numeric)
                values[k] = *v;
        }
        if (numeric) {
            labelOrder = LabelOrder::Numeric;
            std::vector<std::size_t> sorted(n);
            std::iota(sorted.begin(), sorted.end(), std::size_t{0});
            std::stable_sort(sorted.begin(), sorted.end(),
                             [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
            for (std::size_t x = 0; x < n; ++x)
                position[sorted[x]] = x;
        }

        std::vector<std::string> labels(n);
        for (std::size_t k = 0; k < n; ++k)
            labels[position[k]] = std::string(index.label(k));
        std::vector<double> pm(n, 0.0), qm(n, 0.0);
        for (std::size_t i = 0; i < p.labels.size(); ++i)
            pm[position[i]] = p.masses[i];
        for (std::size_t j = 0; j < q.labels.size(); ++j)
            qm[position[qNumber[j]]] = q.masses[j];

        // P checks the union's labels once; Q shares them.
        auto pc = makeCustom(pName, std::move(pm), std::move(labels));
        if (!pc)
            return pc.error();
        auto qc = makeCustom(qName, std::move(qm), *pc);
        if (!qc)
            return qc.error();
        return AlignedPair{std::move(pc).value(), std::move(qc).value(), labelOrder, n - q.labels.size(),
                           n - fromP};
    } catch (const std::bad_alloc &) {
        return makeError(std::string(pName) + " and " + std::string(qName), 0,
                         "not enough memory to align the events");
    } catch (const std::length_error &) {
        return makeError(std::string(pName) + " and " + std::string(qName), 0, "too many events to align");
    }
}

Result<Custom> placeByIntegerLabel(const LabelledMasses &m, std::string_view name)
{
    if (m.labels.size() != m.masses.size())
        return sizeMismatch(name, m);
    try {
        std::int64_t largest = -1;
        std::vector<std::int64_t> values(m.labels.size());
        for (std::size_t i = 0; i < m.labels.size(); ++i) {
            const auto v = integerLabel(m.labels[i]);
            if (!v || *v < 0)
                return makeError(name, lineOf(m, i),
                                 "the event " + quote(m.labels[i]) +
                                     " is not a whole number >= 0, so it cannot be matched with the events "
                                     "0, 1, 2, ... of the other side; compare it with another labelled file");
            if (static_cast<std::uint64_t>(*v) >= kMaxEvents)
                return makeError(name, lineOf(m, i),
                                 "the event " + quote(m.labels[i]) + " is beyond the limit of " +
                                     std::to_string(kMaxEvents) + " events");
            values[i] = *v;
            largest = std::max(largest, *v);
        }
        const auto n = static_cast<std::size_t>(largest + 1);
        std::vector<double> masses(n, 0.0);
        std::vector<std::size_t> owner(n, SIZE_MAX);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto x = static_cast<std::size_t>(values[i]);
            if (owner[x] != SIZE_MAX)
                return repeatedEvent(m, name, std::to_string(x), owner[x], i);
            owner[x] = i;
            masses[x] = m.masses[i];
        }
        // No labels: they would only repeat the event numbers, and would stop short of events the other
        // side adds to the support.
        return makeCustom(name, std::move(masses));
    } catch (const std::bad_alloc &) {
        return makeError(name, 0, "not enough memory for the events");
    }
}

std::vector<std::string> describeInfinities(const Comparison &c, std::span<const std::string> labels)
{
    std::vector<std::string> sentences;
    if (labels.empty())
        return sentences;
    if (!c.infinitePQ.empty())
        sentences.push_back(sentence("KL(P||Q)", "Q", "P", c.infinitePQ, c.infinitePQCount, labels));
    if (!c.infiniteQP.empty())
        sentences.push_back(sentence("KL(Q||P)", "P", "Q", c.infiniteQP, c.infiniteQPCount, labels));
    return sentences;
}

} // namespace klscope::import
