#include "textcheck.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

namespace klscope::import {

std::string displayName(const std::filesystem::path &path)
{
    const std::string name = path.filename().string();
    return name.empty() ? path.string() : name;
}

std::string byteLimitText(std::uintmax_t bytes)
{
    constexpr std::uintmax_t mib = std::uintmax_t{1} << 20;
    constexpr std::uintmax_t gib = std::uintmax_t{1} << 30;
    if (bytes >= gib && bytes % gib == 0)
        return std::to_string(bytes / gib) + " GiB";
    if (bytes >= mib && bytes % mib == 0)
        return std::to_string(bytes / mib) + " MiB";
    return std::to_string(bytes) + " bytes";
}

std::optional<ImportError> checkRegularFile(const std::filesystem::path &path, std::uintmax_t maxBytes)
{
    namespace fs = std::filesystem;
    const std::string name = displayName(path);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        if (ec == std::errc::too_many_symbolic_link_levels)
            return makeError(name, 0, "is a symbolic link loop (too many levels of symbolic links)");
        std::error_code linkError;
        if (fs::is_symlink(fs::symlink_status(path, linkError)) && !linkError &&
            (!ec || ec == std::errc::no_such_file_or_directory))
            return makeError(name, 0, "is a symbolic link to a missing file");
        if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
            return makeError(name, 0, "cannot be read: " + ec.message());
        return makeError(name, 0, "no such file");
    }
    switch (status.type()) {
    case fs::file_type::regular:
        break;
    case fs::file_type::directory:
        return makeError(name, 0, "is a folder, not a file");
    case fs::file_type::fifo:
        return makeError(name, 0, "is a named pipe (FIFO), not a regular file");
    case fs::file_type::socket:
        return makeError(name, 0, "is a socket, not a regular file");
    case fs::file_type::block:
    case fs::file_type::character:
        return makeError(name, 0, "is a device, not a regular file");
    default:
        return makeError(name, 0, "is not a regular file");
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec)
        return makeError(name, 0, "cannot be read: " + ec.message());
    if (size > maxBytes)
        return makeError(name, 0,
                         "is " + std::to_string(size) + " bytes, larger than the limit of " +
                             std::to_string(maxBytes) + " bytes (" + byteLimitText(maxBytes) + ")");
    return std::nullopt;
}

Result<std::string> readWholeFile(const std::filesystem::path &path)
{
    if (auto refused = checkRegularFile(path))
        return *refused;
    const std::string name = displayName(path);
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file)
        return makeError(name, 0, std::string("cannot be opened: ") + std::strerror(errno));
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    std::string text;
    try {
        text.reserve(static_cast<std::size_t>(ec ? 0 : size));
        char buffer[1 << 16];
        for (;;) {
            const std::size_t got = std::fread(buffer, 1, sizeof buffer, file.get());
            if (got > 0) {
                // The file may have grown since it was checked; the limit holds all the same.
                if (text.size() + got > kMaxFileBytes)
                    return makeError(name, 0, "is larger than the limit of " + byteLimitText(kMaxFileBytes));
                text.append(buffer, got);
            }
            // A NUL byte already makes this a binary file (checkText names its line), so a large binary
            // file is refused without reading a gigabyte of it.
            if (got < sizeof buffer || std::memchr(buffer, 0, got) != nullptr)
                break;
        }
    } catch (const std::bad_alloc &) {
        return makeError(name, 0, "not enough memory to read the file");
    }
    if (std::ferror(file.get()))
        return makeError(name, 0, "read error");
    return text;
}

std::optional<ImportError> checkText(std::string_view text, std::string_view fileName)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t line = 1;
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            if (c == 0)
                return makeError(fileName, line, "looks like a binary file (it contains a NUL byte)");
            // LF, CRLF and a lone CR (old Mac files) each end a line, as the parser counts them.
            if (c == '\n' || (c == '\r' && (i + 1 == n || bytes[i + 1] != '\n')))
                ++line;
            ++i;
            continue;
        }
        // Table 3-7 of the Unicode Standard: well-formed UTF-8 byte sequences.
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;
            else if (c == 0xED)
                high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            else if (c == 0xF4)
                high = 0x8F;
        } else {
            return makeError(
                fileName, line, "is not valid UTF-8 text (byte 0x" + [&] {
                    char hex[3];
                    std::snprintf(hex, sizeof hex, "%02X", c);
                    return std::string(hex);
                }() + ")");
        }
        if (i + length > n)
            return makeError(fileName, line, "is not valid UTF-8 text (a character is cut off at the end)");
        for (std::size_t k = 1; k < length; ++k) {
            const unsigned char b = bytes[i + k];
            const unsigned char lo = k == 1 ? low : 0x80;
            const unsigned char hi = k == 1 ? high : 0xBF;
            if (b < lo || b > hi)
                return makeError(fileName, line, "is not valid UTF-8 text (a malformed character)");
        }
        i += length;
    }
    return std::nullopt;
}

std::string_view stripByteOrderMark(std::string_view text) noexcept
{
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    return text;
}

std::string excerpt(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(text.substr(0, cut)) + "...";
}

ImportError specError(std::string_view spec, std::string_view what)
{
    // Appended piece by piece: GCC 12 gives a false -Wrestrict for "'" + std::string(...).
    std::string message(1, '\'');
    message += excerpt(spec, 80);
    message += "': ";
    message += what;
    return {std::move(message), 0};
}

bool looksLikeOption(std::string_view part) noexcept
{
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos || eq == 0)
        return false;
    return std::all_of(part.begin(), part.begin() + static_cast<std::ptrdiff_t>(eq),
                       [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

} // namespace klscope::import
