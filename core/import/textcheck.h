#pragma once

// Checks a loader runs before and after reading a file: that the path is a regular file of bounded
// size (checked before it is opened, so a FIFO or a device never blocks or streams forever), and on the
// raw bytes: NUL bytes (binary files), UTF-8 validity, and the UTF-8 byte order mark.

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

/// Why `path` is not a file a loader may open, or nullopt when it is a regular file (symbolic links
/// followed) of at most `maxBytes` bytes. Checked before opening: a FIFO with no writer would block the
/// open forever, and a device has no end. The message names the file by displayName(path): "no such
/// file", "is a symbolic link to a missing file", "is a symbolic link loop", "is a folder, not a file",
/// "is a named pipe (FIFO), not a regular file" (and the same for sockets and devices), "cannot be
/// read: <reason>", or "is 1073741825 bytes, larger than the limit of 1073741824 bytes (1 GiB)" (sizes
/// in exact bytes, so no rounding makes them look equal). Every loader of klscope (data files, specs'
/// file: sources and the window's sessions) calls this one check. Never throws.
std::optional<ImportError> checkRegularFile(const std::filesystem::path &path,
                                            std::uintmax_t maxBytes = kMaxFileBytes);

/// The limit `bytes` in words for messages: "1 GiB", "512 MiB", or "1000 bytes" when it is not a whole
/// number of MiB.
std::string byteLimitText(std::uintmax_t bytes);

/// Reads the whole file in one go, or up to the first 64 KiB block that holds a NUL byte (the text is
/// then binary, and checkText says so). Refuses, before opening, whatever checkRegularFile refuses.
/// Errors: those, or a read error. Never throws.
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

/// The error for a bad file:/samples:/image: spec: the spec quoted (at most 80 bytes), then `what`
/// ("'samples:x.csv,bins=3.5': bins must be ..."). No line: the spec is not in a file.
ImportError specError(std::string_view spec, std::string_view what);

/// True when `part` of a spec reads "name=..." with a name of lower-case letters and '_' (an option, not
/// part of a path holding a comma).
bool looksLikeOption(std::string_view part) noexcept;

} // namespace klscope::import
