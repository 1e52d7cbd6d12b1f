#pragma once

// klscope-cli sweep, test, estimate and bench --sweep: questions asked of a pair (issue 13, core/analysis).

#include <QStringList>

namespace cli {

/// sweep --p SPEC --q SPEC --vary p.NAME=A..B | q.NAME=A..B [--steps N] [--unit U] [--json | --out FILE]
/// (FILE.csv, or a figure: .png, .jpg, .pdf, .svg)
int sweep(const QStringList &arguments);
/// True when a sweep's arguments name a figure file (.png, .jpg, .jpeg, .pdf or .svg, any case), so the
/// command needs a QApplication. Called before any application object exists.
bool sweepDrawsFigure(int argc, char *argv[]);
/// test --a SPEC --b SPEC [--json]: G-test, Pearson's chi^2, Z-test and Welch's t-test.
int hypothesisTest(const QStringList &arguments);
/// estimate --p SPEC --q SPEC --n N [--m M] | --a samples:FILE --b samples:FILE [--seed S] [--bootstrap B]
/// [--smoothing A] [--k K] [--json]: plug-in, Miller-Madow and kNN estimates with bootstrap intervals.
int estimate(const QStringList &arguments);
/// bench --sweep [--json]: sweep_ms for 1000 steps of a discrete pair of 100 events.
int benchSweep(bool json);

} // namespace cli
