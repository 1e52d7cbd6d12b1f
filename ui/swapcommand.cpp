#include "swapcommand.h"

#include "document.h"

#include <QCoreApplication>

#include <utility>

SwapCommand::SwapCommand(Document *document, QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("SwapCommand", "Swap P and Q"), parent), m_document(document)
{}

void SwapCommand::undo()
{
    swapSides();
}

void SwapCommand::redo()
{
    swapSides();
}

void SwapCommand::swapSides()
{
    DocumentState state = m_document->state();
    std::swap(state.p, state.q);
    std::swap(state.lockedP, state.lockedQ);
    m_document->applyState(state);
}
