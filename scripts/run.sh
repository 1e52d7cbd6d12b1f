#!/usr/bin/env bash
# Builds klscope (Release) and launches it on its default example. Extra arguments go to the program.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/deps.sh"
klscope_ensure_packages

build="$root/build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DKLSCOPE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(klscope_jobs)"
if [ -x "$build/app/klscope" ]; then
    exec "$build/app/klscope" "$@"
fi
# Until the window exists: the seed example on the command line.
exec "$build/app/klscope-cli" compute --p binomial:n=15,p=7/15 --q uniform:a=0,b=14 --support 0..14 "$@"
