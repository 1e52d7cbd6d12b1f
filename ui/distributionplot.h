#pragma once

// P and Q overlaid on the comparison's support: grouped bars while each bar is a few pixels wide,
// step lines beyond that. A custom side can be edited by dragging its bar up or down. Events that make
// a KL infinite are marked on the axis. QCustomPlot stays inside the .cpp (private implementation).

#include <QList>
#include <QPicture>
#include <QSize>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>

class Document;

class DistributionPlot : public QWidget
{
    Q_OBJECT

public:
    explicit DistributionPlot(Document *document, QWidget *parent = nullptr);
    ~DistributionPlot() override;

    /// The drawing surface, which receives the mouse (tests press and move on it).
    QWidget *canvas() const;
    /// Position on canvas() of the top of the bar of `side` (0 = P, 1 = Q) at event x with the given mass.
    QPoint pixelFor(int side, double x, double mass) const;
    /// True while bars are drawn (small supports), false for step lines.
    bool showsBars() const;
    /// The hover text at a canvas position ("" outside the support).
    QString readoutAt(QPoint canvasPosition) const;
    /// The events marked as making a KL infinite, in increasing order (tests read them).
    QList<double> infiniteMarkers() const;
    /// True from a change until the plot has been redrawn for it (replotted() then follows).
    bool replotPending() const;
    /// The left margin the y axis needs; alignLeftMargin() gives stacked plots the largest one, so
    /// their y axes line up (in the window and in exports). axisLeft(): where the axis is on canvas().
    int naturalLeftMargin() const;
    int alignLeftMargin(int margin) const;
    int axisLeft() const;
    /// Text of the plot at `factor` × the widget's font (View → Text size), and its tick labels' size.
    void setTextScale(double factor);
    /// A logarithmic mass axis (View → Log Scale for Masses), to see tails and tiny masses.
    void setLogScale(bool on);
    bool logScale() const;
    /// The mass axis range (tests read it).
    std::pair<double, double> massAxisRange() const;
    /// The events shown (the x axis range, padding included).
    std::pair<double, double> visibleRange() const;
    /// Shows the events lo..hi (a zoom or pan, shared by the stacked plots); nullopt goes back to
    /// where the mass is.
    void setZoom(std::optional<std::pair<double, double>> range);
    double textPointSize() const;

    /// The plot drawn at `size` logical pixels as a vector recording, for export: replay it with
    /// QPainter::drawPicture on an image, a PDF or an SVG. The widget on screen is left as it was.
    QPicture figure(QSize size) const;

signals:
    /// The person zoomed or panned (mouse wheel; Shift pans) to lo..hi.
    void zoomed(double lo, double hi);
    /// The person double-clicked the plot: back to where the mass is.
    void zoomReset();
    /// The plot has been redrawn into its buffer after a change (the widget repaints next).
    void replotted();

private:
    struct Private;
    std::unique_ptr<Private> d;
};
