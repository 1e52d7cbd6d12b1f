#pragma once

// The KL term of a variational autoencoder (Kingma & Welling, "Auto-Encoding Variational Bayes", 2014,
// appendix B): the encoder's N(mu, diag sigma^2) against the prior N(0, I) is a sum over latent dimensions of
//   KL_i = 1/2 (mu_i^2 + sigma_i^2 - 1 - ln sigma_i^2) = 1/2 (mu_i^2 + expm1(lv_i) - lv_i),  lv_i = ln
//   sigma_i^2,
// with e^lv - 1 - lv taken from its series for |lv| < 1/2 (expm1MinusX), so a dimension with sigma ~ 1 and
// mu ~ 0 (a collapsed one, KL ~ lv^2/4) keeps its relative accuracy instead of cancelling to rounding noise.
//
// Encoder output is read from CSV in one of two layouts (the header line decides):
//   * "mu,logvar": one row per latent dimension;
//   * "mu_1,...,mu_d,logvar_1,...,logvar_d": one row per example; each dimension's KL is averaged over the
//     rows (the batch mean, as a VAE's loss takes it) and its spread is the standard deviation over the rows
//     (n - 1 in the denominator; 0 for one row).
// The reader streams the file in 8 MiB blocks and keeps O(d) numbers besides the block, so 10^5 rows of
// d = 4096 need no more memory than that; d is at most 4096. Once the per-example header is read, two threads
// share each block's rows and their running sums are merged pairwise (Chan, Golub & LeVeque 1979), which
// changes the last bits of the means and spreads, not more. A bad file is refused with its name and line
// (core/import/result.h); an error in the second thread's half still names its own line.

#include "result.h"

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace klscope {

/// The largest latent dimension the loader accepts.
inline constexpr std::size_t kMaxVaeDimensions = 4096;

/// The collapse threshold the CLI uses by default, in nats: a dimension whose KL is below it carries almost
/// no information about the input (posterior collapse).
inline constexpr double kDefaultCollapseThreshold = 0.01;

/// 1/2 (mu^2 + e^lv - 1 - lv) in nats: 0 at mu = lv = 0, +inf when e^lv overflows (lv > ~709.78).
double vaeKlTerm(double mu, double logvar) noexcept;

/// Which CSV layout a file had.
enum class VaeLayout
{
    PerDimension, ///< "mu,logvar", one row per dimension
    PerExample    ///< "mu_1..mu_d,logvar_1..logvar_d", one row per example
};

/// What the loader returns: per-dimension KL (nats; the batch mean for PerExample), its spread and the total.
struct VaeSummary
{
    VaeLayout layout = VaeLayout::PerDimension;
    std::size_t rows = 0;       ///< data rows read
    std::vector<double> kl;     ///< per dimension, nats
    std::vector<double> spread; ///< per dimension, the standard deviation over the rows (0 for PerDimension)
    double total = 0.0;         ///< sum of kl, nats
    double totalSpread = 0.0;   ///< standard deviation of the per-example totals (0 for PerDimension)
    /// Per dimension, the values read (PerDimension layout and summarizeVae only; empty for PerExample, whose
    /// rows are summarised as they stream past).
    std::vector<double> mu, logvar;
};

/// A summary or the error sentence naming the file and line.
using VaeResult = klscope::import::Result<VaeSummary>;

/// Sums per-dimension terms: one (mu, logvar) pair per dimension. `mu` and `logvar` have equal length.
VaeSummary summarizeVae(std::span<const double> mu, std::span<const double> logvar);

/// Reads CSV text; `fileName` names it in messages ("enc.csv, line 7: 'x' is not a number (column 2)").
VaeResult parseVaeCsv(std::string_view text, std::string_view fileName);

/// Called after each block a load reads with the share of the file read so far (0..1); returning false stops
/// the load.
using VaeLoadProgress = std::function<bool(double fraction)>;

/// Reads a CSV file by streaming it. `progress`, when given, hears after each 8 MiB block how far the read
/// has come and can stop it; a stopped load returns the error "<file>: loading cancelled".
VaeResult loadVaeCsv(const std::string &path, const VaeLoadProgress &progress = {});

/// The dimensions (0-based) whose KL is below `threshold` nats, in order.
std::vector<std::size_t> collapsedDimensions(const VaeSummary &s, double threshold);

} // namespace klscope
