#include "normal2comparison.h"

#include "continuouscomparison.h"
#include "gaussianclosedform.h"
#include "integrands.h"
#include "validation.h"
#include "vectorstate.h"

#include "nothrowpolicy.h"

#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <Eigen/Eigenvalues>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace klscope {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kBox = 9.0;
constexpr double kOutsideMass = 5e-19; // 4 Phi(-9) bounds the standard normal's mass outside [-9, 9]^2
constexpr double kTolerance = 1e-10;

using GaussKronrod = boost::math::quadrature::gauss_kronrod<double, 31, continuous::NoThrowPolicy>;

struct Views
{
    std::array<double, 2> mean;
    std::array<double, 4> covariance;
    GaussianView view() const { return {mean, covariance}; }
};

Views views(const Normal2 &d)
{
    return {{d.mu1(), d.mu2()}, {d.var1(), d.cov(), d.cov(), d.var2()}};
}

// The other density seen from `own`'s whitened, rotated coordinates w = U^T L^-1 (x - mu_own), Sigma_own =
// L L^T and U the eigenvectors of B = L^-1 (Sigma_other - Sigma_own) L^-T: own is the standard normal there
// and the other N(m, diag(1 + t)), t the eigenvalues of B (from exact differences, as in the closed forms).
// Then
//   d(w) = ln other - ln own = sum_i (t_i w_i^2/2 + m_i w_i - m_i^2/2)/(1 + t_i) - sum_i ln(1 + t_i)/2,
// a separable quadratic without the cancellation of two log densities, whose zero set (the kink of TV's
// integrand) is found exactly: for each w1 the roots in w2, and the w1 where they appear.
struct Frame
{
    std::array<double, 2> alpha{}, beta{}; // d = alpha_i w_i^2 + beta_i w_i + ... per axis
    double constant = 0.0;
    std::array<double, 2> m{}, sd{};

    Frame(const Normal2 &own, const Normal2 &other)
    {
        const Eigen::Matrix2d so{{own.var1(), own.cov()}, {own.cov(), own.var2()}};
        const Eigen::Matrix2d diff{{other.var1() - own.var1(), other.cov() - own.cov()},
                                   {other.cov() - own.cov(), other.var2() - own.var2()}};
        const Eigen::LLT<Eigen::Matrix2d> llt(so);
        const Eigen::Matrix2d half = llt.matrixL().solve(diff);
        Eigen::Matrix2d b = llt.matrixL().solve(half.transpose());
        b = (0.5 * (b + b.transpose())).eval();
        const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eigen(b);
        const Eigen::Vector2d dm{other.mu1() - own.mu1(), other.mu2() - own.mu2()};
        const Eigen::Vector2d mw = eigen.eigenvectors().transpose() * llt.matrixL().solve(dm);
        for (int i = 0; i < 2; ++i) {
            const double t = std::fmax(eigen.eigenvalues()(i), -1.0 + kEps);
            m[std::size_t(i)] = mw(i);
            sd[std::size_t(i)] = std::sqrt(1.0 + t);
            alpha[std::size_t(i)] = 0.5 * t / (1.0 + t);
            beta[std::size_t(i)] = mw(i) / (1.0 + t);
            constant += -0.5 * mw(i) * mw(i) / (1.0 + t) - 0.5 * std::log1p(t);
        }
    }
    double logRatio(double w1, double w2) const noexcept
    {
        return (alpha[0] * w1 + beta[0]) * w1 + (alpha[1] * w2 + beta[1]) * w2 + constant;
    }
};

// The real roots of a x^2 + b x + c (a linear or constant equation when a is 0), added to `out`.
void addRoots(double a, double b, double c, std::vector<double> &out)
{
    if (a == 0.0) {
        if (b != 0.0)
            out.push_back(-c / b);
        return;
    }
    const double disc = b * b - 4.0 * a * c;
    if (!(disc >= 0.0))
        return;
    const double q = -0.5 * (b + std::copysign(std::sqrt(disc), b));
    out.push_back(q / a);
    if (q != 0.0)
        out.push_back(c / q);
}

// The sorted piece ends of [-kBox, kBox] cut at `cuts`.
std::vector<double> pieces(std::vector<double> cuts)
{
    std::vector<double> ends{-kBox, kBox};
    for (double c : cuts)
        if (c > -kBox && c < kBox)
            ends.push_back(c);
    std::sort(ends.begin(), ends.end());
    ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
    return ends;
}

// Adaptive Gauss-Kronrod 31 over each piece; the sum and its error estimate.
template <class F> std::pair<double, double> integratePieces(const F &f, const std::vector<double> &ends)
{
    double value = 0.0, error = 0.0;
    for (std::size_t i = 0; i + 1 < ends.size(); ++i) {
        double err = 0.0, l1 = 0.0;
        value += GaussKronrod::integrate(f, ends[i], ends[i + 1], 12, kTolerance, &err, &l1);
        error += err;
    }
    return {value, error};
}

// E_own[g(d(w))] over the standard bivariate normal on the box, g bounded by `bound`: nested adaptive
// Gauss-Kronrod, the inner integral (over w2) cut at the other density's mean and 1 and 3 of its standard
// deviations and at the zeros of d, the outer (over w1) likewise and where those zeros appear.
template <class G> MetricValue expectation(const Frame &frame, const G &g, double bound)
{
    constexpr double invSqrt2Pi = 0.39894228040143267794;
    const double shared = frame.constant; // d = a1 w1^2 + b1 w1 + a2 w2^2 + b2 w2 + constant
    std::vector<double> outerCuts;
    for (const double k : {0.0, -1.0, 1.0, -3.0, 3.0})
        outerCuts.push_back(frame.m[0] + k * frame.sd[0]);
    // Where the inner quadratic's discriminant b2^2 - 4 a2 (a1 w1^2 + b1 w1 + constant) is 0, and where d is
    // 0 along w1 alone (when d does not depend on w2).
    const double a1 = frame.alpha[0], b1 = frame.beta[0], a2 = frame.alpha[1], b2 = frame.beta[1];
    addRoots(-4.0 * a2 * a1, -4.0 * a2 * b1, b2 * b2 - 4.0 * a2 * shared, outerCuts);
    addRoots(a1, b1, shared, outerCuts);
    double innerError = 0.0;
    std::vector<double> innerCuts;
    const auto inner = [&](double w1) {
        const double along = (a1 * w1 + b1) * w1 + shared;
        innerCuts.clear();
        for (const double k : {0.0, -1.0, 1.0, -3.0, 3.0})
            innerCuts.push_back(frame.m[1] + k * frame.sd[1]);
        addRoots(a2, b2, along, innerCuts);
        const auto f = [&](double w2) {
            return invSqrt2Pi * std::exp(-0.5 * w2 * w2) * g((a2 * w2 + b2) * w2 + along);
        };
        const auto [value, error] = integratePieces(f, pieces(innerCuts));
        const double weight = invSqrt2Pi * std::exp(-0.5 * w1 * w1);
        innerError = std::fmax(innerError, weight * error);
        return weight * value;
    };
    // The outer integrand has square-root behaviour where the kinks appear: tanh_sinh, which clusters its
    // nodes at the piece ends, converges there where Gauss-Kronrod would bisect to its depth limit.
    static thread_local boost::math::quadrature::tanh_sinh<double, continuous::NoThrowPolicy> tanhSinh(10);
    const std::vector<double> ends = pieces(outerCuts);
    double value = 0.0, error = 0.0;
    for (std::size_t i = 0; i + 1 < ends.size(); ++i) {
        double err = 0.0, l1 = 0.0;
        value += tanhSinh.integrate(inner, ends[i], ends[i + 1], kTolerance, &err, &l1);
        error += err;
    }
    // The inner errors integrate over at most the box's width.
    return {value, error + 2.0 * kBox * innerError + kOutsideMass * bound, ContinuousMethod::Quadrature};
}

MetricValue closed(double value, double scale)
{
    return {value * scale, 16.0 * kEps * std::fabs(value * scale), ContinuousMethod::ClosedForm};
}

Metric metric(const MetricValue &m, const char *method)
{
    return {m.value, m.error, method};
}

// D(s) = ln 2 - H(1/(1 + e^-s)) for s = |ln p - ln q|, from jsIntegrand(0, -s) = (1 + e^-s)/2 D(s).
double jsDivergenceTerm(double lp, double lq) noexcept
{
    const double s = std::fabs(lp - lq);
    return continuous::jsIntegrand(0.0, -s) / (0.5 * (2.0 + std::expm1(-s)));
}

} // namespace

double klNormal2(const Normal2 &p, const Normal2 &q)
{
    return gaussianKl(views(p).view(), views(q).view());
}

double entropyNormal2(const Normal2 &p)
{
    return gaussianEntropy(views(p).view());
}

Summary compareNormal2(const Normal2 &p, const Normal2 &q, Unit unit)
{
    clearUpperVectorState();
    const double scale = fromNats(unit);
    const Views vp = views(p), vq = views(q);
    const double klPQ = gaussianKl(vp.view(), vq.view());
    const double klQP = gaussianKl(vq.view(), vp.view());
    const double hP = gaussianEntropy(vp.view());
    const double hQ = gaussianEntropy(vq.view());
    const double h2 = gaussianHellingerSquared(vp.view(), vq.view());

    const Frame fromP(p, q), fromQ(q, p);
    // D(s) >= 0 for JS, (1 - other/own)+ for TV, of d = ln other - ln own.
    const auto js = [](double d) {
        return jsDivergenceTerm(0.0, d);
    };
    const auto tv = [](double d) {
        return -std::expm1(std::fmin(d, 0.0));
    };
    const MetricValue jsP = expectation(fromP, js, std::numbers::ln2);
    const MetricValue jsQ = expectation(fromQ, js, std::numbers::ln2);
    const MetricValue tvP = expectation(fromP, tv, 1.0);
    const MetricValue tvQ = expectation(fromQ, tv, 1.0);

    Summary s;
    s.domain = Domain::Continuous;
    s.unit = unit;
    s.klPQ = metric(closed(klPQ, scale), "closed_form");
    s.klQP = metric(closed(klQP, scale), "closed_form");
    s.entropyP = metric(closed(hP, scale), "closed_form");
    s.entropyQ = metric(closed(hQ, scale), "closed_form");
    s.crossEntropyPQ = metric(closed(hP + klPQ, scale), "closed_form");
    s.crossEntropyQP = metric(closed(hQ + klQP, scale), "closed_form");
    const double jsNats = std::clamp(0.5 * (jsP.value + jsQ.value), 0.0, std::numbers::ln2);
    const double jsError = 0.5 * (jsP.error + jsQ.error);
    s.js = {jsNats * scale, jsError * scale, "cubature"};
    // The JS distance is sqrt(JS) in the unit; its error by the derivative 1/(2 sqrt(JS)).
    const double jsDistance = std::sqrt(jsNats * scale);
    s.jsDistance = {jsDistance,
                    jsDistance > 0.0 ? jsError * scale / (2.0 * jsDistance) : std::sqrt(jsError * scale),
                    "cubature"};
    s.totalVariation = {std::clamp(0.5 * (tvP.value + tvQ.value), 0.0, 1.0),
                        0.5 * (tvP.error + tvQ.error) + 0.5 * std::fabs(tvP.value - tvQ.value), "cubature"};
    const double hellinger = std::sqrt(h2);
    s.hellinger = {hellinger, hellinger > 0.0 ? 16.0 * kEps * hellinger : 0.0, "closed_form"};
    if (s.js.error > 1e-8 * std::fmax(s.js.value, 1e-300) && s.js.error > 1e-15)
        s.warnings.push_back("the JS divergence's cubature error estimate (" +
                             validation::formatNumber(s.js.error) + ") is above the tolerance");
    if (s.totalVariation.error > 1e-8 * std::fmax(s.totalVariation.value, 1e-300) &&
        s.totalVariation.error > 1e-15)
        s.warnings.push_back("the total variation's cubature error estimate (" +
                             validation::formatNumber(s.totalVariation.error) + ") is above the tolerance");
    s.context = "integrated over the plane R²";
    return s;
}

} // namespace klscope
