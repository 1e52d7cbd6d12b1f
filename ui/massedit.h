#pragma once

// Editing one mass of a custom distribution the way a person expects: the other unlocked masses are
// rescaled in proportion so the total stays what it was. Qt-free.
//
//   total T, locked masses L (the edited one excluded), unlocked others U with sum S.
//   new mass m is clamped to [0, T - L]; each u in U becomes u * (T - L - m) / S
//   (or (T - L - m) / |U| each when S = 0). With no unlocked others, only the edited mass changes
//   and the total moves with it.

#include <cstddef>
#include <vector>

namespace klscope {

/// Returns `masses` with masses[index] set to `mass` and the others rescaled as above.
/// locked: empty or one flag per mass. keepTotal false: only masses[index] changes (clamped >= 0).
std::vector<double> editMass(const std::vector<double> &masses, const std::vector<bool> &locked,
                             std::size_t index, double mass, bool keepTotal = true);

} // namespace klscope
