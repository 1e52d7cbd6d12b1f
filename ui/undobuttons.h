#pragma once

// A page's own Undo and Redo buttons for its document's stack (Edit → Undo follows the page shown; these
// sit beside the page's preset chooser).

class QBoxLayout;
class QUndoStack;

/// Appends "Undo" and "Redo" tool buttons to `row`, enabled while `stack` can undo or redo, each with the
/// step's text as its tooltip.
void addUndoRedoButtons(QBoxLayout *row, QUndoStack *stack);
