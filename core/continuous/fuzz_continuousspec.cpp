// libFuzzer target: any bytes as continuous specs. Each line goes to parseContinuousSpec (with and without
// renormalising). The parser may refuse a text only with std::invalid_argument; a spec it accepts must
// survive formatSpec and describe, parse back to the same distribution, and give finite-or-infinite (never
// NaN) log densities, cdfs in [0, 1] and quantiles at the centre of its support; KL by the infinity rules
// and closed forms must never throw.

#include "continuousclosedform.h"
#include "continuousspec.h"
#include "infinitykl.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz-continuous-spec: broken promise: %s\n", what);
        std::abort();
    }
}

void fuzzLine(std::string_view line, bool renormalize)
{
    try {
        std::vector<std::string> notes;
        const klscope::ContinuousDistribution d = klscope::parseContinuousSpec(line, renormalize, &notes);
        require(klscope::parseContinuousSpec(klscope::formatSpec(d)) == d, "parse(formatSpec(d)) == d");
        (void)klscope::describe(d);
        const double median = klscope::quantile(d, 0.5);
        require(!std::isnan(median), "the median is a number");
        require(!std::isnan(klscope::logpdf(d, median)), "ln f(median) is not NaN");
        const double c = klscope::cdf(d, median);
        require(c >= 0.0 && c <= 1.0, "cdf in [0, 1]");
        (void)klscope::infiniteKlReason(d, klscope::Normal(0.0, 1.0));
        (void)klscope::closedFormKl(d, d);
    } catch (const std::invalid_argument &) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string_view line =
            text.substr(start, end == std::string_view::npos ? text.npos : end - start);
        fuzzLine(line, false);
        fuzzLine(line, true);
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return 0;
}
