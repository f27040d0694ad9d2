#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`: clang, ASan+UBSan, build-fuzz/)
# and runs each for a while on a copy of its seed corpus in fuzz/corpus/<target>/.
# Fails on any crash, leak, sanitizer report or timeout, and says where the input
# that caused it was saved. The tree's corpus is never written to, unless --merge.
#   scripts/fuzz.sh [--seconds N] [--merge] [target...]
#     --seconds N  run time per target (default 10)
#     --merge      afterwards, add the new inputs that reach new code to fuzz/corpus/<target>/
#                  (libFuzzer -merge=1: only inputs that add coverage; review, then commit)
#     target       clienthello http_request http_response proxy_protocol config control (default: all)
# Environment: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_WORK_DIR (default
# $FUZZ_BUILD_DIR/fuzz-runs), FUZZ_JOBS (build parallelism, default 2),
# FUZZ_PARALLEL (targets fuzzed at once, default 2).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
all_targets=(clienthello http_request http_response proxy_protocol config control)
seconds=10
merge=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
        --seconds=*) seconds=${1#--seconds=}; shift ;;
        --merge) merge=1; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 64 ;;
        *)
            if [[ ! " ${all_targets[*]} " =~ " $1 " ]]; then
                echo "fuzz.sh: unknown target '$1' (expected one of: ${all_targets[*]})" >&2
                exit 64
            fi
            targets+=("$1"); shift ;;
    esac
done
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || { echo "fuzz.sh: --seconds needs a positive whole number, not '$seconds'" >&2; exit 64; }
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
work=${FUZZ_WORK_DIR:-$build/fuzz-runs}
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (Debian: apt-get install clang, or scripts/install-deps.sh build test)" >&2; exit 1; }
if [ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ] && command -v ccache >/dev/null; then
    export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
fi

cd "$root"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake --preset fuzz -B "$build" >/dev/null || { echo "fuzz.sh: configuring the fuzz preset failed" >&2; exit 1; }
fi

mkdir -p "$work"
if ! cmake --build "$build" -j "${FUZZ_JOBS:-2}" --target "${targets[@]/#/fuzz_}" >"$work/build.log" 2>&1; then
    grep -E -B2 -A10 'error|FAILED' "$work/build.log" | head -80 >&2
    echo "fuzz.sh: the build failed (log: $work/build.log)" >&2
    exit 1
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# One target: fuzz a copy of its corpus; the report goes to $dir/report, the verdict to $dir/ok.
fuzz_one() {
    local target=$1 dir="$work/$1" dict
    rm -rf "$dir"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp "$root/fuzz/corpus/$target/"* "$dir/corpus/"
    local options=(-max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048
                   -artifact_prefix="$dir/artifacts/" -print_final_stats=1)
    case "$target" in http_*) dict=http ;; *) dict=$target ;; esac
    [ -f "$root/fuzz/dict/$dict.dict" ] && options+=(-dict="$root/fuzz/dict/$dict.dict")
    {
        echo "== $target: ${seconds}s from $(ls "$dir/corpus" | wc -l) seeds"
        if "$build/bin/fuzz_$target" "${options[@]}" "$dir/corpus" >"$dir/log" 2>&1; then
            grep -E '^stat::(number_of_executed_units|new_units_added)' "$dir/log" | sed 's/^stat::/   /' || true
            touch "$dir/ok"
        else
            grep -E -A30 'FUZZ_CHECK|ERROR: |runtime error|SUMMARY' "$dir/log" | head -60 || tail -40 "$dir/log"
            for artifact in "$dir"/artifacts/*; do
                [ -e "$artifact" ] || continue
                echo "fuzz.sh: $target failed; the input is saved in $artifact"
                echo "  reproduce: $build/bin/fuzz_$target $artifact"
            done
            echo "  full log: $dir/log"
        fi
    } >"$dir/report" 2>&1
}

# FUZZ_PARALLEL targets at a time (default 2, one per core of the CI machine).
lanes=${FUZZ_PARALLEL:-2}
running=0
for target in "${targets[@]}"; do
    fuzz_one "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$lanes" ]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait

failed=()
for target in "${targets[@]}"; do
    dir="$work/$target"
    cat "$dir/report"
    if [ ! -e "$dir/ok" ]; then
        failed+=("$target")
        continue
    fi
    if [ "$merge" = 1 ]; then
        before=$(ls "$root/fuzz/corpus/$target" | wc -l)
        "$build/bin/fuzz_$target" -merge=1 -max_len=4096 "$root/fuzz/corpus/$target" "$dir/corpus" >"$dir/merge.log" 2>&1
        echo "   merged: $before -> $(ls "$root/fuzz/corpus/$target" | wc -l) inputs in fuzz/corpus/$target"
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz.sh: all ${#targets[@]} targets ran ${seconds}s each without a finding"
