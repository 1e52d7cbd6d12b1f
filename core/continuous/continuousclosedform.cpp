// The closed forms of continuousclosedform.h. Each is a sum of terms >= 0 computed from relative
// parameter differences, so the result is accurate to a few ulp even when it is 1e-17.

#include "continuousclosedform.h"

#include "nothrowpolicy.h"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/log1p.hpp>
#include <boost/math/special_functions/polygamma.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace klscope {

namespace {

double log1pmx(double x) noexcept
{
    return boost::math::log1pmx(x, continuous::NoThrowPolicy());
}

// ln(a/b) - (a - b)/b = log1pmx(d) with d = (a - b)/b. For |d| < 1/2 log1pmx keeps the small result accurate;
// further out d may be near -1, where 1 + d would lose the relative accuracy of a/b, so ln(a/b) is taken as
// is.
double logRatioMinusDelta(double a, double b) noexcept
{
    const double d = (a - b) / b;
    return std::fabs(d) < 0.5 ? log1pmx(d) : std::log(a / b) - d;
}

// KL of two normals from their parameters.
double normalKl(double mu1, double s1, double mu2, double s2) noexcept
{
    const double d = (s1 - s2) / s2;
    const double z = (mu1 - mu2) / s2;
    return 0.5 * (d * d - 2.0 * logRatioMinusDelta(s1, s2)) + 0.5 * z * z;
}

} // namespace

double expm1mx(double x) noexcept
{
    if (std::fabs(x) < 0.5) {
        // x^2/2! + x^3/3! + ...: 18 terms reach 0.5^20/20! well below an ulp.
        double term = x * x * 0.5, sum = term;
        for (int n = 3; n < 20; ++n) {
            term *= x / n;
            sum += term;
        }
        return sum;
    }
    return std::expm1(x) - x;
}

double lgammaBregman(double x, double y) noexcept
{
    return lgammaBregmanDelta(x, y - x);
}

double lgammaBregmanDelta(double x, double delta) noexcept
{
    const continuous::NoThrowPolicy pol;
    const double y = x + delta;
    if (delta == 0.0)
        return 0.0;
    if (std::fabs(delta) < 0.25 * x) {
        // sum_{n>=1} psi^(n)(x) delta^(n+1)/(n+1)!: the radius of convergence is x (the pole at 0), and
        // |delta|/x < 1/4 gives a term ratio below about 1/4.
        double sum = 0.0, power = delta, factorial = 1.0;
        for (int n = 1; n < 60; ++n) {
            power *= delta;
            factorial *= n + 1;
            const double term = boost::math::polygamma(n, x, pol) * power / factorial;
            sum += term;
            if (std::fabs(term) <= 1e-17 * std::fabs(sum))
                break;
        }
        return sum;
    }
    return boost::math::lgamma(y, pol) - boost::math::lgamma(x, pol) - delta * boost::math::digamma(x, pol);
}

std::optional<double> closedFormKl(const ContinuousDistribution &p, const ContinuousDistribution &q) noexcept
{
    if (p.index() != q.index())
        return std::nullopt;
    switch (family(p)) {
    case ContinuousFamily::Normal: {
        const auto &a = std::get<Normal>(p), &b = std::get<Normal>(q);
        return normalKl(a.mu(), a.sigma(), b.mu(), b.sigma());
    }
    case ContinuousFamily::LogNormal: {
        // KL is invariant under x -> ln x, which maps the lognormals onto their normals.
        const auto &a = std::get<LogNormal>(p), &b = std::get<LogNormal>(q);
        return normalKl(a.mu(), a.sigma(), b.mu(), b.sigma());
    }
    case ContinuousFamily::Exponential: {
        const double r1 = std::get<Exponential>(p).rate(), r2 = std::get<Exponential>(q).rate();
        return -logRatioMinusDelta(r2, r1);
    }
    case ContinuousFamily::Gamma: {
        const auto &a = std::get<Gamma>(p), &b = std::get<Gamma>(q);
        const double d = (b.rate() - a.rate()) / a.rate();
        const double kl = lgammaBregman(a.shape(), b.shape()) -
                          b.shape() * logRatioMinusDelta(b.rate(), a.rate()) + (a.shape() - b.shape()) * d;
        return std::fmax(kl, 0.0);
    }
    case ContinuousFamily::Beta: {
        const auto &a = std::get<Beta>(p), &b = std::get<Beta>(q);
        // The step of a + b is (a2 - a1) + (b2 - b1), not (a2 + b2) - (a1 + b1), whose sums round.
        const double da = b.a() - a.a(), db = b.b() - a.b();
        const double kl = lgammaBregmanDelta(a.a(), da) + lgammaBregmanDelta(a.b(), db) -
                          lgammaBregmanDelta(a.a() + a.b(), da + db);
        return std::fmax(kl, 0.0);
    }
    case ContinuousFamily::Laplace: {
        const auto &a = std::get<Laplace>(p), &b = std::get<Laplace>(q);
        const double r = a.b() / b.b();
        const double t = std::fabs(a.mu() - b.mu()) / a.b();
        return -logRatioMinusDelta(a.b(), b.b()) + r * expm1mx(-t);
    }
    case ContinuousFamily::ContinuousUniform: {
        const auto &a = std::get<ContinuousUniform>(p), &b = std::get<ContinuousUniform>(q);
        if (!(a.a() >= b.a() && a.b() <= b.b()))
            return std::numeric_limits<double>::infinity();
        const double w1 = a.b() - a.a(), w2 = b.b() - b.a();
        return std::log1p((w2 - w1) / w1);
    }
    default:
        return std::nullopt;
    }
}

// Hellinger^2 = 1 - BC of two normals, BC = sqrt(2 s1 s2/(s1^2 + s2^2)) e^(-(m1 - m2)^2/(4 (s1^2 + s2^2))),
// as -expm1(ln BC) with 2 s1 s2/(s1^2 + s2^2) = 1 - (s1 - s2)^2/(s1^2 + s2^2) (no cancellation near BC = 1).
double normalHellingerSquared(const Normal &a, const Normal &b) noexcept
{
    const double v = a.sigma() * a.sigma() + b.sigma() * b.sigma();
    const double ds = a.sigma() - b.sigma(), dm = a.mu() - b.mu();
    return -std::expm1(0.5 * std::log1p(-ds * ds / v) - 0.25 * dm * dm / v);
}

// TV of two normals: ln p - ln q is quadratic in x, so p > q exactly between (or outside) its two roots (one
// root, the midpoint, for equal sigmas), and TV = |P(A) - Q(A)| over that set, from the cdfs.
double normalTotalVariation(const Normal &a, const Normal &b) noexcept
{
    const double s1 = a.sigma(), s2 = b.sigma(), m1 = a.mu(), m2 = b.mu();
    if (s1 == s2)
        return std::erf(std::fabs(m1 - m2) / (2.0 * std::numbers::sqrt2 * s1));
    const double qa = 0.5 / (s2 * s2) - 0.5 / (s1 * s1);
    const double qb = m1 / (s1 * s1) - m2 / (s2 * s2);
    const double qc = 0.5 * m2 * m2 / (s2 * s2) - 0.5 * m1 * m1 / (s1 * s1) + std::log(s2 / s1);
    const double disc = std::fmax(qb * qb - 4.0 * qa * qc, 0.0);
    const double t = -0.5 * (qb + std::copysign(std::sqrt(disc), qb));
    double x1 = t / qa, x2 = t != 0.0 ? qc / t : x1;
    if (x1 > x2)
        std::swap(x1, x2);
    const double inner = (cdf(a, x2) - cdf(a, x1)) - (cdf(b, x2) - cdf(b, x1));
    return std::clamp(std::fabs(inner), 0.0, 1.0);
}

} // namespace klscope
