#pragma once

// The samples page's state as JSON, for a session's "pages": {"samples": {...}} (session format 2):
//   {"p": "normal:mu=0,sigma=1", "q": "normal:mu=1,sigma=2", "n": 1000, "m": 1000, "seed": 1,
//    "smoothing": 0, "bootstrap": 200, "preset": ""}
// "p" and "q" are the sources' specs (a family or samples:FILE); "smoothing", "bootstrap" and "preset" may
// be left out. A reader refuses what the document would refuse (SamplesDocument::validate) with a sentence
// naming the key ("pages.samples.n must be a whole number between 2 and 1000000").

#include "samplesdocument.h"

#include <QJsonObject>
#include <QString>

#include <variant>

QJsonObject samplesStateToJson(const SamplesState &state);
/// The state in `object`, or a sentence naming the bad key (prefixed with `prefix`).
std::variant<SamplesState, QString>
samplesStateFromJson(const QJsonObject &object, const QString &prefix = QStringLiteral("pages.samples."));
