#pragma once

// Figures for slides and papers: one plot, or all three stacked as in the window's figure panel,
// drawn at a chosen logical size and written as PNG or JPG (with a scale factor for HiDPI), PDF or SVG
// (vector, one page the size of the figure). The format follows the file extension. Every format
// replays the plot widgets' vector recordings (DistributionPlot::figure and friends), so an export
// looks like the screen and never disturbs it. No QCustomPlot type appears here.

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

class ContributionPlot;
class CumulativePlot;
class DistributionPlot;
class QPainter;
class QIODevice;

class FigureExport
{
public:
    /// Which figure: one plot, or the three stacked.
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

    /// Draws from the given plot widgets, which must outlive this object.
    FigureExport(const DistributionPlot *distributions, const ContributionPlot *contributions,
                 const CumulativePlot *cumulative);

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
    /// background included. "All" stacks the three plots with heights in the window's 4:3:3 ratio.
    void paint(QPainter *painter, Plot plot, QSize size) const;
    /// The figure as an image of size × scale pixels (fonts and lines scaled too), white background; a
    /// null image when imageSizeProblem(size, scale) refuses the size or memory runs out.
    QImage image(Plot plot, QSize size, double scale = 1.0) const;
    /// Writes the figure to `fileName` in the format of its extension, atomically (the old file stays if
    /// anything fails; see AtomicWriter). Returns "" on success, else a sentence naming the file. Sizes
    /// must be positive and pass imageSizeProblem (checked before drawing); scale applies to PNG and JPG
    /// only (PDF and SVG are vector).
    QString write(const QString &fileName, Plot plot, QSize size, double scale = 1.0) const;

private:
    /// Writes the figure to `device`: "" on success, else why not.
    QString writeTo(QIODevice *device, Format format, Plot plot, QSize size, double scale) const;

    const DistributionPlot *m_distributions;
    const ContributionPlot *m_contributions;
    const CumulativePlot *m_cumulative;
};
