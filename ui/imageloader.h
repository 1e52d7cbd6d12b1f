#pragma once

// Reading image files with QImageReader, for the image: spec (core/import/imagespec.h) in the CLI and
// the window alike, and for the Images page. Every read first runs the check every loader runs
// (checkRegularFile: a FIFO or a folder is refused before it is opened), then reads the image's size
// from its header and refuses more than 10^8 pixels before decoding (checkImageSize), with the
// decoder's allocation limit set to match; a file that is not an image, or is truncated, is refused
// with its name and the reader's reason. The core counts the levels (imagehistogram.h); here the
// pixels are handed to it as 0xAARRGGBB rows, converted a strip at a time so a large image in another
// format is never copied whole.

#include <imagehistogram.h>

#include <QImage>
#include <QString>

#include <optional>

namespace imageloader {

/// The decoder's allocation limit in MiB: kMaxImagePixels at 8 bytes a pixel (16 bits per channel,
/// the widest format Qt decodes into), so every image within the pixel bound can be decoded.
inline constexpr int kAllocationLimitMiB =
    static_cast<int>((klscope::import::kMaxImagePixels * 8 + (1u << 20) - 1) >> 20);

/// Reads the image at `path` (orientation applied), or returns nullopt and sets `error` (when given)
/// to a sentence that starts with the file's name: "notes.png: not an image Qt can read (Unsupported
/// image format)", "half.png: cannot decode the image (Unable to read image data)", "huge.png: the
/// image is 20000 x 20000 = 400000000 pixels, more than the limit of 100000000 pixels".
std::optional<QImage> readImage(const QString &path, QString *error = nullptr);

/// How many pixels of `image` have each level of `channel` (klscope::import::countLevels on its
/// pixels as ARGB32; alpha is ignored).
klscope::import::LevelCounts levelCounts(const QImage &image, klscope::import::ImageChannel channel);

/// Installs readImage and levelCounts as the reader of image: specs (klscope::import::setImageReader).
/// Programs that take specs call it once at start-up.
void installImageSpecReader();

} // namespace imageloader
