#!/usr/bin/env bash
# Builds the Debian package with CPack and checks what is inside it.
#   scripts/package.sh        Release build in build-package/, writes build-package/klscope_<version>_<arch>.deb
# Checks: the package's control data (computed Depends on the Qt and QCustomPlot libraries), that both
# programs, the desktop entry, the icon, the MIME type, the AppStream metainfo and the man page are in it,
# desktop-file-validate, appstreamcli validate, the man page renders without warnings, and the packaged
# programs answer --version / --help. As root it installs the tools it needs with apt-get.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/deps.sh"
klscope_ensure_packages dpkg-dev desktop-file-utils appstream groff-base

build="$root/build-package"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DKLSCOPE_BUILD_TESTS=OFF -DKLSCOPE_SANITIZE=OFF >/dev/null
cmake --build "$build" -j"$(klscope_jobs)" --target klscope klscope-cli klscope_manpages
rm -f "$build"/klscope_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb="$(ls "$build"/klscope_*.deb)"
echo "== $deb"

fail() {
    echo "package.sh: $*" >&2
    exit 1
}

info="$(dpkg-deb -I "$deb")"
echo "$info" | sed -n '/Package:/,$p'
for field in "Package: klscope" "Section: science"; do
    grep -q "$field" <<<"$info" || fail "control lacks '$field'"
done
# Computed by dpkg-shlibdeps (CPACK_DEBIAN_PACKAGE_SHLIBDEPS), not written by hand.
for dep in libqt6widgets6 libqt6gui6 libqt6core6 libqt6svg6 libqcustomplot; do
    grep -q "^ Depends:.*$dep" <<<"$info" || fail "Depends lacks $dep"
done

contents="$(dpkg-deb -c "$deb")"
for path in ./usr/bin/klscope ./usr/bin/klscope-cli \
    ./usr/share/applications/org.klscope.klscope.desktop \
    ./usr/share/icons/hicolor/scalable/apps/org.klscope.klscope.svg \
    ./usr/share/mime/packages/org.klscope.klscope.xml \
    ./usr/share/metainfo/org.klscope.klscope.metainfo.xml \
    ./usr/share/man/man1/klscope-cli.1.gz; do
    grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done

unpacked="$(mktemp -d)"
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
desktop-file-validate "$unpacked/usr/share/applications/org.klscope.klscope.desktop"
appstreamcli validate --no-net "$unpacked/usr/share/metainfo/org.klscope.klscope.metainfo.xml"
grep -q 'glob pattern="\*.klscope"' "$unpacked/usr/share/mime/packages/org.klscope.klscope.xml" ||
    fail "the MIME type has no *.klscope glob"
grep -q '^MimeType=application/x-klscope;' "$unpacked/usr/share/applications/org.klscope.klscope.desktop" ||
    fail "the desktop entry does not open application/x-klscope"
warnings="$(zcat "$unpacked/usr/share/man/man1/klscope-cli.1.gz" | groff -man -Tutf8 -ww -z 2>&1)"
[ -z "$warnings" ] || fail "the man page renders with warnings: $warnings"
# The packaged programs run (against the system's libraries) without a display.
QT_QPA_PLATFORM=no-such-platform "$unpacked/usr/bin/klscope" --version | grep -q '^klscope ' ||
    fail "klscope --version failed"
"$unpacked/usr/bin/klscope-cli" compute --p binomial:n=15,p=7/15 --q uniform:a=0,b=14 --support 0..14 \
    --summary >/dev/null || fail "klscope-cli compute failed"
echo "package.sh: $deb passes every check"
