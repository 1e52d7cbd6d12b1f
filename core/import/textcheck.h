#pragma once

// Checks a loader runs on the raw bytes of a text file before parsing it: size, NUL bytes (binary
// files), UTF-8 validity, and the UTF-8 byte order mark.

#include "result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace klscope::import {

/// Largest file a loader reads (1 GiB); larger files are refused before anything is allocated.
inline constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{1} << 30;

/// The name a message uses for `path`: its file name ("data.csv"), or the whole path if it has none.
std::string displayName(const std::filesystem::path &path);

/// Reads the whole file in one go, or up to the first 64 KiB block that holds a NUL byte (the text is
/// then binary, and checkText says so). Errors: missing or unreadable file, a directory, a file larger
/// than kMaxFileBytes. Never throws.
Result<std::string> readWholeFile(const std::filesystem::path &path);

/// The first problem that makes `text` unusable as UTF-8 text, naming `fileName` and the line:
/// a NUL byte ("looks like a binary file (NUL byte)") or an invalid UTF-8 sequence (overlong forms,
/// surrogates and code points above U+10FFFF count as invalid). nullopt when the text is fine.
std::optional<ImportError> checkText(std::string_view text, std::string_view fileName);

/// `text` without a leading UTF-8 byte order mark (EF BB BF).
std::string_view stripByteOrderMark(std::string_view text) noexcept;

/// At most `maxBytes` of `text` for quoting in a message, cut on a UTF-8 character boundary, with
/// "..." appended when cut.
std::string excerpt(std::string_view text, std::size_t maxBytes = 40);

} // namespace klscope::import
