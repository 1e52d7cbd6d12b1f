#include "normal2comparison.h"

#include "continuouscomparison.h"
#include "gaussianclosedform.h"
#include "integrands.h"
#include "validation.h"

#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <queue>
#include <vector>

namespace klscope {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kBox = 9.0;
constexpr double kOutsideMass = 5e-19; // 4 Phi(-9) bounds the standard normal's mass outside [-9, 9]^2
constexpr double kTolerance = 1e-10;
constexpr std::size_t kMaxCells = 4000;

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

// The lower Cholesky factor [[a, 0], [b, c]] of a 2 x 2 covariance, and ln p(x) through it.
struct Factor
{
    double mu1, mu2, a, b, c, logNorm;

    explicit Factor(const Normal2 &d)
        : mu1(d.mu1()), mu2(d.mu2()), a(std::sqrt(d.var1())), b(d.cov() / a),
          c(std::sqrt(d.determinant() / d.var1())),
          logNorm(-std::log(2.0 * std::numbers::pi) - std::log(a) - std::log(c))
    {}
    double logPdf(double x, double y) const noexcept
    {
        const double z1 = (x - mu1) / a;
        const double z2 = (y - mu2 - b * z1) / c;
        return logNorm - 0.5 * (z1 * z1 + z2 * z2);
    }
};

// The 15-point Kronrod rule on [-1, 1] with the weights of its embedded 7-point Gauss rule (0 elsewhere).
struct Rule
{
    std::array<double, 15> x{}, wk{}, wg{};

    Rule()
    {
        const auto &ka = boost::math::quadrature::gauss_kronrod<double, 15>::abscissa();
        const auto &kw = boost::math::quadrature::gauss_kronrod<double, 15>::weights();
        const auto &gw = boost::math::quadrature::gauss<double, 7>::weights();
        for (std::size_t i = 0; i < 8; ++i) {
            x[7 + i] = ka[i];
            x[7 - i] = -ka[i];
            wk[7 + i] = wk[7 - i] = kw[i];
            // The Gauss nodes are the Kronrod nodes of even index (0, 2, 4, 6).
            const double g = i % 2 == 0 ? gw[i / 2] : 0.0;
            wg[7 + i] = wg[7 - i] = g;
        }
    }
};

struct Cell
{
    double x0, x1, y0, y1, value, error;
    bool operator<(const Cell &other) const noexcept { return error < other.error; }
};

// E[f(z)] over the standard bivariate normal on the box, f(z1, z2) bounded by `bound`. `cuts` are extra
// first cuts per axis.
template <class F>
MetricValue expectation(const F &f, const std::array<std::vector<double>, 2> &cuts, double bound)
{
    static const Rule rule;
    const auto evaluate = [&](Cell &cell) {
        const double hx = 0.5 * (cell.x1 - cell.x0), cx = 0.5 * (cell.x1 + cell.x0);
        const double hy = 0.5 * (cell.y1 - cell.y0), cy = 0.5 * (cell.y1 + cell.y0);
        double k = 0.0, g = 0.0;
        for (std::size_t i = 0; i < 15; ++i) {
            const double z1 = cx + hx * rule.x[i];
            const double w1 = std::exp(-0.5 * z1 * z1);
            for (std::size_t j = 0; j < 15; ++j) {
                const double z2 = cy + hy * rule.x[j];
                const double v = w1 * std::exp(-0.5 * z2 * z2) * f(z1, z2);
                k += rule.wk[i] * rule.wk[j] * v;
                g += rule.wg[i] * rule.wg[j] * v;
            }
        }
        const double scale = hx * hy / (2.0 * std::numbers::pi);
        cell.value = scale * k;
        cell.error = scale * std::fabs(k - g) + 64.0 * kEps * std::fabs(cell.value);
    };
    std::array<std::vector<double>, 2> ends;
    for (std::size_t axis = 0; axis < 2; ++axis) {
        ends[axis] = {-kBox, kBox};
        for (double c : cuts[axis])
            if (c > -kBox && c < kBox)
                ends[axis].push_back(c);
        std::sort(ends[axis].begin(), ends[axis].end());
        ends[axis].erase(std::unique(ends[axis].begin(), ends[axis].end()), ends[axis].end());
    }
    std::priority_queue<Cell> cells;
    double value = 0.0, error = 0.0;
    for (std::size_t i = 0; i + 1 < ends[0].size(); ++i)
        for (std::size_t j = 0; j + 1 < ends[1].size(); ++j) {
            Cell cell{ends[0][i], ends[0][i + 1], ends[1][j], ends[1][j + 1], 0.0, 0.0};
            evaluate(cell);
            value += cell.value;
            error += cell.error;
            cells.push(cell);
        }
    while (error > kTolerance * std::fabs(value) && cells.size() < kMaxCells && std::isfinite(value)) {
        const Cell worst = cells.top();
        cells.pop();
        value -= worst.value;
        error -= worst.error;
        const double mx = 0.5 * (worst.x0 + worst.x1), my = 0.5 * (worst.y0 + worst.y1);
        for (Cell child : {Cell{worst.x0, mx, worst.y0, my, 0, 0}, Cell{mx, worst.x1, worst.y0, my, 0, 0},
                           Cell{worst.x0, mx, my, worst.y1, 0, 0}, Cell{mx, worst.x1, my, worst.y1, 0, 0}}) {
            evaluate(child);
            value += child.value;
            error += child.error;
            cells.push(child);
        }
    }
    // Recomputed from the cells: the running sums drift by the rounding of the subtractions.
    value = 0.0;
    error = 0.0;
    while (!cells.empty()) {
        value += cells.top().value;
        error += cells.top().error;
        cells.pop();
    }
    return {value, error + kOutsideMass * bound, ContinuousMethod::Quadrature};
}

// The first cuts of the box in the whitened coordinates of `own`: the other density's mean and 1 and 3 of its
// standard deviations either side, along each axis.
std::array<std::vector<double>, 2> cutsFor(const Factor &own, const Normal2 &other)
{
    // The other's mean and covariance in z = L^-1 (x - mu).
    const double m1 = (other.mu1() - own.mu1) / own.a;
    const double m2 = (other.mu2() - own.mu2 - own.b * m1) / own.c;
    // C = L^-1 S L^-T for S the other's covariance; L^-1 = [[1/a, 0], [-b/(a c), 1/c]].
    const double r = own.b / own.a;
    const double c11 = other.var1() / (own.a * own.a);
    const double c22 = (r * r * other.var1() - 2.0 * r * other.cov() + other.var2()) / (own.c * own.c);
    std::array<std::vector<double>, 2> cuts;
    for (const double k : {0.0, -1.0, 1.0, -3.0, 3.0}) {
        cuts[0].push_back(m1 + k * std::sqrt(std::fmax(c11, 0.0)));
        cuts[1].push_back(m2 + k * std::sqrt(std::fmax(c22, 0.0)));
    }
    return cuts;
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
    const double scale = fromNats(unit);
    const Views vp = views(p), vq = views(q);
    const double klPQ = gaussianKl(vp.view(), vq.view());
    const double klQP = gaussianKl(vq.view(), vp.view());
    const double hP = gaussianEntropy(vp.view());
    const double hQ = gaussianEntropy(vq.view());
    const double h2 = gaussianHellingerSquared(vp.view(), vq.view());

    const Factor fp(p), fq(q);
    // Under P: x = mu_P + L_P z; ln p(x) = logNorm_P - |z|^2/2.
    const auto underP = [&](auto &&g) {
        return [&fp, &fq, g](double z1, double z2) {
            const double x = fp.mu1 + fp.a * z1, y = fp.mu2 + fp.b * z1 + fp.c * z2;
            return g(fp.logNorm - 0.5 * (z1 * z1 + z2 * z2), fq.logPdf(x, y));
        };
    };
    const auto underQ = [&](auto &&g) {
        return [&fp, &fq, g](double z1, double z2) {
            const double x = fq.mu1 + fq.a * z1, y = fq.mu2 + fq.b * z1 + fq.c * z2;
            return g(fq.logNorm - 0.5 * (z1 * z1 + z2 * z2), fp.logPdf(x, y));
        };
    };
    const auto js = [](double lOwn, double lOther) {
        return jsDivergenceTerm(lOwn, lOther);
    };
    const auto tv = [](double lOwn, double lOther) {
        return -std::expm1(std::fmin(lOther - lOwn, 0.0));
    };
    const auto cutsP = cutsFor(fp, q), cutsQ = cutsFor(fq, p);
    const MetricValue jsP = expectation(underP(js), cutsP, std::numbers::ln2);
    const MetricValue jsQ = expectation(underQ(js), cutsQ, std::numbers::ln2);
    const MetricValue tvP = expectation(underP(tv), cutsP, 1.0);
    const MetricValue tvQ = expectation(underQ(tv), cutsQ, 1.0);

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
