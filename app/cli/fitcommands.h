#pragma once

// klscope-cli fit, landscape and bench --fit: fitting a family Q to P (issue 11, core/fit).

#include <QStringList>

namespace cli {

/// fit --p SPEC --family FAMILY [--fix NAME=VALUE]... [--direction forward|reverse|both] [--alpha A]
/// [--starts N] [--json]
int fit(const QStringList &arguments);
/// landscape --p SPEC --family FAMILY --x NAME=A..B [--y NAME=C..D] [--size WxH] [--fix NAME=VALUE]...
/// [--direction forward|reverse|both] --out FILE.csv
int landscape(const QStringList &arguments);
/// bench --fit [--json]: fit_ms and landscape_ms.
int benchFit(bool json);

} // namespace cli
