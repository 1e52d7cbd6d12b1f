#pragma once

// klscope-cli compute and bench for continuous families (issue 9), kept apart from the discrete commands.

#include <QStringList>

#include <optional>

namespace cli {

/// When --p or --q names a continuous family, runs compute for the continuous pair and returns its exit
/// code: 0, kInvalidData for a bad spec, kUsage for a bad option or a discrete spec against a continuous
/// one. nullopt when both sides are discrete (or missing), for the discrete compute to handle.
std::optional<int> computeContinuousIfAsked(const QStringList &arguments);

/// klscope-cli bench --continuous: times all metrics of a closed-form pair, a quadrature pair, a mixture
/// pair and one evaluator call; prints microseconds per pair.
int benchContinuous(bool json);

} // namespace cli
