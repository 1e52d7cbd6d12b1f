#pragma once

// Log-space binomial and Poisson masses by Loader's saddle-point expansion.
//
// C. Loader, "Fast and Accurate Computation of Binomial Probabilities" (2000), the method behind
// R's dbinom and dpois. With
//     stirlerr(n) = ln n! - ln(sqrt(2 pi n) (n/e)^n)        (Stirling's error term)
//     bd0(x, m)   = x ln(x/m) + m - x                        (the deviance term, >= 0)
// the binomial mass is
//     ln b(x; n, p) = stirlerr(n) - stirlerr(x) - stirlerr(n-x) - bd0(x, np) - bd0(n-x, nq)
//                     - 1/2 ln(2 pi x (n-x)/n)
// and the Poisson mass ln p(x; m) = -stirlerr(x) - bd0(x, m) - 1/2 ln(2 pi x).
// Unlike ln C(n,x) + x ln p + (n-x) ln q, no large terms cancel, so the absolute error of the log
// mass stays near machine epsilon even for n in the millions; and a mass that underflows double
// precision still has a finite log.

#include <cstddef>

namespace klscope::saddlepoint {

/// Stirling's error term ln Gamma(n+1) - (n + 1/2) ln n + n - ln sqrt(2 pi), for n >= 0 (0 at n = 0).
double stirlerr(double n) noexcept;

/// Deviance term x ln(x/m) + m - x for x >= 0, m > 0, evaluated without cancellation near x = m.
double bd0(double x, double m) noexcept;

/// ln of the binomial mass C(n,x) p^x q^(1-x) with q = 1 - p given separately for accuracy.
/// x and n need not be integers (the negative binomial and hypergeometric use that). -inf outside 0..n.
double logBinomial(double x, double n, double p, double q) noexcept;

/// logBinomial(first + i, n, p, q) into out[i] for i < count, with the logarithms taken a block at a time
/// by vectorLog: within a few ulp of logBinomial (whose logs are std::log), several times faster.
void logBinomialRange(double first, std::size_t count, double n, double p, double q, double *out) noexcept;

/// ln of the Poisson mass e^-m m^x / x! for x >= 0, m >= 0. -inf where the mass is exactly 0.
double logPoisson(double x, double m) noexcept;

} // namespace klscope::saddlepoint
