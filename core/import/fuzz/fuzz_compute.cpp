// libFuzzer target: the whole compute path from text (computecase.h). A broken promise aborts, and so
// does any exception other than std::invalid_argument.

#include "computecase.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string broken =
        klscope::fuzz::runComputeCase(std::string_view(reinterpret_cast<const char *>(data), size));
    if (!broken.empty()) {
        std::fprintf(stderr, "fuzz-compute: broken promise: %s\n", broken.c_str());
        std::abort();
    }
    return 0;
}
