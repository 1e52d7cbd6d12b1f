#pragma once

// One generic "change a value" undo command, after Tiled's changevalue.h: it keeps the old and the
// new value and hands one or the other to a setter. Commands with the same id and the same non-zero
// drag id merge, so a continuous slider or bar drag is one undo step; a merged drag that comes back to
// where it started marks itself obsolete, and QUndoStack drops it instead of keeping an empty step.

#include <QUndoCommand>

#include <functional>
#include <utility>

template <typename Value> class ChangeValueCommand : public QUndoCommand
{
public:
    using Setter = std::function<void(const Value &)>;

    /// mergeId: -1 never merges; otherwise commands with equal mergeId and equal non-zero drag merge.
    ChangeValueCommand(const QString &text, Value oldValue, Value newValue, Setter setter, int mergeId = -1,
                       int drag = 0, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent), m_old(std::move(oldValue)), m_new(std::move(newValue)),
          m_setter(std::move(setter)), m_mergeId(mergeId), m_drag(drag)
    {}

    void undo() override { m_setter(m_old); }
    void redo() override { m_setter(m_new); }
    int id() const override { return m_mergeId; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = dynamic_cast<const ChangeValueCommand *>(other);
        if (!o || m_drag == 0 || o->m_drag != m_drag || o->m_mergeId != m_mergeId)
            return false;
        m_new = o->m_new;
        setObsolete(m_new == m_old);
        return true;
    }

    const Value &oldValue() const { return m_old; }
    const Value &newValue() const { return m_new; }
    int drag() const { return m_drag; }

private:
    Value m_old;
    Value m_new;
    Setter m_setter;
    int m_mergeId;
    int m_drag;
};
