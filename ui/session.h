#pragma once

// A klscope session: everything a person set up, as a value that can be saved to and read from a
// `.klscope` file (versioned JSON). Reading builds a complete Session or fails with a sentence; it
// never leaves half-read state behind.
//
// Format version 1:
// {
//   "format": "klscope-session", "version": 1,
//   "p": {"family": "binomial", "parameters": {"n": 15, "p": 0.4666}, "locks": []},
//   "q": {"family": "custom", "masses": [0.2, 0.8], "labels": ["a", "b"], "locks": [1]},
//   "support": null or [A, B], "unit": "nats" | "bits" | "bans",
//   "renormalize": false, "smoothing": 0,
//   "view": {"kl_pq": true, "kl_qp": true, "js": true},
//   "preset": "seed"
// }

#include "distribution.h"
#include "eventrange.h"
#include "units.h"

#include <QString>

#include <optional>
#include <variant>
#include <vector>

namespace klscope {

struct Session
{
    static constexpr int kFormatVersion = 1;

    Distribution p = defaultDistribution(Family::Binomial);
    Distribution q = defaultDistribution(Family::Uniform);
    std::vector<std::int64_t> locksP; ///< custom events of P whose mass is locked
    std::vector<std::int64_t> locksQ;
    std::optional<EventRange> support; ///< explicit support, or the union of natural supports
    Unit unit = Unit::Nats;
    bool renormalize = false;
    double smoothing = 0.0; ///< epsilon-smoothing, 0 = off
    bool showKlPQ = true;   ///< view toggles of the per-event terms
    bool showKlQP = true;
    bool showJs = true;
    QString preset; ///< name of the preset it started from, if any

    friend bool operator==(const Session &, const Session &) = default;
};

/// The session as indented JSON text (UTF-8).
QByteArray sessionToJson(const Session &session);

/// Reads a session from JSON text. On failure returns the error sentence ("line 3: ..." for syntax
/// errors, "this file was written by a newer klscope ..." for a newer version) and no session.
std::variant<Session, QString> sessionFromJson(const QByteArray &json);

/// Writes the session atomically (QSaveFile): a failure leaves any old file intact. Returns an empty
/// string on success, else "Cannot write file <native path>:\n<reason>".
QString saveSession(const Session &session, const QString &path);

/// Reads a session file. On failure returns "Cannot read file <native path>:\n<reason>".
std::variant<Session, QString> loadSession(const QString &path);

} // namespace klscope
