#pragma once

// Reading distributions from delimited text (CSV, TSV, semicolon- or whitespace-separated).
//
// Accepted shapes, each with an optional header line:
//     one column        value                   (events 0, 1, 2, ... in file order)
//     two columns       event label, value
//     three columns     event label, p, q
// The delimiter is detected from the first non-blank line: the most frequent of tab, semicolon and
// comma outside quotes; with none of them, runs of spaces separate fields. The first line is a header
// when none of its value fields is a number. Fields may be quoted ("New York, NY"; "" is a quote);
// quoted fields cannot span lines. CRLF line ends, a UTF-8 byte order mark and blank lines are
// accepted. Numbers are C-locale decimals read with std::from_chars ("0.25", "1e-3", "-inf").

#include "result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace klscope::import {

/// Most data lines a file may have (5 * 10^6); a longer file is refused with a message naming the first
/// line past the limit. Five times the 10^6 rows that load in well under a second, and low enough that a
/// runaway export (a file of 10^7 lines) is stopped before it costs the window gigabytes of labels.
inline constexpr std::size_t kMaxDataLines = 5'000'000;

/// The field separator of a file.
enum class Delimiter
{
    Comma,
    Tab,
    Semicolon,
    Whitespace ///< runs of spaces (and tabs)
};

/// "comma", "tab", "semicolon" or "whitespace".
std::string_view delimiterName(Delimiter delimiter) noexcept;

/// A parsed file: labels and numbers, checked for shape and syntax but not for meaning (negative
/// values, -inf, ... are judged by the import kind; see valuekind.h). NaN and +inf are refused here.
struct Table
{
    std::string fileName;                    ///< the name messages use
    Delimiter delimiter = Delimiter::Comma;  ///< as detected
    bool hasHeader = false;                  ///< the first line named the columns
    std::vector<std::string> header;         ///< column names (empty without a header)
    std::size_t columnCount = 0;             ///< 1, 2 or 3
    std::vector<std::string> labels;         ///< column 1 of two- and three-column files, one per row
    std::vector<std::vector<double>> values; ///< the value columns: 1 (shapes 1, 2) or 2 (shape 3)
    std::vector<std::uint32_t> lines;        ///< 1-based source line of each row

    std::size_t rowCount() const noexcept { return lines.size(); }
    bool hasLabels() const noexcept { return columnCount >= 2; }
};

/// Parses `text` (the whole file). `fileName` only names the file in messages. Never throws; the
/// error names the file and the line ("data.csv, line 7: 'abc' is not a number (column 2)").
/// Refused: empty text or only a header, NUL bytes, invalid UTF-8, more than three columns, a row
/// with another number of fields than the first, empty labels or values, text, NaN or +inf where a
/// number belongs, an unterminated quote, more than kMaxDataLines data lines.
Result<Table> parseDelimitedText(std::string_view text, std::string_view fileName);

/// readWholeFile + parseDelimitedText, naming the file by displayName(path).
Result<Table> readDelimitedFile(const std::filesystem::path &path);

/// Reads a number as the parser does, by the rules of numbertext.h (the same as for specs): true with
/// `value` set when readNumber() gives NumberRead::Ok.
bool parseDouble(std::string_view text, double &value) noexcept;

} // namespace klscope::import
