#pragma once

// The histogram of an image's grey levels (or of one colour channel), from a pixel buffer the caller
// decoded; the core never reads image files (ui/imageloader.h does, with QImageReader).
//
// Pixels are 32-bit values 0xAARRGGBB (Qt's QRgb, QImage::Format_ARGB32), alpha ignored. Each pixel has a
// level 0..255 in the chosen channel:
//   grey  the ITU-R BT.601 luma as Qt's qGray() computes it, (11 r + 16 g + 5 b) / 32 in integer
//         division (weights 0.34375, 0.5, 0.15625 for BT.601's 0.299, 0.587, 0.114), so the histogram
//         equals a direct count of qGray() over the pixels;
//   r, g, b  the red, green or blue byte.
// bins = B groups the 256 levels into B bins of 256 / B consecutive levels each, so B divides 256
// (1, 2, 4, ..., 128, 256). Bin i holds levels [i 256/B, (i + 1) 256/B - 1] and is labelled by its
// level ("37") when B = 256, else by its range of levels ("0..15"). Two images binned alike share their
// bins, so KL and the rest follow the discrete rules: a level empty in Q where P has pixels makes
// KL(P||Q) infinite.

#include "result.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace klscope::import {

/// Which level of a pixel is counted.
enum class ImageChannel
{
    Grey, ///< BT.601 luma, as qGray()
    Red,
    Green,
    Blue
};

/// Most pixels an image may have (10^8): a larger one is refused from its header, before decoding
/// (10^8 pixels of 32 bits are 400 MB).
inline constexpr std::uint64_t kMaxImagePixels = 100'000'000;

/// How many pixels have each level 0..255.
using LevelCounts = std::array<std::uint64_t, 256>;

/// The level of `pixel` (0xAARRGGBB) in `channel`.
constexpr int pixelLevel(std::uint32_t pixel, ImageChannel channel) noexcept
{
    const int r = static_cast<int>((pixel >> 16) & 0xffu);
    const int g = static_cast<int>((pixel >> 8) & 0xffu);
    const int b = static_cast<int>(pixel & 0xffu);
    switch (channel) {
    case ImageChannel::Red:
        return r;
    case ImageChannel::Green:
        return g;
    case ImageChannel::Blue:
        return b;
    case ImageChannel::Grey:
        break;
    }
    return (r * 11 + g * 16 + b * 5) / 32;
}

/// Adds the levels of `pixels` (0xAARRGGBB each) in `channel` to `counts`.
void countLevels(std::span<const std::uint32_t> pixels, ImageChannel channel, LevelCounts &counts) noexcept;

/// The keyword of a channel: "grey", "r", "g" or "b"; and its name for people: "grey level", "red", ...
std::string_view channelKeyword(ImageChannel channel) noexcept;
std::string_view channelName(ImageChannel channel) noexcept;
/// The channel a keyword names ("grey" or "gray", "r", "g", "b"), or nullopt.
std::optional<ImageChannel> parseChannel(std::string_view keyword) noexcept;

/// True when `bins` is a valid number of bins: it divides 256 (a power of two from 1 to 256).
constexpr bool validLevelBins(unsigned bins) noexcept
{
    return bins >= 1 && bins <= 256 && 256 % bins == 0;
}

/// Levels grouped into bins, as above.
struct LevelHistogram
{
    std::vector<double> counts;      ///< pixels per bin
    std::vector<std::string> labels; ///< "37" (256 bins) or "0..15"
    std::uint64_t pixels = 0;        ///< the sum of counts
};

/// Groups `levels` into `bins` bins (validLevelBins(bins) must hold; otherwise the 256 levels as they are).
LevelHistogram groupLevels(const LevelCounts &levels, unsigned bins);

/// The first level of bin `bin` of `bins` (the bin's x on a plot of levels).
constexpr unsigned binFirstLevel(unsigned bin, unsigned bins) noexcept
{
    return bin * (256 / bins);
}

/// Why an image of width × height pixels is too large, naming `name` ("photo.png: the image is 20000 ×
/// 20000 = 400000000 pixels, more than the limit of 100000000"), or nullopt when it is within
/// kMaxImagePixels. Never throws.
std::optional<ImportError> checkImageSize(std::uint64_t width, std::uint64_t height, std::string_view name);

} // namespace klscope::import
