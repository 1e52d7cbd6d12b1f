#pragma once

// Exchanges P and Q (with their per-event locks). Undo and redo are the same swap.

#include <QUndoCommand>

class Document;

class SwapCommand : public QUndoCommand
{
public:
    explicit SwapCommand(Document *document, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    void swapSides();
    Document *m_document;
};
