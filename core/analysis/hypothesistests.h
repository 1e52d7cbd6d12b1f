#pragma once

// Hypothesis tests on counts and samples, each with its statistic, p-value and a sentence in plain words.
//
//   G-test (log-likelihood ratio; Sokal & Rohlf, Biometry, 4th ed., ch. 17; McDonald, Handbook of
//   Biological Statistics):
//       goodness of fit   G = 2 sum O ln(O/E) = 2 N KL(empirical || model),  E_i = N pi_i
//       homogeneity       G = 2 sum_rows sum_i O ln(O/E) = 2 [N_a KL(a || pooled) + N_b KL(b || pooled)],
//                         E = row total * column total / N on the 2 x k table
//     so G is the bridge from KL to significance: its p-value is the chi^2 upper tail on df degrees of
//     freedom.
//   Pearson's chi^2 (Pearson 1900): X^2 = sum (O - E)^2 / E on the same cells and degrees of freedom.
//   Degrees of freedom: goodness of fit k - 1 with k the categories where the model or the counts are
//   positive; homogeneity k - 1 after dropping the columns that are zero in both rows. The sentence says
//   when expected counts fall below 5 (Cochran's rule), where the chi^2 approximation is rough.
//   Two-sample Z-test for two Gaussians: z = (mean_1 - mean_2) / sqrt(s_1^2/n_1 + s_2^2/n_2), sample
//   variances with n - 1; two-sided p = erfc(|z| / sqrt 2). Welch's t-test (Welch 1947): the same t, with the
//   Welch-Satterthwaite degrees of freedom
//       df = (s_1^2/n_1 + s_2^2/n_2)^2 / [(s_1^2/n_1)^2/(n_1 - 1) + (s_2^2/n_2)^2/(n_2 - 1)],
//   two-sided p from Student's t with df (Boost.Math students_t; Boost 1.74's t_test.hpp has no
//   two-sample Welch test).
// A KL that is infinite (counts where the model has no mass) gives G = X^2 = +inf and p = 0.

#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>

namespace klscope {

/// One test's outcome: either it applies (statistic, p-value, df where the test has one, a sentence) or
/// it does not, and `reason` says why.
struct TestResult
{
    bool applies = false;
    double statistic = std::numeric_limits<double>::quiet_NaN();
    double pValue = std::numeric_limits<double>::quiet_NaN();
    double df = std::numeric_limits<double>::quiet_NaN(); ///< NaN for the Z-test, which has none
    double sampleSize = 0.0;                              ///< N (G and chi^2); n_1 + n_2 (Z and t)
    std::size_t categories = 0;                           ///< cells used (G and chi^2)
    std::string reading;                                  ///< Z-test: the users' material's reading of |z|
    std::string sentence;                                 ///< for people
    std::string reason;                                   ///< why the test does not apply

    /// A result that does not apply, with its reason.
    static TestResult notApplicable(std::string reason);
};

/// G-test of goodness of fit: `counts` (finite, >= 0, not all 0) against `model` (finite, >= 0, normalised
/// here), the same length. G = 2 N KL(counts/N || model) with KL from the core's fused pass (divergence.h).
/// Does not apply with fewer than two categories. Throws std::invalid_argument on bad input.
TestResult gTestGoodnessOfFit(std::span<const double> counts, std::span<const double> model);

/// Pearson's chi^2 of goodness of fit, on the same cells as gTestGoodnessOfFit.
TestResult chiSquareGoodnessOfFit(std::span<const double> counts, std::span<const double> model);

/// G-test of homogeneity on the 2 x k table of counts `a` and `b` (same length, each not all 0).
TestResult gTestHomogeneity(std::span<const double> a, std::span<const double> b);

/// Pearson's chi^2 of homogeneity on the same table.
TestResult chiSquareHomogeneity(std::span<const double> a, std::span<const double> b);

/// The users' material's reading of |z|: below 2 "the same", 2 to 2.5 "marginally different", 2.5 to 3
/// "significantly different", 3 and above "highly significantly different".
std::string_view zReading(double z) noexcept;

/// Two-sample Z-test on raw samples (each at least 2 finite values). Does not apply when both samples are
/// constant (the standard error is 0).
TestResult zTest(std::span<const double> a, std::span<const double> b);

/// Welch's unequal-variances t-test on raw samples, same conditions as zTest.
TestResult welchTTest(std::span<const double> a, std::span<const double> b);

} // namespace klscope
