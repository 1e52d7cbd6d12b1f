#include "documentbase.h"

#include <QUndoStack>

DocumentBase::DocumentBase(QObject *parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

DocumentBase::~DocumentBase() = default;

bool DocumentBase::isModified() const
{
    return !m_undoStack->isClean();
}

int DocumentBase::beginDrag()
{
    m_drag = ++m_lastDrag;
    return m_drag;
}

void DocumentBase::endDrag()
{
    const bool dragging = m_drag != 0;
    m_drag = 0;
    if (dragging)
        emit dragFinished();
}

bool DocumentBase::pushValidated(QUndoCommand *command, const std::function<QString()> &validate)
{
    const QString refusal = validate ? validate() : QString();
    if (!refusal.isEmpty()) {
        delete command;
        return refuse(refusal);
    }
    m_undoStack->push(command);
    return true;
}

bool DocumentBase::refuse(const QString &message)
{
    emit editRefused(message);
    return false;
}

bool DocumentBase::resetWith(const QString &refusal, const std::function<void()> &apply)
{
    if (!refusal.isEmpty())
        return refuse(refusal);
    m_undoStack->clear();
    apply();
    return true;
}
