#include "gaussianclosedform.h"

#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <Eigen/Eigenvalues>

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace klscope {

namespace {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

std::size_t dimension(const GaussianView &n)
{
    const std::size_t d = n.mean.size();
    if (d == 0 || n.covariance.size() != d * d)
        throw std::invalid_argument("a Gaussian needs d means and a d x d covariance matrix");
    return d;
}

Matrix matrix(const GaussianView &n, std::size_t d)
{
    Matrix m(d, d);
    for (std::size_t i = 0; i < d; ++i)
        for (std::size_t j = 0; j < d; ++j)
            m(Eigen::Index(i), Eigen::Index(j)) = n.covariance[i * d + j];
    return m;
}

Eigen::LLT<Matrix> cholesky(const Matrix &m)
{
    Eigen::LLT<Matrix> llt(m);
    if (llt.info() != Eigen::Success)
        throw std::invalid_argument("the covariance matrix is not positive definite");
    return llt;
}

// The eigenvalues t_i of B = L2^-1 (S1 - S2) L2^-T.
Vector whitenedDifference(const GaussianView &n1, const GaussianView &n2, const Eigen::LLT<Matrix> &llt2,
                          std::size_t d)
{
    Matrix diff(d, d);
    for (std::size_t i = 0; i < d; ++i)
        for (std::size_t j = 0; j < d; ++j)
            diff(Eigen::Index(i), Eigen::Index(j)) = n1.covariance[i * d + j] - n2.covariance[i * d + j];
    const auto L = llt2.matrixL();
    const Matrix half = L.solve(diff);    // L2^-1 D
    Matrix b = L.solve(half.transpose()); // L2^-1 (L2^-1 D)^T = L2^-1 D L2^-T
    b = 0.5 * (b + b.transpose()).eval(); // symmetric up to rounding
    Eigen::SelfAdjointEigenSolver<Matrix> eigen(b, Eigen::EigenvaluesOnly);
    return eigen.eigenvalues();
}

Vector meanDifference(const GaussianView &n1, const GaussianView &n2, std::size_t d)
{
    Vector dm(d);
    for (std::size_t i = 0; i < d; ++i)
        dm(Eigen::Index(i)) = n2.mean[i] - n1.mean[i];
    return dm;
}

} // namespace

double tMinusLog1p(double t) noexcept
{
    if (std::fabs(t) < 0.25) {
        // t^2/2 - t^3/3 + t^4/4 - ...: 0.25^28/28 is below an ulp of t^2/2.
        double power = t * t, sum = 0.0;
        double sign = 1.0;
        for (int k = 2; k <= 30; ++k) {
            sum += sign * power / k;
            power *= t;
            sign = -sign;
        }
        return sum;
    }
    if (t <= -1.0)
        return t == -1.0 ? INFINITY : NAN;
    return t - std::log1p(t);
}

double expm1MinusX(double x) noexcept
{
    if (std::fabs(x) < 0.5) {
        // x^2/2! + x^3/3! + ...: stops once a term is below 2^-60 of the sum (0.5^18/18! is, so at most 17
        // terms); multiplying by 1/k from a table keeps divisions off the VAE loader's path.
        static constexpr double inverse[] = {0.0,      1.0,      1.0 / 2,  1.0 / 3,  1.0 / 4,  1.0 / 5,
                                             1.0 / 6,  1.0 / 7,  1.0 / 8,  1.0 / 9,  1.0 / 10, 1.0 / 11,
                                             1.0 / 12, 1.0 / 13, 1.0 / 14, 1.0 / 15, 1.0 / 16, 1.0 / 17,
                                             1.0 / 18, 1.0 / 19, 1.0 / 20};
        double term = 0.5 * x * x, sum = term;
        for (int k = 3; k <= 20; ++k) {
            term *= x * inverse[k];
            sum += term;
            if (std::fabs(term) <= 0x1p-60 * std::fabs(sum))
                break;
        }
        return sum;
    }
    return std::expm1(x) - x;
}

double gaussianKl(const GaussianView &n1, const GaussianView &n2)
{
    const std::size_t d = dimension(n1);
    if (dimension(n2) != d)
        throw std::invalid_argument("KL between Gaussians of different dimensions is not defined");
    (void)cholesky(matrix(n1, d));
    const Eigen::LLT<Matrix> llt2 = cholesky(matrix(n2, d));
    const Vector t = whitenedDifference(n1, n2, llt2, d);
    double covariancePart = 0.0;
    for (Eigen::Index i = 0; i < t.size(); ++i)
        covariancePart += tMinusLog1p(t(i));
    const Vector w = llt2.matrixL().solve(meanDifference(n1, n2, d));
    return std::fmax(0.0, 0.5 * (covariancePart + w.squaredNorm()));
}

double gaussianEntropy(const GaussianView &n)
{
    const std::size_t d = dimension(n);
    const Eigen::LLT<Matrix> llt = cholesky(matrix(n, d));
    double logDet = 0.0;
    for (std::size_t i = 0; i < d; ++i)
        logDet += 2.0 * std::log(llt.matrixLLT()(Eigen::Index(i), Eigen::Index(i)));
    return 0.5 * double(d) * (1.0 + std::log(2.0 * std::numbers::pi)) + 0.5 * logDet;
}

double gaussianHellingerSquared(const GaussianView &n1, const GaussianView &n2)
{
    const std::size_t d = dimension(n1);
    if (dimension(n2) != d)
        throw std::invalid_argument("the Hellinger distance between Gaussians of different dimensions is not "
                                    "defined");
    (void)cholesky(matrix(n1, d));
    const Eigen::LLT<Matrix> llt2 = cholesky(matrix(n2, d));
    const Vector t = whitenedDifference(n1, n2, llt2, d);
    double logBc = 0.0;
    for (Eigen::Index i = 0; i < t.size(); ++i) {
        const double r = t(i) / (2.0 + t(i));
        logBc += 0.25 * std::log1p(-r * r);
    }
    const Eigen::LLT<Matrix> lltMean = cholesky(0.5 * (matrix(n1, d) + matrix(n2, d)));
    const Vector w = lltMean.matrixL().solve(meanDifference(n1, n2, d));
    logBc -= 0.125 * w.squaredNorm();
    return std::fmin(1.0, std::fmax(0.0, -std::expm1(logBc)));
}

} // namespace klscope
