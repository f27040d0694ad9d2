#!/usr/bin/env bash
# The README's two commands, and the helpers behind them.
#   ./scripts/gatehouse.sh run    install what is missing, build, run the service on its default config
#   ./scripts/gatehouse.sh test   install what is missing, build, run the whole test suite,
#                                 then all of it again under ASan+UBSan (build-asan/), then
#                                 the proxy, worker and port tests under TSan (build-tsan/)
#   ./scripts/gatehouse.sh sanitize  the two sanitizer suites alone
#   ./scripts/gatehouse.sh build  install what is missing and build only
#   ./scripts/gatehouse.sh package  build, then make the Debian packages in build/packages/
# PRESET (default: "default") picks a CMakePresets.json preset, e.g. PRESET=asan; `test` with
# a PRESET other than default, or with ctest arguments, runs that one suite only; SANITIZE=0
# leaves the sanitizer suites out of `test`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${PRESET:-default}

usage() {
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

build() {
    "$root/scripts/install-deps.sh" "$@"
    cd "$root"
    if [ ! -f "$(build_dir)/build.ninja" ]; then
        cmake --preset "$preset" >/dev/null
    fi
    cmake --build --preset "$preset"
}

build_dir() {
    case "$preset" in
        default) echo "$root/build" ;;
        *) echo "$root/build-$preset" ;;
    esac
}

# The sanitizer suites: every test of the asan build (AddressSanitizer, LeakSanitizer,
# UBSan), then the tests with threads in them (proxy workers, dispatcher, ports) under
# ThreadSanitizer. Suppressions (tests/sanitizers/) are for code outside the project only.
# `test` runs both after the default suite. The tsan suite runs clean although the Qt 6.4
# from Debian is not instrumented, so TSan cannot see Qt's own locks: the project keeps its
# hand-overs between threads out of them (tasks reach a worker under a mutex of its own
# and wake it through the epoll dispatcher, not Qt's posted-event queue; the ACME
# challenge registry uses a standard lock), states the edges it still relies on
# (core/ThreadSanitizer.h: worker start and stop), and its tests hand over the same way.
# In that build the tests start curl and openssl as forked copies (tests/support/TsanClone.cpp).
sanitize() {
    local status=0 preset
    for preset in "$@"; do
        build build test
        cd "$root"
        ctest --preset "$preset" || status=1
    done
    return $status
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    run)
        build build
        exec "$(build_dir)/bin/gatehoused" "$@"
        ;;
    test)
        build build test
        cd "$root"
        ctest --preset "$preset" "$@"
        if [ "$preset" = default ] && [ $# -eq 0 ] && [ "${SANITIZE:-1}" != 0 ]; then
            sanitize asan tsan
        fi
        ;;
    sanitize)
        sanitize asan tsan
        ;;
    build)
        build build
        ;;
    package)
        build build
        cd "$(build_dir)"
        cpack -G DEB
        ;;
    -h|--help|help)
        usage
        ;;
    *)
        usage >&2
        exit 64
        ;;
esac
