#pragma once

// The per-event terms: p·log(p/q) for KL(P‖Q), q·log(q/p) for KL(Q‖P) and the JS terms, each shown or
// hidden by the document's term toggles. Negative terms go below the axis; infinite terms are left out
// of the curve and marked at the top. QCustomPlot stays inside the .cpp.

#include <QList>
#include <QPicture>
#include <QSize>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>

class Document;

class ContributionPlot : public QWidget
{
    Q_OBJECT

public:
    explicit ContributionPlot(Document *document, QWidget *parent = nullptr);
    ~ContributionPlot() override;

    QWidget *canvas() const;
    /// The hover text at a canvas position ("" outside the support).
    QString readoutAt(QPoint canvasPosition) const;
    /// The y-axis label, which names the unit.
    QString valueAxisLabel() const;
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
