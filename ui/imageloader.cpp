#include "imageloader.h"

#include <imagespec.h>
#include <textcheck.h>

#include <QFile>
#include <QImageReader>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <span>

namespace imp = klscope::import;

namespace imageloader {

namespace {

std::optional<QImage> fail(QString *error, const std::string &message)
{
    if (error)
        *error = QString::fromStdString(message);
    return std::nullopt;
}

imp::Result<imp::DecodedLevels> readLevels(const std::string &path, imp::ImageChannel channel)
{
    try {
        QString error;
        const auto image = readImage(QFile::decodeName(QByteArray::fromStdString(path)), &error);
        if (!image)
            return imp::ImportError{error.toStdString(), 0};
        imp::DecodedLevels decoded;
        decoded.counts = levelCounts(*image, channel);
        decoded.width = static_cast<std::uint64_t>(image->width());
        decoded.height = static_cast<std::uint64_t>(image->height());
        return decoded;
    } catch (const std::exception &) {
        // The core's reader must not throw; decoding can run out of memory.
        return imp::makeError(imp::displayName(path), 0, "not enough memory to decode the image");
    }
}

} // namespace

std::optional<QImage> readImage(const QString &path, QString *error)
{
    const std::filesystem::path native(QFile::encodeName(path).toStdString());
    const std::string name = imp::displayName(native);
    if (const auto refused = imp::checkRegularFile(native))
        return fail(error, refused->message);
    // Qt's default limit (256 MiB in Qt 6) is below a 10^8-pixel image; the pixel bound is checked
    // first, so the limit only stops a decoder whose header understated the size.
    QImageReader::setAllocationLimit(kAllocationLimitMiB);
    QImageReader reader(path);
    reader.setAutoTransform(true);
    // A reader picked by the suffix alone would call a text file named .png a broken PNG; by content it
    // says the format is unknown.
    reader.setDecideFormatFromContent(true);
    if (!reader.canRead())
        return fail(error, name + ": not an image Qt can read (" + reader.errorString().toStdString() + ")");
    const QSize size = reader.size();
    if (size.isValid())
        if (const auto tooLarge = imp::checkImageSize(static_cast<std::uint64_t>(size.width()),
                                                      static_cast<std::uint64_t>(size.height()), name))
            return fail(error, tooLarge->message);
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return fail(error, name + ": cannot decode the image (" + reader.errorString().toStdString() + ")");
    // A format that gives no size before decoding is checked now.
    if (const auto tooLarge = imp::checkImageSize(static_cast<std::uint64_t>(image.width()),
                                                  static_cast<std::uint64_t>(image.height()), name))
        return fail(error, tooLarge->message);
    return image;
}

imp::LevelCounts levelCounts(const QImage &image, imp::ImageChannel channel)
{
    imp::LevelCounts counts{};
    const int width = image.width();
    const bool direct = image.format() == QImage::Format_ARGB32 || image.format() == QImage::Format_RGB32;
    constexpr int kStrip = 256;
    for (int top = 0; top < image.height(); top += kStrip) {
        const int rows = std::min(kStrip, image.height() - top);
        const QImage strip =
            direct ? QImage() : image.copy(0, top, width, rows).convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < rows; ++y) {
            const uchar *line = direct ? image.constScanLine(top + y) : strip.constScanLine(y);
            // ARGB32 rows are arrays of 32-bit QRgb values, aligned to 4 bytes.
            imp::countLevels(std::span(reinterpret_cast<const std::uint32_t *>(line), std::size_t(width)),
                             channel, counts);
        }
    }
    return counts;
}

void installImageSpecReader()
{
    imp::setImageReader(&readLevels);
}

} // namespace imageloader
