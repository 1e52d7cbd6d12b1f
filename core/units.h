#pragma once

#include <optional>
#include <string_view>

namespace klscope {

/// Logarithm base of every information quantity: nats (e), bits (2) or bans (10).
enum class Unit
{
    Nats,
    Bits,
    Bans
};

/// Factor that converts a value in nats to `unit` (1, 1/ln 2 or 1/ln 10).
double fromNats(Unit unit) noexcept;

/// "nats", "bits" or "bans".
std::string_view unitName(Unit unit) noexcept;

/// Parses "nats", "bits" or "bans"; nullopt for anything else.
std::optional<Unit> parseUnit(std::string_view text) noexcept;

} // namespace klscope
