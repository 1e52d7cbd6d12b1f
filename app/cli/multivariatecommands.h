#pragma once

// klscope-cli for two dimensions and the VAE term (issue 12, core/multivariate): compute with normal2 pairs,
// fit --family normal2_diagonal, vae and bench --vae.

#include <QStringList>

#include <optional>

namespace cli {

/// When --p or --q is a normal2 spec, runs compute for the 2-D pair and returns its exit code (0,
/// kInvalidData for a bad spec or a matrix that is not positive definite, kUsage for a bad option or a
/// normal2 spec against a 1-D one); nullopt otherwise.
std::optional<int> computeNormal2IfAsked(const QStringList &arguments);

/// When --family is normal2_diagonal or --p a normal2 spec, runs the mean-field fit (closed forms) and
/// returns its exit code; nullopt otherwise.
std::optional<int> fitNormal2IfAsked(const QStringList &arguments);

/// vae --file FILE.csv [--unit U] [--collapse-below T] [--json]: the VAE term per latent dimension.
int vae(const QStringList &arguments);

/// bench --vae [--json]: vae_load_ms for a generated 10^5 x 512 file.
int benchVae(bool json);

} // namespace cli
