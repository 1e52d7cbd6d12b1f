// libFuzzer target: the whole road from two files to a comparison, as `klscope-cli compute --p SPEC
// --q SPEC` takes it. The first byte picks how each side is read (file: with a value kind, or
// samples: with a binning rule, or a family); the rest is split at the first "\n--\n" into P's file
// and Q's file. Then loadSource, pairSources, compare, the explanation of infinities and the JSON.

#include "filespec.h"
#include "labelalignment.h"
#include "report.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

using namespace klscope::import;

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz-pair: broken promise: %s\n", what);
        std::abort();
    }
}

// Two files in a private temporary folder, rewritten for every input.
struct Files
{
    std::string folder, p, q;
    Files()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "klscope-fuzz-pair-XXXXXX").string();
        require(mkdtemp(pattern.data()) != nullptr, "a temporary folder");
        folder = pattern;
        p = folder + "/p.csv";
        q = folder + "/q.csv";
    }
    ~Files() { std::filesystem::remove_all(folder); }
};

void write(const std::string &path, std::string_view text)
{
    std::FILE *file = std::fopen(path.c_str(), "wb");
    require(file != nullptr, "a writable temporary file");
    std::fwrite(text.data(), 1, text.size(), file);
    std::fclose(file);
}

std::string specFor(unsigned choice, const std::string &path)
{
    static const char *const options[] = {
        "file:%s",          "file:%s,as=counts",       "file:%s,as=logits",  "file:%s,as=logprobs",
        "samples:%s",       "samples:%s,bins=integer", "samples:%s,bins=fd", "samples:%s,width=0.5",
        "file:%s,column=2", "file:%s,column=q",        "poisson:lambda=3",   "custom:0.5,0.25,0.25",
    };
    const char *format = options[choice % (sizeof options / sizeof *options)];
    std::string spec(format);
    if (const auto at = spec.find("%s"); at != std::string::npos)
        spec.replace(at, 2, path);
    return spec;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Files files;
    if (size < 1)
        return 0;
    const unsigned selector = data[0];
    std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    const std::size_t cut = text.find("\n--\n");
    write(files.p, text.substr(0, cut));
    write(files.q, cut == std::string_view::npos ? text : text.substr(cut + 4));

    auto p = loadSource(specFor(selector & 0x0F, files.p), Side::P);
    auto q = loadSource(specFor(selector >> 4, files.q), Side::Q);
    if (!p || !q) {
        require(!(p ? q.error() : p.error()).message.empty(), "a refused side says why");
        return 0;
    }
    auto pair = pairSources(*p, *q);
    if (!pair) {
        require(!pair.error().message.empty(), "a refused pair says why");
        return 0;
    }
    const auto labels = pair->labels();
    const klscope::EventRange range = klscope::unite(klscope::support(pair->p), klscope::support(pair->q));
    // A file may name event 49999999; comparing 5e7 events is the core's business, not the parser's.
    if (range.size() > 100'000)
        return 0;
    try {
        const klscope::Comparison c = klscope::compare(pair->p, pair->q);
        (void)describeInfinities(c, labels);
        const std::string json = klscope::toJson(c, true, labels, pair->notes);
        require(json.starts_with("{\"unit\":"), "the JSON is an object");
    } catch (const std::invalid_argument &) {
    }
    return 0;
}
