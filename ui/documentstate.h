#pragma once

// Everything a Document holds that an undo command can change, as one copyable value. Custom
// distributions share their masses, so copies are cheap even at 10^6 events.

#include "distribution.h"
#include "eventrange.h"
#include "units.h"

#include <QList>
#include <QString>

#include <optional>

/// Which distribution of the pair.
enum class Side
{
    P,
    Q
};

struct DocumentState
{
    klscope::Distribution p = klscope::defaultDistribution(klscope::Family::Binomial);
    klscope::Distribution q = klscope::defaultDistribution(klscope::Family::Uniform);
    std::optional<klscope::EventRange> support; ///< explicit A..B, or nullopt for the union of supports
    klscope::Unit unit = klscope::Unit::Nats;
    bool renormalize = false; ///< rescale P and Q to sum to 1 on the support
    double smoothing = 0.0;   ///< epsilon added to every mass (0 = off)
    QList<bool> lockedP;      ///< per event of a custom P: true keeps its mass when others are edited
    QList<bool> lockedQ;      ///< the same for Q
    QString preset;           ///< name of the preset the state came from ("" once edited away)

    const klscope::Distribution &distribution(Side side) const { return side == Side::P ? p : q; }
    klscope::Distribution &distribution(Side side) { return side == Side::P ? p : q; }
    const QList<bool> &locks(Side side) const { return side == Side::P ? lockedP : lockedQ; }
    QList<bool> &locks(Side side) { return side == Side::P ? lockedP : lockedQ; }

    /// True when both states give the same comparison (locks and preset name do not count).
    bool sameComparisonInputs(const DocumentState &other) const
    {
        return p == other.p && q == other.q && support == other.support && unit == other.unit &&
               renormalize == other.renormalize && smoothing == other.smoothing;
    }
};
