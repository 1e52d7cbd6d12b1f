// The support and tail rules of infinitykl.h.

#include "infinitykl.h"

#include "validation.h"

#include <cctype>
#include <cmath>

namespace klscope {

namespace {

std::string interval(const Interval &i)
{
    const auto end = [](double x) {
        return std::isinf(x) ? std::string(x > 0 ? "inf" : "-inf") : validation::formatNumber(x);
    };
    std::string out("["); // appended: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string
    out.append(end(i.low)).append(", ").append(end(i.high)).append("]");
    return out;
}

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

std::string tailName(const Tail &t)
{
    switch (t.kind) {
    case TailClass::Gaussian:
        return "Gaussian";
    case TailClass::Exponential:
        return "exponential";
    case TailClass::LogNormal:
        return "lognormal";
    case TailClass::Polynomial:
        return "polynomial (density ~ |x|^-" + validation::formatNumber(t.degree) + ")";
    case TailClass::Bounded:
        break;
    }
    return "bounded";
}

} // namespace

std::string infiniteKlReason(const ContinuousDistribution &p, const ContinuousDistribution &q,
                             std::string_view pName, std::string_view qName)
{
    const std::string P(pName), Q(qName);
    const std::string kl = "KL(" + P + "||" + Q + ") = inf";
    const Interval sp = support(p), sq = support(q);
    if (!sp.inside(sq))
        return kl + " by the support rule: " + P + "'s support " + interval(sp) + " is not inside " + Q +
               "'s support " + interval(sq) + ", so " + P + " puts probability where " + Q +
               "'s density is 0 and the log ratio is infinite there.";
    const Tails tp = tails(p), tq = tails(q);
    const struct
    {
        const Tail &p, &q;
        const char *side;
    } sides[] = {{tp.left, tq.left, "left"}, {tp.right, tq.right, "right"}};
    for (const auto &s : sides) {
        if (s.p.kind == TailClass::Bounded || s.q.kind == TailClass::Bounded)
            continue;
        const double k = growthOrder(s.q.kind);
        if (k > 0.0 && !(k < s.p.momentLimit())) {
            const std::string growth = k == 2.0 ? "x^2" : "|x|";
            const std::string moment = k == 2.0 ? "second moment E[X^2]" : "mean E|X|";
            // The density's letter: q for Q, p for P.
            const std::string lq = "-ln " + std::string(1, static_cast<char>(std::tolower(Q[0]))) + "(x)";
            return kl + " by the tail rule: on the " + std::string(s.side) + " " + Q + "'s tail is " +
                   tailName(s.q) + ", so " + lq + " grows like " + growth + ", but " + P + "'s " + s.side +
                   " tail is " + tailName(s.p) + " and " + P + " has no finite " + moment + " there, so E_" +
                   P + "[" + lq + "] diverges.";
        }
    }
    return {};
}

} // namespace klscope
