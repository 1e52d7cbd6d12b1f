// Unit conversion: a value in nats times 1/ln 2 is in bits (log base 2), times 1/ln 10 in bans (log
// base 10), since log_b x = ln x / ln b.

#include "units.h"

#include <numbers>

namespace klscope {

double fromNats(Unit unit) noexcept
{
    switch (unit) {
    case Unit::Bits:
        return 1.0 / std::numbers::ln2;
    case Unit::Bans:
        return 1.0 / std::numbers::ln10;
    case Unit::Nats:
        break;
    }
    return 1.0;
}

std::string_view unitName(Unit unit) noexcept
{
    switch (unit) {
    case Unit::Bits:
        return "bits";
    case Unit::Bans:
        return "bans";
    case Unit::Nats:
        break;
    }
    return "nats";
}

std::optional<Unit> parseUnit(std::string_view text) noexcept
{
    if (text == "nats")
        return Unit::Nats;
    if (text == "bits")
        return Unit::Bits;
    if (text == "bans")
        return Unit::Bans;
    return std::nullopt;
}

} // namespace klscope
