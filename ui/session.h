#pragma once

// The `.klscope` session file: the document's state (DocumentState) and the view state the window
// keeps beside it, as versioned JSON. Reading builds the complete state or fails with a sentence; it
// never leaves half-read state behind, and a file from a newer format version is refused.
//
// Format version 1:
// {
//   "format": "klscope-session", "version": 1,
//   "p": {"family": "binomial", "parameters": {"n": 15, "p": 0.4666}, "locks": []},
//   "q": {"family": "custom", "masses": [0.2, 0.8], "labels": ["a", "b"], "locks": [1]},
//   "support": null or [A, B], "unit": "nats" | "bits" | "bans",
//   "renormalize": false, "smoothing": 0,
//   "view": {"kl_pq": true, "kl_qp": true, "js": true, "keep_total": true},
//   "preset": "seed",
//   "autosave_of": "/path/x.klscope"          (autosaves only: the file the session belongs to)
// }
// "locks" lists the 0-based events of a custom side whose mass is locked.

#include "documentstate.h"

#include <QByteArray>
#include <QString>

#include <variant>

class Document;

/// The session format this build writes, and the newest it reads.
inline constexpr int kSessionFormatVersion = 1;

/// View state saved with a session but not part of the undoable document: which per-event terms the
/// plots draw (Document::isTermVisible) and whether editing one custom mass keeps the total
/// (Document::keepsTotal).
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
    SessionView view;
    QString autosaveOf; ///< autosaves only: the session file the unsaved state belongs to ("" = none)
};

/// The view state of `document`.
SessionView sessionView(const Document &document);
/// Applies `view` to `document` (not undoable, like the view toggles themselves).
void applySessionView(Document &document, const SessionView &view);

/// The session as indented UTF-8 JSON.
QByteArray sessionToJson(const DocumentState &state, const SessionView &view, const QString &autosaveOf = {});

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
