#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what clang-format makes of it.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find core service gui tests bench fuzz -name '*.cpp' -o -name '*.h')
# One clang-format for all files: it names each file that would change.
status=0
output=$(clang-format --dry-run -Werror "${files[@]}" 2>&1) || status=$?
mapfile -t bad < <(sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' <<<"$output" | sort -u)
if [ ${#bad[@]} -gt 0 ]; then
    echo "Not formatted (run: clang-format -i ${bad[*]}):" >&2
    printf '  %s\n' "${bad[@]}" >&2
    exit 1
fi
if [ "$status" != 0 ]; then
    # Failed without naming an unformatted file: clang-format itself could not run.
    echo "check-format: clang-format failed (exit $status):" >&2
    head -20 <<<"$output" >&2
    exit 1
fi
