#include "figureexport.h"

#include "plotwidget.h"

#include "atomicwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPicture>
#include <QSvgGenerator>

#include <algorithm>
#include <climits>
#include <cmath>

namespace {

// The window's figure panel gives the three discrete plots 4:3:3 of its height; "all" keeps that look.
const QList<int> kDiscreteStretch = {4, 3, 3};

// A QPicture keeps the dots per inch it was recorded at (Qt's default logical DPI) and replays its
// text at that DPI. Vector devices are set to the same DPI, so a 9 pt label stays 9 pt on the page.
int pictureDpi()
{
    return QPicture().logicalDpiY();
}

QString nativePath(const QString &fileName)
{
    return QDir::toNativeSeparators(fileName);
}

} // namespace

FigureExport::FigureExport(QList<const PlotWidget *> plots, QList<int> stretch)
    : m_plots(std::move(plots)), m_stretch(std::move(stretch))
{
    m_plots.removeAll(nullptr);
    if (m_stretch.size() != m_plots.size() ||
        std::any_of(m_stretch.begin(), m_stretch.end(), [](int s) { return s <= 0; }))
        m_stretch = m_plots.size() == 3 ? kDiscreteStretch : QList<int>(m_plots.size(), 1);
}

QStringList FigureExport::plotNames()
{
    return {QStringLiteral("distributions"), QStringLiteral("contributions"), QStringLiteral("cumulative"),
            QStringLiteral("all")};
}

std::optional<FigureExport::Plot> FigureExport::parsePlot(const QString &name)
{
    const int index = plotNames().indexOf(name.trimmed().toLower());
    if (index < 0)
        return std::nullopt;
    return Plot(index);
}

std::optional<FigureExport::Plot> FigureExport::plotNamed(const QString &name) const
{
    const QString wanted = name.trimmed();
    if (wanted.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0)
        return Plot::All;
    for (qsizetype i = 0; i < std::min<qsizetype>(m_plots.size(), qsizetype(Plot::All)); ++i)
        if (!wanted.isEmpty() && m_plots[i]->objectName().compare(wanted, Qt::CaseInsensitive) == 0)
            return Plot(i);
    return std::nullopt;
}

std::optional<FigureExport::Format> FigureExport::formatForFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return Format::Jpg;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    return std::nullopt;
}

QString FigureExport::unknownFormatMessage(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix();
    const QString what = suffix.isEmpty() ? QObject::tr("no extension")
                                          : QObject::tr("unknown figure format '.%1'").arg(suffix);
    return QObject::tr("%1: %2 (use .png, .jpg, .pdf or .svg)").arg(nativePath(fileName), what);
}

QSize FigureExport::pixelSize(const PhysicalSize &physical)
{
    return QSize(int(std::lround(physical.millimetres.width() / 25.4 * physical.dpi)),
                 int(std::lround(physical.millimetres.height() / 25.4 * physical.dpi)));
}

QSize FigureExport::physicalLogicalSize() const
{
    const QSizeF mm = m_physical ? m_physical->millimetres : QSizeF();
    return QSize(std::max(1, int(std::lround(mm.width() / 25.4 * pictureDpi()))),
                 std::max(1, int(std::lround(mm.height() / 25.4 * pictureDpi()))));
}

QString FigureExport::caption(double klPQ, double klQP, double js, const QString &unit)
{
    const auto number = [](double v) {
        if (std::isinf(v))
            return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
        QString text = QString::number(v, 'g', 4);
        text.replace(QLatin1Char('-'), QChar(0x2212));
        return text;
    };
    return QObject::tr("KL(P‖Q) = %1 %4 · KL(Q‖P) = %2 %4 · JS = %3 %4")
        .arg(number(klPQ), number(klQP), number(js), unit);
}

void FigureExport::paint(QPainter *painter, Plot plot, QSize size) const
{
    const Decorations &d = m_decorations;
    if (d.fontPoints <= 0 && d.title.isEmpty() && d.caption.isEmpty()) {
        paintPlots(painter, plot, size);
        return;
    }
    painter->save();
    painter->fillRect(QRect(QPoint(0, 0), size), Qt::white);
    // Text of F points on the page: the plots are laid out on a canvas 1/k the size and drawn k times
    // larger, where k turns their screen font into F points.
    const QFont screenFont = m_plots.isEmpty() ? QFont() : m_plots.first()->font();
    const double screenPoints = screenFont.pointSizeF() > 0 ? screenFont.pointSizeF() : 9.0;
    const double points = d.fontPoints > 0 ? d.fontPoints : screenPoints;
    const double k = points / screenPoints;
    const double pixelsPerPoint = pictureDpi() / 72.0;
    QFont font = screenFont;
    font.setPointSizeF(points);
    QFont titleFont = font;
    titleFont.setPointSizeF(points * 1.2);
    titleFont.setBold(true);
    const int titleHeight = d.title.isEmpty() ? 0 : int(std::ceil(points * 1.2 * pixelsPerPoint * 1.6));
    const int captionHeight = d.caption.isEmpty() ? 0 : int(std::ceil(points * pixelsPerPoint * 1.7));
    if (titleHeight > 0) {
        painter->setFont(titleFont);
        painter->setPen(Qt::black);
        painter->drawText(QRect(0, 0, size.width(), titleHeight), Qt::AlignCenter, d.title);
    }
    if (captionHeight > 0) {
        // A caption wider than the figure gets smaller text rather than losing its ends.
        QFont captionFont = font;
        const double wide = QFontMetricsF(font, painter->device()).horizontalAdvance(d.caption);
        if (wide > size.width() * 0.98)
            captionFont.setPointSizeF(points * size.width() * 0.98 / wide);
        painter->setFont(captionFont);
        painter->setPen(Qt::black);
        painter->drawText(QRect(0, size.height() - captionHeight, size.width(), captionHeight),
                          Qt::AlignCenter, d.caption);
    }
    const QSize plots(size.width(), std::max(1, size.height() - titleHeight - captionHeight));
    painter->translate(0, titleHeight);
    painter->scale(k, k);
    paintPlots(painter, plot,
               QSize(std::max(1, int(std::lround(plots.width() / k))),
                     std::max(1, int(std::lround(plots.height() / k)))));
    painter->restore();
}

void FigureExport::paintPlots(QPainter *painter, Plot plot, QSize size) const
{
    painter->save();
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->fillRect(QRect(QPoint(0, 0), size), Qt::white);
    if (plot != Plot::All) {
        const qsizetype index = qsizetype(plot);
        if (index < m_plots.size())
            painter->drawPicture(QPointF(0, 0), m_plots[index]->figure(size));
    } else if (!m_plots.isEmpty()) {
        int total = 0;
        for (int s : m_stretch)
            total += s;
        QList<int> tops{0};
        for (qsizetype i = 0; i < m_plots.size(); ++i)
            tops.append(i + 1 == m_plots.size() ? size.height()
                                                : tops.back() + size.height() * m_stretch[i] / total);
        // Stacked, the y axes line up as in the window. Each margin is measured at the plot's size in the
        // figure, whose tick labels are those drawn (a plot never shown, as in klscope-cli export, has no
        // screen layout to measure); the plots on screen get their margins back afterwards.
        int margin = 0;
        for (qsizetype i = 0; i < m_plots.size(); ++i)
            margin =
                std::max(margin, m_plots[i]->naturalLeftMargin(QSize(size.width(), tops[i + 1] - tops[i])));
        QList<int> previous;
        for (const PlotWidget *p : m_plots)
            previous.append(p->alignLeftMargin(margin));
        for (qsizetype i = 0; i < m_plots.size(); ++i) {
            painter->save();
            painter->translate(0, tops[i]);
            painter->drawPicture(QPointF(0, 0),
                                 m_plots[i]->figure(QSize(size.width(), tops[i + 1] - tops[i])));
            painter->restore();
        }
        for (qsizetype i = 0; i < m_plots.size(); ++i)
            m_plots[i]->alignLeftMargin(previous[i]);
    }
    painter->restore();
}

QImage FigureExport::image(Plot plot, QSize size, double scale) const
{
    if (m_physical) {
        // The exact pixel count of the physical size, the drawing scaled to fill it; bounded like any
        // other raster size before anything is allocated.
        const QSize pixels = pixelSize(*m_physical);
        if (!imageSizeProblem(pixels, 1.0).isEmpty())
            return {};
        const QSize logical = physicalLogicalSize();
        QImage image(pixels, QImage::Format_RGB32);
        if (image.isNull())
            return {};
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.scale(double(pixels.width()) / logical.width(),
                          double(pixels.height()) / logical.height());
            paint(&painter, plot, logical);
        }
        const int dotsPerMeter = int(std::lround(m_physical->dpi / 0.0254));
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        return image;
    }
    // Callers check imageSizeProblem first; a size beyond it never reaches the allocator or the
    // raster engine, which fails (or crashes) on images it cannot address.
    if (!imageSizeProblem(size, scale).isEmpty())
        return {};
    QImage image(pixelSize(size, scale), QImage::Format_RGB32);
    if (image.isNull())
        return {};
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(scale, scale);
        paint(&painter, plot, size);
    }
    // Declare the scaled resolution, so a 2× image still prints at the figure's size. Only after
    // painting: a QPicture replayed on a device of another DPI is scaled by the ratio.
    const int dotsPerMeter = int(std::lround(pictureDpi() * scale / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

QSize FigureExport::pixelSize(QSize size, double scale)
{
    const double w = std::round(size.width() * scale);
    const double h = std::round(size.height() * scale);
    // Saturate instead of overflowing int; anything this large is refused by imageSizeProblem anyway.
    const auto clamp = [](double v) {
        return int(std::clamp(v, 0.0, double(INT_MAX)));
    };
    return QSize(clamp(w), clamp(h));
}

QString FigureExport::imageSizeProblem(QSize size, double scale)
{
    if (size.width() <= 0 || size.height() <= 0 || !(scale > 0) || !std::isfinite(scale))
        return QObject::tr("the figure size must be positive (got %1 × %2 at scale %3)")
            .arg(size.width())
            .arg(size.height())
            .arg(scale);
    const QSize pixels = pixelSize(size, scale);
    const qint64 count = qint64(pixels.width()) * pixels.height();
    if (pixels.width() > kMaxImageSide || pixels.height() > kMaxImageSide || count > kMaxImagePixels)
        return QObject::tr("an image of %1 × %2 pixels is too large: the limit is %3 pixels a side and "
                           "%4 pixels in all (1 GiB); lower the size or the scale")
            .arg(pixels.width())
            .arg(pixels.height())
            .arg(kMaxImageSide)
            .arg(kMaxImagePixels);
    return {};
}

QString FigureExport::write(const QString &fileName, Plot plot, QSize size, double scale) const
{
    const auto format = formatForFile(fileName);
    if (!format)
        return unknownFormatMessage(fileName);
    // Raster formats are bounded in pixels (and memory); vector formats ignore the scale, allocate no
    // pixels and need only a size a painter can address.
    const bool raster = *format == Format::Png || *format == Format::Jpg;
    QString problem;
    if (raster)
        problem = m_physical ? imageSizeProblem(pixelSize(*m_physical), 1.0) : imageSizeProblem(size, scale);
    else if (size.width() <= 0 || size.height() <= 0 || size.width() > kMaxImageSide ||
             size.height() > kMaxImageSide)
        problem = QObject::tr("a vector figure must be 1 to %1 pixels a side (got %2 × %3)")
                      .arg(kMaxImageSide)
                      .arg(size.width())
                      .arg(size.height());
    if (!problem.isEmpty())
        return QObject::tr("%1: %2").arg(nativePath(fileName), problem);
    return writeFileAtomically(
        fileName, [&](QIODevice *device) { return writeTo(device, *format, plot, size, scale); });
}

QString FigureExport::writeTo(QIODevice *device, Format format, Plot plot, QSize size, double scale) const
{
    const QString title = QObject::tr("klscope: %1").arg(plotNames().at(int(plot)));
    if (m_physical)
        size = physicalLogicalSize();
    switch (format) {
    case Format::Png:
    case Format::Jpg: {
        const QImage picture = image(plot, size, scale);
        if (picture.isNull())
            return QObject::tr("not enough memory for an image of %1 × %2 pixels")
                .arg(pixelSize(size, scale).width())
                .arg(pixelSize(size, scale).height());
        QImageWriter writer(device, format == Format::Png ? "png" : "jpg");
        if (format == Format::Jpg)
            writer.setQuality(95);
        return writer.write(picture) ? QString() : writer.errorString();
    }
    case Format::Pdf: {
        const int dpi = pictureDpi();
        QPdfWriter pdf(device);
        pdf.setResolution(dpi);
        pdf.setCreator(QStringLiteral("klscope"));
        pdf.setTitle(title);
        // One page exactly the size of the figure, no margins.
        const QPageSize page =
            m_physical
                ? QPageSize(m_physical->millimetres, QPageSize::Millimeter, QString(), QPageSize::ExactMatch)
                : QPageSize(QSizeF(size) * 72.0 / dpi, QPageSize::Point, QString(), QPageSize::ExactMatch);
        pdf.setPageLayout(QPageLayout(page, QPageLayout::Portrait, QMarginsF(), QPageLayout::Point));
        QPainter painter;
        if (!painter.begin(&pdf))
            return QObject::tr("the PDF could not be started");
        paint(&painter, plot, size);
        return painter.end() ? QString() : QObject::tr("the PDF could not be finished");
    }
    case Format::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(device);
        svg.setResolution(pictureDpi());
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(title);
        svg.setDescription(QObject::tr("Made with klscope"));
        QPainter painter;
        if (!painter.begin(&svg))
            return QObject::tr("the SVG could not be started");
        paint(&painter, plot, size);
        return painter.end() ? QString() : QObject::tr("the SVG could not be finished");
    }
    }
    return QObject::tr("unknown format");
}
