#pragma once

// Student t(nu, mu, sigma), location-scale:  f(x) = Gamma((nu+1)/2) / (Gamma(nu/2) sqrt(nu pi) sigma)
//     (1 + z^2/nu)^(-(nu+1)/2),  z = (x - mu)/sigma.
// mean mu (nu > 1), variance sigma^2 nu/(nu - 2) (nu > 2; inf for 1 < nu <= 2),
// h = (nu+1)/2 [psi((nu+1)/2) - psi(nu/2)] + ln(sqrt(nu) B(nu/2, 1/2)) + ln sigma (Lazo & Rathie 1978).

#include "tail.h"

namespace klscope {

class StudentT
{
public:
    /// nu: degrees of freedom, finite and > 0; mu finite; sigma finite and > 0. Throws std::invalid_argument.
    StudentT(double nu, double mu = 0.0, double sigma = 1.0);

    double nu() const noexcept { return m_nu; }
    double mu() const noexcept { return m_mu; }
    double sigma() const noexcept { return m_sigma; }
    /// ln of the normalising constant, lnGamma((nu+1)/2) - lnGamma(nu/2) - ln(nu pi)/2 - ln sigma (cached).
    double logNormaliser() const noexcept { return m_logNorm; }
    friend bool operator==(const StudentT &, const StudentT &) = default;

private:
    double m_nu, m_mu, m_sigma, m_logNorm;
};

double logpdf(const StudentT &d, double x) noexcept;
double cdf(const StudentT &d, double x) noexcept;
double quantile(const StudentT &d, double p) noexcept;
/// mu for nu > 1, NaN (undefined) otherwise.
double mean(const StudentT &d) noexcept;
/// sigma^2 nu/(nu-2) for nu > 2, inf for 1 < nu <= 2, NaN for nu <= 1.
double variance(const StudentT &d) noexcept;
Interval support(const StudentT &d) noexcept;
double entropy(const StudentT &d) noexcept;
/// Polynomial of degree nu + 1 on both sides.
Tails tails(const StudentT &d) noexcept;

} // namespace klscope
