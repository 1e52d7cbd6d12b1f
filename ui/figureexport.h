#pragma once

// Figures for slides and papers: one plot of a list, or all of them stacked as in the window's figure panel,
// drawn at a chosen logical size and written as PNG or JPG (with a scale factor for HiDPI), PDF or SVG
// (vector, one page the size of the figure). The format follows the file extension. Every format
// replays the plot widgets' vector recordings (PlotWidget::figure), so an export
// looks like the screen and never disturbs it. No QCustomPlot type appears here.

#include <QImage>
#include <QList>
#include <QSize>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>

class PlotWidget;
class QPainter;
class QIODevice;

class FigureExport
{
public:
    /// Which figure: one plot by its index in the list (Distributions = 0, Contributions = 1, Cumulative
    /// = 2 for the discrete page's list), or the whole list stacked.
    enum class Plot
    {
        Distributions,
        Contributions,
        Cumulative,
        All
    };
    /// The file formats, chosen by extension.
    enum class Format
    {
        Png,
        Jpg,
        Pdf,
        Svg
    };

    /// A figure for print: its physical size on the page and the resolution of raster formats. A PNG of
    /// 85 × 60 mm at 300 dpi is 1004 × 709 pixels (each side rounded to the nearest pixel); a PDF's page
    /// is 85 × 60 mm; an SVG declares its size in millimetres.
    struct PhysicalSize
    {
        QSizeF millimetres;
        double dpi = 300;
    };
    /// What is drawn around and in the plots for print.
    struct Decorations
    {
        double fontPoints = 0; ///< text size on the page in points (0: as on screen)
        QString title;         ///< a line above the plots ("" for none)
        QString caption;       ///< a line below the plots, e.g. the metric values ("" for none)
    };

    /// Draws from the given plot widgets, which must outlive this object. "All" stacks them top to
    /// bottom with heights in the ratio `stretch` (one number a plot; empty: the window's 4:3:3 for three
    /// plots, else equal heights).
    explicit FigureExport(QList<const PlotWidget *> plots, QList<int> stretch = {});
    /// The plots drawn, in stacking order.
    const QList<const PlotWidget *> &plots() const { return m_plots; }
    /// The figure named `name` (case-insensitive, spaces trimmed): "all", or the plot whose objectName
    /// it is; nullopt when none is. Only the first three plots of a list have a Plot value of their own.
    std::optional<Plot> plotNamed(const QString &name) const;

    /// "distributions", "contributions", "cumulative", "all" (the CLI's --plot words), in Plot order.
    static QStringList plotNames();
    /// The Plot of a --plot word, or nullopt when it is none of plotNames().
    static std::optional<Plot> parsePlot(const QString &name);
    /// The format of a file name by its extension (case-insensitive; .jpeg counts as JPG), or nullopt.
    static std::optional<Format> formatForFile(const QString &fileName);
    /// The sentence for a file whose extension names no format, e.g. "figure.bmp: unknown figure
    /// format '.bmp' (use .png, .jpg, .pdf or .svg)".
    static QString unknownFormatMessage(const QString &fileName);

    /// The largest PNG or JPG side, in pixels: the raster paint engine addresses 16-bit coordinates.
    static constexpr int kMaxImageSide = 32767;
    /// The most pixels in a PNG or JPG: 2^27, so the image itself takes at most 512 MiB (4 bytes a
    /// pixel) and the whole export stays under 1 GB of memory (2^28 peaked at 1.08 GB).
    static constexpr qint64 kMaxImagePixels = qint64(1) << 27;
    /// The image's size in pixels: size × scale, rounded (saturating at INT_MAX).
    static QSize pixelSize(QSize size, double scale);
    /// Why a figure of `size` at `scale` cannot be drawn as an image ("an image of 48000 × 48000 pixels
    /// is too large: ..."), or "" when it can. Checked before anything is allocated or drawn.
    static QString imageSizeProblem(QSize size, double scale);

    /// Paints `plot` on `painter` in the rectangle (0, 0, size) of the painter's coordinates, white
    /// background included. "All" stacks the plots with heights in the stretch ratio.
    void paint(QPainter *painter, Plot plot, QSize size) const;
    /// The figure as an image of size × scale pixels (fonts and lines scaled too), white background; a
    /// null image when imageSizeProblem(size, scale) refuses the size or memory runs out.
    QImage image(Plot plot, QSize size, double scale = 1.0) const;
    /// Writes the figure to `fileName` in the format of its extension, atomically (the old file stays if
    /// anything fails; see AtomicWriter). Returns "" on success, else a sentence naming the file. Sizes
    /// must be positive and pass imageSizeProblem (checked before drawing); scale applies to PNG and JPG
    /// only (PDF and SVG are vector).
    QString write(const QString &fileName, Plot plot, QSize size, double scale = 1.0) const;

    /// From now on, write() and image() draw at this physical size (their size and scale arguments
    /// are then ignored); nullopt goes back to logical pixels.
    void setPhysicalSize(std::optional<PhysicalSize> physical) { m_physical = physical; }
    /// Title, caption and text size of every figure drawn from now on.
    void setDecorations(const Decorations &decorations) { m_decorations = decorations; }
    /// The pixel size of a raster figure at `physical` (rounded to the nearest pixel).
    static QSize pixelSize(const PhysicalSize &physical);
    /// The caption of a comparison's key values, e.g. "KL(P‖Q) = 0.6311 nats · KL(Q‖P) = 1.523 nats ·
    /// JS = 0.1773 nats", with the true minus sign for negative values.
    static QString caption(double klPQ, double klQP, double js, const QString &unit);

private:
    /// Writes the figure to `device`: "" on success, else why not.
    QString writeTo(QIODevice *device, Format format, Plot plot, QSize size, double scale) const;
    /// Paints the plots only (no decorations).
    void paintPlots(QPainter *painter, Plot plot, QSize size) const;
    /// The logical size of the drawing at the physical size.
    QSize physicalLogicalSize() const;

    QList<const PlotWidget *> m_plots;
    QList<int> m_stretch;
    std::optional<PhysicalSize> m_physical;
    Decorations m_decorations;
};
