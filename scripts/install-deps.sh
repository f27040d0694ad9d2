#!/usr/bin/env bash
# Installs the Debian 12 packages a purpose needs, and only those missing.
# Quiet and quick when everything is present.
#   install-deps.sh build        compilers, the mold linker, Qt 6, OpenSSL, llhttp, help2man (man pages)
#   install-deps.sh build test   the same plus what the tests run against (and the package checks,
#                                clang for the libFuzzer targets)
#   install-deps.sh build bench  the same plus nginx, HAProxy, wrk, Pebble and curl for bench/run.sh
#   install-deps.sh build screenshots  the same plus Xvfb and Pebble for scripts/screenshots.sh
set -euo pipefail

build_packages=(
    build-essential mold cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    libssl-dev openssl node-llhttp clang-format help2man
)
test_packages=(
    curl procps util-linux g++-mingw-w64-x86-64 pebble nginx-light clang
    dpkg-dev systemd desktop-file-utils nsis
    slowhttptest wrk testssl.sh
)
bench_packages=(
    nginx-light libnginx-mod-stream haproxy wrk pebble curl procps iproute2 valgrind
)
screenshots_packages=(
    xvfb pebble curl openssl
)

wanted=()
for purpose in "$@"; do
    case "$purpose" in
        build) wanted+=("${build_packages[@]}") ;;
        test) wanted+=("${test_packages[@]}") ;;
        bench) wanted+=("${bench_packages[@]}") ;;
        screenshots) wanted+=("${screenshots_packages[@]}") ;;
        *) echo "install-deps.sh: unknown purpose '$purpose' (expected build, test, bench or screenshots)" >&2; exit 64 ;;
    esac
done

missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
        sudo=(sudo)
    else
        echo "install-deps.sh: not root and no sudo; install these packages: ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
