// Closed forms of KL within one family (the formulas and why each step is accurate are in
// closedform.h), on Boost.Math's log1pmx(x) = ln(1+x) - x.

#include "closedform.h"

#include "mathpolicy.h"

#include <boost/math/special_functions/log1p.hpp>

#include <cmath>

namespace klscope {

namespace {
bool interior(double p)
{
    return p > 0.0 && p < 1.0;
}
} // namespace

double klTerm(double a, double logA, double logB, double bMinusA) noexcept
{
    // b/a in [1/2, 3/2]: log1pmx's argument lies in [-1/2, 1/2], where it is accurate and finite.
    if (std::fabs(bMinusA) <= 0.5 * a)
        return -a * boost::math::log1pmx(bMinusA / a);
    return a * (logA - logB) + bMinusA;
}

double bernoulliKl(double a, double b) noexcept
{
    return klTerm(a, std::log(a), std::log(b), b - a) +
           klTerm(1.0 - a, std::log1p(-a), std::log1p(-b), a - b);
}

std::optional<double> closedFormKl(const Distribution &p, const Distribution &q)
{
    if (p.index() != q.index())
        return std::nullopt;
    if (const auto *a = std::get_if<Poisson>(&p)) {
        const double l1 = a->rate(), l2 = std::get<Poisson>(q).rate();
        if (l1 <= 0.0 || l2 <= 0.0)
            return std::nullopt;
        return klTerm(l1, std::log(l1), std::log(l2), l2 - l1);
    }
    if (const auto *a = std::get_if<Binomial>(&p)) {
        const auto &b = std::get<Binomial>(q);
        if (a->trials() != b.trials() || !interior(a->successProbability()) ||
            !interior(b.successProbability()))
            return std::nullopt;
        return static_cast<double>(a->trials()) *
               bernoulliKl(a->successProbability(), b.successProbability());
    }
    if (const auto *a = std::get_if<Geometric>(&p)) {
        const double pa = a->successProbability(), pb = std::get<Geometric>(q).successProbability();
        if (!interior(pa) || !interior(pb))
            return std::nullopt;
        return bernoulliKl(pa, pb) / pa;
    }
    if (const auto *a = std::get_if<NegativeBinomial>(&p)) {
        const auto &b = std::get<NegativeBinomial>(q);
        const double pa = a->successProbability(), pb = b.successProbability();
        if (a->successes() != b.successes() || !interior(pa) || !interior(pb))
            return std::nullopt;
        return a->successes() * bernoulliKl(pa, pb) / pa;
    }
    if (const auto *a = std::get_if<Bernoulli>(&p)) {
        const double pa = a->successProbability(), pb = std::get<Bernoulli>(q).successProbability();
        if (!interior(pa) || !interior(pb))
            return std::nullopt;
        return bernoulliKl(pa, pb);
    }
    return std::nullopt;
}

} // namespace klscope
