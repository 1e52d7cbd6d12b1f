#pragma once

// A coloured frame drawn over one widget of a window, to say "look here" (a lesson step's highlight). It is
// a transparent child of the window, raised above the other children and blind to the mouse, and follows
// its target as the target moves, resizes, scrolls, shows or hides. Before it frames a widget it makes the
// widget visible: it opens the tab that holds it and scrolls it into view.

#include <QPointer>
#include <QWidget>

class HighlightFrame : public QWidget
{
    Q_OBJECT

public:
    /// A frame over children of `window` (its parent).
    explicit HighlightFrame(QWidget *window);

    /// Frames `target` (nullptr: none, the frame hides).
    void setTarget(QWidget *target);
    QWidget *target() const { return m_target; }
    /// Opens every tab holding `widget` and scrolls every scroll area holding it so that it shows.
    static void reveal(QWidget *widget);
    /// The part of `widget` that shows inside its ancestors, in the coordinates of `window` (an ancestor);
    /// empty when none does.
    static QRect visibleRect(const QWidget *widget, const QWidget *window);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Follows the target: its visible part in the window's coordinates, grown by the frame's width.
    void follow();
    void watch(bool on);

    QPointer<QWidget> m_target;
    QList<QPointer<QWidget>> m_watched; ///< the target and its ancestors up to the window
};
