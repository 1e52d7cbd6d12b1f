#pragma once

// The bivariate normal N(mu, Sigma) with mu = (mu1, mu2) and Sigma = [[var1, cov], [cov, var2]], and its
// spec "normal2:mu1=0,mu2=0,var1=1,var2=1,cov=0" (every key optional, with those defaults).
// Sigma must be positive definite: var1 > 0, var2 > 0 and var1 var2 - cov^2 > 0 (Sylvester's criterion).

#include <string>
#include <string_view>

namespace klscope {

/// A bivariate normal. The constructor throws std::invalid_argument with a sentence when a value is not
/// finite or the covariance matrix is not positive definite (naming the matrix and the failed condition).
class Normal2
{
public:
    Normal2(double mu1 = 0.0, double mu2 = 0.0, double var1 = 1.0, double var2 = 1.0, double cov = 0.0);

    double mu1() const noexcept { return m_mu1; }
    double mu2() const noexcept { return m_mu2; }
    double var1() const noexcept { return m_var1; }
    double var2() const noexcept { return m_var2; }
    double cov() const noexcept { return m_cov; }
    /// var1 var2 - cov^2 (> 0), with one rounding (fma).
    double determinant() const noexcept;
    /// The correlation cov / sqrt(var1 var2), in (-1, 1).
    double correlation() const noexcept;

private:
    double m_mu1, m_mu2, m_var1, m_var2, m_cov;
};

/// True when `spec` starts with "normal2:" (after blanks).
bool isNormal2Spec(std::string_view spec) noexcept;

/// Parses "normal2:mu1=..,mu2=..,var1=..,var2=..,cov=.." (keys in any order, each at most once; missing keys
/// take 0, 0, 1, 1, 0). Throws std::invalid_argument with a sentence for an unknown or repeated key, a bad
/// number or a matrix that is not positive definite.
Normal2 parseNormal2Spec(std::string_view spec);

/// The spec text of `d`, every key written, each number the shortest text that reads back the same.
std::string formatNormal2Spec(const Normal2 &d);

} // namespace klscope
