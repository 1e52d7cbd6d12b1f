#pragma once

// Private to the plot widgets' .cpp files (the only places that include qcustomplot.h, like
// plotfigure.h): what every plot widget shares around its QCustomPlot. Each widget's Private derives
// from PlotCanvas (or DiscreteCanvas, for the plots over a comparison's events) and says how it draws
// (update) and when its width calls for a redraw (needsRefit); the canvas, the hover read-out, the
// wheel zoom, the refit-then-replotted cycle and the figure recording are written once here. A canvas
// draws only what it was given: no plot reaches into a document.

#include <QPicture>
#include <QPoint>
#include <QSize>
#include <QString>

#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
    QCustomPlot *plot = nullptr;
    bool pending = false; ///< a replot is queued
    int columns = 0;      ///< the pixel columns the curves were sampled for
    int legendWidth = 0;  ///< the plot width the legend's columns were last fitted to
    int legendItems = 0;  ///< the number of legend entries they were fitted to
    /// The widget's hover text at a canvas position (set by PlotWidget to its readoutAt).
    std::function<QString(QPoint)> readoutText;
    bool hovering = false; ///< a read-out is showing
    QPoint hoverPosition;  ///< where the mouse was when it was shown

    virtual ~PlotCanvas() = default;

    /// The x range shown: a range the person zoomed or panned to, else the plot's default view.
    std::optional<std::pair<double, double>> userRange;
    /// The mouse wheel zooms the x axis around the mouse (with Shift it pans); the new view goes
    /// through clampView, is kept in userRange and drawn. Returns the new userRange.
    std::pair<double, double> wheel(const QWheelEvent *event);
    /// The userRange for an axis range a..b the wheel asks for, within what the plot allows.
    virtual std::pair<double, double> clampView(double a, double b) const = 0;

    /// Draws the data given into the plot; ends with queueReplot().
    virtual void update() = 0;
    /// Whether the look follows the width of the axis rect and that width changed since update().
    virtual bool needsRefit() const = 0;

    /// Puts a new canvas named `objectName` filling `widget`, tracking the mouse.
    void createCanvas(QWidget *widget, const QString &objectName);
    /// After each replot, redraws once more if the width calls for it, else clears `pending` and calls
    /// `replotted`. The connection lives as long as `context`.
    void connectReplotted(QObject *context, const std::function<void()> &replotted);
    /// Draws again after new data, and rewrites a showing read-out for it.
    void redraw();
    /// Shows `text` as the tooltip at the mouse, or hides the tooltip when `text` is empty.
    void showReadout(const QMouseEvent *event, const QString &text);
    /// After a change (an edit, an undo), rewrites a showing read-out for the same position, so it
    /// never shows old values next to the new bars.
    void refreshReadout();
    /// Marks a replot as pending and queues it.
    void queueReplot();
    /// Redraws for the viewport's width if the look depends on it, and wraps the legend to that width.
    void fitToViewport();

    /// The left margin the y axis needs (its labels and tick labels), whatever minimum is set.
    int naturalLeftMargin() const;
    /// The same when the plot is laid out at `size` (for a figure of that size); the screen is untouched.
    int naturalLeftMargin(QSize size);
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

/// A canvas over the events of a comparison (the three discrete plots): the comparison, the events'
/// labels and the term toggles it was given, the event axis and the per-event read-out.
struct DiscreteCanvas : PlotCanvas
{
    std::shared_ptr<const klscope::Comparison> shared;
    std::vector<std::string> labels;
    std::array<bool, 3> terms = {true, true, true}; ///< KL(P‖Q), KL(Q‖P), JS shown

    /// The comparison drawn (an empty one until setComparison).
    const klscope::Comparison &comparison() const;
    bool termVisible(int term) const { return term >= 0 && term < 3 && terms[std::size_t(term)]; }

    /// At least a few events across, never beyond the support.
    std::pair<double, double> clampView(double a, double b) const override;
    /// The x range to draw (padding `pad` around whole events), with the events' labels on the axis.
    void applyXRange(double pad);
    /// The index of the event under a canvas position, or -1 outside the axis rect or the support.
    std::ptrdiff_t eventAt(QPoint canvasPosition) const;
    /// The hover text of the event under a canvas position with the terms shown ("" where none).
    QString readoutAt(QPoint canvasPosition) const;
};
