#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer + UndefinedBehaviorSanitizer) in build-fuzz/
# and runs each for SECONDS (default 60), starting from the bad-file corpus in tests/io/badfiles (and,
# for fuzz-compute, the spec/option corpus in tests/core/compute-corpus, which tst_trust replays).
#   scripts/fuzz.sh [SECONDS]
# The corpus grows in a temporary folder, never in the repository. A crash, sanitizer report or hang
# (-timeout=5) stops the run; the reproducer is left in build-fuzz/artifacts/ and the script fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
case "$seconds" in
'' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS]" >&2
    exit 2
    ;;
esac
command -v clang++ >/dev/null || {
    echo "scripts/fuzz.sh needs clang: apt-get install clang" >&2
    exit 2
}

build="$root/build-fuzz"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKLSCOPE_BUILD_FUZZERS=ON -DKLSCOPE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target klscope-fuzzers

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/artifacts"
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for fuzzer in import spec pair compute; do
    corpus="$work/$fuzzer"
    mkdir -p "$corpus"
    if [ "$fuzzer" = compute ]; then
        # Three lines each: P spec, Q spec, options; every input that ever broke the compute path.
        cp "$root"/tests/core/compute-corpus/* "$corpus"/
    else
        cp "$root"/tests/io/badfiles/* "$corpus"/ 2>/dev/null || true
    fi
    if [ "$fuzzer" = spec ]; then
        # A few well-formed specs, so the fuzzer starts inside every parser.
        printf '%s\n' binomial:n=15,p=7/15 uniform:a=0,b=14 poisson:lambda=3.5 geometric:p=0.3 \
            negative_binomial:r=5,p=0.4 hypergeometric:N=50,K=20,n=10 bernoulli:p=0.3 custom:0.2,0.5,0.3 \
            0..14 file:data.csv,as=counts,column=2 samples:x.txt,bins=fd,width=0.5 >"$corpus/seed-specs"
    fi
    echo "== fuzz-$fuzzer for ${seconds}s"
    if ! "$build/core/import/fuzz/fuzz-$fuzzer" "$corpus" -max_total_time="$seconds" -timeout=5 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$fuzzer-"; then
        echo "fuzz-$fuzzer found a problem; reproducer in $build/artifacts/" >&2
        status=1
    fi
done
# The continuous spec parser (core/continuous), seeded with one spec per family.
corpus="$work/continuous-spec"
mkdir -p "$corpus"
printf '%s\n' normal:mu=0,sigma=1 lognormal:mu=0,sigma=1 exponential:rate=1 gamma:shape=2,rate=1 beta:a=2,b=3 \
    laplace:mu=0,b=1 student_t:nu=5 cauchy:x0=0,gamma=1 continuous_uniform:a=0,b=1 \
    gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1 >"$corpus/seed-specs"
echo "== fuzz-continuous-spec for ${seconds}s"
if ! "$build/core/continuous/fuzz-continuous-spec" "$corpus" -max_total_time="$seconds" -timeout=5 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/continuous-spec-"; then
    echo "fuzz-continuous-spec found a problem; reproducer in $build/artifacts/" >&2
    status=1
fi
exit "$status"
