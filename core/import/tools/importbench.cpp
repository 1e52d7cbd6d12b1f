// klscope-import-bench [ROWS] [--keep]: writes a three-column "event,p,q" CSV file of ROWS rows
// (default 10^6) to the temporary folder, then times, as the median of 5 runs after a warm-up:
//   parse      read + check + parse the file into a Table (readDelimitedFile);
//   one side   the whole of `--p file:F,as=counts`: parse, counts to masses, a labelled Custom;
//   both sides `--p file:F,as=counts --q file:F,as=counts`: the file read twice, aligned by label;
//   align      the last step of both sides alone: two sides already loaded, paired by label (pairSources).

#include "delimitedtext.h"
#include "filespec.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

int main(int argc, char *argv[])
{
    std::size_t rows = 1'000'000;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--keep")
            keep = true;
        else if (const long long n = std::atoll(argv[i]); n > 0)
            rows = static_cast<std::size_t>(n);
        else {
            std::fprintf(stderr, "usage: klscope-import-bench [ROWS] [--keep]\n");
            return 2;
        }
    }
    const auto path = std::filesystem::temp_directory_path() / "klscope-import-bench.csv";
    {
        std::FILE *file = std::fopen(path.c_str(), "wb");
        if (!file) {
            std::perror("klscope-import-bench");
            return 1;
        }
        std::mt19937_64 random(42);
        std::uniform_int_distribution<int> counts(0, 100000);
        std::fprintf(file, "word,p,q\r\n");
        for (std::size_t i = 0; i < rows; ++i)
            std::fprintf(file, "w%zu,%d,%d\r\n", i, counts(random) + 1, counts(random) + 1);
        std::fclose(file);
    }
    const std::string pSpec = "file:" + path.string() + ",as=counts";
    // Median of 5 runs after a warm-up; false when `step` fails (it prints why).
    auto time = [](auto step, double &median) {
        std::vector<double> ms;
        for (int run = 0; run < 6; ++run) {
            const auto start = std::chrono::steady_clock::now();
            if (!step())
                return false;
            const auto stop = std::chrono::steady_clock::now();
            if (run > 0)
                ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        }
        std::sort(ms.begin(), ms.end());
        median = ms[ms.size() / 2];
        return true;
    };
    auto fail = [](const klscope::import::ImportError &e) {
        std::fprintf(stderr, "klscope-import-bench: %s\n", e.message.c_str());
        return false;
    };
    std::size_t events = 0;
    double parseMs = 0, oneMs = 0, bothMs = 0, alignMs = 0;
    const auto pSide = klscope::import::loadSource(pSpec, klscope::import::Side::P);
    const auto qSide = klscope::import::loadSource(pSpec, klscope::import::Side::Q);
    if (!pSide || !qSide) {
        fail(pSide ? qSide.error() : pSide.error());
        return 1;
    }
    const bool ok = time(
                        [&] {
                            auto table = klscope::import::readDelimitedFile(path);
                            return table ? true : fail(table.error());
                        },
                        parseMs) &&
                    time(
                        [&] {
                            auto d = klscope::import::resolveSpec(pSpec, klscope::import::Side::P);
                            return d ? true : fail(d.error());
                        },
                        oneMs) &&
                    time(
                        [&] {
                            auto pair = klscope::import::resolveSpecs(pSpec, pSpec);
                            if (!pair)
                                return fail(pair.error());
                            events = pair->labels().size();
                            return true;
                        },
                        bothMs) &&
                    time(
                        [&] {
                            auto pair = klscope::import::pairSources(*pSide, *qSide);
                            return pair ? true : fail(pair.error());
                        },
                        alignMs);
    if (!ok)
        return 1;
    const auto bytes = std::filesystem::file_size(path);
    std::printf("%zu rows (%.1f MB, event,p,q as counts), median of 5 runs:\n"
                "  parse only                      %8.1f ms\n"
                "  one side  (file:F,as=counts)     %8.1f ms\n"
                "  both sides aligned by label      %8.1f ms  (the file read twice, %zu events)\n"
                "  align only (pairSources)         %8.1f ms\n",
                rows, static_cast<double>(bytes) / 1e6, parseMs, oneMs, bothMs, events, alignMs);
    if (!keep)
        std::filesystem::remove(path);
    else
        std::printf("  kept %s\n", path.c_str());
    return 0;
}
