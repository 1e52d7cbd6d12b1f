// Closed-form and multistart fits (the method is described in fitter.h).

#include "fitter.h"

#include <boost/math/tools/minima.hpp>
#include <nlopt.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace klscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// What the optimisers see where the objective is infinite or undefined: large, but far from overflow so a
// quadratic model built on it stays finite.
constexpr double kPenalty = 1e30;

struct Box
{
    double lo, hi;
};

// A region of coordinates where the minima are looked for, from P's location and spread.
Box startBox(const FitObjective &objective, std::size_t index)
{
    const FitFamily family = objective.family();
    const FitParameter info = fitParameters(family)[index];
    const double q10 = objective.targetQuantile(0.1), q50 = objective.targetQuantile(0.5),
                 q90 = objective.targetQuantile(0.9);
    double spread = std::isfinite(objective.targetVariance()) && objective.targetVariance() > 0.0
                        ? std::sqrt(objective.targetVariance())
                        : (q90 - q10) / 2.5631;
    if (!(spread > 0.0) || !std::isfinite(spread))
        spread = std::max(1.0, std::fabs(q50));
    double centre = std::isfinite(objective.targetMean()) ? objective.targetMean() : q50;
    if (family == FitFamily::LogNormal) {
        // The parameters of ln X.
        if (info.kind == ParameterKind::Real)
            return q50 > 0.0 ? Box{std::log(q50) - 3.0, std::log(q50) + 3.0} : Box{-3.0, 3.0};
        return {std::log(0.05), std::log(3.0)};
    }
    if (objective.discreteTarget() && std::isnan(objective.targetVariance())) {
        // A discrete P's spread from its quantiles (variance() is not part of the discrete core).
        spread = std::max(0.5, (q90 - q10) / 2.5631);
    }
    switch (info.kind) {
    case ParameterKind::Real:
        return {centre - 2.5 * spread, centre + 2.5 * spread};
    case ParameterKind::Positive:
        if (info.scale)
            return {std::log(spread / 20.0), std::log(2.0 * spread)};
        if (info.name == "lambda") {
            const double m = std::max(centre, 1e-3);
            return {std::log(m / 10.0), std::log(m * 10.0)};
        }
        if (info.name == "nu")
            return {std::log(0.5), std::log(100.0)};
        return {std::log(0.1), std::log(100.0)};
    case ParameterKind::Unit:
        return {-5.0, 5.0};
    case ParameterKind::Count:
        break;
    }
    return {-1.0, 1.0};
}

// The van der Corput radical inverse of i in `base`: the Halton sequence's coordinate.
double radicalInverse(std::uint64_t i, std::uint64_t base)
{
    double f = 1.0, r = 0.0;
    while (i > 0) {
        f /= static_cast<double>(base);
        r += f * static_cast<double>(i % base);
        i /= base;
    }
    return r;
}

// The objective over the free coordinates, counting evaluations.
class Search
{
public:
    Search(const FitObjective &objective, FitDirection direction, double alpha)
        : m_objective(objective), m_direction(direction), m_alpha(alpha),
          m_parameters(objective.fixedValues().begin(), objective.fixedValues().end())
    {
        // P's side of the alpha-divergence is the same for every Q the search tries: prepared once.
        if (direction == FitDirection::Alpha && alpha > 0.0 && alpha < 1.0)
            m_weights = objective.alphaWeights(alpha);
    }

    std::size_t dimension() const { return m_objective.freeIndices().size(); }

    const std::vector<double> &parameters(std::span<const double> u)
    {
        const auto info = fitParameters(m_objective.family());
        const auto free = m_objective.freeIndices();
        for (std::size_t i = 0; i < free.size(); ++i)
            m_parameters[free[i]] = fromCoordinate(info[free[i]].kind, u[i]);
        return m_parameters;
    }

    // The objective, or kPenalty where it is not finite.
    double operator()(std::span<const double> u)
    {
        ++evaluations;
        const double v = m_weights ? m_objective.alphaDivergence(parameters(u), *m_weights)
                                   : fitValue(m_objective, m_direction, m_alpha, parameters(u));
        if (std::isfinite(v))
            return v;
        ++penalised;
        return kPenalty;
    }

    std::size_t evaluations = 0;
    std::size_t penalised = 0; ///< evaluations where the objective was not finite

private:
    const FitObjective &m_objective;
    FitDirection m_direction;
    double m_alpha;
    std::vector<double> m_parameters;
    std::optional<FitObjective::AlphaWeights> m_weights;
};

double step(double u)
{
    return 1e-4 * std::max(1.0, std::fabs(u));
}

// Central-difference gradient and Hessian of the search at u (dimension <= 3).
void derivatives(Search &f, std::span<const double> u, std::array<double, 3> &g, std::array<double, 9> &h)
{
    const std::size_t d = u.size();
    std::array<double, 3> x{};
    std::copy(u.begin(), u.end(), x.begin());
    const std::span<const double> xs(x.data(), d);
    const double f0 = f(xs);
    for (std::size_t i = 0; i < d; ++i) {
        const double hi = step(u[i]);
        x[i] = u[i] + hi;
        const double fp = f(xs);
        x[i] = u[i] - hi;
        const double fm = f(xs);
        x[i] = u[i];
        g[i] = (fp - fm) / (2.0 * hi);
        h[i * 3 + i] = (fp - 2.0 * f0 + fm) / (hi * hi);
        for (std::size_t j = 0; j < i; ++j) {
            const double hj = step(u[j]);
            double s = 0.0;
            for (const auto &[si, sj] : {std::pair{1.0, 1.0}, {1.0, -1.0}, {-1.0, 1.0}, {-1.0, -1.0}}) {
                x[i] = u[i] + si * hi;
                x[j] = u[j] + sj * hj;
                s += si * sj * f(xs);
            }
            x[i] = u[i];
            x[j] = u[j];
            h[i * 3 + j] = h[j * 3 + i] = s / (4.0 * hi * hj);
        }
    }
}

// Cholesky factor of the d x d matrix h in place; false unless every pivot exceeds 1e-9 times the largest
// diagonal entry (positive definite, not merely semidefinite up to rounding).
bool cholesky(std::array<double, 9> &h, std::size_t d)
{
    double largest = 0.0;
    for (std::size_t i = 0; i < d; ++i)
        largest = std::max(largest, std::fabs(h[i * 3 + i]));
    if (!(largest > 0.0) || !std::isfinite(largest))
        return false;
    for (std::size_t j = 0; j < d; ++j) {
        double pivot = h[j * 3 + j];
        for (std::size_t k = 0; k < j; ++k)
            pivot -= h[j * 3 + k] * h[j * 3 + k];
        if (!(pivot > 1e-9 * largest))
            return false;
        const double l = std::sqrt(pivot);
        h[j * 3 + j] = l;
        for (std::size_t i = j + 1; i < d; ++i) {
            double s = h[i * 3 + j];
            for (std::size_t k = 0; k < j; ++k)
                s -= h[i * 3 + k] * h[j * 3 + k];
            h[i * 3 + j] = s / l;
        }
    }
    return true;
}

// Solves L L^T x = b with the factor from cholesky().
void solve(const std::array<double, 9> &l, std::size_t d, std::array<double, 3> &b)
{
    for (std::size_t i = 0; i < d; ++i) {
        for (std::size_t k = 0; k < i; ++k)
            b[i] -= l[i * 3 + k] * b[k];
        b[i] /= l[i * 3 + i];
    }
    for (std::size_t i = d; i-- > 0;) {
        for (std::size_t k = i + 1; k < d; ++k)
            b[i] -= l[k * 3 + i] * b[k];
        b[i] /= l[i * 3 + i];
    }
}

enum class Polished
{
    Minimum,
    NotMinimum, ///< the Hessian is not positive definite: a saddle, a maximum or a flat direction
    Edge        ///< next to where the objective is infinite: on the edge of its finite region, not inside
};

// Newton steps from u, then the verdict on where u ends.
Polished polish(Search &f, std::vector<double> &u)
{
    const std::size_t penalised = f.penalised;
    const std::size_t d = u.size();
    std::array<double, 3> g{};
    std::array<double, 9> h{};
    for (int iteration = 0; iteration < 6; ++iteration) {
        derivatives(f, u, g, h);
        if (f.penalised != penalised)
            return Polished::Edge;
        if (!cholesky(h, d))
            return Polished::NotMinimum;
        std::array<double, 3> delta = g;
        solve(h, d, delta);
        std::vector<double> next = u;
        double largest = 0.0;
        for (std::size_t i = 0; i < d; ++i) {
            next[i] -= delta[i];
            largest = std::max(largest, std::fabs(delta[i]) / std::max(1.0, std::fabs(u[i])));
        }
        const double before = f(u), after = f(next);
        // Near the minimum the values agree to rounding; a step that makes things clearly worse is refused.
        if (!(after <= before + 1e-12 * std::max(1.0, std::fabs(before))))
            break;
        u = std::move(next);
        if (largest < 1e-11)
            break;
    }
    derivatives(f, u, g, h);
    if (f.penalised != penalised)
        return Polished::Edge;
    return cholesky(h, u.size()) ? Polished::Minimum : Polished::NotMinimum;
}

bool sameMinimum(std::span<const double> a, std::span<const double> b, double tolerance)
{
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::fabs(a[i] - b[i]) > tolerance * std::max(1.0, std::max(std::fabs(a[i]), std::fabs(b[i]))))
            return false;
    return true;
}

FitPoint pointAt(const FitObjective &objective, FitDirection direction, double alpha, std::vector<double> p)
{
    FitPoint point;
    point.kl = objective.kl(p);
    point.value = fitValue(objective, direction, alpha, p);
    point.parameters = std::move(p);
    return point;
}

std::string directionWords(FitDirection direction)
{
    switch (direction) {
    case FitDirection::Forward:
        return "KL(P||Q)";
    case FitDirection::Reverse:
        return "KL(Q||P)";
    case FitDirection::Alpha:
        return "the alpha-divergence";
    }
    return {};
}

// The closed-form forward fit, when there is one.
std::optional<FitPoint> closedForm(const FitObjective &objective)
{
    const auto fixed = objective.fixedValues();
    std::vector<double> p(fixed.begin(), fixed.end());
    const double m = objective.targetMean();
    const std::string family(fitFamilyKeyword(objective.family()));
    switch (objective.family()) {
    case FitFamily::Normal: {
        const double v = objective.targetVariance();
        if (!std::isfinite(m) || !std::isfinite(v))
            throw FitError("P has no finite " + std::string(std::isfinite(m) ? "variance" : "mean") +
                           ", so E_P[(X - mu)^2] and with it KL(P||Q) are infinite for every normal Q: a "
                           "normal cannot be fitted to it forward (try --direction reverse)");
        if (std::isnan(p[0]))
            p[0] = m;
        if (std::isnan(p[1]))
            p[1] = std::sqrt(v + (m - p[0]) * (m - p[0]));
        break;
    }
    case FitFamily::LogNormal: {
        const auto *c = std::get_if<ContinuousDistribution>(&objective.target());
        const auto *l = c ? std::get_if<LogNormal>(c) : nullptr;
        if (!l)
            return std::nullopt;
        if (std::isnan(p[0]))
            p[0] = l->mu();
        if (std::isnan(p[1]))
            p[1] = std::sqrt(l->sigma() * l->sigma() + (l->mu() - p[0]) * (l->mu() - p[0]));
        break;
    }
    case FitFamily::Binomial:
        p[1] = m / p[0];
        break;
    case FitFamily::Poisson:
        p[0] = m;
        break;
    default:
        return std::nullopt;
    }
    const auto info = fitParameters(objective.family());
    for (std::size_t i = 0; i < p.size(); ++i) {
        const bool inside = info[i].kind == ParameterKind::Positive ? p[i] > 0.0 && std::isfinite(p[i])
                            : info[i].kind == ParameterKind::Unit   ? p[i] > 0.0 && p[i] < 1.0
                                                                    : std::isfinite(p[i]);
        if (!inside)
            throw FitError("the forward fit of a " + family + " Q lies on the edge of the family (" +
                           std::string(info[i].name) + " = " + std::to_string(p[i]) +
                           "), where it is no longer a proper distribution");
    }
    FitPoint point = pointAt(objective, FitDirection::Forward, 1.0, std::move(p));
    if (!std::isfinite(point.kl.pq))
        throw FitError("KL(P||Q) is infinite for every " + family +
                       " Q: P puts mass where the family has none (outside its support)");
    return point;
}

} // namespace

std::vector<std::vector<double>> warmStarts(std::initializer_list<const FitResult *> results)
{
    std::vector<std::vector<double>> points;
    for (const FitResult *r : results)
        if (r)
            for (const FitPoint &m : r->minima)
                points.push_back(m.parameters);
    return points;
}

double fitValue(const FitObjective &objective, FitDirection direction, double alpha,
                std::span<const double> parameters) noexcept
{
    switch (direction) {
    case FitDirection::Forward:
        return objective.kl(parameters).pq;
    case FitDirection::Reverse:
        return objective.kl(parameters).qp;
    case FitDirection::Alpha:
        return objective.alphaDivergence(parameters, alpha);
    }
    return kNaN;
}

FitResult fit(const FitObjective &objective, FitDirection direction, const FitOptions &options)
{
    const double alpha = direction == FitDirection::Alpha ? options.alpha : 1.0;
    if (direction == FitDirection::Alpha && !(alpha >= 0.0 && alpha <= 1.0))
        throw std::invalid_argument("alpha must lie in [0, 1], got " + std::to_string(options.alpha));
    FitResult result;
    if (options.closedForms &&
        (direction == FitDirection::Forward || (direction == FitDirection::Alpha && alpha == 1.0))) {
        if (auto point = closedForm(objective)) {
            point->value = fitValue(objective, direction, alpha, point->parameters);
            result.best = *point;
            result.minima = {*point};
            result.method = "closed_form";
            return result;
        }
    }

    Search search(objective, direction, alpha);
    const auto free = objective.freeIndices();
    const std::size_t d = free.size();
    const std::size_t starts = std::max<std::size_t>(options.starts, 1);
    std::vector<Box> boxes;
    for (const std::size_t index : free)
        boxes.push_back(startBox(objective, index));
    // Where the search may go: the start box widened by 20 units on each side (e^20 in a scale).
    std::vector<double> lower, upper;
    for (const Box &b : boxes) {
        lower.push_back(b.lo - 20.0);
        upper.push_back(b.hi + 20.0);
    }

    std::vector<std::vector<double>> ends;
    bool anyFinite = false;
    // A warm start's points in the coordinates.
    std::vector<std::vector<double>> warm;
    const auto info = fitParameters(objective.family());
    for (const std::vector<double> &p : options.startPoints) {
        if (p.size() != info.size())
            throw std::invalid_argument("a start point of a " +
                                        std::string(fitFamilyKeyword(objective.family())) + " fit needs " +
                                        std::to_string(info.size()) + " parameters");
        std::vector<double> u;
        for (std::size_t i = 0; i < d; ++i)
            u.push_back(std::clamp(toCoordinate(info[free[i]].kind, p[free[i]]), lower[i], upper[i]));
        if (std::all_of(u.begin(), u.end(), [](double c) { return std::isfinite(c); }))
            warm.push_back(std::move(u));
    }
    // Start points that are all out of range leave the full multistart.
    const bool warmStart = !warm.empty();
    if (d == 1) {
        result.method = "brent";
        const double width = (boxes[0].hi - boxes[0].lo + 8.0) / static_cast<double>(starts);
        const double from = boxes[0].lo - 4.0;
        // A warm start searches the pieces that hold one of its points (the nearest piece for a point
        // outside them all).
        std::vector<bool> searched(starts, !warmStart);
        for (const std::vector<double> &u : warm) {
            const double piece = std::floor((u[0] - from) / width);
            searched[static_cast<std::size_t>(std::clamp(piece, 0.0, static_cast<double>(starts - 1)))] =
                true;
        }
        for (std::size_t s = 0; s < starts; ++s) {
            if (!searched[s])
                continue;
            // Neighbouring pieces overlap by a quarter of a piece, so a minimum on a cut is inside one of
            // them.
            const double a = from + width * (static_cast<double>(s) - 0.25), b = a + 1.5 * width;
            std::uintmax_t iterations = static_cast<std::uintmax_t>(options.maxEvaluations);
            const auto [u, v] = boost::math::tools::brent_find_minima(
                [&](double x) {
                    const double xs[1] = {x};
                    return search(xs);
                },
                a, b, std::numeric_limits<double>::digits / 2, iterations);
            anyFinite = anyFinite || v < kPenalty;
            // At a piece's end the minimum belongs to the neighbour (or lies outside the search's reach).
            if (v >= kPenalty || u - a < 1e-6 * width || b - u < 1e-6 * width)
                continue;
            ends.push_back({u});
        }
    } else {
        result.method = "nlopt_bobyqa";
        const std::array<std::uint64_t, 3> bases = {2, 3, 5};
        const std::size_t runs = warmStart ? warm.size() : starts;
        for (std::size_t s = 0; s < runs; ++s) {
            std::vector<double> u(d);
            for (std::size_t i = 0; i < d; ++i)
                u[i] = warmStart
                           ? warm[s][i]
                           : boxes[i].lo + (boxes[i].hi - boxes[i].lo) * radicalInverse(s + 1, bases[i]);
            nlopt::opt opt(nlopt::LN_BOBYQA, static_cast<unsigned>(d));
            opt.set_lower_bounds(lower);
            opt.set_upper_bounds(upper);
            opt.set_xtol_rel(options.xtolRel);
            opt.set_xtol_abs(1e-12);
            opt.set_ftol_abs(options.ftolAbs);
            opt.set_maxeval(options.maxEvaluations);
            std::vector<double> stepSizes;
            // A warm start begins near a minimum: a smaller first step finds it with fewer evaluations.
            for (const Box &b : boxes)
                stepSizes.push_back((b.hi - b.lo) / (warmStart ? 32.0 : 8.0));
            opt.set_initial_step(stepSizes);
            opt.set_min_objective(
                [](unsigned n, const double *x, double *, void *data) {
                    return (*static_cast<Search *>(data))(std::span<const double>(x, n));
                },
                &search);
            double v = kPenalty;
            try {
                opt.optimize(u, v);
            } catch (const std::exception &) {
                // NLopt gave up (round-off limited or a failure): its last point is still judged below.
                v = search(u);
            }
            anyFinite = anyFinite || v < kPenalty;
            if (v >= kPenalty)
                continue;
            ends.push_back(std::move(u));
        }
    }
    if (!anyFinite) {
        const std::string family(fitFamilyKeyword(objective.family()));
        throw FitError(
            directionWords(direction) + " is infinite or undefined for every " + family +
            " Q the fit tried (" + std::to_string(warmStart ? warm.size() : starts) + " starts): " +
            (direction == FitDirection::Reverse
                 ? "every such Q puts mass where P has none"
                 : "P puts mass where every such Q has none, or has tails heavier than any such Q"));
    }

    std::vector<std::vector<double>> minima;
    for (std::vector<double> &u : ends) {
        bool edge = false;
        for (std::size_t i = 0; i < d; ++i)
            edge = edge || u[i] <= lower[i] + 1e-3 || u[i] >= upper[i] - 1e-3;
        if (edge) {
            ++result.escaped;
            continue;
        }
        // Most starts end at a minimum found already (the optimiser's ~1e-5 is well inside the tolerance):
        // polishing it again would cost ~75 evaluations and find the same point.
        if (std::any_of(minima.begin(), minima.end(),
                        [&](const auto &m) { return sameMinimum(m, u, options.distinctTolerance); }))
            continue;
        const Polished verdict = polish(search, u);
        if (verdict == Polished::Edge) {
            ++result.escaped;
            continue;
        }
        if (verdict == Polished::NotMinimum) {
            ++result.saddles;
            continue;
        }
        if (std::none_of(minima.begin(), minima.end(),
                         [&](const auto &m) { return sameMinimum(m, u, options.distinctTolerance); }))
            minima.push_back(u);
    }
    result.iterations = search.evaluations;
    for (const auto &u : minima)
        result.minima.push_back(pointAt(objective, direction, alpha, search.parameters(u)));
    std::sort(result.minima.begin(), result.minima.end(),
              [](const FitPoint &a, const FitPoint &b) { return a.value < b.value; });
    if (result.minima.empty())
        throw FitError("no start of the fit converged to a minimum of " + directionWords(direction) + " (" +
                       std::to_string(result.escaped) + " ran off to the edge of the " +
                       std::string(fitFamilyKeyword(objective.family())) +
                       " family or of the region where the divergence is finite, " +
                       std::to_string(result.saddles) + " ended where the Hessian is not positive definite)");
    result.best = result.minima.front();
    return result;
}

} // namespace klscope
