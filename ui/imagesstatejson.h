#pragma once

// The Images page's state as JSON, for a session's "pages": {"images": {...}} (session format 2):
//   {"a": {"path": "/photos/shapes.png"}, "b": {"path": "/photos/shapes.png", "shuffle_seed": 7},
//    "channel": "grey" | "r" | "g" | "b", "bins": 256}
// Each side names the image file it was read from (a resource path ":/images/..." for the built-in
// example) and, for a shuffled image, the seed; null for a side with no image. The pixels are not saved: a
// state read from JSON holds the sources and no images, and the page reads them again
// (ImagesPage::restoreState). "channel" and "bins" may be left out. A reader refuses a bad key with a
// sentence naming it ("pages.images.bins must divide 256: 1, 2, 4, ..., 256").

#include "imagesdocument.h"

#include <QJsonObject>
#include <QString>

#include <variant>

QJsonObject imagesStateToJson(const ImagesState &state);
/// The state in `object` (sources, channel and bins; no images), or a sentence naming the bad key
/// (prefixed with `prefix`).
std::variant<ImagesState, QString>
imagesStateFromJson(const QJsonObject &object, const QString &prefix = QStringLiteral("pages.images."));
