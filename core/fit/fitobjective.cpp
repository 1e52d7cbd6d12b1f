// The fitting objective (formulas in fitobjective.h).

#include "fitobjective.h"

#include "continuouscomparison.h"
#include "discretisednormal.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace klscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kGridNodes = 4001;
constexpr double kHalfLog2Pi = 0.91893853320467274178; // ln(2 pi) / 2

bool validValue(ParameterKind kind, double v) noexcept
{
    switch (kind) {
    case ParameterKind::Real:
        return std::isfinite(v);
    case ParameterKind::Positive:
        return std::isfinite(v) && v > 0.0;
    case ParameterKind::Unit:
        return v > 0.0 && v < 1.0;
    case ParameterKind::Count:
        return v >= 0.0 && v <= 9999999.0 && v == std::floor(v);
    }
    return false;
}

ContinuousFamily continuousFamily(FitFamily f)
{
    switch (f) {
    case FitFamily::Normal:
        return ContinuousFamily::Normal;
    case FitFamily::Laplace:
        return ContinuousFamily::Laplace;
    case FitFamily::StudentT:
        return ContinuousFamily::StudentT;
    case FitFamily::LogNormal:
        return ContinuousFamily::LogNormal;
    default:
        throw std::invalid_argument("not a continuous family");
    }
}

Family discreteFamily(FitFamily f)
{
    switch (f) {
    case FitFamily::Binomial:
        return Family::Binomial;
    case FitFamily::Poisson:
        return Family::Poisson;
    case FitFamily::NegativeBinomial:
        return Family::NegativeBinomial;
    default:
        throw std::invalid_argument("not a discrete family of the core");
    }
}

} // namespace

FitObjective::FitObjective(const FitTarget &p, FitFamily family, std::span<const double> fixed)
    : m_target(p), m_family(family)
{
    const auto info = fitParameters(family);
    const std::string name(fitFamilyKeyword(family));
    if (isDiscrete(family) != discreteTarget())
        throw std::invalid_argument(
            isDiscrete(family)
                ? name + " is a discrete family and P is continuous: KL between a mass function and a "
                         "density is "
                         "not defined, so fit a discrete P or choose normal, laplace, student_t or lognormal"
                : name +
                      " is a continuous family and P is discrete: KL between a density and a mass function "
                      "is "
                      "not defined, so fit a continuous P or choose binomial, poisson, negative_binomial or "
                      "discretised_normal");
    if (!fixed.empty() && fixed.size() != info.size())
        throw std::invalid_argument(name + ": expected " + std::to_string(info.size()) +
                                    " fixed values, got " + std::to_string(fixed.size()));
    m_fixed.assign(info.size(), kNaN);
    for (std::size_t i = 0; i < fixed.size(); ++i) {
        if (std::isnan(fixed[i]))
            continue;
        if (!validValue(info[i].kind, fixed[i]))
            throw std::invalid_argument(name + ": fixed " + std::string(info[i].name) + "=" +
                                        std::to_string(fixed[i]) + " is out of its range");
        m_fixed[i] = fixed[i];
    }
    for (std::size_t i = 0; i < info.size(); ++i) {
        if (info[i].kind == ParameterKind::Count && std::isnan(m_fixed[i]))
            throw std::invalid_argument(name + " needs " + std::string(info[i].name) +
                                        " fixed (a whole number of trials, e.g. " +
                                        std::string(info[i].name) + "=20): it is not fitted");
        if (std::isnan(m_fixed[i]))
            m_free.push_back(i);
    }
    if (m_free.empty())
        throw std::invalid_argument(name + ": every parameter is fixed, so there is nothing to fit");

    if (const auto *c = std::get_if<ContinuousDistribution>(&m_target)) {
        m_mean = mean(*c);
        m_variance = variance(*c);
        if (family != FitFamily::StudentT || !std::isnan(m_fixed[0])) {
            m_continuous.emplace(*c, continuousFamily(family),
                                 family == FitFamily::StudentT ? m_fixed[0] : 5.0);
        } else {
            m_entropyP = entropy(*c);
            if (std::isnan(m_entropyP)) {
                ContinuousCompareOptions o;
                o.samples = 0;
                o.gridPoints = 0;
                m_entropyP = compareContinuous(*c, *c, o).entropyP.value;
            }
        }
        const Interval s = support(*c);
        double lo = quantile(*c, 1e-10), hi = quantile(*c, 1.0 - 1e-10);
        const double width = hi - lo;
        lo = std::max(lo - 0.5 * width, s.low);
        hi = std::min(hi + 0.5 * width, s.high);
        // P's grid for KL(P||Q) of a Student t Q with nu free: the cross entropy -E_P[ln q] counts P's tails.
        const auto fill = [&c](double from, double to, std::vector<double> &nodes,
                               std::vector<double> &weights, std::vector<double> &logP) {
            const double h = (to - from) / static_cast<double>(kGridNodes - 1);
            for (std::size_t i = 0; i < kGridNodes; ++i) {
                const double x = from + h * static_cast<double>(i);
                nodes.push_back(x);
                weights.push_back(i == 0 || i + 1 == kGridNodes ? 0.5 * h : h);
                logP.push_back(logpdf(*c, x));
            }
        };
        if (family == FitFamily::StudentT && std::isnan(m_fixed[0]))
            fill(lo, hi, m_crossNodes, m_crossWeights, m_crossLogP);
        // The alpha-divergence's grid. A heavy tail (a t3's 1e-10 quantile is near -1500, a Cauchy's near
        // -3e9) would leave its step wider than any Q fitted to P's bulk, and the sum ripples as Q moves
        // between nodes (a normal fitted to a t3 found no minimum at all). It ends 100 interquartile ranges
        // out from the quartiles, which cuts only such tails (a normal P's grid is within 6 of its IQRs).
        const double q25 = quantile(*c, 0.25), q75 = quantile(*c, 0.75);
        if (q75 > q25) {
            lo = std::max(lo, q25 - 100.0 * (q75 - q25));
            hi = std::min(hi, q75 + 100.0 * (q75 - q25));
        }
        fill(lo, hi, m_nodes, m_weights, m_logP);
    } else {
        const auto &d = std::get<Distribution>(m_target);
        m_mean = mean(d);
        m_variance = kNaN;
        if (family != FitFamily::DiscretisedNormal)
            m_discrete.emplace(d, discreteFamily(family));
        m_discreteSupport = support(d);
        std::vector<double> mass(m_discreteSupport.size());
        m_logP.resize(m_discreteSupport.size());
        klscope::evaluate(d, m_discreteSupport, mass, m_logP);
        double total = 0.0;
        for (std::size_t i = 0; i < mass.size(); ++i) {
            total += mass[i];
            m_cumulative.push_back(total);
            m_nodes.push_back(static_cast<double>(m_discreteSupport.first + static_cast<std::int64_t>(i)));
            m_weights.push_back(1.0);
        }
    }
}

double FitObjective::targetQuantile(double u) const noexcept
{
    if (const auto *c = std::get_if<ContinuousDistribution>(&m_target))
        return quantile(*c, u);
    if (m_cumulative.empty())
        return kNaN;
    const double target = u * m_cumulative.back();
    const auto it = std::lower_bound(m_cumulative.begin(), m_cumulative.end(), target);
    const auto i =
        std::min<std::size_t>(static_cast<std::size_t>(it - m_cumulative.begin()), m_nodes.size() - 1);
    return m_nodes[i];
}

KlPair FitObjective::kl(std::span<const double> parameters) const noexcept
{
    const auto info = fitParameters(m_family);
    if (parameters.size() != info.size())
        return {kNaN, kNaN};
    for (std::size_t i = 0; i < info.size(); ++i)
        if (!validValue(info[i].kind, parameters[i]))
            return {kNaN, kNaN};
    switch (m_family) {
    case FitFamily::Normal:
    case FitFamily::Laplace:
    case FitFamily::LogNormal:
        return m_continuous->evaluate(parameters);
    case FitFamily::StudentT:
        if (m_continuous)
            return m_continuous->evaluate(parameters.subspan(1));
        // nu free: KL(P||Q) = -h(P) - E_P[ln q] on P's grid, KL(Q||P) by adaptive quadrature (infinite unless
        // P lives on the whole line, as every Student t does).
        try {
            const StudentT q(parameters[0], parameters[1], parameters[2]);
            const auto &pd = std::get<ContinuousDistribution>(m_target);
            double cross = 0.0;
            for (std::size_t i = 0; i < m_crossNodes.size(); ++i)
                if (m_crossLogP[i] != -kInf)
                    cross -= m_crossWeights[i] * std::exp(m_crossLogP[i]) * logpdf(q, m_crossNodes[i]);
            const Interval s = support(pd);
            const double qp = s.low == -kInf && s.high == kInf ? klByQuadrature(q, pd).value : kInf;
            return {cross - m_entropyP, qp};
        } catch (...) {
            return {kNaN, kNaN};
        }
    case FitFamily::Binomial:
    case FitFamily::Poisson:
    case FitFamily::NegativeBinomial:
        return m_discrete->evaluate(parameters);
    case FitFamily::DiscretisedNormal: {
        const double mu = parameters[0], sigma = parameters[1];
        const EventRange sq = discretisedNormalSupport(mu, sigma);
        if (sq.size() > 10000000)
            return {kNaN, kNaN};
        KlPair r;
        for (std::size_t i = 0; i < m_logP.size(); ++i) {
            if (m_logP[i] == -kInf)
                continue;
            const double lq = discretisedNormalLogMass(mu, sigma, m_discreteSupport.first + std::int64_t(i));
            r.pq += lq == -kInf ? kInf : std::exp(m_logP[i]) * (m_logP[i] - lq);
        }
        const auto &d = std::get<Distribution>(m_target);
        for (std::int64_t k = sq.first; k <= sq.last; ++k) {
            const double lq = discretisedNormalLogMass(mu, sigma, k);
            const double qk = std::exp(lq);
            if (qk == 0.0)
                continue;
            double lp = -kInf;
            if (m_discreteSupport.contains(k))
                lp = m_logP[static_cast<std::size_t>(k - m_discreteSupport.first)];
            else if (hasInfiniteSupport(d) && k > m_discreteSupport.last)
                lp = logpmf(d, k);
            r.qp += lp == -kInf ? kInf : qk * (lq - lp);
        }
        return r;
    }
    }
    return {kNaN, kNaN};
}

template <class LogQ>
double FitObjective::gridAffinity(const AlphaWeights &weights, const LogQ &logQ) const noexcept
{
    const double beta = 1.0 - weights.alpha;
    double affinity = 0.0;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (weights.values[i] == 0.0)
            continue;
        const double lq = logQ(m_nodes[i]);
        if (lq == -kInf)
            continue;
        affinity += weights.values[i] * std::exp(beta * lq);
    }
    return affinity;
}

template <class Exponent>
double FitObjective::sweptAffinity(const AlphaWeights &weights, double mu, double scale,
                                   const Exponent &exponent) const noexcept
{
    // Every kAnchor nodes the term is computed afresh (three exps); in between, g(x + h) = g(x) r and
    // r(x + h) = r(x) s, exact for an exponent quadratic or linear in x - mu on that side (the rounding of
    // 16 products stays near 1e-15 relative).
    constexpr std::ptrdiff_t kAnchor = 16;
    const auto n = static_cast<std::ptrdiff_t>(m_nodes.size());
    if (n < 2 || !(weights.largest > 0.0) || !(scale > 0.0))
        return 0.0;
    const double h = m_nodes[1] - m_nodes[0];
    // A term below 1e-22 changes D_alpha = (1 - A) / (alpha (1 - alpha)) by nothing a double holds.
    const double cut = 1e-22 / (scale * weights.largest);
    const auto first =
        static_cast<std::ptrdiff_t>(std::lower_bound(m_nodes.begin(), m_nodes.end(), mu) - m_nodes.begin());
    double sum = 0.0;
    for (const std::ptrdiff_t direction : {std::ptrdiff_t(1), std::ptrdiff_t(-1)}) {
        double g = 0.0, r = 0.0, s = 0.0;
        std::ptrdiff_t sinceAnchor = kAnchor;
        for (std::ptrdiff_t i = direction > 0 ? first : first - 1; i >= 0 && i < n; i += direction) {
            if (sinceAnchor == kAnchor) {
                const double t = m_nodes[static_cast<std::size_t>(i)] - mu,
                             step = static_cast<double>(direction) * h;
                const double e0 = exponent(t), e1 = exponent(t + step), e2 = exponent(t + 2.0 * step);
                g = std::exp(e0);
                r = std::exp(e1 - e0);
                s = std::exp(e2 - 2.0 * e1 + e0);
                sinceAnchor = 0;
            }
            // Moving away from mu the terms only fall: the rest of this side is negligible too.
            if (!(g >= cut))
                break;
            sum += weights.values[static_cast<std::size_t>(i)] * g;
            g *= r;
            r *= s;
            ++sinceAnchor;
        }
    }
    return scale * sum;
}

FitObjective::AlphaWeights FitObjective::alphaWeights(double alpha) const
{
    AlphaWeights w;
    w.alpha = alpha;
    w.values.resize(m_nodes.size());
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        w.values[i] = m_logP[i] == -kInf ? 0.0 : m_weights[i] * std::exp(alpha * m_logP[i]);
        w.largest = std::max(w.largest, w.values[i]);
    }
    return w;
}

double FitObjective::alphaDivergence(std::span<const double> parameters, double alpha) const noexcept
{
    if (!(alpha >= 0.0 && alpha <= 1.0))
        return kNaN;
    if (alpha == 1.0)
        return kl(parameters).pq;
    if (alpha == 0.0)
        return kl(parameters).qp;
    try {
        return alphaDivergence(parameters, alphaWeights(alpha));
    } catch (...) {
        // Out of memory for P's side of the sum.
        return kNaN;
    }
}

double FitObjective::alphaDivergence(std::span<const double> parameters,
                                     const AlphaWeights &weights) const noexcept
{
    const double alpha = weights.alpha;
    if (!(alpha > 0.0 && alpha < 1.0) || weights.values.size() != m_nodes.size())
        return kNaN;
    const auto info = fitParameters(m_family);
    if (parameters.size() != info.size())
        return kNaN;
    for (std::size_t i = 0; i < info.size(); ++i)
        if (!validValue(info[i].kind, parameters[i]))
            return kNaN;
    try {
        // A Laplace Q has a kink at mu, where the trapezoid rule errs by O(h^2) in a way that oscillates as
        // mu moves between nodes (ripples that look like local minima once divided by alpha (1 - alpha)). The
        // Euler-Maclaurin terms of a kink at x_i + theta h take that error out: with J1 and J2 the jumps of
        // f' and f'' there, sum - integral = -h^2 B2(theta) J1 / 2 + h^3 B3(theta) J2 / 6 + O(h^4) (Bernoulli
        // polynomials B2 = theta^2 - theta + 1/6, B3 = theta^3 - 3 theta^2 / 2 + theta / 2). For
        // f = p^alpha q^(1 - alpha), (ln f)' jumps by -2 (1 - alpha) / b, so J1 = -2 (1 - alpha) f / b and
        // J2 = -4 alpha (1 - alpha) f (ln p)' / b.
        const std::span<const double> t = parameters;
        const double beta = 1.0 - alpha;
        double affinity = 0.0;
        // Q is made once per call, not once per node. A normal or Laplace q^(1 - alpha) is a constant times
        // exp of a quadratic or of |x - mu|, which sweptAffinity steps from node to node by products.
        switch (m_family) {
        case FitFamily::Normal: {
            const double mu = t[0], sigma = t[1];
            const double curvature = -0.5 * beta / (sigma * sigma);
            affinity = sweptAffinity(weights, mu, std::exp(-beta * (std::log(sigma) + kHalfLog2Pi)),
                                     [=](double x) { return curvature * x * x; });
            break;
        }
        case FitFamily::Laplace: {
            const double mu = t[0], b = t[1], slope = -beta / b;
            affinity = sweptAffinity(weights, mu, std::exp(-beta * std::log(2.0 * b)),
                                     [=](double x) { return slope * std::fabs(x); });
            break;
        }
        case FitFamily::StudentT: {
            const StudentT q(t[0], t[1], t[2]);
            affinity = gridAffinity(weights, [&q](double x) { return logpdf(q, x); });
            break;
        }
        case FitFamily::LogNormal: {
            const LogNormal q(t[0], t[1]);
            affinity = gridAffinity(weights, [&q](double x) { return logpdf(q, x); });
            break;
        }
        case FitFamily::DiscretisedNormal: {
            const double mu = t[0], sigma = t[1];
            affinity = gridAffinity(weights, [=](double x) {
                return discretisedNormalLogMass(mu, sigma, static_cast<std::int64_t>(x));
            });
            break;
        }
        default: {
            const Distribution q = makeDistribution(discreteFamily(m_family), t);
            affinity =
                gridAffinity(weights, [&q](double x) { return logpmf(q, static_cast<std::int64_t>(x)); });
            break;
        }
        }
        if (m_family == FitFamily::Laplace && !discreteTarget() && m_nodes.size() > 1) {
            const double h = m_nodes[1] - m_nodes[0];
            const double mu = parameters[0], b = parameters[1];
            const double position = (mu - m_nodes.front()) / h;
            if (position > 0.0 && position < static_cast<double>(m_nodes.size() - 1)) {
                const auto &pd = std::get<ContinuousDistribution>(m_target);
                const double lp = logpdf(pd, mu);
                const double d = 1e-5 * std::max(1.0, std::fabs(mu));
                const double slope = (logpdf(pd, mu + d) - logpdf(pd, mu - d)) / (2.0 * d);
                const double f =
                    lp == -kInf ? 0.0 : std::exp(alpha * lp + (1.0 - alpha) * -std::log(2.0 * b));
                const double theta = position - std::floor(position);
                const double b2 = theta * theta - theta + 1.0 / 6.0;
                const double b3 = theta * theta * theta - 1.5 * theta * theta + 0.5 * theta;
                const double j1 = -2.0 * (1.0 - alpha) * f / b;
                const double j2 = std::isfinite(slope) ? -4.0 * alpha * (1.0 - alpha) * f * slope / b : 0.0;
                affinity += 0.5 * h * h * b2 * j1 - h * h * h * b3 * j2 / 6.0;
            }
        }
        return (1.0 - affinity) / (alpha * (1.0 - alpha));
    } catch (...) {
        // A constructor refused the parameters (validated above, so only at the edges of double range).
        return kNaN;
    }
}

} // namespace klscope
