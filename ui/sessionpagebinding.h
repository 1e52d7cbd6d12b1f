#pragma once

// How the window saves and restores one page of a session (sessionpages.h): the page's document (its undo
// stack and modified flag), the state to save, how a state is opened (no undo step, clean) and the page's
// default, which opens when a session holds nothing for the page.

#include "documentbase.h"
#include "sessionpages.h"

#include <functional>
#include <type_traits>
#include <utility>

template <typename State> struct SessionPageBinding
{
    DocumentBase *document = nullptr;
    std::function<State()> state;
    std::function<void(const State &)> restore;
    State defaults{};
};

/// A binding for each page.
using SessionPageBindings = SessionPageSet<SessionPageBinding>;

/// The binding of a document whose state() is saved as it is and opened with resetState(); `defaults` opens
/// when a session holds nothing for the page.
template <typename Doc, typename State = std::decay_t<decltype(std::declval<Doc &>().state())>>
SessionPageBinding<State> documentBinding(Doc *document, State defaults)
{
    return {document, [document] { return document->state(); },
            [document](const State &s) { document->resetState(s); }, std::move(defaults)};
}

/// The same, with the document's state now as its default.
template <typename Doc> auto documentBinding(Doc *document)
{
    return documentBinding(document, document->state());
}
