#pragma once

// Private to the plot widgets' .cpp files (the only places that include qcustomplot.h, like
// plotfigure.h): what the three plot widgets share around their QCustomPlot. Each widget's Private
// derives from PlotCanvas and says how it draws (update) and when its width calls for a redraw
// (needsRefit); the canvas, the hover read-out, the refit-then-replotted cycle and the figure
// recording are written once here.

#include <QPicture>
#include <QPoint>
#include <QSize>
#include <QString>

#include <cstddef>
#include <functional>
#include <optional>
#include <utility>

class Document;
namespace klscope {
struct Comparison;
}
class QCustomPlot;
class QMouseEvent;
class QWheelEvent;
class QObject;
class QWidget;

struct PlotCanvas
{
    Document *document = nullptr;
    QCustomPlot *plot = nullptr;
    bool pending = false; ///< a replot is queued
    int columns = 0;      ///< the pixel columns the curves were sampled for
    /// The widget's hover text at a canvas position (set by each widget: some add lines of their own).
    std::function<QString(QPoint)> readoutText;
    bool hovering = false; ///< a read-out is showing
    QPoint hoverPosition;  ///< where the mouse was when it was shown

    virtual ~PlotCanvas() = default;

    /// The events shown: a range the person zoomed or panned to, else where the mass is (massRange).
    std::optional<std::pair<double, double>> userRange;
    /// The mouse wheel zooms the event axis around the mouse (with Shift it pans), within the support;
    /// returns the new range.
    std::pair<double, double> wheel(const QWheelEvent *event);
    /// The x range to draw for `c` (padding `pad` around whole events).
    void applyXRange(const klscope::Comparison &c, double pad);

    /// Draws the document's comparison into the plot; ends with queueReplot().
    virtual void update() = 0;
    /// Whether the look follows the width of the axis rect and that width changed since update().
    virtual bool needsRefit() const = 0;

    /// Puts a new canvas named `objectName` filling `widget`, tracking the mouse.
    void createCanvas(QWidget *widget, Document *doc, const QString &objectName);
    /// Redraws on every change of the comparison (and of the term toggles when `followTerms`); after
    /// each replot, redraws once more if the width calls for it, else clears `pending` and calls
    /// `replotted`. The connections live as long as `context`.
    void connectUpdates(QObject *context, bool followTerms, const std::function<void()> &replotted);
    /// Shows `text` as the tooltip at the mouse, or hides the tooltip when `text` is empty.
    void showReadout(const QMouseEvent *event, const QString &text);
    /// After a change (an edit, an undo), rewrites a showing read-out for the same position, so it
    /// never shows old values next to the new bars.
    void refreshReadout();
    /// Marks a replot as pending and queues it.
    void queueReplot();

    /// The index of the event under a canvas position, or -1 outside the axis rect or the support.
    std::ptrdiff_t eventAt(QPoint canvasPosition) const;
    /// The hover text of the event under a canvas position with the terms shown ("" where none).
    QString readoutAt(QPoint canvasPosition) const;

    /// The left margin the y axis needs (its labels and tick labels), whatever minimum is set.
    int naturalLeftMargin() const;
    /// Sets the left margin to at least `margin` (stacked plots share one, so their y axes line up);
    /// replots when it changes. Returns the minimum it had.
    int alignLeftMargin(int margin);
    /// Scales every text of the plot (axis labels, tick labels, legend) by `factor` of the widget's
    /// font, for projection (View → Text size); redraws.
    void setTextScale(double factor);
    /// The point size of the tick labels.
    double textPointSize() const;
    /// The x position of the axis rect's left edge on the canvas.
    int axisLeft() const;

    /// The plot recorded at `size` (recordFigure), refitted to the export's width and back.
    QPicture figure(QSize size);
};
