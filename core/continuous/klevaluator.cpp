// The evaluators of klevaluator.h.

#include "klevaluator.h"

#include "continuouscomparison.h"
#include "infinitykl.h"
#include "mixturekl.h"

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace klscope {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ContinuousDistribution standardMember(ContinuousFamily f, double nu)
{
    switch (f) {
    case ContinuousFamily::Normal:
    case ContinuousFamily::LogNormal:
        return Normal(0.0, 1.0);
    case ContinuousFamily::Laplace:
        return Laplace(0.0, 1.0);
    case ContinuousFamily::Cauchy:
        return Cauchy(0.0, 1.0);
    case ContinuousFamily::StudentT:
        return StudentT(nu, 0.0, 1.0);
    case ContinuousFamily::Exponential:
        return Exponential(1.0);
    default:
        throw std::invalid_argument(
            "the KL evaluator takes a normal, Laplace, Cauchy, Student t, lognormal or "
            "exponential Q");
    }
}

// A member of the family with these parameters, or false when they are out of range (checked here so that
// no constructor throws, and so no exception message is built, on the hot path).
bool makeQ(ContinuousFamily f, double nu, std::span<const double> theta, ContinuousDistribution &out) noexcept
{
    const double big = std::numeric_limits<double>::max();
    const auto finite = [&](std::size_t i) {
        return i < theta.size() && std::isfinite(theta[i]);
    };
    const auto positive = [&](std::size_t i) {
        return finite(i) && theta[i] > 0.0 && theta[i] <= big;
    };
    switch (f) {
    case ContinuousFamily::Normal:
        if (!finite(0) || !positive(1))
            return false;
        out = Normal(theta[0], theta[1]);
        return true;
    case ContinuousFamily::LogNormal:
        if (!finite(0) || !positive(1) || std::fabs(theta[0]) > 1e300 || theta[1] > 1e300)
            return false;
        out = LogNormal(theta[0], theta[1]);
        return true;
    case ContinuousFamily::Laplace:
        if (!finite(0) || !positive(1))
            return false;
        out = Laplace(theta[0], theta[1]);
        return true;
    case ContinuousFamily::Cauchy:
        if (!finite(0) || !positive(1))
            return false;
        out = Cauchy(theta[0], theta[1]);
        return true;
    case ContinuousFamily::StudentT:
        if (!finite(0) || !positive(1))
            return false;
        out = StudentT(nu, theta[0], theta[1]);
        return true;
    case ContinuousFamily::Exponential:
        if (!positive(0) || theta[0] > 1e300)
            return false;
        out = Exponential(theta[0]);
        return true;
    default:
        return false;
    }
}

// E_P[-ln q] for a Gaussian mixture P and a Student t Q by the trapezoid rule in each component's z =
// (x - m)/s over |z| <= 10 (phi(z) ln q is below 1e-20 of the sum beyond: ln q grows like ln z). ln q =
// const - (nu + 1)/2 ln(1 + ((x - mu)/sigma)^2/nu) is analytic in the strip |Im z| < sigma sqrt(nu)/s, so
// the step is a quarter of that (at most 1/2), as for the normal Q's trapezoid rule below: an error near
// e^(-2 pi 4) relative or less (Trefethen & Weideman 2014). NaN when a component would need more than 2049
// points (a t much narrower than the component): the caller integrates adaptively then.
double studentTCrossEntropy(const GaussianMixture &p, const StudentT &q) noexcept
{
    constexpr double invSqrt2Pi = 0.39894228040143267794;
    double total = 0.0;
    for (const MixtureComponent &c : p.components()) {
        const double dz = std::fmin(0.5, 0.25 * q.sigma() * std::sqrt(q.nu()) / c.sigma);
        if (!(dz >= 20.0 / 2048.0))
            return kNaN;
        const int half = static_cast<int>(std::ceil(10.0 / dz));
        double sum = 0.0;
        for (int j = -half; j <= half; ++j) {
            const double z = j * dz;
            sum -= std::exp(-0.5 * z * z) * logpdf(q, c.mu + c.sigma * z);
        }
        total += c.weight * dz * invSqrt2Pi * sum;
    }
    return total;
}

} // namespace

ContinuousKlEvaluator::ContinuousKlEvaluator(const ContinuousDistribution &p, ContinuousFamily q, double nu)
    : m_p(p), m_family(q), m_nu(nu)
{
    const ContinuousDistribution standard = standardMember(q, nu);
    const ContinuousDistribution representative =
        q == ContinuousFamily::LogNormal ? LogNormal(0.0, 1.0) : standard;
    m_infinitePQ = !infiniteKlReason(p, representative).empty();
    m_infiniteQP = !infiniteKlReason(representative, p).empty();
    m_meanP = mean(p);
    m_varianceP = variance(p);
    m_entropyP = entropy(p);
    if (std::isnan(m_entropyP)) {
        ContinuousCompareOptions o;
        o.samples = 0;
        o.gridPoints = 0;
        m_entropyP = compareContinuous(p, p, o).entropyP.value;
    }
    if (const auto mixture = asGaussianMixture(p)) {
        // ln p is analytic in a strip around the real axis of half-width d: at least the narrowest
        // component's sigma, and for components far apart the zeros of p come within about pi sigma^2/|mu_i -
        // mu_j|.
        double sigmaMin = kInf, spread = 0.0;
        for (const MixtureComponent &a : mixture->components()) {
            sigmaMin = std::fmin(sigmaMin, a.sigma);
            for (const MixtureComponent &b : mixture->components())
                spread = std::fmax(spread, std::fabs(a.mu - b.mu));
        }
        m_stripP =
            spread > 0.0 ? std::fmin(sigmaMin, std::numbers::pi * sigmaMin * sigmaMin / spread) : sigmaMin;
        m_gaussianP = true;
        m_mixtureP = mixture;
    }
}

KlPair ContinuousKlEvaluator::evaluate(std::span<const double> theta) const noexcept
{
    ContinuousDistribution q = Normal(0.0, 1.0);
    if (!makeQ(m_family, m_nu, theta, q))
        return {kNaN, kNaN};
    KlPair r;
    const bool normalQ = m_family == ContinuousFamily::Normal;
    if (m_infinitePQ) {
        r.pq = kInf;
    } else if (normalQ && std::isfinite(m_varianceP)) {
        // ln q is quadratic: E_P[-ln q] needs only P's mean and variance.
        constexpr double halfLog2Pi = 0.91893853320467274178;
        const double mu = theta[0], sigma = theta[1];
        const double d = (m_meanP - mu) / sigma;
        r.pq = -m_entropyP + std::log(sigma) + halfLog2Pi + 0.5 * (m_varianceP / (sigma * sigma) + d * d);
    } else if (m_family == ContinuousFamily::Laplace && m_mixtureP) {
        // E_P|X - mu| component by component: the mean of a folded normal.
        constexpr double sqrt2OverPi = 0.79788456080286535588, invSqrt2 = 0.70710678118654752440;
        const double mu = theta[0], b = theta[1];
        double absolute = 0.0;
        for (const MixtureComponent &c : m_mixtureP->components()) {
            const double d = c.mu - mu, z = d / c.sigma;
            absolute +=
                c.weight * (c.sigma * sqrt2OverPi * std::exp(-0.5 * z * z) + d * std::erf(z * invSqrt2));
        }
        r.pq = -m_entropyP + std::log(2.0 * b) + absolute / b;
    } else if (const double t = m_family == ContinuousFamily::StudentT && m_mixtureP
                                    ? studentTCrossEntropy(*m_mixtureP, std::get<StudentT>(q))
                                    : kNaN;
               !std::isnan(t)) {
        r.pq = t - m_entropyP;
    } else {
        r.pq = klByQuadrature(m_p, q).value;
    }
    const bool laplaceOrT = m_family == ContinuousFamily::Laplace || m_family == ContinuousFamily::StudentT;
    if (m_infiniteQP) {
        r.qp = kInf;
    } else if (const auto *normalP = std::get_if<Normal>(&m_p);
               normalP && laplaceOrT && std::isfinite(variance(q))) {
        // ln p is quadratic: E_Q[-ln p] needs only Q's mean and variance (finite here, or the tail rule
        // would have made KL(Q||P) infinite).
        constexpr double halfLog2Pi = 0.91893853320467274178;
        const double d = (mean(q) - normalP->mu()) / normalP->sigma();
        r.qp = -entropy(q) + std::log(normalP->sigma()) + halfLog2Pi +
               0.5 * (variance(q) / (normalP->sigma() * normalP->sigma()) + d * d);
    } else if (normalQ && m_gaussianP) {
        // E_Q[ln p] by the trapezoid rule in z = (x - mu)/sigma over |z| <= 10 (beyond, phi(z) ln p(x) is
        // below 1e-19 of the sum: ln p grows like z^2 at most). Its error is about e^(-2 pi d/h) for a step h
        // (in x) inside P's analytic strip d, so h = d/4 gives about 1e-11 (and never more than 2049 points).
        const double mu = theta[0], sigma = theta[1];
        const double dz = std::fmax(std::fmin(0.5, 0.25 * m_stripP / sigma), 20.0 / 2048.0);
        const int half = static_cast<int>(std::ceil(10.0 / dz));
        constexpr double invSqrt2Pi = 0.39894228040143267794;
        double crossEntropy = 0.0;
        for (int j = -half; j <= half; ++j) {
            const double z = j * dz;
            crossEntropy -= dz * invSqrt2Pi * std::exp(-0.5 * z * z) * logpdf(m_p, mu + sigma * z);
        }
        r.qp = crossEntropy - entropy(q);
    } else {
        r.qp = klByQuadrature(q, m_p).value;
    }
    return r;
}

DiscreteKlEvaluator::DiscreteKlEvaluator(const Distribution &p, Family q)
    : m_distribution(p), m_family(q), m_support(support(p))
{
    if (q == Family::Custom)
        throw std::invalid_argument("the KL evaluator needs a parametric family for Q, not custom");
    m_p.resize(m_support.size());
    m_logP.resize(m_support.size());
    klscope::evaluate(p, m_support, m_p, m_logP);
}

KlPair DiscreteKlEvaluator::evaluate(std::span<const double> theta) const noexcept
{
    try {
        const Distribution q = makeDistribution(m_family, theta);
        KlPair r;
        double pq = 0.0;
        for (std::size_t i = 0; i < m_p.size(); ++i) {
            if (m_p[i] == 0.0)
                continue;
            const double lq = logpmf(q, m_support.first + static_cast<std::int64_t>(i));
            pq += lq == -kInf ? kInf : m_p[i] * (m_logP[i] - lq);
        }
        r.pq = pq;
        const EventRange sq = support(q);
        double qp = 0.0;
        for (std::int64_t k = sq.first; k <= sq.last; ++k) {
            const double lq = logpmf(q, k);
            const double qk = std::exp(lq);
            if (qk == 0.0)
                continue;
            // Beyond P's cut support (an infinite family's tail below 1e-16) its log mass is computed.
            const double lp = m_support.contains(k) ? m_logP[static_cast<std::size_t>(k - m_support.first)]
                                                    : logpmf(m_distribution, k);
            qp += lp == -kInf ? kInf : qk * (lq - lp);
        }
        r.qp = qp;
        return r;
    } catch (...) {
        // An out-of-range theta (the constructor's message is the only allocation, on this error path).
        return {kNaN, kNaN};
    }
}

} // namespace klscope
