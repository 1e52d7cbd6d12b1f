// klscope-import-bench [ROWS] [--keep]: writes a three-column "event,p,q" CSV file of ROWS rows
// (default 10^6) to the temporary folder, then times reading it into two labelled distributions
// (read + parse + convert counts + align by label), median of 5 runs after a warm-up.

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
    std::vector<double> ms;
    std::size_t events = 0;
    for (int run = 0; run < 6; ++run) {
        const auto start = std::chrono::steady_clock::now();
        auto pair = klscope::import::resolveSpecs(pSpec, pSpec);
        const auto stop = std::chrono::steady_clock::now();
        if (!pair) {
            std::fprintf(stderr, "klscope-import-bench: %s\n", pair.error().message.c_str());
            return 1;
        }
        events = pair->labels().size();
        if (run > 0)
            ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    }
    std::sort(ms.begin(), ms.end());
    const auto bytes = std::filesystem::file_size(path);
    std::printf("loaded %zu rows (%.1f MB, event,p,q as counts, P and Q aligned by label on %zu events)\n"
                "  median %.1f ms, min %.1f ms over %zu runs (both sides: the file is read twice)\n",
                rows, static_cast<double>(bytes) / 1e6, events, ms[ms.size() / 2], ms.front(), ms.size());
    if (!keep)
        std::filesystem::remove(path);
    else
        std::printf("  kept %s\n", path.c_str());
    return 0;
}
