#include "imagehistogram.h"

namespace klscope::import {

void countLevels(std::span<const std::uint32_t> pixels, ImageChannel channel, LevelCounts &counts) noexcept
{
    // One switch outside the loop, so each loop body is a shift, a mask and an increment.
    switch (channel) {
    case ImageChannel::Red:
        for (const std::uint32_t p : pixels)
            ++counts[(p >> 16) & 0xffu];
        return;
    case ImageChannel::Green:
        for (const std::uint32_t p : pixels)
            ++counts[(p >> 8) & 0xffu];
        return;
    case ImageChannel::Blue:
        for (const std::uint32_t p : pixels)
            ++counts[p & 0xffu];
        return;
    case ImageChannel::Grey:
        break;
    }
    for (const std::uint32_t p : pixels)
        ++counts[static_cast<std::size_t>(pixelLevel(p, ImageChannel::Grey))];
}

std::string_view channelKeyword(ImageChannel channel) noexcept
{
    switch (channel) {
    case ImageChannel::Red:
        return "r";
    case ImageChannel::Green:
        return "g";
    case ImageChannel::Blue:
        return "b";
    case ImageChannel::Grey:
        break;
    }
    return "grey";
}

std::string_view channelName(ImageChannel channel) noexcept
{
    switch (channel) {
    case ImageChannel::Red:
        return "red";
    case ImageChannel::Green:
        return "green";
    case ImageChannel::Blue:
        return "blue";
    case ImageChannel::Grey:
        break;
    }
    return "grey";
}

std::optional<ImageChannel> parseChannel(std::string_view keyword) noexcept
{
    if (keyword == "grey" || keyword == "gray")
        return ImageChannel::Grey;
    if (keyword == "r")
        return ImageChannel::Red;
    if (keyword == "g")
        return ImageChannel::Green;
    if (keyword == "b")
        return ImageChannel::Blue;
    return std::nullopt;
}

LevelHistogram groupLevels(const LevelCounts &levels, unsigned bins)
{
    if (!validLevelBins(bins))
        bins = 256;
    const unsigned width = 256 / bins;
    LevelHistogram h;
    h.counts.assign(bins, 0.0);
    h.labels.reserve(bins);
    for (unsigned i = 0; i < bins; ++i) {
        std::uint64_t n = 0;
        for (unsigned level = i * width; level < (i + 1) * width; ++level)
            n += levels[level];
        // Exact: at most kMaxImagePixels, far below 2^53 (a reader refuses larger images).
        h.counts[i] = static_cast<double>(n);
        h.pixels += n;
        h.labels.push_back(width == 1
                               ? std::to_string(i)
                               : std::to_string(i * width) + ".." + std::to_string((i + 1) * width - 1));
    }
    return h;
}

std::optional<ImportError> checkImageSize(std::uint64_t width, std::uint64_t height, std::string_view name)
{
    // width * height cannot overflow when each is below 2^32, as every image format's header gives them;
    // a larger side alone is over the limit.
    const bool huge = width > kMaxImagePixels || height > kMaxImagePixels;
    if (!huge && width * height <= kMaxImagePixels)
        return std::nullopt;
    std::string what = "the image is " + std::to_string(width) + " x " + std::to_string(height);
    if (!huge)
        what += " = " + std::to_string(width * height) + " pixels";
    what += ", more than the limit of " + std::to_string(kMaxImagePixels) + " pixels";
    return makeError(name, 0, what);
}

} // namespace klscope::import
