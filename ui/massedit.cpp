#include "massedit.h"

#include <algorithm>
#include <cmath>

namespace klscope {

std::vector<double> editMass(const std::vector<double> &masses, const std::vector<bool> &locked,
                             std::size_t index, double mass, bool keepTotal)
{
    std::vector<double> out = masses;
    if (index >= out.size() || !std::isfinite(mass))
        return out;
    mass = std::max(0.0, mass);
    const auto isLocked = [&](std::size_t i) {
        return i < locked.size() && locked[i];
    };

    double total = 0, lockedSum = 0, freeSum = 0;
    std::size_t freeCount = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        total += out[i];
        if (i == index)
            continue;
        if (isLocked(i)) {
            lockedSum += out[i];
        } else {
            freeSum += out[i];
            ++freeCount;
        }
    }
    if (!keepTotal || freeCount == 0) {
        out[index] = mass;
        return out;
    }
    const double room = std::max(0.0, total - lockedSum);
    mass = std::min(mass, room);
    out[index] = mass;
    const double rest = room - mass;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (i == index || isLocked(i))
            continue;
        // Proportional rescaling keeps the shape of the rest; an all-zero rest is filled evenly.
        out[i] = freeSum > 0 ? out[i] * (rest / freeSum) : rest / static_cast<double>(freeCount);
    }
    return out;
}

} // namespace klscope
