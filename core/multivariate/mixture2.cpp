#include "mixture2.h"

#include "vectorstate.h"

#include <Eigen/Dense>
#include <Eigen/Eigenvalues>
#include <nlopt.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

namespace klscope {

namespace {

constexpr double kLn2Pi = 1.8378770664093454836; // ln 2 pi

// Nodes and weights of the n-point Gauss-Hermite rule for the standard normal (probabilists' Hermite
// polynomials), by Golub & Welsch (1969): the nodes are the eigenvalues of the Jacobi matrix with
// off-diagonal sqrt(k), the weights the squared first components of its unit eigenvectors (they sum to 1).
struct HermiteRule
{
    std::vector<double> x, w;
};

HermiteRule makeRule(int n)
{
    Eigen::MatrixXd j = Eigen::MatrixXd::Zero(n, n);
    for (int k = 1; k < n; ++k)
        j(k, k - 1) = j(k - 1, k) = std::sqrt(double(k));
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(j);
    HermiteRule rule;
    rule.x.resize(std::size_t(n));
    rule.w.resize(std::size_t(n));
    for (int k = 0; k < n; ++k) {
        rule.x[std::size_t(k)] = solver.eigenvalues()(k);
        const double v = solver.eigenvectors()(0, k);
        rule.w[std::size_t(k)] = v * v;
    }
    return rule;
}

const HermiteRule &rule(int n, HermiteRule &scratch)
{
    static const HermiteRule rule64 = makeRule(64);
    if (n == 64)
        return rule64;
    scratch = makeRule(n);
    return scratch;
}

// E_d[f(x)] for d a bivariate normal, by the tensor rule in d's Cholesky coordinates x = mu + L z.
template <class F> double expectation(const Normal2 &d, int nodes, F f)
{
    if (nodes < 2)
        throw std::invalid_argument("The Gauss-Hermite rule needs at least 2 nodes per axis.");
    // A dirty upper AVX state left by other code makes this SSE loop many times slower (vectorstate.h);
    // measured 40 times here after the closed forms had run.
    clearUpperVectorState();
    HermiteRule scratch;
    const HermiteRule &r = rule(nodes, scratch);
    const double a = std::sqrt(d.var1());
    const double b = d.cov() / a;
    const double c = std::sqrt(d.determinant()) / a; // sqrt(var2 - b^2) without the cancellation
    double sum = 0.0;
    for (std::size_t i = 0; i < r.x.size(); ++i) {
        const double x1 = d.mu1() + a * r.x[i];
        const double base = d.mu2() + b * r.x[i];
        double inner = 0.0;
        for (std::size_t j = 0; j < r.x.size(); ++j)
            inner += r.w[j] * f(x1, base + c * r.x[j]);
        sum += r.w[i] * inner;
    }
    return sum;
}

double entropy(const Normal2 &q)
{
    return 1.0 + kLn2Pi + 0.5 * std::log(q.determinant());
}

struct Objective
{
    const Mixture2 *p;
    std::size_t evaluations = 0;
};

double objective(const std::vector<double> &theta, std::vector<double> & /*gradient*/, void *data)
{
    auto *o = static_cast<Objective *>(data);
    ++o->evaluations;
    try {
        return reverseKl(fromTheta(std::span<const double, 5>(theta.data(), 5)), *o->p);
    } catch (const std::invalid_argument &) {
        return std::numeric_limits<double>::max(); // a covariance that rounds to singular
    }
}

// Central-difference Hessian of the objective in theta: its smallest eigenvalue relative to the largest
// magnitude (> 0 at a strict minimum).
double smallestCurvature(const Mixture2 &p, const std::array<double, 5> &theta)
{
    const auto f = [&](std::array<double, 5> t) {
        return reverseKl(fromTheta(std::span<const double, 5>(t)), p);
    };
    constexpr double h = 1e-3;
    const double f0 = f(theta);
    Eigen::Matrix<double, 5, 5> hess;
    for (int i = 0; i < 5; ++i) {
        std::array<double, 5> tp = theta, tm = theta;
        tp[std::size_t(i)] += h;
        tm[std::size_t(i)] -= h;
        hess(i, i) = (f(tp) - 2.0 * f0 + f(tm)) / (h * h);
        for (int j = 0; j < i; ++j) {
            double s = 0.0;
            for (const auto &[si, sj] : {std::pair{1.0, 1.0}, {1.0, -1.0}, {-1.0, 1.0}, {-1.0, -1.0}}) {
                std::array<double, 5> t = theta;
                t[std::size_t(i)] += si * h;
                t[std::size_t(j)] += sj * h;
                s += si * sj * f(t);
            }
            hess(i, j) = hess(j, i) = s / (4.0 * h * h);
        }
    }
    const Eigen::SelfAdjointEigenSolver<Eigen::Matrix<double, 5, 5>> solver(hess, Eigen::EigenvaluesOnly);
    return solver.eigenvalues()(0);
}

std::array<double, 5> minimise(const Mixture2 &p, std::array<double, 5> start, Mixture2Optimizer optimizer,
                               std::array<double, 5> lower, std::array<double, 5> upper)
{
    Objective data{&p};
    std::vector<double> x(start.begin(), start.end());
    for (std::size_t i = 0; i < 5; ++i)
        x[i] = std::clamp(x[i], lower[i], upper[i]);
    // Nelder-Mead's simplex can stall before the minimum; restarting it from its end (a fresh simplex) is the
    // usual remedy, and a restart that moves nothing costs little.
    const int rounds = optimizer == Mixture2Optimizer::NelderMead ? 3 : 1;
    for (int round = 0; round < rounds; ++round) {
        nlopt::opt opt(optimizer == Mixture2Optimizer::NelderMead ? nlopt::LN_NELDERMEAD : nlopt::LN_BOBYQA,
                       5);
        opt.set_lower_bounds(std::vector<double>(lower.begin(), lower.end()));
        opt.set_upper_bounds(std::vector<double>(upper.begin(), upper.end()));
        opt.set_min_objective(objective, &data);
        opt.set_xtol_rel(1e-13);
        opt.set_ftol_abs(1e-16);
        opt.set_maxeval(20000);
        opt.set_initial_step(round == 0 ? 0.25 : 0.01);
        double value = 0.0;
        try {
            opt.optimize(x, value);
        } catch (const nlopt::roundoff_limited &) {
            // the end is as good as the rounding of the objective allows
        }
    }
    std::array<double, 5> out{};
    std::copy(x.begin(), x.end(), out.begin());
    return out;
}

} // namespace

Mixture2::Mixture2(std::vector<double> weights, std::vector<Normal2> components)
    : m_weights(std::move(weights)), m_components(std::move(components))
{
    if (m_components.empty())
        throw std::invalid_argument("A mixture needs at least one component.");
    if (m_weights.size() != m_components.size())
        throw std::invalid_argument(
            "A mixture needs one weight per component: " + std::to_string(m_weights.size()) +
            " weights for " + std::to_string(m_components.size()) + " components.");
    double total = 0.0;
    for (double w : m_weights) {
        if (!(w >= 0.0) || !std::isfinite(w))
            throw std::invalid_argument("A mixture weight must be a finite number >= 0, got " +
                                        std::to_string(w) + ".");
        total += w;
    }
    if (!(total > 0.0))
        throw std::invalid_argument("A mixture's weights must not all be 0.");
    for (double &w : m_weights)
        w /= total;
    for (std::size_t k = 0; k < m_components.size(); ++k) {
        const Normal2 &c = m_components[k];
        const double det = c.determinant();
        m_terms.push_back({m_weights[k] > 0.0 ? std::log(m_weights[k]) - kLn2Pi - 0.5 * std::log(det)
                                              : -std::numeric_limits<double>::infinity(),
                           c.var2() / det, -c.cov() / det, c.var1() / det});
    }
}

double logpdf(const Normal2 &q, double x1, double x2) noexcept
{
    const double det = q.determinant();
    const double d1 = x1 - q.mu1(), d2 = x2 - q.mu2();
    const double quad = (q.var2() * d1 * d1 - 2.0 * q.cov() * d1 * d2 + q.var1() * d2 * d2) / det;
    return -kLn2Pi - 0.5 * std::log(det) - 0.5 * quad;
}

namespace {

// out[i] = c - 1/2 (i11 d^2 + 2 i12 d dy + i22 dy^2), d = x0 + i dx - mu1, dy = y - mu2, as a + d (b + e d).
void quadraticRow(double c, double i11, double i12, double i22, double mu1, double mu2, double y, double x0,
                  double dx, std::span<double> out) noexcept
{
    const double dy = y - mu2;
    const double a = c - 0.5 * i22 * dy * dy, b = -i12 * dy, e = -0.5 * i11;
    const double d0 = x0 - mu1;
    double *o = out.data();
    const std::size_t n = out.size();
    for (std::size_t i = 0; i < n; ++i) {
        const double d = d0 + double(i) * dx;
        o[i] = a + d * (b + e * d);
    }
}

} // namespace

void logpdfRow(const Normal2 &q, double y, double x0, double dx, std::span<double> out) noexcept
{
    clearUpperVectorState();
    const double det = q.determinant();
    quadraticRow(-kLn2Pi - 0.5 * std::log(det), q.var2() / det, -q.cov() / det, q.var1() / det, q.mu1(),
                 q.mu2(), y, x0, dx, out);
}

void logpdfRow(const Mixture2 &p, double y, double x0, double dx, std::span<double> out) noexcept
{
    clearUpperVectorState();
    // The components' rows go through a small buffer on the stack, a piece of the row at a time.
    constexpr std::size_t kPiece = 256;
    double t[kPiece];
    for (std::size_t start = 0; start < out.size(); start += kPiece) {
        const std::size_t n = std::min(kPiece, out.size() - start);
        const std::span<double> o = out.subspan(start, n);
        const double x = x0 + double(start) * dx;
        for (std::size_t k = 0; k < p.size(); ++k) {
            const Mixture2::Term &c = p.terms()[k];
            const Normal2 &m = p.components()[k];
            if (k == 0) {
                quadraticRow(c.logScale, c.inv11, c.inv12, c.inv22, m.mu1(), m.mu2(), y, x, dx, o);
                continue;
            }
            quadraticRow(c.logScale, c.inv11, c.inv12, c.inv22, m.mu1(), m.mu2(), y, x, dx,
                         std::span<double>(t, n));
            for (std::size_t i = 0; i < n; ++i) {
                const double a = o[i], b = t[i], top = std::max(a, b);
                // A weight of 0 gives a term of -inf: the other term stands (and -inf with -inf stays).
                o[i] = std::isinf(top) ? top : top + std::log1p(std::exp(-std::fabs(a - b)));
            }
        }
    }
}

double logpdf(const Mixture2 &p, double x1, double x2) noexcept
{
    // log-sum-exp: the largest term factored out, so a point far from every component stays finite.
    constexpr std::size_t kOnStack = 16;
    double onStack[kOnStack];
    std::vector<double> onHeap;
    double *t = onStack;
    if (p.size() > kOnStack) {
        onHeap.resize(p.size());
        t = onHeap.data();
    }
    double top = -std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < p.size(); ++k) {
        const Mixture2::Term &c = p.terms()[k];
        const double d1 = x1 - p.components()[k].mu1(), d2 = x2 - p.components()[k].mu2();
        t[k] = c.logScale - 0.5 * (c.inv11 * d1 * d1 + 2.0 * c.inv12 * d1 * d2 + c.inv22 * d2 * d2);
        top = std::max(top, t[k]);
    }
    if (!std::isfinite(top))
        return top;
    double sum = 0.0;
    for (std::size_t k = 0; k < p.size(); ++k)
        sum += std::exp(t[k] - top);
    return top + std::log(sum);
}

Normal2 momentMatch(const Mixture2 &p)
{
    double m1 = 0.0, m2 = 0.0;
    for (std::size_t k = 0; k < p.size(); ++k) {
        m1 += p.weights()[k] * p.components()[k].mu1();
        m2 += p.weights()[k] * p.components()[k].mu2();
    }
    double s11 = 0.0, s22 = 0.0, s12 = 0.0;
    for (std::size_t k = 0; k < p.size(); ++k) {
        const Normal2 &c = p.components()[k];
        const double w = p.weights()[k], d1 = c.mu1() - m1, d2 = c.mu2() - m2;
        s11 += w * (c.var1() + d1 * d1);
        s22 += w * (c.var2() + d2 * d2);
        s12 += w * (c.cov() + d1 * d2);
    }
    return Normal2(m1, m2, s11, s22, s12);
}

double reverseKl(const Normal2 &q, const Mixture2 &p, int nodes)
{
    const double crossTerm = expectation(q, nodes, [&](double x1, double x2) { return logpdf(p, x1, x2); });
    return -entropy(q) - crossTerm;
}

double forwardKl(const Mixture2 &p, const Normal2 &q, int nodes)
{
    double sum = 0.0;
    for (std::size_t k = 0; k < p.size(); ++k)
        sum += p.weights()[k] * expectation(p.components()[k], nodes, [&](double x1, double x2) {
                   return logpdf(p, x1, x2) - logpdf(q, x1, x2);
               });
    return sum;
}

std::array<double, 5> toTheta(const Normal2 &q)
{
    return {q.mu1(), q.mu2(), std::log(q.var1()), std::log(q.var2()), std::atanh(q.correlation())};
}

Normal2 fromTheta(std::span<const double, 5> theta)
{
    const double v1 = std::exp(theta[2]), v2 = std::exp(theta[3]);
    const double rho = std::tanh(theta[4]);
    return Normal2(theta[0], theta[1], v1, v2, rho * std::sqrt(v1 * v2));
}

Mixture2ReverseFit fitReverse(const Mixture2 &p, Mixture2Optimizer optimizer)
{
    const Normal2 moments = momentMatch(p);
    std::vector<Normal2> starts;
    for (const Normal2 &c : p.components())
        starts.push_back(c);
    starts.push_back(moments);
    for (const Normal2 &c : p.components())
        starts.emplace_back(c.mu1(), c.mu2(), 0.25 * moments.var1(), 0.25 * moments.var2(),
                            0.25 * moments.cov());

    // A box wide enough for every sensible Q: the means within 10 of P's standard deviations of its mean, the
    // log variances within e^±12 of P's, |rho| <= tanh 6 (a correlation within 1.2e-5 of ±1).
    const double s1 = std::sqrt(moments.var1()), s2 = std::sqrt(moments.var2());
    const std::array<double, 5> lower{moments.mu1() - 10 * s1, moments.mu2() - 10 * s2,
                                      std::log(moments.var1()) - 12, std::log(moments.var2()) - 12, -6.0};
    const std::array<double, 5> upper{moments.mu1() + 10 * s1, moments.mu2() + 10 * s2,
                                      std::log(moments.var1()) + 12, std::log(moments.var2()) + 12, 6.0};

    Mixture2ReverseFit fit;
    for (const Normal2 &start : starts) {
        ++fit.starts;
        const std::array<double, 5> end = minimise(p, toTheta(start), optimizer, lower, upper);
        const auto same = std::find_if(fit.minima.begin(), fit.minima.end(), [&](const Mixture2Minimum &m) {
            for (std::size_t i = 0; i < 5; ++i)
                if (std::fabs(m.theta[i] - end[i]) > 1e-4)
                    return false;
            return true;
        });
        if (same != fit.minima.end()) {
            ++same->starts;
            continue;
        }
        const double curvature = smallestCurvature(p, end);
        if (!(curvature > 0.0)) {
            ++fit.saddles;
            continue;
        }
        Mixture2Minimum m{fromTheta(std::span<const double, 5>(end)), end, 0.0, curvature, 1};
        m.kl = reverseKl(m.q, p);
        fit.minima.push_back(m);
    }
    std::sort(fit.minima.begin(), fit.minima.end(),
              [](const Mixture2Minimum &a, const Mixture2Minimum &b) { return a.kl < b.kl; });
    return fit;
}

} // namespace klscope
