# Sourced by run.sh and test.sh: makes sure the Debian 12 packages the build needs are installed.
# As root it installs what is missing with apt-get; otherwise it prints the exact command and stops.

# fonts-dejavu-core: offscreen rendering (tests, headless export) needs at least one font on the system.
KLSCOPE_PACKAGES=(g++ make cmake pkg-config qt6-base-dev qt6-svg-dev libqcustomplot-dev libboost-math-dev libnlopt-cxx-dev libeigen3-dev libgl-dev
    fonts-dejavu-core)

klscope_ensure_packages() {
    local missing=()
    local pkg
    for pkg in "${KLSCOPE_PACKAGES[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "klscope: installing ${missing[*]}" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2 || {
            echo "klscope: apt-get could not install ${missing[*]}" >&2
            exit 1
        }
    else
        echo "klscope: these Debian packages are missing: ${missing[*]}" >&2
        echo "Install them with:" >&2
        echo "    sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
}

klscope_jobs() {
    nproc 2>/dev/null || echo 2
}
