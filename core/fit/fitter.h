#pragma once

// Fits Q_theta to P by minimising KL(P||Q) (forward), KL(Q||P) (reverse) or Minka's alpha-divergence
// (fitobjective.h), and reports every distinct local minimum.
//
// Closed forms first (method "closed_form"), for the forward direction (or alpha = 1):
//   * normal Q: moment matching, mu = E_P[X], sigma^2 = Var_P(X) + (E_P[X] - mu)^2 (the second term is 0
//     unless mu is fixed), since KL(P||Q) = E_P[-ln q] - h(P) and E_P[-ln q] = ln(sigma sqrt(2 pi)) +
//     E_P[(X - mu)^2] / (2 sigma^2) (Bishop, PRML, 10.7: an exponential family matches its sufficient
//     statistics);
//   * lognormal Q against a lognormal P: the moments of ln X, which are P's own mu and sigma;
//   * binomial Q with n fixed: p = E_P[X] / n; Poisson Q: lambda = E_P[X] (the mean is the sufficient
//     statistic).
// Otherwise a multistart search in unconstrained coordinates (fitfamily.h):
//   * one free parameter: the coordinate box, widened by 4 on each side, is cut into `starts` equal pieces,
//     each widened by a quarter on both sides so neighbours overlap, and Boost.Math's brent_find_minima
//     (Brent, "Algorithms for minimization without derivatives", 1973, ch. 5) minimises over each to half
//     the digits of a double; a minimum on a piece's end belongs to a neighbour and is dropped;
//   * two or three: NLopt's LN_BOBYQA (Powell 2009, derivative-free quadratic models) from `starts` points
//     of a Halton sequence over the box (a warm start: from the points given, with an initial step a
//     quarter of the multistart's), stopping when a step changes every coordinate by less than xtolRel
//     (relative, or absolute 1e-12 near 0) or the objective by less than ftolAbs, or after maxEvaluations;
//   * then each end point is polished by up to 6 Newton steps with a central-difference gradient and
//     Hessian (step 1e-4 max(1, |u|) per coordinate), which takes it from the optimiser's ~1e-5 to ~1e-8
//     in the coordinates;
//   * a point is a minimum when that Hessian is positive definite (Cholesky, every pivot above 1e-9 times
//     the largest diagonal entry); saddles and flat directions are dropped and counted, as are points that
//     ran to the box's edge (the fit leaves the family, e.g. nu -> infinity) or end next to where the
//     objective is infinite (a discretised normal or Poisson Q pressed against the end of a finite P's
//     support, where its cut tail would leave it: no interior minimum);
//   * two minima are one when every coordinate differs by at most distinctTolerance max(1, |u|); an end
//     point that close to a minimum already polished is that minimum and is not polished again.

#include "fitobjective.h"

#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

namespace klscope {

enum class FitDirection
{
    Forward, ///< minimise KL(P||Q)
    Reverse, ///< minimise KL(Q||P)
    Alpha    ///< minimise D_alpha(P||Q) with FitOptions::alpha
};

struct FitOptions
{
    std::size_t starts = 16;
    double alpha = 0.5;              ///< for FitDirection::Alpha, in [0, 1]
    double xtolRel = 1e-10;          ///< NLopt's relative step tolerance, in the coordinates
    double ftolAbs = 1e-15;          ///< NLopt's absolute tolerance on the objective, nats
    int maxEvaluations = 3000;       ///< per start
    double distinctTolerance = 1e-4; ///< coordinates closer than this (times max(1, |u|)) are one minimum
    bool closedForms = true;         ///< false: always search (tests compare the two)
    /// A warm start: the search starts only from these points (every parameter, fitParameters order; the
    /// fixed ones are ignored) instead of the `starts` multistart points. With one free parameter, Brent
    /// searches only the multistart's pieces that hold a point. Empty: the full multistart.
    std::vector<std::vector<double>> startPoints;
};

/// One fitted Q: every parameter (fixed ones included) in fitParameters(family) order, KL both ways and the
/// objective's value.
struct FitPoint
{
    std::vector<double> parameters;
    KlPair kl;
    double value = 0.0;
};

struct FitResult
{
    FitPoint best;                ///< the global minimum (minima.front())
    std::vector<FitPoint> minima; ///< every distinct local minimum, smallest value first
    std::string method;           ///< "closed_form", "brent" or "nlopt_bobyqa"
    std::size_t iterations = 0; ///< objective evaluations over all starts and polishing (0 for a closed form)
    std::size_t saddles = 0;    ///< converged points dropped because the Hessian was not positive definite
    std::size_t escaped = 0;    ///< starts that ran to the coordinate box's edge
};

/// The reason a family cannot fit P in a direction (the objective is infinite or undefined everywhere).
class FitError : public std::invalid_argument
{
public:
    using std::invalid_argument::invalid_argument;
};

/// Fits Q to P. Throws FitError when the objective is not finite at any start or the closed form does not
/// exist (a normal Q forward to a P without finite variance), std::invalid_argument for alpha outside [0, 1].
FitResult fit(const FitObjective &objective, FitDirection direction, const FitOptions &options = {});

/// The start points of a warm fit (FitOptions::startPoints): every minimum of each result given (null ones
/// skipped), in order. While P is dragged, the alpha fit starts from the previous alpha fit's minima and the
/// fresh forward and reverse fits, between which it lies (Minka 2005: alpha moves the fit continuously from
/// the reverse fit at 0 to the forward fit at 1).
std::vector<std::vector<double>> warmStarts(std::initializer_list<const FitResult *> results);

/// The objective the fit minimises, at a full parameter vector.
double fitValue(const FitObjective &objective, FitDirection direction, double alpha,
                std::span<const double> parameters) noexcept;

} // namespace klscope
