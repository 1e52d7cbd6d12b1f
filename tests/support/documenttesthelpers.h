#pragma once

// The undo checks every page document's test makes (tst_fitdocument, tst_normal2document): an edit is one
// undo step that undo and redo reverse, marking the document modified and clean again, and a drag that
// comes back to where it began leaves no step. The documents derive from DocumentBase and hold a state
// with operator==; each helper reports through QVERIFY/QCOMPARE, so the caller returns when
// QTest::currentTestFailed().

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <functional>

namespace klscope::test {

/// On a fresh Document: `edit` is accepted as one undo step that emits `changed` once, marks the document
/// modified and changes its state; undo restores the state and the clean flag, redo the edited state, each
/// with one more `changed`.
template <class Document, class Signal>
void checkEditIsOneStep(const std::function<bool(Document &)> &edit, Signal changed)
{
    Document document;
    const auto before = document.state();
    QSignalSpy spy(&document, changed);
    QVERIFY(edit(document));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(document.isModified());
    const auto after = document.state();
    QVERIFY(!(after == before));
    document.undoStack()->undo();
    QVERIFY(document.state() == before);
    QVERIFY(!document.isModified());
    document.undoStack()->redo();
    QVERIFY(document.state() == after);
    QCOMPARE(spy.count(), 3);
}

/// In one drag of `document`, `away` then `back` (edits that return to the state the drag began with)
/// leave no undo step: the stack's index is where it was, with nothing after it (a redo step the drag's
/// first push dropped stays dropped).
template <class Document>
void checkDragBackLeavesNoStep(Document &document, const std::function<bool(Document &)> &away,
                               const std::function<bool(Document &)> &back)
{
    const int index = document.undoStack()->index();
    document.beginDrag();
    QVERIFY(away(document));
    QVERIFY(back(document));
    document.endDrag();
    QCOMPARE(document.undoStack()->index(), index);
    QCOMPARE(document.undoStack()->count(), index);
}

} // namespace klscope::test
