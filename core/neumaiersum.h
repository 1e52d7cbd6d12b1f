#pragma once

#include <cmath>
#include <span>

namespace klscope {

/// Compensated (Neumaier / improved Kahan-Babuska) summation.
///
/// A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
/// ZAMM 54 (1974) 39-51. The error is bounded by about 2 eps * sum |x_i|, independent of n.
/// An infinite term makes the result that infinity (the compensation is not poisoned by inf - inf), and
/// so does a running sum that overflows (1e308 + 1e308 is +inf, not NaN). Sums that may overflow or
/// underflow on purpose are taken with ScaledSum (scaledsum.h) instead.
class NeumaierSum
{
public:
    void add(double x) noexcept
    {
        if (!std::isfinite(x)) {
            m_special += x;
            return;
        }
        const double t = m_sum + x;
        if (!std::isfinite(t)) {
            m_special += t;
            return;
        }
        if (std::fabs(m_sum) >= std::fabs(x))
            m_compensation += (m_sum - t) + x;
        else
            m_compensation += (x - t) + m_sum;
        m_sum = t;
    }
    void add(const NeumaierSum &other) noexcept
    {
        add(other.m_sum);
        add(other.m_compensation);
        m_special += other.m_special;
    }
    /// The compensated total; +inf if any infinite term was added.
    double value() const noexcept { return m_special != 0.0 ? m_special : m_sum + m_compensation; }

private:
    double m_sum = 0.0;
    double m_compensation = 0.0;
    double m_special = 0.0;
};

/// Neumaier-compensated sum of xs.
inline double compensatedSum(std::span<const double> xs) noexcept
{
    NeumaierSum s;
    for (double x : xs)
        s.add(x);
    return s.value();
}

} // namespace klscope
