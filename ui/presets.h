#pragma once

// The ready-made pairs of the Presets menu, read from resources/presets.json (compiled in as
// ":/presets.json"). Each preset carries a one-line lesson for the window and the key values the
// core computes for it, so tests can check that the window shows them.

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

/// One ready-made pair of distributions.
struct Preset
{
    QString name;    ///< stable identifier for --preset and QSettings, e.g. "seed"
    QString title;   ///< menu text for people
    QString lesson;  ///< one sentence shown in the window while the preset is loaded
    QString pSpec;   ///< P as a core spec, e.g. "binomial:n=15,p=7/15" (parses with klscope::parseSpec)
    QString qSpec;   ///< Q as a core spec
    QString support; ///< "" for the union of both supports, or "A..B" (parses with klscope::parseSupport)
    QString unit;    ///< "nats", "bits" or "bans"
    /// Documented values computed by the core in `unit`, keyed as in `klscope-cli compute --json`
    /// ("kl_pq", "kl_qp", "js", "h_p", "cross_entropy_pq", "total_variation", ...); +inf for "inf".
    QHash<QString, double> expect;
};

/// The presets of ":/presets.json", in menu order. Returns an empty list (and logs a warning) if the
/// resource is missing or malformed; entries without a name or specs are skipped.
QList<Preset> loadPresets();

/// The preset called `name` (exact match), or nullopt.
std::optional<Preset> findPreset(const QList<Preset> &presets, const QString &name);
