// libFuzzer target: any bytes as the specs a user types. Each line of the input goes to parseSpec,
// parseSupport, parseNumber and parseFileSpec. The parsers may refuse a text only with
// std::invalid_argument (or an ImportError); a spec they accept must survive formatSpec and describe,
// and parse back to the same distribution.

#include "filespec.h"
#include "spec.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz-spec: broken promise: %s\n", what);
        std::abort();
    }
}

void fuzzLine(std::string_view line)
{
    try {
        const klscope::Distribution d = klscope::parseSpec(line);
        const std::string again = klscope::formatSpec(d);
        require(klscope::parseSpec(again) == d, "parseSpec(formatSpec(d)) == d");
        (void)klscope::describe(d);
        const klscope::EventRange range = klscope::support(d);
        require(range.size() > 0, "a distribution has a non-empty support");
        (void)klscope::logpmf(d, range.first);
        (void)klscope::logpmf(d, range.last);
    } catch (const std::invalid_argument &) {
    }
    try {
        const klscope::EventRange r = klscope::parseSupport(line);
        require(r.first <= r.last, "a support A..B has A <= B");
    } catch (const std::invalid_argument &) {
    }
    try {
        (void)klscope::parseNumber(line, "x");
    } catch (const std::invalid_argument &) {
    }
    auto spec = klscope::import::parseFileSpec(line);
    if (spec)
        require(!spec->path.empty(), "a file spec has a path");
    else
        require(!spec.error().message.empty(), "a refused file spec says why");
    (void)klscope::import::isFileSpec(line);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char *>(data), size);
    fuzzLine(text);
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        fuzzLine(text.substr(0, nl));
        if (nl == std::string_view::npos)
            break;
        text.remove_prefix(nl + 1);
    }
    return 0;
}
