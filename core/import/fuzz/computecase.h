#pragma once

// The compute path from text, as `klscope-cli compute` runs it, for the fuzz-compute target and for
// tst_trust, which replays its regression corpus (tests/core/compute-corpus). The input is three lines:
// the P spec, the Q spec, and options ("support=A..B unit=bits renormalize smoothing=E summary", any of
// them, in any order). Bad input may be refused only with std::invalid_argument; accepted input must
// give numbers that keep their promises: no NaN anywhere, capped lists, and for renormalised input
// the bounds of every metric.

#include "comparison.h"
#include "report.h"
#include "spec.h"

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace klscope::fuzz {

// Thrown for a broken promise: not std::invalid_argument, so it is never taken for a refusal.
struct BrokenPromise
{
    const char *what;
};

inline void require(bool condition, const char *what)
{
    if (!condition)
        throw BrokenPromise{what};
}

inline std::string_view nextLine(std::string_view &rest)
{
    const std::size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    return line;
}

inline klscope::CompareOptions parseOptions(std::string_view text)
{
    klscope::CompareOptions options;
    while (!text.empty()) {
        const std::size_t space = text.find(' ');
        const std::string_view word = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
        if (word.starts_with("support="))
            options.support = klscope::parseSupport(word.substr(8));
        else if (word.starts_with("unit="))
            options.unit = klscope::parseUnit(word.substr(5)).value_or(klscope::Unit::Nats);
        else if (word == "renormalize")
            options.renormalize = true;
        else if (word.starts_with("smoothing="))
            options.smoothing = klscope::parseNumber(word.substr(10), "smoothing");
        else if (word == "summary")
            options.perEvent = false;
    }
    return options;
}

inline void checkTotals(const klscope::Comparison &c, const klscope::CompareOptions &options)
{
    const klscope::DivergenceTotals &t = c.totals;
    for (double x : {t.klPQ, t.klQP, t.js, t.jsDistance, t.entropyP, t.entropyQ, t.crossEntropyPQ,
                     t.crossEntropyQP, t.totalVariation, t.hellinger, t.massP, t.massQ, c.givenMassP,
                     c.givenMassQ, c.outsideP, c.outsideQ})
        require(!std::isnan(x), "no metric is NaN");
    require(t.js >= 0 && t.totalVariation >= 0 && t.hellinger >= 0, "JS, TV and Hellinger are >= 0");
    require(c.infinitePQ.size() <= klscope::kMaxListedEvents &&
                c.infiniteQP.size() <= klscope::kMaxListedEvents,
            "infinite-event lists are capped");
    require(c.infinitePQ.size() <= c.infinitePQCount && c.infiniteQP.size() <= c.infiniteQPCount,
            "the counts cover the lists");
    if (options.renormalize) {
        // Normalised masses: the textbook bounds, with room for rounding.
        const double ln2 = std::log(2.0) * klscope::fromNats(options.unit);
        require(t.js <= ln2 * (1 + 1e-12), "JS <= ln 2");
        require(t.totalVariation <= 1 + 1e-12 && t.hellinger <= 1 + 1e-12, "TV and Hellinger <= 1");
        require(t.klPQ >= -1e-12 && t.klQP >= -1e-12, "KL >= 0");
    }
    for (std::size_t i = 0; i < c.klPQ.size(); ++i)
        require(!std::isnan(c.klPQ[i]) && !std::isnan(c.klQP[i]) && c.js[i] >= 0, "per-event terms");
}

/// Runs one input (P spec, Q spec, options, one per line) through the compute path. Returns an empty
/// string when the input was computed or refused with std::invalid_argument, else the broken promise.
/// Any other exception propagates: that is a finding too.
inline std::string runComputeCase(std::string_view input)
{
    std::string_view rest = input;
    const std::string_view pText = nextLine(rest);
    const std::string_view qText = nextLine(rest);
    const std::string_view optionText = nextLine(rest);
    try {
        const klscope::Distribution p = klscope::parseSpec(pText);
        const klscope::Distribution q = klscope::parseSpec(qText);
        const klscope::CompareOptions options = parseOptions(optionText);
        // Huge supports are the event limit's business (tested directly); here they would only time
        // the fuzzer out.
        const klscope::EventRange range =
            options.support ? *options.support : klscope::unite(klscope::support(p), klscope::support(q));
        if (range.size() > 200'000)
            return {};
        const klscope::Comparison c = klscope::compare(p, q, options);
        checkTotals(c, options);
        std::size_t written = 0;
        const klscope::TextSink sink = [&written](std::string_view piece) {
            written += piece.size();
        };
        klscope::writeJson(c, options.perEvent, {}, {}, sink);
        klscope::writeText(c, options.perEvent, {}, sink);
        require(written > 0, "the reports write something");
    } catch (const std::invalid_argument &) {
    } catch (const BrokenPromise &broken) {
        return broken.what;
    }
    return {};
}

} // namespace klscope::fuzz
