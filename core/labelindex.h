#pragma once

// A compact hash index of labels: each distinct label gets the next number 0, 1, 2, ... in order of
// first insertion. Open addressing with linear probing over one array of 64-bit slots (32 bits of hash,
// 32 bits of index), so a million labels cost one allocation of 16 MiB and few cache misses, where
// std::unordered_map would allocate a node per label. The index keeps views: the labels must outlive it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace klscope {

class LabelIndex
{
public:
    /// Room for `expected` labels without rehashing (it grows beyond that).
    explicit LabelIndex(std::size_t expected = 0);

    /// The number of `label`: its existing number (second = false), or the next one, size() before the
    /// call (second = true).
    std::pair<std::size_t, bool> insert(std::string_view label);
    /// The number of `label`, or nullopt when it was never inserted.
    std::optional<std::size_t> find(std::string_view label) const noexcept;
    /// Number of distinct labels.
    std::size_t size() const noexcept { return m_labels.size(); }
    /// The label numbered i.
    std::string_view label(std::size_t i) const noexcept { return m_labels[i]; }

private:
    void rehash(std::size_t slotCount);
    static std::uint64_t hash(std::string_view label) noexcept;

    std::vector<std::uint64_t> m_slots; // 0 = empty, else (hash >> 32) << 32 | (index + 1)
    std::vector<std::string_view> m_labels;
    std::size_t m_mask = 0;
};

} // namespace klscope
