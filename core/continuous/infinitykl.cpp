// The support and tail rules of infinitykl.h.

#include "infinitykl.h"

#include "validation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace klscope {

namespace {

// The order k with -ln q(x) ~ |x|^k on a side (0 for logarithmic growth).
double growthOrder(TailClass kind)
{
    switch (kind) {
    case TailClass::Gaussian:
        return 2.0;
    case TailClass::Exponential:
        return 1.0;
    default:
        return 0.0;
    }
}

// The family as a noun with its article: "a normal", "a Cauchy", "a Gaussian mixture".
std::string familyNoun(const ContinuousDistribution &d)
{
    switch (family(d)) {
    case ContinuousFamily::Normal:
        return "a normal";
    case ContinuousFamily::LogNormal:
        return "a lognormal";
    case ContinuousFamily::Exponential:
        return "an exponential";
    case ContinuousFamily::Gamma:
        return "a gamma";
    case ContinuousFamily::Beta:
        return "a beta";
    case ContinuousFamily::Laplace:
        return "a Laplace";
    case ContinuousFamily::StudentT:
        return "a Student t";
    case ContinuousFamily::Cauchy:
        return "a Cauchy";
    case ContinuousFamily::ContinuousUniform:
        return "a uniform";
    case ContinuousFamily::GaussianMixture:
        return "a Gaussian mixture";
    }
    return "a distribution";
}

// A share of probability for a sentence: "0.5", "0.0013", "all", "a tiny part" (underflowed to 0).
std::string massText(double mass)
{
    if (!(mass > 0))
        return "a tiny part";
    if (mass >= 1)
        return "all";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2g", mass);
    return buffer;
}

} // namespace

std::string infiniteKlReason(const ContinuousDistribution &p, const ContinuousDistribution &q,
                             std::string_view pName, std::string_view qName)
{
    const std::string P(pName), Q(qName);
    const std::string kl = "KL(" + P + "‖" + Q + ") = ∞";
    const Interval sp = support(p), sq = support(q);
    if (!sp.inside(sq)) {
        // Where Q's density is 0 and how much of P lies there, on each side of Q's support.
        std::string where;
        if (sp.low < sq.low)
            where = "for x < " + validation::formatNumber(sq.low) + ", where " + P + " holds " +
                    massText(cdf(p, sq.low)) + " of its mass";
        if (sp.high > sq.high) {
            where += where.empty() ? "for" : ", and for";
            where += " x > " + validation::formatNumber(sq.high) + ", where " + P + " holds " +
                     massText(1.0 - cdf(p, sq.high)) + " of its mass";
        }
        return kl + " (support rule). " + Q + " = 0 " + where + ".";
    }
    const Tails tp = tails(p), tq = tails(q);
    const struct
    {
        const Tail &p, &q;
    } sides[] = {{tp.left, tq.left}, {tp.right, tq.right}};
    // The order k of Q's tail that P's moments cannot match, and on how many sides.
    double order = 0.0;
    int heavier = 0;
    bool right = false;
    for (const auto &s : sides) {
        if (s.p.kind == TailClass::Bounded || s.q.kind == TailClass::Bounded)
            continue;
        const double k = growthOrder(s.q.kind);
        if (k > 0.0 && !(k < s.p.momentLimit())) {
            order = std::max(order, k);
            ++heavier;
            right = &s.p == &tp.right;
        }
    }
    if (heavier == 0)
        return {};
    // The density's letter: q for Q, p for P.
    const char lq = static_cast<char>(std::tolower(static_cast<unsigned char>(Q[0])));
    return kl + " (tail rule). " + P + "'s " +
           (heavier == 2 ? std::string("tails are") : std::string(right ? "right" : "left") + " tail is") +
           " heavier: " + familyNoun(p) + " has no " + (order == 2.0 ? "variance" : "mean") + ", so E_" + P +
           "[−log " + lq + "] diverges against " + familyNoun(q) + " " + Q + ".";
}

} // namespace klscope
