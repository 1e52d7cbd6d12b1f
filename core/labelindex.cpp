// Open addressing with linear probing (D. E. Knuth, The Art of Computer Programming, vol. 3, 2nd ed.,
// section 6.4, algorithm L), at most half full, so an unsuccessful search probes about
// (1 + 1/(1-a)^2)/2 <= 2.5 slots at load a <= 1/2.
// The string hash times 2^64/phi (Fibonacci hashing, ibid.) mixes every bit into both the bits from
// 20 up that pick the slot and the top 32 bits kept in the slot as a tag.

#include "labelindex.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <stdexcept>

namespace klscope {

namespace {
constexpr std::uint64_t kIndexMask = 0xFFFF'FFFFu;
}

LabelIndex::LabelIndex(std::size_t expected)
{
    m_labels.reserve(expected);
    rehash(std::bit_ceil(std::max<std::size_t>(16, expected * 2)));
}

std::uint64_t LabelIndex::hash(std::string_view label) noexcept
{
    // libstdc++'s string hash, then a Fibonacci mix so the low bits (the slot) and the high bits (the
    // tag) both depend on the whole label.
    return static_cast<std::uint64_t>(std::hash<std::string_view>{}(label)) * 0x9E37'79B9'7F4A'7C15ull;
}

void LabelIndex::rehash(std::size_t slotCount)
{
    m_slots.assign(slotCount, 0);
    m_mask = slotCount - 1;
    for (std::size_t i = 0; i < m_labels.size(); ++i) {
        const std::uint64_t h = hash(m_labels[i]);
        std::size_t slot = slotOf(h);
        while (m_slots[slot] != 0)
            slot = (slot + 1) & m_mask;
        m_slots[slot] = (h & ~kIndexMask) | (i + 1);
    }
}

std::pair<std::size_t, bool> LabelIndex::insertHashed(std::string_view label, std::uint64_t h)
{
    const std::uint64_t tag = h & ~kIndexMask;
    std::size_t slot = slotOf(h);
    for (;;) {
        const std::uint64_t s = m_slots[slot];
        if (s == 0)
            break;
        // The 32-bit tag rules out almost every other label before its text is read.
        if ((s & ~kIndexMask) == tag) {
            const std::size_t i = static_cast<std::size_t>(s & kIndexMask) - 1;
            if (m_labels[i] == label)
                return {i, false};
        }
        slot = (slot + 1) & m_mask;
    }
    const std::size_t index = m_labels.size();
    if (index >= kIndexMask)
        throw std::length_error("LabelIndex: more than 2^32 - 1 labels");
    m_labels.push_back(label);
    m_slots[slot] = tag | (index + 1);
    if (m_labels.size() * 2 > m_slots.size())
        rehash(m_slots.size() * 2);
    return {index, true};
}

} // namespace klscope
