// Discrete uniform on a..b: ln P(X = k) = -ln(b - a + 1) inside, -inf outside; the mass outside a range
// is 1 - (events of a..b inside it) / (b - a + 1).

#include "discreteuniform.h"

#include "validation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace klscope {

namespace {
constexpr std::int64_t kLimit = 1'000'000'000'000;
}

DiscreteUniform::DiscreteUniform(double a, double b)
    : m_a(validation::requireInteger("uniform", "a", a, -kLimit, kLimit)),
      m_b(validation::requireInteger("uniform", "b", b, -kLimit, kLimit))
{
    if (m_b < m_a)
        throw std::invalid_argument("uniform: b must be at least a, got a=" + std::to_string(m_a) +
                                    ", b=" + std::to_string(m_b));
    if (support(*this).size() > kMaxEvents)
        throw std::invalid_argument("uniform: a..b spans " + std::to_string(m_b - m_a + 1) +
                                    " events, more than the limit of " + std::to_string(kMaxEvents));
}

double logpmf(const DiscreteUniform &d, std::int64_t k) noexcept
{
    if (k < d.lower() || k > d.upper())
        return -std::numeric_limits<double>::infinity();
    return -std::log(static_cast<double>(d.upper() - d.lower() + 1));
}

EventRange support(const DiscreteUniform &d) noexcept
{
    return {d.lower(), d.upper()};
}

double massOutside(const DiscreteUniform &d, EventRange range) noexcept
{
    const std::int64_t lo = std::max(range.first, d.lower());
    const std::int64_t hi = std::min(range.last, d.upper());
    const double inside = hi < lo ? 0.0 : static_cast<double>(hi - lo + 1);
    return 1.0 - inside / static_cast<double>(d.upper() - d.lower() + 1);
}

double mean(const DiscreteUniform &d) noexcept
{
    return 0.5 * (static_cast<double>(d.lower()) + static_cast<double>(d.upper()));
}

} // namespace klscope
