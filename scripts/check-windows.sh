#!/usr/bin/env bash
# Compile-checks the Win32 platform code (core/platform/windows) with mingw-w64,
# so Windows-only code cannot rot unnoticed on Linux. Syntax only: nothing links.
#   scripts/check-windows.sh
# Needs x86_64-w64-mingw32-g++ (Debian: g++-mingw-w64-x86-64).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cxx=${MINGW_CXX:-x86_64-w64-mingw32-g++}
if ! command -v "$cxx" >/dev/null; then
    echo "check-windows.sh: $cxx not found; install g++-mingw-w64-x86-64" >&2
    exit 1
fi

status=0
for source in "$root"/core/platform/windows/*.cpp; do
    if ! "$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Werror -pedantic \
            -D_WIN32_WINNT=0x0A00 -DWIN32_LEAN_AND_MEAN -DNOMINMAX -DUNICODE -D_UNICODE \
            -I "$root/core" "$source"; then
        echo "check-windows.sh: ${source#"$root"/} does not compile for Windows" >&2
        status=1
    fi
done
[ $status -eq 0 ] && echo "check-windows.sh: core/platform/windows compiles for Windows"
exit $status
