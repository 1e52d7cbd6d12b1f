#include "undobuttons.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QToolButton>
#include <QUndoStack>

void addUndoRedoButtons(QBoxLayout *row, QUndoStack *stack)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("UndoButtons", text);
    };
    auto *undo = new QToolButton;
    undo->setText(tr("Undo"));
    undo->setEnabled(stack->canUndo());
    QObject::connect(undo, &QToolButton::clicked, stack, &QUndoStack::undo);
    QObject::connect(stack, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    QObject::connect(stack, &QUndoStack::undoTextChanged, undo,
                     [undo, tr](const QString &text) { undo->setToolTip(tr("Undo %1").arg(text)); });
    auto *redo = new QToolButton;
    redo->setText(tr("Redo"));
    redo->setEnabled(stack->canRedo());
    QObject::connect(redo, &QToolButton::clicked, stack, &QUndoStack::redo);
    QObject::connect(stack, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    QObject::connect(stack, &QUndoStack::redoTextChanged, redo,
                     [redo, tr](const QString &text) { redo->setToolTip(tr("Redo %1").arg(text)); });
    row->addWidget(undo);
    row->addWidget(redo);
}
