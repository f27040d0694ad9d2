#!/usr/bin/env bash
# Gatehouse next to HAProxy and nginx, in one run, on loopback, with the same
# backend (nginx answering a small page) and the same wrk load.
#   bench/run.sh [--duration SECONDS] [--idle N] [--workers "1 2"] [--modes "http tcp"]
# HTTP/1.1 keep-alive requests (wrk -t1 -c50) through each proxy, first with only
# wrk's connections, then with N idle connections held open to each proxy:
#   http: reverse proxy (Gatehouse route with a path, HAProxy mode http, nginx proxy_pass),
#         keep-alive to the backend;
#   tcp:  TCP tunnel (Gatehouse forward route, HAProxy mode tcp, nginx stream).
# Prints a table with ratios to HAProxy and writes bench/results/proxy.json.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
duration=10
idle=4000
workers_list="1 $(nproc)"
modes="http tcp"
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --idle) idle=$2; shift 2 ;;
        --workers) workers_list=$2; shift 2 ;;
        --modes) modes=$2; shift 2 ;;
        *) echo "usage: bench/run.sh [--duration S] [--idle N] [--workers \"1 2\"] [--modes \"http tcp\"]" >&2; exit 64 ;;
    esac
done

"$root/scripts/install-deps.sh" build bench
"$root/scripts/gatehouse.sh" build >/dev/null
bin="$root/build/bin"
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || true

backend_port=18400 gatehouse_port=18401 haproxy_port=18402 nginx_port=18403

start_backend() {
    cat > "$work/backend.conf" <<CONF
worker_processes 1;
pid $work/backend.pid;
error_log $work/backend.err warn;
events { worker_connections 20000; }
http {
    access_log off;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$backend_port backlog=4096;
        location / { return 200 "hello from the backend\n"; }
    }
}
CONF
    nginx -c "$work/backend.conf" -g 'daemon off;' &
    pids+=($!)
}

start_proxies() {
    local workers=$1 mode=$2
    # A path makes Gatehouse read the request (HTTP reverse proxy); without one the
    # route is a plain TCP forward.
    local match="\"ports\": $gatehouse_port"
    [ "$mode" = http ] && match="$match, \"path\": \"/*\""
    cat > "$work/gatehouse.json" <<CONF
{ "bindAddress": "127.0.0.1", "workers": $workers,
  "routes": [ { "name": "bench", "match": { $match },
                "action": { "type": "forward", "targets": [ { "host": "127.0.0.1", "port": $backend_port } ] } } ] }
CONF
    "$bin/gatehoused" --config "$work/gatehouse.json" --control "$work/control.sock" --log-level warning &
    pids+=($!)
    cat > "$work/haproxy.cfg" <<CONF
global
    nbthread $workers
    maxconn 9000
defaults
    mode $mode
    timeout connect 5s
    timeout client 300s
    timeout server 300s
    timeout http-keep-alive 300s
listen bench
    bind 127.0.0.1:$haproxy_port
    server backend 127.0.0.1:$backend_port
CONF
    haproxy -f "$work/haproxy.cfg" &
    pids+=($!)
    if [ "$mode" = http ]; then
        cat > "$work/nginx-proxy.conf" <<CONF
worker_processes $workers;
pid $work/proxy.pid;
error_log $work/proxy.err warn;
events { worker_connections 20000; }
http {
    access_log off;
    keepalive_requests 1000000;
    upstream backend { server 127.0.0.1:$backend_port; keepalive 64; }
    server {
        listen 127.0.0.1:$nginx_port backlog=4096;
        location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
    }
}
CONF
    else
        cat > "$work/nginx-proxy.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_stream_module.so;
worker_processes $workers;
pid $work/proxy.pid;
error_log $work/proxy.err warn;
events { worker_connections 20000; }
stream { server { listen 127.0.0.1:$nginx_port backlog=4096; proxy_pass 127.0.0.1:$backend_port; } }
CONF
    fi
    nginx -c "$work/nginx-proxy.conf" -g 'daemon off;' &
    pids+=($!)
    for port in $gatehouse_port $haproxy_port $nginx_port; do
        for _ in $(seq 100); do
            (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
            sleep 0.05
        done
    done
}

stop_proxies() {
    local keep=("${pids[0]}")
    for pid in "${pids[@]:1}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    pids=("${keep[@]}")
}

# wrk → "requests/s p50_ms p99_ms"
measure() {
    local port=$1
    wrk -t1 -c50 -d"${duration}s" --latency "http://127.0.0.1:$port/" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        END { printf "%.0f %.3f %.3f\n", rps, p50, p99 }'
}

start_backend
results=()
printf '%-5s %-8s %-7s %-10s %12s %9s %9s %10s\n' mode scenario workers proxy "req/s" "p50 ms" "p99 ms" "vs HAProxy"
for mode in $modes; do
for workers in $workers_list; do
    for scenario in busy idle; do
        start_proxies "$workers" "$mode"
        idle_pids=()
        if [ "$scenario" = idle ]; then
            for port in $gatehouse_port $haproxy_port $nginx_port; do
                "$bin/idle_connections" 127.0.0.1 "$port" "$idle" > "$work/idle-$port.out" &
                idle_pids+=($!)
            done
            for port in $gatehouse_port $haproxy_port $nginx_port; do
                for _ in $(seq 600); do grep -q ready "$work/idle-$port.out" 2>/dev/null && break; sleep 0.1; done
            done
        fi
        declare -A row=()
        for proxy in haproxy gatehouse nginx; do
            case $proxy in gatehouse) port=$gatehouse_port ;; haproxy) port=$haproxy_port ;; nginx) port=$nginx_port ;; esac
            row[$proxy]=$(measure "$port")
        done
        base=$(echo "${row[haproxy]}" | cut -d' ' -f1)
        for proxy in gatehouse haproxy nginx; do
            read -r rps p50 p99 <<<"${row[$proxy]}"
            ratio=$(awk -v a="$rps" -v b="$base" 'BEGIN { printf "%.2fx", (b > 0 ? a / b : 0) }')
            printf '%-5s %-8s %-7s %-10s %12s %9s %9s %10s\n' "$mode" "$scenario" "$workers" "$proxy" "$rps" "$p50" "$p99" "$ratio"
            results+=("{\"mode\":\"$mode\",\"scenario\":\"$scenario\",\"workers\":$workers,\"proxy\":\"$proxy\",\"idle\":$([ "$scenario" = idle ] && echo "$idle" || echo 0),\"rps\":$rps,\"p50_ms\":$p50,\"p99_ms\":$p99,\"ratio_to_haproxy\":${ratio%x}}")
        done
        for pid in "${idle_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
        stop_proxies
    done
done
done

mkdir -p "$root/bench/results"
{
    printf '{"benchmark":"proxy","machine":"%s, %s cores","date":"%s","duration_s":%s,"results":[' \
        "$(uname -srm)" "$(nproc)" "$(date -u +%FT%TZ)" "$duration"
    (IFS=,; printf '%s' "${results[*]}")
    printf ']}\n'
} > "$root/bench/results/proxy.json"
echo "wrote bench/results/proxy.json"
