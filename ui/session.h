#pragma once

// The `.klscope` session file: the document's state (DocumentState) and the view state the window
// keeps beside it, as versioned JSON. Reading builds the complete state or fails with a sentence; it
// never leaves half-read state behind, and a file from a newer format version is refused.
//
// Format version 2 (written since the window holds pages; version 1 still opens):
// {
//   "format": "klscope-session", "version": 2,
//   "page": "compare" | "fit" | "2d" | "vae" | "samples" | "images",   the page that was showing
//   "pages": {
//     "compare": {                                       the comparison page's document (required)
//       "domain": "discrete",
//       "p": {"family": "binomial", "parameters": {"n": 15, "p": 0.4666}, "locks": []},
//       "q": {"family": "custom", "masses": [0.2, 0.8], "labels": ["a", "b"], "locks": [1]},
//       "support": null or [A, B], "renormalize": false, "smoothing": 0,
//       "unit": "nats" | "bits" | "bans", "preset": "seed"
//     }
//     or, for two densities:
//     "compare": {"domain": "continuous", "p": {"spec": "normal:mu=0,sigma=1"},
//                 "q": {"spec": "student_t:nu=5,mu=0,sigma=1"}, "bin_width": 0, "unit": "nats", "preset": ""}
//     and, each optional (sessionpages.h lists them):
//     "fit": {"target": "gmm:...", "family": "normal", ...}       the fit page (fitstatejson.h)
//     "normal2": {"p": {"mu1": 0, ...}, "q": {...}, ...}          the 2-D page (normal2statejson.h)
//     "vae": {"threshold": 0.01, "order": "kl", "example": {...}} the VAE page (vaestatejson.h); a loaded
//            or {"file": {"path": ..., "size": ..., "modified": ...}, ...}   CSV is re-read on open
//     "samples": {"p": "normal:...", "q": ..., "n": 1000, ...}    the samples page (samplesstatejson.h)
//     "images": {"a": {"path": ...}, "b": {...}, "channel": "grey", "bins": 256}   the Images page
//                                                         (imagesstatejson.h); the images are re-read on open
//   },
//   "autosave_of": "/path/x.klscope"          (autosaves only: the file the session belongs to)
// }
// A file without one of the optional pages (one written before that page existed) opens that page at its
// default. A bad page is refused with the key named ("pages.vae.threshold must be a number >= 0") and
// nothing changes, on any page. "locks" lists the 0-based events of a custom side whose mass is locked.
// Version 1 held the discrete pair's keys at the top level, and a "view" object with the plots' term
// toggles; those toggles are view settings now (they never marked a session modified), so version 2 does
// not save them, and a version-1 file's are applied when it opens.

#include "documentstate.h"
#include "sessionpages.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <variant>

class Document;

/// The session format this build writes, and the newest it reads.
inline constexpr int kSessionFormatVersion = 2;

/// The view toggles a version-1 session saved: which per-event terms the plots draw
/// (Document::isTermVisible) and whether editing one custom mass keeps the total (Document::keepsTotal).
struct SessionView
{
    bool klPQ = true;
    bool klQP = true;
    bool js = true;
    bool keepTotal = true;

    friend bool operator==(const SessionView &, const SessionView &) = default;
};

/// Everything a session file holds.
struct SessionContents
{
    DocumentState state;
    std::optional<SessionView> legacyView; ///< version-1 files only
    QString autosaveOf; ///< autosaves only: the session file the unsaved state belongs to ("" = none)
    SessionPages
        pages; ///< the other pages' states (an empty one: the file has none, the page opens at default)
    QString page = QStringLiteral("compare"); ///< the page that was showing (sessionPageNames())
};

/// Applies a version-1 file's `view` to `document` (not undoable, like the view toggles themselves).
void applySessionView(Document &document, const SessionView &view);

/// The session as indented UTF-8 JSON: the comparison page's `state`, the other `pages` (each left out
/// when empty) and the `page` showing (one of sessionPageNames()).
QByteArray sessionToJson(const DocumentState &state, const QString &autosaveOf = {},
                         const SessionPages &pages = {}, const QString &page = QStringLiteral("compare"));

/// Reads a session from JSON text. On failure returns the sentence: "line 3: ..." for a syntax error,
/// "this file was written by a newer klscope ..." for a newer version, or one naming the bad key
/// ("p: binomial: p must be between 0 and 1").
std::variant<SessionContents, QString> sessionFromJson(const QByteArray &json);

/// Writes `json` through AtomicWriter (QSaveFile, every write and the flush checked): a failure, a full
/// disk included, leaves any old file intact. Returns an empty string on success, else
/// "Cannot write file <native path>:\n<reason>".
QString writeSessionFile(const QByteArray &json, const QString &path);

/// Reads a session file. On failure returns "Cannot read file <native path>:\n<reason>"; anything that
/// is not a regular file of at most 512 MiB (a FIFO, a folder, a link loop) is refused before it is
/// opened (import::checkRegularFile).
std::variant<SessionContents, QString> loadSession(const QString &path);
