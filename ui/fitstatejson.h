#pragma once

// The fit page's state as JSON, for a session's "pages": {"fit": {...}} (session format 2):
//   {"target": "gmm:w1=0.5,...", "family": "normal", "fixed": {"sigma": 1}, "alpha": 0.5,
//    "q": [0, 1.5], "preset": "bimodal-fit"}
// "fixed" lists only the held parameters, by their spec keys; "q" and "preset" are left out when empty. A
// reader refuses what the document would refuse (FitDocument::validate) with a sentence naming the key.

#include "fitdocument.h"

#include <QJsonObject>
#include <QString>

#include <variant>

QJsonObject fitStateToJson(const FitState &state);
/// The state in `object`, or a sentence naming the bad key (prefixed with `prefix`, e.g. "pages.fit.").
std::variant<FitState, QString> fitStateFromJson(const QJsonObject &object,
                                                 const QString &prefix = QStringLiteral("pages.fit."));
