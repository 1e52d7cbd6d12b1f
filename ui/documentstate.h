#pragma once

// Everything the comparison document holds that an undo command can change, as one copyable value.
// P and Q always live in the same domain: the state holds either a discrete pair (mass functions on the
// integers, with a support and the discrete options) or a continuous pair (two densities). Custom
// distributions share their masses, so copies are cheap even at 10^6 events.

#include "distribution.h"
#include "eventrange.h"
#include "units.h"

#include <continuousdistribution.h>

#include <QList>
#include <QString>

#include <optional>
#include <variant>

/// Which distribution of the pair.
enum class Side
{
    P,
    Q
};

/// Two mass functions on the integers and how they are compared.
struct DiscretePair
{
    klscope::Distribution p = klscope::defaultDistribution(klscope::Family::Binomial);
    klscope::Distribution q = klscope::defaultDistribution(klscope::Family::Uniform);
    std::optional<klscope::EventRange> support; ///< explicit A..B, or nullopt for the union of supports
    bool renormalize = false;                   ///< rescale P and Q to sum to 1 on the support
    double smoothing = 0.0;                     ///< epsilon added to every mass (0 = off)
    QList<bool> lockedP; ///< per event of a custom P: true keeps its mass when others are edited
    QList<bool> lockedQ; ///< the same for Q

    const klscope::Distribution &distribution(Side side) const { return side == Side::P ? p : q; }
    klscope::Distribution &distribution(Side side) { return side == Side::P ? p : q; }
    const QList<bool> &locks(Side side) const { return side == Side::P ? lockedP : lockedQ; }
    QList<bool> &locks(Side side) { return side == Side::P ? lockedP : lockedQ; }

    /// True when both pairs give the same comparison (locks do not count).
    bool sameComparisonInputs(const DiscretePair &o) const
    {
        return p == o.p && q == o.q && support == o.support && renormalize == o.renormalize &&
               smoothing == o.smoothing;
    }
    friend bool operator==(const DiscretePair &, const DiscretePair &) = default;
};

/// Two densities, and the width at which the discretisation control bins them (0: off).
struct ContinuousPair
{
    klscope::ContinuousDistribution p = klscope::Normal(0.0, 1.0);
    klscope::ContinuousDistribution q = klscope::Normal(1.0, 1.5);
    double binWidth = 0.0;

    const klscope::ContinuousDistribution &distribution(Side side) const { return side == Side::P ? p : q; }
    klscope::ContinuousDistribution &distribution(Side side) { return side == Side::P ? p : q; }

    bool sameComparisonInputs(const ContinuousPair &o) const { return p == o.p && q == o.q; }
    friend bool operator==(const ContinuousPair &, const ContinuousPair &) = default;
};

struct DocumentState
{
    std::variant<DiscretePair, ContinuousPair> pair;
    klscope::Unit unit = klscope::Unit::Nats;
    QString preset; ///< name of the preset the state came from ("" once edited away)

    /// A continuous pair's state in nats, with no preset and discretisation off.
    static DocumentState continuous(klscope::ContinuousDistribution p, klscope::ContinuousDistribution q)
    {
        DocumentState s;
        s.pair = ContinuousPair{std::move(p), std::move(q), 0.0};
        return s;
    }

    bool isContinuous() const { return std::holds_alternative<ContinuousPair>(pair); }
    /// The discrete pair, or nullptr in the continuous domain.
    const DiscretePair *discrete() const { return std::get_if<DiscretePair>(&pair); }
    DiscretePair *discrete() { return std::get_if<DiscretePair>(&pair); }
    /// The continuous pair, or nullptr in the discrete domain.
    const ContinuousPair *continuous() const { return std::get_if<ContinuousPair>(&pair); }
    ContinuousPair *continuous() { return std::get_if<ContinuousPair>(&pair); }

    /// True when both states give the same comparison (locks, the bin width and the preset name do not
    /// count: the bin width only changes the discretisation view).
    bool sameComparisonInputs(const DocumentState &other) const
    {
        if (unit != other.unit || pair.index() != other.pair.index())
            return false;
        if (const DiscretePair *d = discrete())
            return d->sameComparisonInputs(*other.discrete());
        return continuous()->sameComparisonInputs(*other.continuous());
    }
    friend bool operator==(const DocumentState &, const DocumentState &) = default;
};
