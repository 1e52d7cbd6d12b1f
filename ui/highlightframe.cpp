#include "highlightframe.h"

#include <QEvent>
#include <QPainter>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>

namespace {

constexpr int kWidth = 3;

// Reddish purple (Okabe & Ito), which no divergence plot uses for P or Q.
const QColor kColour(0xCC, 0x79, 0xA7);

} // namespace

HighlightFrame::HighlightFrame(QWidget *window) : QWidget(window)
{
    setObjectName(QStringLiteral("lessonHighlight"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
}

void HighlightFrame::reveal(QWidget *widget)
{
    // From the widget outwards: a tab page becomes the current tab, a scroll area scrolls to it.
    QWidget *child = widget;
    for (QWidget *w = widget->parentWidget(); w; child = w, w = w->parentWidget()) {
        if (auto *stack = qobject_cast<QStackedWidget *>(w)) {
            if (auto *tabs = qobject_cast<QTabWidget *>(stack->parentWidget()))
                tabs->setCurrentWidget(child);
        } else if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
            if (scroll->widget() && scroll->widget()->isAncestorOf(widget))
                scroll->ensureWidgetVisible(widget, 4, 4);
        }
    }
}

void HighlightFrame::setTarget(QWidget *target)
{
    watch(false);
    m_target = target;
    if (!target) {
        hide();
        return;
    }
    reveal(target);
    watch(true);
    follow();
    // A layout settles (and a scroll area scrolls) after the events now queued.
    QTimer::singleShot(0, this, [this] {
        if (m_target)
            HighlightFrame::reveal(m_target);
        follow();
    });
}

void HighlightFrame::watch(bool on)
{
    for (const QPointer<QWidget> &w : std::as_const(m_watched))
        if (w)
            w->removeEventFilter(this);
    m_watched.clear();
    if (!on || !m_target)
        return;
    for (QWidget *w = m_target; w && w != parentWidget(); w = w->parentWidget()) {
        w->installEventFilter(this);
        m_watched.append(w);
    }
    parentWidget()->installEventFilter(this);
    m_watched.append(parentWidget());
}

bool HighlightFrame::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::LayoutRequest:
        QTimer::singleShot(0, this, &HighlightFrame::follow);
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

QRect HighlightFrame::visibleRect(const QWidget *widget, const QWidget *window)
{
    // Clipped by every ancestor (a scroll area's viewport clips what is scrolled away). Not
    // visibleRegion(), which leaves out the opaque children that cover a container whole.
    QRect r = widget->rect();
    for (const QWidget *w = widget; w != window; w = w->parentWidget()) {
        if (!w->parentWidget())
            return {};
        r.translate(w->pos());
        r &= w->parentWidget()->rect();
    }
    return r;
}

void HighlightFrame::follow()
{
    QWidget *window = parentWidget();
    if (!m_target || !m_target->isVisible() || !window) {
        hide();
        return;
    }
    const QRect inWindow = visibleRect(m_target, window);
    if (inWindow.isEmpty()) {
        hide();
        return;
    }
    setGeometry(
        inWindow.adjusted(-kWidth - 1, -kWidth - 1, kWidth + 1, kWidth + 1).intersected(window->rect()));
    show();
    raise();
    update();
}

void HighlightFrame::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(kColour, kWidth);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(rect()).adjusted(kWidth / 2.0, kWidth / 2.0, -kWidth / 2.0, -kWidth / 2.0),
                            4, 4);
}
