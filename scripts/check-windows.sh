#!/usr/bin/env bash
# Checks the Win32 platform code with mingw-w64, so Windows-only code cannot rot
# unnoticed on Linux:
#  1. compiles every core/platform/windows/*.cpp (and the portable
#     WindowsCommandLine.cpp) with the project's warnings as errors;
#  2. links them with tests/windows/Win32LinkCheck.cpp and the libraries that
#     core/platform/CMakeLists.txt gives gatehouse_core on Windows, so a missing
#     import library (advapi32, ...) shows here. The program is never run.
# The Qt glue (SignalWatcherWindows.cpp, QtServiceRunner.cpp) needs Qt for
# Windows and is not checked here.
#   scripts/check-windows.sh
# Needs x86_64-w64-mingw32-g++ (Debian: g++-mingw-w64-x86-64).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cxx=${MINGW_CXX:-x86_64-w64-mingw32-g++}
if ! command -v "$cxx" >/dev/null; then
    echo "check-windows.sh: $cxx not found; install g++-mingw-w64-x86-64" >&2
    exit 1
fi

flags=(-std=c++20 -Wall -Wextra -Werror -pedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
       -D_WIN32_WINNT=0x0A00 -DWIN32_LEAN_AND_MEAN -DNOMINMAX -DUNICODE -D_UNICODE -I "$root/core")
sources=("$root"/core/platform/windows/*.cpp "$root/core/platform/WindowsCommandLine.cpp")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
objects=()
for source in "${sources[@]}"; do
    object="$work/$(basename "$source" .cpp).o"
    if ! "$cxx" "${flags[@]}" -c "$source" -o "$object"; then
        echo "check-windows.sh: ${source#"$root"/} does not compile for Windows" >&2
        status=1
    fi
    objects+=("$object")
done
[ $status -eq 0 ] || exit $status

# The import libraries gatehouse_core links on Windows, as CMake lists them.
libraries=()
for library in $(sed -n 's/^ *target_link_libraries(gatehouse_core PUBLIC \([^)]*\)).*/\1/p' \
                     "$root/core/platform/CMakeLists.txt"); do
    libraries+=("-l$library")
done
if ! "$cxx" "${flags[@]}" "$root/tests/windows/Win32LinkCheck.cpp" "${objects[@]}" "${libraries[@]}" \
        -o "$work/link-check.exe"; then
    echo "check-windows.sh: the Win32 platform code does not link with ${libraries[*]}" \
         "(core/platform/CMakeLists.txt); add the missing library there" >&2
    exit 1
fi
echo "check-windows.sh: core/platform/windows compiles for Windows and links with ${libraries[*]}"
