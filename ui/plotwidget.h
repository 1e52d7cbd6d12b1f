#pragma once

// The base of every plot widget: it owns the drawing canvas (a QCustomPlot, private to the plot
// widgets' .cpp files) and gives, once for all plots, what the window and figure export need: margins
// that line stacked plots up, the text scale, the x range shown and its zoom, the hover read-out, the
// figure recording for export, and whether a replot is pending. A derived plot draws only what it is
// given through its setters; no plot knows a document.

#include <QPicture>
#include <QPoint>
#include <QSize>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>

struct PlotCanvas;

class PlotWidget : public QWidget
{
    Q_OBJECT

public:
    ~PlotWidget() override;

    /// The drawing surface, which receives the mouse (tests press and move on it).
    QWidget *canvas() const;
    /// The left margin the y axis needs; alignLeftMargin() gives stacked plots the largest one, so
    /// their y axes line up (in the window and in exports); it returns the minimum margin it replaced.
    int naturalLeftMargin() const;
    /// The rows the legend takes at the plot's width (it wraps into as few as fit).
    int legendRows() const;
    /// The margin the y axis needs in a figure of `size` (the tick labels follow the height); the
    /// widget on screen is left as it was.
    int naturalLeftMargin(QSize size) const;
    int alignLeftMargin(int margin) const;
    /// Where the y axis is on canvas().
    int axisLeft() const;
    /// Text of the plot at `factor` × the widget's font (View → Text size), and its tick labels' size.
    void setTextScale(double factor);
    double textPointSize() const;
    /// The x range shown (the axis range, padding included).
    std::pair<double, double> visibleRange() const;
    /// Shows lo..hi on the x axis (a zoom or pan, shared by stacked plots); nullopt goes back to the
    /// plot's default view.
    void setZoom(std::optional<std::pair<double, double>> range);
    /// True from a change until the plot has been redrawn for it (replotted() then follows).
    bool replotPending() const;
    /// The hover text at a canvas position ("" where there is nothing to read).
    virtual QString readoutAt(QPoint canvasPosition) const = 0;

    /// The plot drawn at `size` logical pixels as a vector recording, for export: replay it with
    /// QPainter::drawPicture on an image, a PDF or an SVG. The widget on screen is left as it was.
    QPicture figure(QSize size) const;

signals:
    /// The person zoomed or panned (mouse wheel; Shift pans) to lo..hi.
    void zoomed(double lo, double hi);
    /// The person double-clicked the plot: back to the default view.
    void zoomReset();
    /// The plot has been redrawn into its buffer after a change (the widget repaints next).
    void replotted();

protected:
    /// Takes `canvas` (a derived plot's Private), puts its QCustomPlot named `objectName` in this widget
    /// and wires the wheel zoom, the double-click reset, the hover read-out (unless the derived plot
    /// shows it itself: `ownMouseMove`) and the replotted() signal. The derived constructor then builds
    /// its graphs and calls the canvas's update().
    PlotWidget(std::unique_ptr<PlotCanvas> canvas, const QString &objectName, bool ownMouseMove,
               QWidget *parent);
    /// The canvas taken at construction (a derived plot keeps it as its Private).
    PlotCanvas *plotCanvas() const { return m_canvas.get(); }

private:
    std::unique_ptr<PlotCanvas> m_canvas;
};
