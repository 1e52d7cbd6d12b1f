#pragma once

// Moving the comparison between the discrete and the continuous domain when a person picks a family of
// the other domain for one side: that side becomes the chosen family, the other side its nearest
// counterpart, and a sentence says what became of each (the status bar shows it). The conversions
// themselves are the core's (domainconversion.h); this puts them together for a pair.

#include "documentstate.h"

#include <QString>

/// The continuous pair that follows `pair` when `side` becomes `family`. Throws std::invalid_argument
/// (a sentence) when nothing sensible exists; `message` receives the sentence for the status bar.
ContinuousPair toContinuousPair(const DiscretePair &pair, Side side, klscope::ContinuousFamily family,
                                QString *message);
/// The discrete pair that follows `pair` when `side` becomes the discrete `family`.
DiscretePair toDiscretePair(const ContinuousPair &pair, Side side, klscope::Family family, QString *message);
/// `d` re-expressed in another continuous family (matching mean and variance where it can).
klscope::ContinuousDistribution convertContinuousFamily(const klscope::ContinuousDistribution &d,
                                                        klscope::ContinuousFamily family);

/// The titles people read in the family chooser ("Binomial", "Student t").
QString familyName(klscope::Family family);
QString familyName(klscope::ContinuousFamily family);
