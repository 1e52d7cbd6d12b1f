#pragma once

#include <cstddef>
#include <cstdint>

namespace klscope {

/// A closed range of integer events [first, last]. Empty when last < first.
struct EventRange
{
    std::int64_t first = 0;
    std::int64_t last = -1;

    /// Number of events in the range (0 when empty).
    constexpr std::size_t size() const noexcept
    {
        return last < first ? 0 : static_cast<std::size_t>(last - first) + 1;
    }
    constexpr bool contains(std::int64_t x) const noexcept { return x >= first && x <= last; }
    friend constexpr bool operator==(const EventRange &, const EventRange &) = default;
};

/// Smallest range holding both a and b (an empty range is ignored).
constexpr EventRange unite(const EventRange &a, const EventRange &b) noexcept
{
    if (a.size() == 0)
        return b;
    if (b.size() == 0)
        return a;
    return {a.first < b.first ? a.first : b.first, a.last > b.last ? a.last : b.last};
}

/// The largest support the core will evaluate; larger requests are refused with a message.
inline constexpr std::size_t kMaxEvents = 10'000'000;

/// Upper tails lighter than this are cut from families with an infinite support.
inline constexpr double kTailCut = 1e-16;

} // namespace klscope
