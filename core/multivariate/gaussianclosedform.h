#pragma once

// Closed forms for d-dimensional Gaussians N(mu, Sigma), all in nats, through Cholesky factorisations
// (Eigen's LLT) so that nearly equal Gaussians lose nothing to cancellation:
//   KL(N1 || N2) = 1/2 [tr(S2^-1 S1) - d + (m2 - m1)^T S2^-1 (m2 - m1) + ln det S2 - ln det S1]
//   (Kullback, Information Theory and Statistics, 1959) is computed as 1/2 [sum_i (t_i - ln(1 + t_i)) +
//   |L2^-1 (m2 - m1)|^2] with S2 = L2 L2^T and t_i the eigenvalues of B = L2^-1 (S1 - S2) L2^-T, since L2^-1
//   S1 L2^-T = I + B. The difference S1 - S2 is taken entry by entry (exact for close entries, Sterbenz), and
//   t - ln(1 + t) by its series for |t| < 1/4, so a KL of 1e-20 keeps its relative accuracy. h(N) = d/2 (1 +
//   ln 2 pi) + 1/2 ln det S, ln det S = 2 sum ln L_ii. Hellinger^2 = 1 - BC, BC = det(S1)^1/4 det(S2)^1/4 /
//   det((S1 + S2)/2)^1/2 exp(-1/8 dm^T ((S1 + S2)/2)^-1 dm) (Bhattacharyya 1943), ln BC = sum_i 1/4 ln(1 -
//   (t_i/(2 + t_i))^2) - 1/8 |Lm^-1 dm|^2: each covariance term is one log1p of an exact square, not a
//   difference of logarithms.
// Matrices are d x d, row-major, symmetric positive definite; a matrix whose Cholesky factorisation fails
// makes the functions throw std::invalid_argument.

#include <cstddef>
#include <span>

namespace klscope {

/// t - ln(1 + t) for t > -1 (0 at 0, +inf at -1), accurate to a few ulp near 0 (series for |t| < 1/4).
double tMinusLog1p(double t) noexcept;

/// e^x - 1 - x, accurate to a few ulp near 0 (series for |x| < 1/2): the VAE term's expm1(lv) - lv.
double expm1MinusX(double x) noexcept;

/// A Gaussian as a view: mean (d values) and covariance (d x d, row-major).
struct GaussianView
{
    std::span<const double> mean;
    std::span<const double> covariance;
};

/// KL(N1 || N2) in nats, >= 0. Throws std::invalid_argument when the sizes disagree or a covariance is not
/// positive definite.
double gaussianKl(const GaussianView &n1, const GaussianView &n2);

/// The differential entropy h(N) in nats (negative for a small covariance).
double gaussianEntropy(const GaussianView &n);

/// The squared Hellinger distance 1 - BC (Bhattacharyya coefficient), in [0, 1].
double gaussianHellingerSquared(const GaussianView &n1, const GaussianView &n2);

} // namespace klscope
