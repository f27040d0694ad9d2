#!/usr/bin/env bash
# Proves installer/windows/gatehouse.nsi builds: makensis, warnings as errors,
# on placeholder binaries (the real ones come from a Windows build followed by
# windeployqt). Checks that the installer carries the placeholders. -WX also
# fails on a LangString left out of one of its languages.
#   scripts/check-nsis.sh [VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-0.0.0}
command -v makensis >/dev/null || {
    echo "check-nsis: makensis is missing; run scripts/install-deps.sh build test (Debian package nsis)" >&2
    exit 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin/platforms"
for file in gatehoused.exe gatehousectl.exe gatehouse.exe Qt6Core.dll Qt6Network.dll Qt6Widgets.dll \
    libssl-3-x64.dll platforms/qwindows.dll; do
    printf 'placeholder %s\n' "$file" >"$work/bin/$file"
done
makensis -V2 -WX -DVERSION="$version" -DBINDIR="$work/bin" -DOUTFILE="$work/gatehouse-setup.exe" \
    installer/windows/gatehouse.nsi
[ -s "$work/gatehouse-setup.exe" ] || { echo "check-nsis: makensis made no installer" >&2; exit 1; }
# The placeholders are compressed inside; their names are in the script's file list only when
# makensis saw them, which -V4 reports.
makensis -V4 -WX -DVERSION="$version" -DBINDIR="$work/bin" -DOUTFILE="$work/gatehouse-setup.exe" \
    installer/windows/gatehouse.nsi >"$work/log"
for file in gatehoused.exe gatehousectl.exe gatehouse.exe qwindows.dll; do
    grep -q "File: \"$file\"" "$work/log" || { echo "check-nsis: the installer does not carry $file" >&2; exit 1; }
done
echo "check-nsis: $(stat -c %s "$work/gatehouse-setup.exe") byte installer built from installer/windows/gatehouse.nsi"
