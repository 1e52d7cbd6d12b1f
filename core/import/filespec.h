#pragma once

// Specs that name files, accepted wherever the CLI (or a preset) takes a distribution spec:
//
//     file:PATH[,as=probabilities|counts|logits|logprobs][,column=C]
//     samples:PATH[,bins=auto|integer|fd][,width=W][,column=C]
//
// file:     a distribution file (delimitedtext.h): one column of values, "event,value" rows, or
//           "event,p,q" rows. `as` says what the values are (valuekind.h); the default is
//           probabilities, used as given. It is never guessed from the numbers.
// samples:  a column of raw observations, binned into a histogram (histogram.h): integer bins for
//           whole numbers, Freedman-Diaconis bins otherwise (bins=auto, the default), or bins=integer,
//           bins=fd, or width=W. When both sides are samples they are binned on common edges.
// column:   which value column to read: a 1-based column number of the file (the label column counts),
//           a header name, or p / q for the second and third column of an "event,p,q" file. Default:
//           the only value column; in an "event,p,q" file the p column for P and the q column for Q,
//           so --p file:x.csv --q file:x.csv compares the two columns of one file.
// Options follow the path after commas; a path may itself contain commas as long as no part after a
// comma looks like "name=value".
//
// Pairing P with Q (pairSources):
//   * both sides labelled (two- or three-column files, histograms): aligned on the union of labels
//     (labelalignment.h); a label missing on one side has mass 0 there;
//   * a labelled side against a family or an unlabelled list: its labels must be whole numbers >= 0,
//     and the mass labelled x goes to event x (placeByIntegerLabel);
//   * a histogram of real values can only be paired with other samples or a labelled file.

#include "distribution.h"
#include "histogram.h"
#include "labelalignment.h"
#include "result.h"
#include "valuekind.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace klscope::import {

/// Which side of the comparison a spec is for (it picks the default column of an "event,p,q" file).
enum class Side
{
    P,
    Q
};

/// A parsed file:/samples: spec.
struct FileSpec
{
    bool samples = false;                      ///< samples:PATH rather than file:PATH
    std::string path;                          ///< as written
    ValueKind kind = ValueKind::Probabilities; ///< file: only
    bool kindGiven = false;                    ///< `as=` was written
    std::string column;                        ///< empty = default column
    BinningOptions binning;                    ///< samples: only
};

/// True when `spec` starts with "file:" or "samples:".
bool isFileSpec(std::string_view spec) noexcept;

/// Parses a file:/samples: spec (without reading the file). Errors name the bad option. Never throws.
Result<FileSpec> parseFileSpec(std::string_view spec);

/// The syntax above, for --help texts.
std::string_view fileSpecHelp() noexcept;

/// One side as read from its spec, before it is paired with the other side.
struct Source
{
    enum class Type
    {
        Family, ///< a non-file spec (binomial:..., custom:...)
        Masses, ///< from file:, labelled or not
        Samples ///< from samples:, not yet binned
    };
    Type type = Type::Family;
    std::string name;                         ///< file name for messages, or the spec itself
    std::optional<Distribution> distribution; ///< Family
    LabelledMasses data;                      ///< Masses (labels empty for a one-column file)
    double sampleSize = 0;                    ///< Masses read as counts: the total count
    std::vector<double> samples;              ///< Samples
    std::vector<std::uint32_t> sampleLines;   ///< Samples: source lines
    BinningOptions binning;                   ///< Samples
    std::string description; ///< for people: "data.csv: 3 events read as counts (sample size 120)"
    unsigned imageBins = 0;  ///< image: specs (imagespec.h): the number of level bins; 0 otherwise
};

/// Reads one side: an image: spec goes to loadImageSource (imagespec.h); a file:/samples: spec reads and
/// checks its file (syntax, shape, values for the chosen kind); anything else goes to klscope::parseSpec. A
/// repeated label is reported by pairSources/resolveSpec, which see how the labels are used. Errors name the
/// file and line (or repeat parseSpec's sentence). Never throws.
Result<Source> loadSource(std::string_view spec, Side side);

/// P and Q ready for compare(), with the labels of the events when a side was labelled.
struct ResolvedPair
{
    Distribution p;
    Distribution q;
    std::vector<std::string> notes; ///< sentences for people: what was read, binned and aligned

    /// labels()[x] names event x when P and Q were aligned by label (or are histograms); empty when
    /// events are plain numbers.
    std::span<const std::string> labels() const noexcept;
};

/// Pairs two loaded sides by the rules above. Never throws.
Result<ResolvedPair> pairSources(const Source &p, const Source &q);

/// loadSource for both sides, then pairSources.
Result<ResolvedPair> resolveSpecs(std::string_view pSpec, std::string_view qSpec);

/// One side on its own: a family spec as parseSpec reads it; a file as a Custom (labels kept: events
/// by value when every label is a whole number >= 0, else in file order); samples binned alone.
Result<Distribution> resolveSpec(std::string_view spec, Side side = Side::P);

} // namespace klscope::import
