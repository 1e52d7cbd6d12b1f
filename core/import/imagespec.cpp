#include "imagespec.h"

#include "textcheck.h"

#include <atomic>
#include <filesystem>
#include <new>

namespace klscope::import {

namespace {

constexpr std::string_view kImagePrefix = "image:";

std::atomic<ImageReader> g_reader{nullptr};

/// specError with "image: " before `what`.
ImportError imageSpecError(std::string_view spec, std::string_view what)
{
    return specError(spec, std::string("image: ").append(what));
}

} // namespace

bool isImageSpec(std::string_view spec) noexcept
{
    return spec.starts_with(kImagePrefix);
}

std::string_view imageSpecHelp() noexcept
{
    return "    | image:PATH[,channel=grey|r|g|b][,bins=256]\n"
           "image: the histogram of an image's grey levels (BT.601 luma as Qt's qGray) or of one channel,\n"
           "  read as counts of pixels; bins= groups the 256 levels evenly and must divide 256 (1, 2, 4,\n"
           "  ..., 256). Two images binned alike share their bins; with 256 bins level x is event x.\n"
           "  PNG, JPEG, BMP, GIF and every format Qt reads; at most 10^8 pixels.";
}

Result<ImageSpec> parseImageSpec(std::string_view spec)
{
    if (!isImageSpec(spec))
        return imageSpecError(spec, "not an image: spec");
    ImageSpec out;
    std::string_view rest = spec.substr(kImagePrefix.size());
    bool channelGiven = false, binsGiven = false;
    for (;;) {
        const std::size_t comma = rest.rfind(',');
        if (comma == std::string_view::npos)
            break;
        const std::string_view part = rest.substr(comma + 1);
        if (!looksLikeOption(part))
            break;
        rest = rest.substr(0, comma);
        const std::size_t eq = part.find('=');
        const std::string_view key = part.substr(0, eq);
        const std::string_view value = part.substr(eq + 1);
        if (key == "channel") {
            if (channelGiven)
                return imageSpecError(spec, "channel= is given twice");
            channelGiven = true;
            const auto channel = parseChannel(value);
            if (!channel)
                return imageSpecError(spec, "channel='" + excerpt(value) + "' is not grey, r, g or b");
            out.channel = *channel;
        } else if (key == "bins") {
            if (binsGiven)
                return imageSpecError(spec, "bins= is given twice");
            binsGiven = true;
            unsigned bins = 0;
            bool digits = !value.empty() && value.size() <= 3;
            for (const char c : value) {
                digits = digits && c >= '0' && c <= '9';
                bins = bins * 10 + static_cast<unsigned>(c - '0');
            }
            if (!digits || !validLevelBins(bins))
                return imageSpecError(spec,
                                      "bins='" + excerpt(value) +
                                          "' must divide the 256 levels evenly: 1, 2, 4, 8, 16, 32, 64, 128 "
                                          "or 256");
            out.bins = bins;
        } else {
            return imageSpecError(spec,
                                  "unknown option '" + excerpt(key) + "' (image: takes channel= and bins=)");
        }
    }
    if (rest.empty())
        return imageSpecError(spec, "no file path");
    out.path = std::string(rest);
    return out;
}

void setImageReader(ImageReader reader) noexcept
{
    g_reader.store(reader);
}

ImageReader imageReader() noexcept
{
    return g_reader.load();
}

Result<Source> loadImageSource(std::string_view spec)
{
    auto parsed = parseImageSpec(spec);
    if (!parsed)
        return parsed.error();
    return loadImageSource(*parsed);
}

Result<Source> loadImageSource(const ImageSpec &spec)
{
    try {
        const std::filesystem::path path(spec.path);
        const std::string name = displayName(path);
        if (!validLevelBins(spec.bins))
            return makeError(name, 0,
                             "bins=" + std::to_string(spec.bins) +
                                 " does not divide the 256 levels (1, 2, 4, ..., 256)");
        const ImageReader reader = imageReader();
        if (!reader)
            return makeError(name, 0, "this program cannot read images (it has no image reader)");
        if (auto bad = checkRegularFile(path))
            return *bad;
        auto decoded = reader(spec.path, spec.channel);
        if (!decoded)
            return decoded.error();
        LevelHistogram h = groupLevels(decoded->counts, spec.bins);
        if (h.pixels == 0)
            return makeError(name, 0, "the image has no pixels");
        Source source;
        source.type = Source::Type::Masses;
        source.name = name;
        source.sampleSize = static_cast<double>(h.pixels);
        source.imageBins = spec.bins;
        source.data.masses.reserve(h.counts.size());
        const double total = static_cast<double>(h.pixels);
        for (const double c : h.counts)
            source.data.masses.push_back(c / total);
        // With one bin per level the events are the levels themselves (unlabelled, positional), so two
        // images pair event by event and a family puts level x at event x; wider bins keep their ranges.
        if (spec.bins < 256)
            source.data.labels = std::move(h.labels);
        source.description =
            name + ": " + std::to_string(decoded->width) + " x " + std::to_string(decoded->height) +
            " pixels, " + std::string(channelName(spec.channel)) +
            (spec.bins == 256
                 ? std::string(" levels 0..255")
                 : " levels in " + std::to_string(spec.bins) + " bins of " + std::to_string(256 / spec.bins));
        return source;
    } catch (const std::bad_alloc &) {
        return ImportError{"not enough memory to read '" + excerpt(spec.path, 80) + "'", 0};
    }
}

} // namespace klscope::import
