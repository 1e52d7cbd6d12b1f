#!/usr/bin/env bash
# Builds klscope with its tests and runs every test through CTest.
#   scripts/test.sh              Release build in build-tests/
#   scripts/test.sh --sanitize   AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/deps.sh"
klscope_ensure_packages

build="$root/build-tests"
flags=(-DCMAKE_BUILD_TYPE=Release -DKLSCOPE_BUILD_TESTS=ON -DKLSCOPE_SANITIZE=OFF)
if [ "${1:-}" = "--sanitize" ]; then
    build="$root/build-asan"
    flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DKLSCOPE_BUILD_TESTS=ON -DKLSCOPE_SANITIZE=ON)
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1"
    export LSAN_OPTIONS="suppressions=$root/tests/support/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
fi
cmake -S "$root" -B "$build" "${flags[@]}" >/dev/null
cmake --build "$build" -j"$(klscope_jobs)"
cd "$build"
ctest --output-on-failure -j"$(klscope_jobs)"
