#include "figureexport.h"

#include "contributionplot.h"
#include "cumulativeplot.h"
#include "distributionplot.h"

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPicture>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace {

// The window's figure panel gives the three plots 4:3:3 of its height; "all" keeps that look.
constexpr int kStretch[3] = {4, 3, 3};

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

FigureExport::FigureExport(const DistributionPlot *distributions, const ContributionPlot *contributions,
                           const CumulativePlot *cumulative)
    : m_distributions(distributions), m_contributions(contributions), m_cumulative(cumulative)
{}

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

void FigureExport::paint(QPainter *painter, Plot plot, QSize size) const
{
    painter->save();
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->fillRect(QRect(QPoint(0, 0), size), Qt::white);
    const auto draw = [&](Plot which, QSize part) {
        switch (which) {
        case Plot::Distributions:
            painter->drawPicture(QPointF(0, 0), m_distributions->figure(part));
            break;
        case Plot::Contributions:
            painter->drawPicture(QPointF(0, 0), m_contributions->figure(part));
            break;
        case Plot::Cumulative:
            painter->drawPicture(QPointF(0, 0), m_cumulative->figure(part));
            break;
        case Plot::All:
            break;
        }
    };
    if (plot != Plot::All) {
        draw(plot, size);
    } else {
        const int total = kStretch[0] + kStretch[1] + kStretch[2];
        int top = 0;
        for (int i = 0; i < 3; ++i) {
            const int bottom = i == 2 ? size.height() : top + size.height() * kStretch[i] / total;
            painter->save();
            painter->translate(0, top);
            draw(Plot(i), QSize(size.width(), bottom - top));
            painter->restore();
            top = bottom;
        }
    }
    painter->restore();
}

QImage FigureExport::image(Plot plot, QSize size, double scale) const
{
    const QSize pixels(int(std::lround(size.width() * scale)), int(std::lround(size.height() * scale)));
    QImage image(pixels, QImage::Format_RGB32);
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

QString FigureExport::write(const QString &fileName, Plot plot, QSize size, double scale) const
{
    const auto format = formatForFile(fileName);
    if (!format)
        return unknownFormatMessage(fileName);
    if (size.width() <= 0 || size.height() <= 0 || !(scale > 0) || !std::isfinite(scale))
        return QObject::tr("%1: the figure size must be positive (got %2 × %3 at scale %4)")
            .arg(nativePath(fileName))
            .arg(size.width())
            .arg(size.height())
            .arg(scale);
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("Cannot write file %1:\n%2").arg(nativePath(fileName), file.errorString());
    if (!writeTo(&file, *format, plot, size, scale)) {
        file.cancelWriting();
        const QString why = file.errorString().isEmpty() ? QObject::tr("the figure could not be encoded")
                                                         : file.errorString();
        return QObject::tr("Cannot write file %1:\n%2").arg(nativePath(fileName), why);
    }
    if (!file.commit())
        return QObject::tr("Cannot write file %1:\n%2").arg(nativePath(fileName), file.errorString());
    return {};
}

bool FigureExport::writeTo(QIODevice *device, Format format, Plot plot, QSize size, double scale) const
{
    const QString title = QObject::tr("klscope: %1").arg(plotNames().at(int(plot)));
    switch (format) {
    case Format::Png:
    case Format::Jpg: {
        QImageWriter writer(device, format == Format::Png ? "png" : "jpg");
        if (format == Format::Jpg) {
            writer.setQuality(95);
            return writer.write(image(plot, size, scale).convertToFormat(QImage::Format_RGB32));
        }
        return writer.write(image(plot, size, scale));
    }
    case Format::Pdf: {
        const int dpi = pictureDpi();
        QPdfWriter pdf(device);
        pdf.setResolution(dpi);
        pdf.setCreator(QStringLiteral("klscope"));
        pdf.setTitle(title);
        // One page exactly the size of the figure, no margins.
        const QPageSize page(QSizeF(size) * 72.0 / dpi, QPageSize::Point, QString(), QPageSize::ExactMatch);
        pdf.setPageLayout(QPageLayout(page, QPageLayout::Portrait, QMarginsF(), QPageLayout::Point));
        QPainter painter;
        if (!painter.begin(&pdf))
            return false;
        paint(&painter, plot, size);
        return painter.end();
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
            return false;
        paint(&painter, plot, size);
        return painter.end();
    }
    }
    return false;
}
