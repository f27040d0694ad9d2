#!/usr/bin/env bash
# Takes the README's pictures of the desktop GUI: starts Xvfb, a Pebble ACME CA
# (with pebble-challtestsrv as its DNS, every name 127.0.0.1), gatehoused with a
# demo config (and a second gatehoused holding one of its ports, so the Ports
# view has a conflict to show), then the real main window, which applies the
# demo, waits for the automatic certificates Pebble issues and writes one PNG
# per view into docs/images/.
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
# Pebble: its HTTPS on 28014 (management 28015), its DNS on 28053 (management
# 28055); it validates http-01 on 28002, the demo's acme.challengePort.
pebble_port=28014
challenge_port=28002
tls_port=28443
auto_tls=', "tls": { "mode": "terminate", "certificate": "auto" }'
site=$(route site 28080 "$(forward '"127.0.0.1"' 3000)" ', "domains": ["example.com", "www.example.com"]')
cat >"$work/start.json" <<JSON
{ "bindAddress": "127.0.0.1", "routes": [ $site ] }
JSON
cat >"$work/demo.json" <<JSON
{
  "bindAddress": "127.0.0.1",
  "acme": {
    "email": "ops@example.com",
    "directoryUrl": "https://127.0.0.1:$pebble_port/dir",
    "caBundle": "$work/pebble/https.pem",
    "challengePort": $challenge_port,
    "challengeTypes": ["http-01"]
  },
  "routes": [
    $site,
    $(route site-https $tls_port "$(forward '"127.0.0.1"' 3000 "$auto_tls")" ', "domains": ["example.com", "www.example.com"]'),
    $(route shop $tls_port "$(forward '"127.0.0.1"' 5000 "$auto_tls")" ', "domains": "shop.example.com"'),
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

mkdir -p "$work/pebble"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/pebble/https.key" \
    -out "$work/pebble/https.pem" -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
    2>/dev/null
cat >"$work/pebble/config.json" <<JSON
{ "pebble": { "listenAddress": "127.0.0.1:$pebble_port", "managementListenAddress": "127.0.0.1:28015",
  "certificate": "$work/pebble/https.pem", "privateKey": "$work/pebble/https.key",
  "httpPort": $challenge_port, "tlsPort": $tls_port, "ocspResponderURL": "",
  "externalAccountBindingRequired": false, "certificateValidityPeriod": 7776000 } }
JSON
pebble-challtestsrv -dns01 127.0.0.1:28053 -defaultIPv4 127.0.0.1 -defaultIPv6 "" -http01 "" -https01 "" \
    -tlsalpn01 "" -management 127.0.0.1:28055 >"$work/pebble/dns.log" 2>&1 &
pids+=($!)
PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 pebble -config "$work/pebble/config.json" \
    -dnsserver 127.0.0.1:28053 >"$work/pebble/pebble.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
    curl -fsS --cacert "$work/pebble/https.pem" "https://127.0.0.1:$pebble_port/dir" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS --cacert "$work/pebble/https.pem" "https://127.0.0.1:$pebble_port/dir" >/dev/null || {
    echo "screenshots.sh: pebble did not start:" >&2
    cat "$work/pebble/pebble.log" "$work/pebble/dns.log" >&2
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
