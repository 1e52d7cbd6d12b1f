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

Result<std::string> readWholeFile(const std::filesystem::path &path)
{
    const std::string name = displayName(path);
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        return makeError(name, 0, "no such file");
    if (std::filesystem::is_directory(status))
        return makeError(name, 0, "is a folder, not a file");
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file)
        return makeError(name, 0, std::string("cannot be opened: ") + std::strerror(errno));
    std::string text;
    // Regular files are read in one allocation; pipes and special files grow, but never past the cap.
    const std::uintmax_t size =
        std::filesystem::is_regular_file(status) ? std::filesystem::file_size(path, ec) : 0;
    if (!ec && size > kMaxFileBytes)
        return makeError(name, 0,
                         "is " + std::to_string(size >> 20) + " MiB, larger than the limit of 1 GiB");
    try {
        text.reserve(static_cast<std::size_t>(ec ? 0 : size));
        char buffer[1 << 16];
        for (;;) {
            const std::size_t got = std::fread(buffer, 1, sizeof buffer, file.get());
            if (got > 0) {
                if (text.size() + got > kMaxFileBytes)
                    return makeError(name, 0, "is larger than the limit of 1 GiB");
                text.append(buffer, got);
            }
            // A NUL byte already makes this a binary file (checkText names its line), so a large binary
            // file or a device such as /dev/zero is refused without reading a gigabyte of it.
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

} // namespace klscope::import
