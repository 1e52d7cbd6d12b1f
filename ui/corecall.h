#pragma once

// The boundary between the window and the core. The core refuses bad input with
// std::invalid_argument, but Boost.Math can also throw std::overflow_error, std::domain_error or its
// evaluation_error (a std::runtime_error), and any allocation can throw std::bad_alloc. Every entry
// point where ui/ or app/klscope calls into the core catches std::exception here, so nothing the core
// throws reaches the event loop or std::terminate; the user gets a sentence instead.

#include <QString>

#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

/// The message for the std::exception being handled; call it only inside a catch block. An
/// invalid_argument's sentence as it is (the core's refusals say what is wrong), "Not enough memory
/// for this." for bad_alloc, and "This cannot be computed: <what>" for any other std::exception.
QString currentCoreError();

/// Runs `call` (a call into the core) and returns its result; if it throws a std::exception, returns
/// nullopt and sets `error` (when given) to currentCoreError().
template <typename Call>
auto callCore(Call &&call, QString *error = nullptr) -> std::optional<std::invoke_result_t<Call &>>
{
    try {
        return call();
    } catch (const std::exception &) {
        if (error)
            *error = currentCoreError();
        return std::nullopt;
    }
}
