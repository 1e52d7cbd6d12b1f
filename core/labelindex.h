#pragma once

// A compact hash index of labels: each distinct label gets the next number 0, 1, 2, ... in order of
// first insertion. Open addressing with linear probing over one array of 64-bit slots (32 bits of hash,
// 32 bits of index), so a million labels cost one allocation of 16 MiB and few cache misses, where
// std::unordered_map would allocate a node per label. The index keeps views: the labels must outlive it.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

namespace klscope {

class LabelIndex
{
public:
    /// Room for `expected` labels without rehashing (it grows beyond that).
    explicit LabelIndex(std::size_t expected = 0);

    /// Numbers labels[i] for i = 0, 1, ... in order: its existing number (inserted = false), or the next
    /// one, size() before it (inserted = true); calls visit(i, number, inserted) after each and stops
    /// early, returning false, when visit returns false. Hashes a few labels ahead and prefetches their
    /// slots, so a large index waits on memory far less than with one label at a time.
    template <typename Labels, typename Visit> bool insertEach(const Labels &labels, Visit &&visit);
    /// Number of distinct labels.
    std::size_t size() const noexcept { return m_labels.size(); }
    /// The label numbered i.
    std::string_view label(std::size_t i) const noexcept { return m_labels[i]; }

private:
    void rehash(std::size_t slotCount);
    static std::uint64_t hash(std::string_view label) noexcept;
    // The number of `label` (of hash h), and whether it is new.
    std::pair<std::size_t, bool> insertHashed(std::string_view label, std::uint64_t h);
    std::size_t slotOf(std::uint64_t h) const noexcept { return static_cast<std::size_t>(h >> 20) & m_mask; }

    std::vector<std::uint64_t> m_slots; // 0 = empty, else (hash >> 32) << 32 | (index + 1)
    std::vector<std::string_view> m_labels;
    std::size_t m_mask = 0;
};

template <typename Labels, typename Visit> bool LabelIndex::insertEach(const Labels &labels, Visit &&visit)
{
    // Distance ahead: enough to cover a miss to memory, few enough to stay in registers and L1.
    constexpr std::size_t kAhead = 8;
    const std::size_t n = std::size(labels);
    std::uint64_t ahead[kAhead];
    for (std::size_t i = 0; i < n && i < kAhead; ++i) {
        ahead[i] = hash(labels[i]);
        __builtin_prefetch(&m_slots[slotOf(ahead[i])]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t h = ahead[i % kAhead];
        if (i + kAhead < n) {
            ahead[i % kAhead] = hash(labels[i + kAhead]);
            __builtin_prefetch(&m_slots[slotOf(ahead[i % kAhead])]);
        }
        const auto [number, inserted] = insertHashed(labels[i], h);
        if (!visit(i, number, inserted))
            return false;
    }
    return true;
}

} // namespace klscope
