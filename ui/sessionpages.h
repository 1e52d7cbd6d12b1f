#pragma once

// The pages a session holds besides the comparison page (whose state is DocumentState, session.h), in one
// list: each page's key under "pages", its name in "page" (as --page spells it) and its JSON, one
// xxxStateToJson / xxxStateFromJson pair per document. A new page adds its state to SessionPageSet and one
// line to forEachSessionPage; reading, writing, saving, restoring and the modified flag follow.

#include "fitstatejson.h"
#include "imagesstatejson.h"
#include "normal2statejson.h"
#include "samplesstatejson.h"
#include "vaestatejson.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

/// One page's part of a session: where it goes and how its state becomes JSON and back.
template <typename State> struct SessionPageCodec
{
    const char *key;  ///< its key under "pages"
    const char *page; ///< its name in "page"
    QJsonObject (*toJson)(const State &);
    /// The state, or the sentence naming the bad key (each key prefixed with "pages.<key>.").
    std::variant<State, QString> (*fromJson)(const QJsonObject &, const QString &prefix);
};

/// One Slot<State> for each page a session holds besides the comparison page.
template <template <typename> class Slot> struct SessionPageSet
{
    Slot<FitState> fit;
    Slot<Normal2State> normal2;
    Slot<VaeState> vae;
    Slot<SamplesState> samples;
    Slot<ImagesState> images;
};

/// The pages' states a session file holds; an empty one opens that page at its default.
using SessionPages = SessionPageSet<std::optional>;

/// Calls visit(codec, member, member, ...) for each page, in order, with that page's member of each set.
template <typename Visit, typename... Sets> void forEachSessionPage(Visit &&visit, Sets &&...sets)
{
    visit(SessionPageCodec<FitState>{"fit", "fit", &fitStateToJson, &fitStateFromJson}, sets.fit...);
    visit(SessionPageCodec<Normal2State>{"normal2", "2d", &normal2StateToJson, &normal2StateFromJson},
          sets.normal2...);
    visit(SessionPageCodec<VaeState>{"vae", "vae", &vaeStateToJson, &vaeStateFromJson}, sets.vae...);
    visit(SessionPageCodec<SamplesState>{"samples", "samples", &samplesStateToJson, &samplesStateFromJson},
          sets.samples...);
    visit(SessionPageCodec<ImagesState>{"images", "images", &imagesStateToJson, &imagesStateFromJson},
          sets.images...);
}

/// Every name "page" accepts: "compare", then each page above.
inline QStringList sessionPageNames()
{
    QStringList names{QStringLiteral("compare")};
    forEachSessionPage([&](const auto &codec) { names << QLatin1String(codec.page); });
    return names;
}
