#pragma once

// The result of a loader: a value, or an error sentence that names the file and the line. The parsing
// entry points of klscope::import never throw; they return one of these.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace klscope::import {

/// Why a file could not be loaded.
struct ImportError
{
    /// The whole sentence for people, e.g. "data.csv, line 7: 'abc' is not a number (column 2)".
    std::string message;
    /// 1-based line the error is about, or 0 when it concerns the whole file (empty, too large, ...).
    std::size_t line = 0;
};

/// Builds the sentence "FILE, line N: WHAT" (or "FILE: WHAT" when line is 0).
inline ImportError makeError(std::string_view fileName, std::size_t line, std::string_view what)
{
    std::string message(fileName);
    if (line > 0) {
        message += ", line ";
        message += std::to_string(line);
    }
    message += ": ";
    message += what;
    return {std::move(message), line};
}

/// A value of type T or an ImportError; no half-built value ever escapes with an error.
template <typename T> class Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(ImportError error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const noexcept { return m_state.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    /// The value; only when ok().
    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    /// The error; only when !ok().
    const ImportError &error() const & { return std::get<1>(m_state); }

private:
    std::variant<T, ImportError> m_state;
};

} // namespace klscope::import
