#pragma once

// The ready-made pairs of the Presets menu, read from resources/presets.json (compiled in as
// ":/presets.json"). Each preset carries a one-line lesson for the window and the key values the
// core computes for it, so tests can check that the window shows them.

#include "documentstate.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// One ready-made pair of distributions.
struct Preset
{
    QString name;   ///< stable identifier for --preset and QSettings, e.g. "seed"
    QString title;  ///< menu text for people
    QString lesson; ///< one sentence shown in the window while the preset is loaded
    /// P as a core spec: discrete, e.g. "binomial:n=15,p=7/15" (klscope::parseSpec), or continuous, e.g.
    /// "normal:mu=0,sigma=1" (klscope::parseContinuousSpec)
    QString pSpec;
    QString qSpec;   ///< Q as a core spec, in the same domain as P
    QString support; ///< "" for the union of both supports, or "A..B" (klscope::parseSupport; discrete only)
    QString unit;    ///< "nats", "bits" or "bans"
    /// Documented values computed by the core in `unit`, keyed as in `klscope-cli compute --json`
    /// ("kl_pq", "kl_qp", "js", "h_p", "cross_entropy_pq", "total_variation", ...); +inf for "inf".
    QHash<QString, double> expect;

    /// True when P's spec names a continuous family (klscope::isContinuousSpec).
    bool isContinuous() const;
    /// The document state this preset loads: the pair in its domain, the unit and the preset's name;
    /// discrete options (renormalise, smoothing, locks) at their defaults, a continuous bin width of 0.
    /// Throws std::invalid_argument with a sentence when a spec, the support or the unit does not parse,
    /// when P and Q are in different domains, or when a continuous preset has a support.
    DocumentState state() const;
};

/// The presets of ":/presets.json", in menu order. Returns an empty list (and logs a warning) if the
/// resource is missing or malformed; entries without a name or specs are skipped.
QList<Preset> loadPresets();

/// What makes `state` another pair than `preset`'s, as short phrases for the lesson banner ("P changed",
/// "P and Q swapped", "support changed", "ε-smoothing on", "renormalised", "now continuous", ...); empty
/// while the preset's lesson still holds. The unit, locks and the continuous bin width do not count. A
/// preset that does not parse gives "preset unreadable".
QStringList presetDifferences(const Preset &preset, const DocumentState &state);

/// The preset called `name` (exact match), or nullopt.
std::optional<Preset> findPreset(const QList<Preset> &presets, const QString &name);
