#pragma once

// Parameter sweeps: KL(P||Q), KL(Q||P) and JS against one parameter of P or of Q, in either domain. The
// parameter is written "p.NAME" or "q.NAME", NAME being the key of the family's spec ("q.p" for a binomial
// Q's success probability, "p.sigma" for a normal P's standard deviation).
//
// Each step rebuilds the swept side from its parameter table (parameters(), parameterValues(),
// makeDistribution() / makeContinuous()) and runs the same comparison as `klscope-cli compute` does with
// its default options: compare() for a discrete pair (the union of both natural supports, closed forms
// where they apply), compareContinuous() for a continuous one. So every value equals `compute` at that
// point, +inf included. Steps run on the machine's cores (parallel.h); the result does not depend on how
// many threads ran.

#include "continuousdistribution.h"
#include "distribution.h"
#include "units.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace klscope {

/// Which side a swept parameter belongs to.
enum class SweepSide
{
    P,
    Q
};

/// A parameter to sweep: its side and its spec key.
struct SweepParameter
{
    SweepSide side = SweepSide::Q;
    std::string name;

    /// "p.NAME" or "q.NAME".
    std::string text() const;
};

/// Parses "p.NAME" or "q.NAME". Throws std::invalid_argument with a sentence otherwise. Whether NAME is a
/// parameter of the family is checked by sweep().
SweepParameter parseSweepParameter(std::string_view text);

/// Most steps a sweep takes (10^6).
inline constexpr std::size_t kMaxSweepSteps = 1'000'000;

/// `steps` values from `from` to `to`, evenly spaced: from + i (to - from) / (steps - 1), the last one `to`
/// exactly.
struct SweepRange
{
    double from = 0.0;
    double to = 1.0;
    std::size_t steps = 2;
};

/// Parses "A..B" (decimals or fractions, as in specs). Throws std::invalid_argument unless both are finite
/// numbers with A < B.
SweepRange parseSweepRange(std::string_view text, std::size_t steps);

/// The values of a range; throws std::invalid_argument unless from < to (both finite) and
/// 2 <= steps <= kMaxSweepSteps.
std::vector<double> sweepValues(const SweepRange &range);

/// A sweep's curves, in the unit asked for; +inf where a KL is infinite, NaN where a quadrature failed.
struct Sweep
{
    std::string parameter; ///< "q.p"
    Unit unit = Unit::Nats;
    double current = 0.0;       ///< the parameter's value in the distribution as given (the current value)
    std::vector<double> values; ///< the parameter's values
    std::vector<double> klPQ;   ///< KL(P||Q) at each value
    std::vector<double> klQP;   ///< KL(Q||P)
    std::vector<double> js;     ///< JS(P,Q)
};

/// Sweeps a parameter of a discrete pair. Before anything is computed, every step's distribution is built,
/// and a value out of the parameter's range, a fraction for a whole-number parameter, or a combination the
/// family refuses throws std::invalid_argument with a sentence naming the parameter and its range ("q.p =
/// 1.2 is out of range: p (success probability) of a binomial lies in [0, 1]"); so does an unknown
/// parameter or a custom side (it has no named parameters). A step whose support is too large for compare()
/// throws its sentence.
Sweep sweep(const Distribution &p, const Distribution &q, const SweepParameter &parameter,
            const SweepRange &range, Unit unit = Unit::Nats);

/// The same for a continuous pair (compareContinuous with its default tolerance, no Monte Carlo and no
/// grid). A Gaussian mixture has no parameter table and is refused as a swept side.
Sweep sweep(const ContinuousDistribution &p, const ContinuousDistribution &q, const SweepParameter &parameter,
            const SweepRange &range, Unit unit = Unit::Nats);

/// The sweep as CSV, the file `klscope-cli sweep --out FILE.csv` writes and the sweep window exports: a
/// header "NAME,kl_pq,kl_qp,js" (NAME the swept parameter, "q.p"), then one line per value, every number with
/// 17 significant digits so it reads back exactly; an infinite KL is "inf", a failed quadrature "nan".
std::string sweepCsv(const Sweep &sweep);

} // namespace klscope
