#pragma once

// Turning a parsed table of values (a file or the clipboard) into one side of the document, with the
// import library (core/import): the user's explicit choice of what the values are, binning for raw
// samples, and alignment with the other side by label.
//
// Pairing with the other side:
//   * the other side is a labelled custom distribution (an earlier import): both are aligned on the
//     union of labels with pairSources (labelalignment.h), so an event missing on one side gets mass 0
//     there and the explanation of an infinite KL names it;
//   * otherwise (a family or an unlabelled list) the new side stands alone, as the CLI's resolveSpec
//     reads one file: labels that are all whole numbers >= 0 place each mass at its event, other labels
//     keep the file's order as events 0, 1, 2, ...

#include "delimitedtext.h"
#include "documentstate.h"
#include "histogram.h"
#include "imagespec.h"
#include "result.h"
#include "valuekind.h"

#include <QString>

/// What the values of an imported table are. Chosen by the user, never guessed.
struct ImportChoice
{
    bool samples = false;                                                        ///< raw observations to bin
    klscope::import::ValueKind kind = klscope::import::ValueKind::Probabilities; ///< when !samples
    klscope::import::BinningOptions binning;                                     ///< when samples
};

/// The outcome of an import, ready for one Document edit.
struct DistributionImport
{
    klscope::Distribution p = klscope::defaultDistribution(klscope::Family::Binomial);
    klscope::Distribution q = klscope::defaultDistribution(klscope::Family::Binomial);
    /// One line for people: "counts.csv: 3 events read as counts, sample size 120" or
    /// "heights.csv: 500 samples, Freedman-Diaconis width 2.5 (14 bins from 150)".
    QString summary;
    /// The short form for the status bar: "counts.csv: counts, N = 120", "heights.csv: 500 samples".
    QString note;
    /// How the sides were aligned, when they were ("" otherwise).
    QString alignment;
    double sampleSize = 0;       ///< counts: the total count N
    std::size_t sampleCount = 0; ///< samples: how many were binned
};

/// Which value column of `table` a side reads: the only one, or for an "event,p,q" table the p column
/// for P and the q column for Q.
std::size_t importColumn(const klscope::import::Table &table, Side side);

/// Reads `table` as `choice` says and pairs it with the other side of `current`. Errors name the file
/// (table.fileName) and the line. Never throws; changes nothing.
klscope::import::Result<DistributionImport> prepareImport(const DiscretePair &current, Side side,
                                                          const klscope::import::Table &table,
                                                          const ImportChoice &choice);

/// The image: spec of the file at `path` (any path: no comma rules), `channel` and `bins`.
klscope::import::ImageSpec imageSpecFor(const QString &path, klscope::import::ImageChannel channel,
                                        unsigned bins);

/// Reads the image `image` names (its grey levels or one channel, in image.bins bins; imagespec.h) for
/// `side` as counts of pixels and pairs it with the other side of `current` as prepareImport does. A file
/// that is not an image, is truncated or too large is refused with its name. Never throws; changes nothing.
klscope::import::Result<DistributionImport> prepareImageImport(const DiscretePair &current, Side side,
                                                               const klscope::import::ImageSpec &image);

/// The bin width of `d` when it is a histogram of real values from an earlier import (labels
/// "[a, b)"), else 0. Binning new samples with this width puts them on the same edges.
double histogramWidth(const klscope::Distribution &d);
