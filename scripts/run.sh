#!/usr/bin/env bash
# Builds klscope (Release) and opens the window on the seed example. Extra arguments go to the program
# (for example --preset NAME, a .klscope file, or --screenshot FILE.png).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/deps.sh"
klscope_ensure_packages

build="$root/build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DKLSCOPE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(klscope_jobs)"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "klscope: no display (DISPLAY and WAYLAND_DISPLAY are unset). Run it on a desktop or under" >&2
    echo "xvfb-run -a scripts/run.sh; for a picture only: QT_QPA_PLATFORM=offscreen scripts/run.sh --screenshot shot.png" >&2
    exit 1
fi
exec "$build/app/klscope" "$@"
