#pragma once

// The VAE page's state as JSON, for a session's "pages": {"vae": {...}} (session format 2):
//   {"threshold": 0.01, "order": "dimension" | "kl", "source": "vae-collapse",
//    "example": {"mu": [1.2, -0.8], "logvar": [-1.5, -0.9]}}
// or, for a state loaded from a CSV file (which a session re-reads when it opens, VaePage::restoreState),
//   {"threshold": 0.01, "order": "kl", "file": {"path": "/data/encoder.csv", "size": 1234,
//                                               "modified": "2026-12-01T10:00:00.000Z"}}
// or, for a batch summary that names no file, "batch": {"kl": [...], "spread": [...], "rows": 100}.
// Exactly one of "example", "file" and "batch" is given; "threshold", "order" and "source" may be left out.
// A state read with "file" holds the file's stamp and no numbers: the page fills them in from the file.
// A reader refuses what the document would refuse with a sentence naming the key
// ("pages.vae.threshold must be a number >= 0").

#include "vaedocument.h"

#include <QJsonObject>
#include <QString>

#include <variant>

QJsonObject vaeStateToJson(const VaeState &state);
/// The state in `object`, or a sentence naming the bad key (prefixed with `prefix`).
std::variant<VaeState, QString> vaeStateFromJson(const QJsonObject &object,
                                                 const QString &prefix = QStringLiteral("pages.vae."));
