#pragma once

// The image: spec, accepted wherever a distribution spec is (compute, export, sweep, test):
//
//     image:PATH[,channel=grey|r|g|b][,bins=256]
//
// It is the histogram of the image's grey levels (or of one channel), with the levels grouped into
// `bins` bins (imagehistogram.h), read as counts: the masses are the shares of the pixels and the
// sample size is the number of pixels. With 256 bins the events are the levels 0..255 (no labels), so
// an image against a family puts level x at event x; fewer bins are labelled by their levels ("0..15").
// Two images binned alike are compared bin by bin.
//
// The core decodes no image formats. A program that reads images installs a reader
// (setImageReader; ui/imageloader.h installs one built on QImageReader, for PNG, JPEG, BMP, GIF and
// whatever else Qt reads); without one an image: spec is refused with a sentence saying so.

#include "filespec.h"
#include "imagehistogram.h"
#include "result.h"

#include <string>
#include <string_view>

namespace klscope::import {

/// A parsed image: spec.
struct ImageSpec
{
    std::string path; ///< as written
    ImageChannel channel = ImageChannel::Grey;
    unsigned bins = 256; ///< divides 256
};

/// True when `spec` starts with "image:".
bool isImageSpec(std::string_view spec) noexcept;

/// Parses an image: spec without reading the file. Errors name the bad option ("image: channel='x' is
/// not grey, r, g or b"). Options follow the path after commas, as in file: specs. Never throws.
Result<ImageSpec> parseImageSpec(std::string_view spec);

/// The syntax above, for --help texts.
std::string_view imageSpecHelp() noexcept;

/// What a reader returns: the level counts of the asked channel and the image's size.
struct DecodedLevels
{
    LevelCounts counts{};
    std::uint64_t width = 0;
    std::uint64_t height = 0;
};

/// Decodes the image file at `path` (already checked to be a regular file) and counts the levels of
/// `channel`. Errors name the file (displayName) and say why: the decoder's reason, or checkImageSize's
/// sentence before decoding. Must not throw.
using ImageReader = Result<DecodedLevels> (*)(const std::string &path, ImageChannel channel);

/// Installs the reader used by loadImageSource (nullptr: none). Call it once at start-up, before any
/// spec is read.
void setImageReader(ImageReader reader) noexcept;
/// The reader installed, or nullptr.
ImageReader imageReader() noexcept;

/// Reads an image: spec into a Source of type Masses: masses = pixels / total, labels for bins < 256,
/// sampleSize = total pixels, imageBins = bins. Errors: the spec's, the file check's (checkRegularFile),
/// the reader's, or no reader installed. Never throws.
Result<Source> loadImageSource(std::string_view spec);
/// The same for a spec already parsed (or built by a program: the window's importer, whose path may hold
/// a comma); bins that do not divide 256 are refused naming the file.
Result<Source> loadImageSource(const ImageSpec &spec);

} // namespace klscope::import
