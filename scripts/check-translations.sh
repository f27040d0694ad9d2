#!/usr/bin/env bash
# Fails when a translations/gatehouse_<lang>.ts is out of date with the sources
# (lupdate, run on a copy with the options CMake's gatehouse_translations_lupdate target
# uses, would change it) or has an entry that is unfinished or empty.
# Fix: cmake --build build --target gatehouse_translations_lupdate, then translate what is
# marked unfinished (Qt Linguist, or by hand).
#   scripts/check-translations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
    for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
        [ -n "$candidate" ] && [ -x "$candidate" ] && { lupdate=$candidate; break; }
    done
fi
[ -n "$lupdate" ] || { echo "check-translations: lupdate not found (Debian: qt6-l10n-tools)" >&2; exit 1; }

mapfile -t inputs < <(grep -v -e '^#' -e '^[[:space:]]*$' translations/lupdate-inputs.txt)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in translations/gatehouse_*.ts; do
    lang=$(basename "$ts" .ts)
    lang=${lang#gatehouse_}
    cp "$ts" "$work/$(basename "$ts")"
    # The inputs and options translations/CMakeLists.txt gives lupdate.
    "$lupdate" -silent -no-obsolete -locations none -I core -target-language "$lang" "${inputs[@]}" \
        -ts "$work/$(basename "$ts")" >/dev/null
    if ! diff -u "$ts" "$work/$(basename "$ts")" >"$work/diff"; then
        echo "check-translations: $ts is out of date with the sources (run: cmake --build build --target gatehouse_translations_lupdate):" >&2
        head -40 "$work/diff" >&2
        status=1
    fi
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    if [ "$unfinished" -gt 0 ]; then
        echo "check-translations: $ts has $unfinished unfinished entries:" >&2
        grep -B3 'type="unfinished"' "$ts" | grep '<source>' | head -10 >&2
        status=1
    fi
    empty=$(grep -cE '<translation>\s*</translation>|<numerusform>\s*</numerusform>|<translation/>' "$ts" || true)
    if [ "$empty" -gt 0 ]; then
        echo "check-translations: $ts has $empty empty translations" >&2
        status=1
    fi
    messages=$(grep -c '<message' "$ts" || true)
    [ "$status" = 0 ] && echo "ok: $ts: $messages messages, all translated, up to date"
done
exit $status
