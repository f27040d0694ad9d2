#!/usr/bin/env bash
# Takes the README's pictures of the desktop GUI: starts Xvfb, gatehoused with a
# demo config (and a second gatehoused holding one of its ports, so the Ports
# view has a conflict to show), then the real main window, which applies the
# demo and writes one PNG per view into docs/images/.
#   scripts/screenshots.sh [OUTPUT_DIR]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/docs/images}
"$root/scripts/install-deps.sh" build screenshots
cd "$root"
[ -f build/build.ninja ] || cmake --preset default >/dev/null
cmake --build build --target gatehoused gui_screenshots >/dev/null

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

route() {  # name port action-json [extra match fields] [extra route fields]
    printf '{ "name": "%s", %s"match": { "ports": %s%s }, "action": %s }' "$1" "${5:-}" "$2" "${4:-}" "$3"
}
forward() {
    printf '{ "type": "forward", "targets": [{ "host": %s, "port": %s }]%s }' "$1" "$2" "${3:-}"
}
site=$(route site 28080 "$(forward '"127.0.0.1"' 3000)" ', "domains": ["example.com", "www.example.com"]')
cat >"$work/start.json" <<JSON
{ "bindAddress": "127.0.0.1", "routes": [ $site ] }
JSON
cat >"$work/demo.json" <<JSON
{
  "bindAddress": "127.0.0.1",
  "routes": [
    $site,
    $(route api 28080 "$(forward '["10.0.0.11", "10.0.0.12"]' 9000 ', "loadBalancing": { "algorithm": "least-connections" }')" \
        ', "domains": "example.com", "path": "/api/*"' '"priority": 10, '),
    $(route to-https 28081 '{ "type": "redirect", "redirect": { "to": "https://{host}{path}", "status": 301 } }'),
    $(route health 28082 '{ "type": "respond", "respond": { "status": 200, "body": "ok" } }' ', "path": "/healthz"'),
    $(route metrics 28090 "$(forward '"127.0.0.1"' 9100)"),
    $(route staging 28083 "$(forward '"127.0.0.1"' 4000)" '' '"enabled": false, ')
  ]
}
JSON
cat >"$work/holder.json" <<JSON
{ "bindAddress": "127.0.0.1", "routes": [ $(route other 28090 '{ "type": "respond", "respond": { "status": 200 } }') ] }
JSON

wait_for() {  # path seconds
    for _ in $(seq $(($2 * 10))); do
        [ -e "$1" ] && return 0
        sleep 0.1
    done
    echo "screenshots.sh: $1 did not appear" >&2
    exit 1
}

display=99
while [ -e "/tmp/.X11-unix/X$display" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
wait_for "/tmp/.X11-unix/X$display" 10

build/bin/gatehoused --config "$work/holder.json" --state-dir "$work/holder" --control "$work/holder.sock" \
    --log-level warning 2>/dev/null &
pids+=($!)
wait_for "$work/holder.sock" 10
build/bin/gatehoused --config "$work/start.json" --state-dir "$work/state" --control "$work/control.sock" \
    --log-level error &
pids+=($!)
wait_for "$work/control.sock" 10

mkdir -p "$out"
DISPLAY=":$display" QT_QPA_PLATFORM=xcb build/bin/gui_screenshots \
    --control "$work/control.sock" --config "$work/demo.json" --out "$out"
