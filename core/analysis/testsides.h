#pragma once

// Which hypothesis tests apply to two sides A and B, as `klscope-cli test --a SPEC --b SPEC` gives them, and
// the tests run on them (hypothesistests.h):
//   * counts or samples against a distribution (a discrete family, probabilities from a file, or, for
//     samples, a continuous family): goodness of fit (G and chi^2) of the counts to the distribution;
//   * counts or samples on both sides: homogeneity on the 2 x k table (G and chi^2);
//   * raw samples on both sides: also the Z-test and Welch's t-test, which need the values themselves.
// Counts come from file:PATH,as=counts; samples from samples:PATH, binned as the samples: spec bins them
// (two sample sets on common edges). A test that does not apply says why in its `reason`.

#include "continuousdistribution.h"
#include "filespec.h"
#include "hypothesistests.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klscope {

/// One side of the tests: a discrete spec or file as import::loadSource reads it, or a continuous family.
struct TestSide
{
    import::Source source;                            ///< unused when `continuous` is set
    std::optional<ContinuousDistribution> continuous; ///< a continuous family spec
};

/// Reads a side. Throws std::invalid_argument with the loader's sentence (naming the file and line).
TestSide loadTestSide(std::string_view spec, import::Side side);

/// Every test for A and B.
struct HypothesisTests
{
    std::string design;   ///< "goodness of fit of A to B", "homogeneity of A and B", or "" when neither
    TestResult gTest;     ///< G-test
    TestResult chiSquare; ///< Pearson's chi^2
    TestResult zTest;     ///< two-sample Z-test
    TestResult welchT;    ///< Welch's t-test
    std::vector<std::string> notes; ///< how the sides were read and binned
};

/// Runs every test that applies to A and B. Throws std::invalid_argument when the sides cannot be put on
/// common categories (the pairing's sentence).
HypothesisTests runHypothesisTests(const TestSide &a, const TestSide &b);

} // namespace klscope
