#include "delimitedtext.h"

#include "numbertext.h"
#include "textcheck.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>

namespace klscope::import {

namespace {

// Only the first three fields matter (a fourth one is already an error), so fields are views into the
// file text and no row allocates anything but its label.
constexpr std::size_t kFieldSlots = 4;

struct Field
{
    std::string_view text;
    bool quoted = false;
    bool escapedQuotes = false; ///< contains "" that stands for one quote
};

struct Fields
{
    std::array<Field, kFieldSlots> slots;
    std::size_t count = 0;
    const char *error = nullptr;

    void add(Field f)
    {
        if (count < kFieldSlots)
            slots[count] = f;
        ++count;
    }
};

bool isSpace(char c) noexcept
{
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) noexcept
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// Reads a quoted field starting at line[pos] == '"'; leaves pos after the closing quote.
bool readQuoted(std::string_view line, std::size_t &pos, Field &field) noexcept
{
    const std::size_t start = pos + 1;
    std::size_t i = start;
    for (;;) {
        const std::size_t close = line.find('"', i);
        if (close == std::string_view::npos)
            return false;
        if (close + 1 < line.size() && line[close + 1] == '"') {
            field.escapedQuotes = true;
            i = close + 2;
            continue;
        }
        field.text = line.substr(start, close - start);
        field.quoted = true;
        pos = close + 1;
        return true;
    }
}

void splitDelimited(std::string_view line, char delimiter, Fields &out) noexcept
{
    const bool tabIsSpace = delimiter != '\t';
    auto skipBlanks = [&](std::size_t &pos) {
        while (pos < line.size() && (line[pos] == ' ' || (tabIsSpace && line[pos] == '\t')))
            ++pos;
    };
    std::size_t pos = 0;
    for (;;) {
        skipBlanks(pos);
        Field field;
        if (pos < line.size() && line[pos] == '"') {
            if (!readQuoted(line, pos, field)) {
                out.error = "a quoted field has no closing quote";
                return;
            }
            skipBlanks(pos);
            if (pos < line.size() && line[pos] != delimiter) {
                out.error = "text after the closing quote of a field";
                return;
            }
        } else {
            const std::size_t end = std::min(line.find(delimiter, pos), line.size());
            field.text = trim(line.substr(pos, end - pos));
            pos = end;
        }
        out.add(field);
        if (pos >= line.size())
            return;
        ++pos; // the delimiter
    }
}

void splitWhitespace(std::string_view line, Fields &out) noexcept
{
    std::size_t pos = 0;
    for (;;) {
        while (pos < line.size() && isSpace(line[pos]))
            ++pos;
        if (pos >= line.size())
            return;
        Field field;
        if (line[pos] == '"') {
            if (!readQuoted(line, pos, field)) {
                out.error = "a quoted field has no closing quote";
                return;
            }
            if (pos < line.size() && !isSpace(line[pos])) {
                out.error = "text after the closing quote of a field";
                return;
            }
        } else {
            const std::size_t start = pos;
            while (pos < line.size() && !isSpace(line[pos]))
                ++pos;
            field.text = line.substr(start, pos - start);
        }
        out.add(field);
    }
}

void split(std::string_view line, Delimiter delimiter, Fields &out) noexcept
{
    out.count = 0;
    out.error = nullptr;
    switch (delimiter) {
    case Delimiter::Comma:
        splitDelimited(line, ',', out);
        break;
    case Delimiter::Tab:
        splitDelimited(line, '\t', out);
        break;
    case Delimiter::Semicolon:
        splitDelimited(line, ';', out);
        break;
    case Delimiter::Whitespace:
        splitWhitespace(line, out);
        break;
    }
}

// The most frequent of tab, semicolon and comma outside quotes; ties go to tab, then semicolon.
Delimiter detectDelimiter(std::string_view line) noexcept
{
    std::size_t tabs = 0, semicolons = 0, commas = 0;
    bool inQuotes = false;
    for (const char c : line) {
        if (c == '"')
            inQuotes = !inQuotes;
        else if (!inQuotes)
            tabs += c == '\t', semicolons += c == ';', commas += c == ',';
    }
    if (tabs == 0 && semicolons == 0 && commas == 0)
        return Delimiter::Whitespace;
    if (tabs >= semicolons && tabs >= commas)
        return Delimiter::Tab;
    return semicolons >= commas ? Delimiter::Semicolon : Delimiter::Comma;
}

std::string fieldText(const Field &field)
{
    if (!field.escapedQuotes)
        return std::string(field.text);
    std::string text;
    text.reserve(field.text.size());
    for (std::size_t i = 0; i < field.text.size(); ++i) {
        text += field.text[i];
        if (field.text[i] == '"' && i + 1 < field.text.size() && field.text[i + 1] == '"')
            ++i;
    }
    return text;
}

bool isBlank(std::string_view line) noexcept
{
    return std::all_of(line.begin(), line.end(), isSpace);
}

std::string columnSuffix(std::size_t column)
{
    return " (column " + std::to_string(column) + ")";
}

// Why `text` is not an acceptable number ("is not a number", ...), or nullptr when it is (value set).
const char *readValue(std::string_view text, double &value) noexcept
{
    if (text.empty())
        return "is empty";
    const NumberRead result = readNumber(text, value);
    return result == NumberRead::Ok ? nullptr : numberProblem(result).data();
}

} // namespace

std::string_view delimiterName(Delimiter delimiter) noexcept
{
    switch (delimiter) {
    case Delimiter::Comma:
        return "comma";
    case Delimiter::Tab:
        return "tab";
    case Delimiter::Semicolon:
        return "semicolon";
    case Delimiter::Whitespace:
        return "whitespace";
    }
    return "comma";
}

bool parseDouble(std::string_view text, double &value) noexcept
{
    return readNumber(text, value) == NumberRead::Ok;
}

Result<Table> parseDelimitedText(std::string_view text, std::string_view fileName)
{
    if (auto problem = checkText(text, fileName))
        return *problem;
    text = stripByteOrderMark(text);

    Table table;
    table.fileName = std::string(fileName);
    Fields fields;
    std::size_t lineNumber = 0;
    bool first = true;
    std::size_t valueColumns = 0;
    std::size_t firstLine = 0;

    try {
        // One pass over the text; the newline count only bounds the reservation.
        // Lines end with LF or CRLF; a file with no LF at all but CRs has old Mac line endings (CR).
        const char lineEnd =
            text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos ? '\r'
                                                                                                   : '\n';
        const std::size_t newlines = static_cast<std::size_t>(std::count(text.begin(), text.end(), lineEnd));
        const std::size_t expectedRows = std::min(newlines + 1, kMaxDataLines);

        std::size_t pos = 0;
        while (pos < text.size()) {
            const char *nl =
                static_cast<const char *>(std::memchr(text.data() + pos, lineEnd, text.size() - pos));
            const std::size_t end = nl ? static_cast<std::size_t>(nl - text.data()) : text.size();
            std::string_view line = text.substr(pos, end - pos);
            pos = end + 1;
            ++lineNumber;
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (isBlank(line))
                continue;

            if (first) {
                table.delimiter = detectDelimiter(line);
                split(line, table.delimiter, fields);
                if (fields.error)
                    return makeError(fileName, lineNumber, fields.error);
                if (fields.count > 3)
                    return makeError(fileName, lineNumber,
                                     std::to_string(fields.count) + " columns (" +
                                         std::string(delimiterName(table.delimiter)) +
                                         "-separated); a distribution file has 1 (values), 2 (event, value) "
                                         "or 3 (event, p, q)");
                table.columnCount = fields.count;
                valueColumns = fields.count == 3 ? 2 : 1;
                table.values.assign(valueColumns, {});
                firstLine = lineNumber;
                bool anyNumber = false;
                for (std::size_t c = fields.count == 1 ? 0 : 1; c < fields.count; ++c) {
                    double v;
                    anyNumber = anyNumber || parseDouble(fields.slots[c].text, v);
                }
                first = false;
                for (auto &column : table.values)
                    column.reserve(expectedRows);
                table.lines.reserve(expectedRows);
                if (table.hasLabels())
                    table.labels.reserve(expectedRows);
                if (!anyNumber) {
                    table.hasHeader = true;
                    for (std::size_t c = 0; c < fields.count; ++c)
                        table.header.push_back(fieldText(fields.slots[c]));
                    continue;
                }
            } else {
                split(line, table.delimiter, fields);
                if (fields.error)
                    return makeError(fileName, lineNumber, fields.error);
                if (fields.count != table.columnCount)
                    return makeError(fileName, lineNumber,
                                     "a ragged row: " + std::to_string(fields.count) +
                                         (fields.count == 1 ? " field" : " fields") + " where line " +
                                         std::to_string(firstLine) + " has " +
                                         std::to_string(table.columnCount));
            }

            if (table.rowCount() >= kMaxDataLines)
                return makeError(fileName, lineNumber,
                                 "more than " + std::to_string(kMaxDataLines) +
                                     " data lines, the most a file may have");
            if (table.hasLabels()) {
                const Field &label = fields.slots[0];
                if (label.text.empty())
                    return makeError(fileName, lineNumber, "empty event label" + columnSuffix(1));
            }
            for (std::size_t v = 0; v < valueColumns; ++v) {
                const std::size_t c = table.columnCount == 1 ? 0 : v + 1;
                double value = 0;
                if (const char *why = readValue(fields.slots[c].text, value)) {
                    std::string what = fields.slots[c].text.empty()
                                           ? std::string("empty value")
                                           : std::string(1, '\'')
                                                 .append(excerpt(fields.slots[c].text))
                                                 .append("' ")
                                                 .append(why);
                    what += columnSuffix(c + 1);
                    if (table.delimiter == Delimiter::Semicolon &&
                        fields.slots[c].text.find(',') != std::string_view::npos)
                        what += "; write decimals with a point, not a comma";
                    return makeError(fileName, lineNumber, what);
                }
                table.values[v].push_back(value);
            }
            if (table.hasLabels())
                table.labels.push_back(fieldText(fields.slots[0]));
            table.lines.push_back(static_cast<std::uint32_t>(lineNumber));
        }
    } catch (const std::bad_alloc &) {
        return makeError(fileName, lineNumber, "not enough memory to read the file");
    }

    if (first)
        return makeError(fileName, 0, "the file is empty (no data lines)");
    if (table.rowCount() == 0)
        return makeError(fileName, firstLine, "only a header line, no data");
    return table;
}

Result<Table> readDelimitedFile(const std::filesystem::path &path)
{
    auto text = readWholeFile(path);
    if (!text)
        return text.error();
    return parseDelimitedText(*text, displayName(path));
}

} // namespace klscope::import
