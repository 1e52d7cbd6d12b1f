#pragma once

// Relative-tolerance comparison for the numeric tests.
//
// closeRelative(actual, expected, rel) is true when |actual - expected| <= rel * |expected|, with the
// edges made exact: an expected 0 needs an exact 0, an expected +-inf needs the same infinity, and a
// NaN on either side never compares equal. KLSCOPE_COMPARE_REL wraps it for Qt Test and prints both
// values (17 significant digits) and the relative error on failure.

#include <QString>
#include <QTest>

#include <cmath>

namespace klscope::test {

/// True when actual is within rel (relative to expected) of expected; 0, inf and NaN compare exactly.
inline bool closeRelative(double actual, double expected, double rel) noexcept
{
    if (std::isnan(actual) || std::isnan(expected))
        return false;
    if (std::isinf(actual) || std::isinf(expected) || expected == 0.0)
        return actual == expected;
    return std::fabs(actual - expected) <= rel * std::fabs(expected);
}

/// True when |actual - expected| <= abs + rel * max(|actual|, |expected|): for quantities whose true
/// value may be 0 and that carry an absolute rounding error. Infinities must match; NaN never does.
inline bool closeMixed(double actual, double expected, double rel, double abs) noexcept
{
    if (std::isnan(actual) || std::isnan(expected))
        return false;
    if (std::isinf(actual) || std::isinf(expected))
        return actual == expected;
    return std::fabs(actual - expected) <= abs + rel * std::fmax(std::fabs(actual), std::fabs(expected));
}

/// The message printed when a comparison fails.
inline QString describeMismatch(const char *what, double actual, double expected)
{
    const double relative = expected != 0.0 ? std::fabs(actual - expected) / std::fabs(expected) : INFINITY;
    return QString::asprintf("%s: actual %.17g, expected %.17g (relative error %.3g)", what, actual, expected,
                             relative);
}

} // namespace klscope::test

/// QVERIFY2 that builds its message only on failure (for checks inside long loops).
#define KLSCOPE_VERIFY2(condition, message)                                                                  \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            QTest::qVerify(false, #condition, qPrintable(message), __FILE__, __LINE__);                      \
            return;                                                                                          \
        }                                                                                                    \
    } while (false)

/// Fails the current test (and returns from it) unless actual is within rel of expected.
#define KLSCOPE_COMPARE_REL(actual, expected, rel)                                                           \
    do {                                                                                                     \
        const double klscopeActual_ = (actual);                                                              \
        const double klscopeExpected_ = (expected);                                                          \
        KLSCOPE_VERIFY2(::klscope::test::closeRelative(klscopeActual_, klscopeExpected_, (rel)),             \
                        ::klscope::test::describeMismatch(#actual, klscopeActual_, klscopeExpected_));       \
    } while (false)

/// Fails the current test unless actual is within abs + rel * max(|actual|, |expected|) of expected.
#define KLSCOPE_COMPARE_MIXED(actual, expected, rel, abs)                                                    \
    do {                                                                                                     \
        const double klscopeActual_ = (actual);                                                              \
        const double klscopeExpected_ = (expected);                                                          \
        KLSCOPE_VERIFY2(::klscope::test::closeMixed(klscopeActual_, klscopeExpected_, (rel), (abs)),         \
                        ::klscope::test::describeMismatch(#actual, klscopeActual_, klscopeExpected_));       \
    } while (false)
