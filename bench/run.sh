#!/usr/bin/env bash
# Gatehouse next to HAProxy and nginx, in one run, on loopback, with the same
# backend (nginx) and the same load. One command runs every part:
#   bench/run.sh [--quick] [--parts "proxy tls bulk memory routes acme"] [options]
# Parts (bench/README.md says more):
#   proxy   HTTP/1.1 keep-alive req/s (wrk -t1 -c50) through each proxy, as reverse proxy
#           (http) and TCP tunnel (tcp), alone and with --idle idle connections, per worker count;
#   tls     new TLS connections/s with termination (wrk over https, Connection: close;
#           wrk resumes each slot's session, so all but the first are resumed handshakes),
#           same RSA-2048 certificate everywhere; ratio to nginx;
#   bulk    TCP passthrough throughput: a large file from the backend through each
#           TCP tunnel (curl -o /dev/null), MB/s; ratio to HAProxy;
#   memory  RSS of each proxy before and after --connections idle connections, KB each;
#   routes  Gatehouse only: time to apply --routes routes (and back to one) with
#           gatehousectl while wrk runs against an existing route, and its failed requests;
#   acme    Gatehouse only: --certs automatic certificates from Pebble, time until all
#           are valid, and how often the challenge port was bound (should be 1);
#   instructions  user-space instructions (valgrind callgrind) per keep-alive HTTP request
#           and per new TLS connection, full handshake and resumed, in each proxy: exact
#           counts, unmoved by a busy machine; not in the default set (it takes a few
#           minutes of valgrind).
# Options:
#   --quick            a smoke run: a few seconds per part, smaller counts; results go
#                      to build/bench-quick/ unless --out is given
#   --parts LIST       the parts to run (default: all but instructions)
#   --duration S       seconds per wrk measurement (default 5; --quick 2)
#   --rounds N         wrk measurements per proxy in the proxy and tls parts, the proxies
#                      taking turns; the median of each figure counts, failures are
#                      summed (default 3; --quick 1)
#   --idle N           idle connections in the proxy part (default 4000; --quick 500)
#   --workers LIST     worker counts of the proxy part (default "1 $(nproc)"; --quick "1")
#   --modes LIST       modes of the proxy part (default "http tcp")
#   --bulk-mb N        size of the bulk file in MB (default 1024; --quick 256)
#   --bulk-rounds N    downloads per proxy in the bulk part (default 3; --quick 1)
#   --connections N    idle connections in the memory part (default 10000; --quick 2000)
#   --routes N         routes in the routes part (default 10000; --quick 1000)
#   --certs N          certificates in the acme part (default 50; --quick 5)
#   --requests N       requests counted in the instructions part, full TLS handshakes a tenth
#                      as many, resumed ones a fifth
#                      (default 2000; --quick 200)
#   --out DIR          where the JSON results go (default bench/results)
#   --bin DIR          use the programs in DIR instead of building build/bin
#   --keep             keep the temporary directory (configs, logs) and print its path
# Prints a table per part and writes DIR/<part>.json with machine and date.
# Any part that cannot measure what it should stops the run with an error.
set -eEuo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
all_parts="proxy tls bulk memory routes acme"
known_parts="$all_parts instructions"
usage() { sed -n '2,39p' "$0" | sed 's/^# \{0,1\}//'; }

quick=0
for arg in "$@"; do [ "$arg" = --quick ] && quick=1; done
if [ $quick = 1 ]; then
    duration=2 rounds=1 idle=500 workers_list="1" bulk_mb=256 bulk_rounds=1 connections=2000 route_count=1000 cert_count=5
    request_count=200
    out="$root/build/bench-quick"
else
    duration=5 rounds=3 idle=4000 workers_list="1 $(nproc)" bulk_mb=1024 bulk_rounds=3 connections=10000 route_count=10000
    cert_count=50 request_count=2000 out="$root/bench/results"
fi
parts=$all_parts modes="http tcp" bin="" keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --quick|--keep|-h|--help) ;;
        -*) [ $# -ge 2 ] || { echo "bench/run.sh: $1 needs a value" >&2; exit 64; } ;;
    esac
    case "$1" in
        --quick) shift ;;
        --parts) parts=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --idle) idle=$2; shift 2 ;;
        --workers) workers_list=$2; shift 2 ;;
        --modes) modes=$2; shift 2 ;;
        --bulk-mb) bulk_mb=$2; shift 2 ;;
        --bulk-rounds) bulk_rounds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --routes) route_count=$2; shift 2 ;;
        --certs) cert_count=$2; shift 2 ;;
        --requests) request_count=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench/run.sh: unknown option '$1'" >&2; usage >&2; exit 64 ;;
    esac
done
for value in "$duration" "$rounds" "$idle" "$bulk_mb" "$bulk_rounds" "$connections" "$route_count" "$cert_count" "$request_count" $workers_list; do
    [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: '$value' is not a positive whole number" >&2; exit 64; }
done
for part in $parts; do
    case " $known_parts " in *" $part "*) ;; *) echo "bench/run.sh: unknown part '$part' (expected some of: $known_parts)" >&2; exit 64 ;; esac
done

"$root/scripts/install-deps.sh" build bench
if [ -z "$bin" ]; then
    "$root/scripts/gatehouse.sh" build >/dev/null
    bin="$root/build/bin"
fi
bin=$(cd "$bin" && pwd)
for program in gatehoused gatehousectl idle_connections; do
    [ -x "$bin/$program" ] || { echo "bench/run.sh: $bin/$program is missing" >&2; exit 1; }
done
# tmpfs when there is one: the bulk part's file is served from memory.
work=$(mktemp -d "$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/gatehouse-bench.XXXXXX")
chmod 755 "$work"  # nginx's workers (another user) read the bulk file
mkdir -p "$out"
out=$(cd "$out" && pwd)
backend_pid=""
part_pids=()
under=()  # a command the proxies run under (valgrind, in the instructions part)
cleanup() {
    for pid in "${part_pids[@]}" $backend_pid; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ $keep = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

current_part=setup
fail() {
    echo "bench/run.sh: $current_part: $*" >&2
    exit 1
}
# Whatever else fails stops the run loudly, naming the command.
trap 'echo "bench/run.sh: $current_part: line $LINENO failed (exit $?): $BASH_COMMAND" >&2' ERR

backend_port=18400 gatehouse_port=18401 haproxy_port=18402 nginx_port=18403
pebble_port=18410 pebble_mgmt_port=18411 dns_port=18412 dns_mgmt_port=18413 challenge_port=18414 acme_tls_port=18415
haproxy_maxconn=9000

machine_json() {
    printf '"machine":"%s, %s, %s cores, %s MB","date":"%s","load_average":"%s","quick":%s' "$(uname -srm)" \
        "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" "$(nproc)" \
        "$(awk '/MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo)" "$(date -u +%FT%TZ)" \
        "$(cut -d' ' -f1-3 /proc/loadavg)" "$([ $quick = 1 ] && echo true || echo false)"
}

# write_json PART EXTRA_FIELDS RESULT...
write_json() {
    local part=$1 extra=$2
    shift 2
    {
        printf '{"benchmark":"%s",%s' "$part" "$(machine_json)"
        [ -n "$extra" ] && printf ',%s' "$extra"
        printf ',"results":['
        (IFS=,; printf '%s' "$*")
        printf ']}\n'
    } > "$out/$part.json"
    echo "wrote $out/$part.json"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# wait_port PORT PID NAME: the process listens on PORT, or the run stops with its log.
wait_port() {
    local port=$1 pid=$2 name=$3
    for _ in $(seq $((${#under[@]} > 0 ? 1200 : 200))); do
        kill -0 "$pid" 2>/dev/null || { cat "$work/$name.log" >&2 2>/dev/null; fail "$name exited at start"; }
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.05
    done
    cat "$work/$name.log" >&2 2>/dev/null
    fail "$name does not listen on 127.0.0.1:$port after $((${#under[@]} > 0 ? 60 : 10)) s"
}

# spawn NAME COMMAND...: runs it in the background, output in $work/NAME.log.
spawn() {
    local name=$1
    shift
    "$@" > "$work/$name.log" 2>&1 &
    part_pids+=($!)
    spawned=$!
}

stop_part() {
    for pid in "${part_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    part_pids=()
}

start_backend() {
    # Bulk data: a sparse file on tmpfs reads as zeros from memory.
    mkdir -p "$work/www"
    truncate -s "${bulk_mb}M" "$work/www/bulk.bin"
    cat > "$work/backend.conf" <<CONF
worker_processes 1;
pid $work/backend.pid;
error_log $work/backend.err warn;
events { worker_connections 20000; }
http {
    access_log off;
    keepalive_requests 1000000;
    sendfile on;
    server {
        listen 127.0.0.1:$backend_port backlog=4096;
        location = /bulk.bin { root $work/www; }
        # What a proxy told the backend about the client (check_forwarding).
        location = /forwarded {
            return 200 "X-Forwarded-For: \$http_x_forwarded_for; X-Forwarded-Proto: \$http_x_forwarded_proto; X-Forwarded-Host: \$http_x_forwarded_host; Forwarded: \$http_forwarded\n";
        }
        location / { return 200 "hello from the backend\n"; }
    }
}
CONF
    nginx -c "$work/backend.conf" -g 'daemon off;' > "$work/backend.log" 2>&1 &
    backend_pid=$!
    wait_port $backend_port "$backend_pid" backend
}

make_certificate() {
    [ -f "$work/tls.crt" ] && return 0
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/tls.key" -out "$work/tls.crt" -days 2 \
        -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>"$work/openssl.log" \
        || { cat "$work/openssl.log" >&2; fail "openssl could not make the certificate"; }
    cat "$work/tls.crt" "$work/tls.key" > "$work/tls.pem"  # HAProxy wants both in one file
}

# start_gatehouse CONFIG_JSON [LOG_LEVEL]: gatehoused on its own state dir and control socket.
start_gatehouse() {
    printf '%s\n' "$1" > "$work/gatehouse.json"
    mkdir -p "$work/state"
    rm -f "$work/control.sock"
    spawn gatehouse ${under[@]+"${under[@]}"} "$bin/gatehoused" --config "$work/gatehouse.json" --state-dir "$work/state" \
        --control "$work/control.sock" --log-level "${2:-warning}"
    gatehouse_pid=$spawned
}

gatehouse_forward_config() {
    local workers=$1 match=$2 tls=${3:-}
    printf '{ "bindAddress": "127.0.0.1", "workers": %s, "routes": [ { "name": "bench", "match": { %s }, "action": { "type": "forward", "targets": [ { "host": "127.0.0.1", "port": %s } ]%s } } ] }' \
        "$workers" "$match" "$backend_port" "$tls"
}

# start_proxies WORKERS MODE [PROXIES]: MODE is http (reverse proxy), tcp (tunnel) or
# https (terminating TLS, then reverse proxy); PROXIES (default all three) says which
# to start; $spawned is the last one's process.
start_proxies() {
    local workers=$1 mode=$2 only=" ${3:-gatehouse haproxy nginx} "
    # A path makes Gatehouse read the request (HTTP reverse proxy); without one the
    # route is a plain TCP forward.
    local match="\"ports\": $gatehouse_port" tls="" bind_tls="" haproxy_mode=$mode listen_tls=""
    # With TLS the route is chosen at the ClientHello, before any path is known; a
    # terminating route reads HTTP without one.
    [ "$mode" = http ] && match="$match, \"path\": \"/*\""
    if [ "$mode" = https ]; then
        make_certificate
        tls=", \"tls\": { \"mode\": \"terminate\", \"certificate\": { \"cert\": \"$work/tls.crt\", \"key\": \"$work/tls.key\" } }"
        bind_tls=" ssl crt $work/tls.pem ssl-min-ver TLSv1.2"
        haproxy_mode=http
        listen_tls=" ssl"
    fi
    # Gatehouse tells the backend who the client is (X-Forwarded-For, -Proto, -Host and
    # Forwarded) by default; HAProxy and nginx are told to send the same four headers,
    # so that the three proxies write, and the backend reads, the same requests.
    local scheme=http haproxy_forwarding="" nginx_forwarding=""
    [ "$mode" = https ] && scheme=https
    if [ "$mode" != tcp ]; then
        haproxy_forwarding="
    option forwardfor
    http-request set-header X-Forwarded-Proto $scheme
    http-request set-header X-Forwarded-Host %[req.hdr(host)]
    http-request set-header Forwarded \"for=%[src];host=\\\"%[req.hdr(host)]\\\";proto=$scheme\""
        nginx_forwarding=" proxy_set_header Host \$http_host; proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_set_header X-Forwarded-Proto \$scheme; proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header Forwarded 'for=\$remote_addr;host=\"\$http_host\";proto=\$scheme';"
    fi
    local gh=""
    haproxy_pid="" nginx_pid=""
    if [[ $only == *" gatehouse "* ]]; then
        start_gatehouse "$(gatehouse_forward_config "$workers" "$match" "$tls")"
        gh=$spawned
    fi
    cat > "$work/haproxy.cfg" <<CONF
global
    nbthread $workers
    maxconn $haproxy_maxconn
    # It reserves two descriptors per connection; the idle clients need one each.
    no strict-limits
    tune.ssl.default-dh-param 2048
defaults
    mode $haproxy_mode
    timeout connect 5s
    timeout client 300s
    timeout server 300s
    timeout http-keep-alive 300s
listen bench
    bind 127.0.0.1:$haproxy_port$bind_tls$haproxy_forwarding
    server backend 127.0.0.1:$backend_port
CONF
    if [[ $only == *" haproxy "* ]]; then
        spawn haproxy ${under[@]+"${under[@]}"} haproxy -f "$work/haproxy.cfg"
        haproxy_pid=$spawned
    fi
    if [ "$mode" = tcp ]; then
        cat > "$work/nginx-proxy.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_stream_module.so;
worker_processes $workers;
pid $work/proxy.pid;
error_log $work/proxy.err warn;
events { worker_connections 20000; }
stream { server { listen 127.0.0.1:$nginx_port backlog=4096; proxy_pass 127.0.0.1:$backend_port; } }
CONF
    else
        cat > "$work/nginx-proxy.conf" <<CONF
worker_processes $workers;
pid $work/proxy.pid;
error_log $work/proxy.err warn;
events { worker_connections 20000; }
http {
    access_log off;
    keepalive_requests 1000000;
    ssl_certificate $work/tls.crt;
    ssl_certificate_key $work/tls.key;
    ssl_protocols TLSv1.2 TLSv1.3;
    upstream backend { server 127.0.0.1:$backend_port; keepalive 64; }
    server {
        listen 127.0.0.1:$nginx_port$listen_tls backlog=4096;
        location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection "";$nginx_forwarding }
    }
}
CONF
        [ "$mode" = https ] || sed -i '/ssl_certificate/d' "$work/nginx-proxy.conf"
    fi
    if [[ $only == *" nginx "* ]]; then
        spawn nginx ${under[@]+"${under[@]}"} nginx -c "$work/nginx-proxy.conf" -g "daemon off;${nginx_extra:-}"
        nginx_pid=$spawned
    fi
    [ -z "$gh" ] || wait_port $gatehouse_port "$gh" gatehouse
    [ -z "$haproxy_pid" ] || wait_port $haproxy_port "$haproxy_pid" haproxy
    [ -z "$nginx_pid" ] || wait_port $nginx_port "$nginx_pid" nginx
    [ "$mode" = tcp ] || check_forwarding $scheme $only
}

# check_forwarding SCHEME PROXIES...: each proxy sends the backend the same client
# headers (its own port aside), or the comparison would not be of the same work.
check_forwarding() {
    local scheme=$1 proxy port seen first="" first_proxy=""
    shift
    for proxy in "$@"; do
        port=$(proxy_port "$proxy")
        seen=$(curl -sSk --max-time 30 "$scheme://127.0.0.1:$port/forwarded") || fail "$proxy did not answer /forwarded"
        seen=${seen//:$port/:PORT}
        if [ -z "$first_proxy" ]; then
            first=$seen first_proxy=$proxy
        elif [ "$seen" != "$first" ]; then
            fail "$proxy and $first_proxy tell the backend different things: '$seen' against '$first'"
        fi
    done
}

proxy_port() {
    case $1 in gatehouse) echo $gatehouse_port ;; haproxy) echo $haproxy_port ;; nginx) echo $nginx_port ;; esac
}

# parse_wrk FILE → "requests/s p50_ms p99_ms failed" (failed: non-2xx/3xx plus socket errors)
parse_wrk() {
    grep -q 'Requests/sec' "$1" || { cat "$1" >&2; fail "wrk gave no result"; }
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /Non-2xx or 3xx responses/ { failed += $NF }
        /Socket errors/ { gsub(/,/, ""); failed += $4 + $6 + $8 + $10 }
        END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, failed }' "$1"
}

# warm URL [wrk options...]: a second of load, not counted (caches, pools, CPU clock).
warm() {
    local url=$1
    shift
    wrk -t1 -c50 -d1s "$@" "$url" > /dev/null 2>&1 || fail "wrk failed on $url"
}

# median LINES [FIELD]: of measurement lines, the one with the median value of FIELD
# (default 1, the rate; the lower middle of an even count).
median() {
    local n field=${2:-1}
    n=$(printf '%s\n' "$1" | grep -c .)
    printf '%s\n' "$1" | grep . | sort -n -k"$field,$field" | sed -n "$(((n + 1) / 2))p"
}

# summarize LINES → "rate p50 p99 failed cpu" over measure_cpu's lines: the median of
# each figure on its own (a round's p99 says little about the next), failures summed.
summarize() {
    local f out=()
    for f in 1 2 3; do out+=("$(median "$1" $f | cut -d' ' -f$f)"); done
    out+=("$(printf '%s\n' "$1" | awk 'NF { n += $4 } END { print n + 0 }')")
    out+=("$(median "$1" 5 | cut -d' ' -f5)")
    echo "${out[*]}"
}

# rounds_json LINES → measure_cpu's lines as JSON objects, comma-separated.
rounds_json() {
    printf '%s\n' "$1" | awk 'NF { printf "%s{\"rate\":%s,\"p50_ms\":%s,\"p99_ms\":%s,\"failed\":%s,\"cpu\":%s}", (n++ ? "," : ""), $1, $2, $3, $4, $5 }'
}

# measure_cpu PROXY URL [wrk options...] → parse_wrk's line and the proxy's CPU time
# per request in microseconds: steadier than the rate when the machine is shared.
measure_cpu() {
    local proxy=$1 ticks line count
    shift
    ticks=$(cpu_ticks "$proxy")
    line=$(measure "$@")
    count=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
    echo "$line $(awk -v t="$(($(cpu_ticks "$proxy") - ticks))" -v hz="$(getconf CLK_TCK)" -v n="$count" \
        'BEGIN { printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0) }')"
}

# measure_rounds SCHEME [wrk options...]: appends to runs[PROXY], for each proxy,
# --rounds lines of measure_cpu against it, the proxies taking turns after a second of
# warm-up each, so that a busy moment of the host falls on one round, not on one proxy.
measure_rounds() {
    local scheme=$1 proxy
    shift
    for proxy in haproxy gatehouse nginx; do warm "$scheme://127.0.0.1:$(proxy_port $proxy)/" "$@"; done
    for _ in $(seq "$rounds"); do
        for proxy in haproxy gatehouse nginx; do
            runs[$proxy]+="$(measure_cpu $proxy "$scheme://127.0.0.1:$(proxy_port $proxy)/" "$@")"$'\n'
        done
    done
}

# measure URL [wrk options...] → parse_wrk's line
measure() {
    local url=$1
    shift
    wrk -t1 -c50 -d"${duration}s" --latency "$@" "$url" > "$work/wrk.out" 2>&1 || { cat "$work/wrk.out" >&2; fail "wrk failed on $url"; }
    local line
    line=$(parse_wrk "$work/wrk.out")
    [ "${line%% *}" -gt 0 ] || { cat "$work/wrk.out" >&2; fail "no request succeeded through $url"; }
    echo "$line"
}

# callgrind_total FILE: the instructions a callgrind dump counted.
callgrind_total() {
    awk '/^(summary|totals):/ { print $2; exit }' "$1"
}

# count_instructions PROXY PID LOAD...: zeroes the proxy's callgrind counters, runs
# LOAD, dumps them, and prints the instructions counted meanwhile.
count_instructions() {
    local proxy=$1 pid=$2 dump
    shift 2
    callgrind_control -z "$pid" >/dev/null 2>&1 || fail "callgrind_control could not reach $proxy"
    "$@"
    rm -f "$work/callgrind.$proxy".*
    callgrind_control -d "$proxy-counted" "$pid" >/dev/null 2>&1 || fail "callgrind_control could not dump $proxy"
    for _ in $(seq 100); do
        dump=$(ls "$work/callgrind.$proxy".* 2>/dev/null | head -1)
        [ -n "$dump" ] && [ -n "$(callgrind_total "$dump")" ] && break
        sleep 0.1
    done
    [ -n "$dump" ] || fail "no callgrind dump from $proxy"
    callgrind_total "$dump"
}

part_instructions() {
    command -v valgrind >/dev/null || fail "valgrind is missing (scripts/install-deps.sh bench installs it)"
    local results=() mode proxy pid port total connections=$((request_count / 10))
    [ $connections -gt 1 ] || connections=2
    local resumed_count=$((connections * 2))
    declare -A http=() tls=() resumed=()
    printf '%-10s %20s %10s %20s %9s %20s %9s\n' proxy "instructions/request" "vs HAProxy" "per TLS connection" "vs nginx" \
        "per resumed one" "vs nginx"
    for mode in http https; do
        for proxy in gatehouse haproxy nginx; do
            # One proxy at a time under callgrind; nginx as a single process.
            under=(valgrind --tool=callgrind "--callgrind-out-file=$work/callgrind.$proxy.%p")
            nginx_extra=" master_process off;"
            start_proxies 1 "$mode" "$proxy"
            pid=$spawned port=$(proxy_port $proxy)
            if [ "$mode" = http ]; then
                curl -s -o /dev/null "http://127.0.0.1:$port/[1-20]"  # warm: upstream connection, caches
                total=$(count_instructions "$proxy" "$pid" curl -s -o /dev/null "http://127.0.0.1:$port/[1-$request_count]")
                http[$proxy]=$((total / request_count))
            else
                curl -sk -o /dev/null "https://127.0.0.1:$port/"
                total=$(count_instructions "$proxy" "$pid" tls_connections "$port" "$connections")
                tls[$proxy]=$((total / connections))
                # One curl for all: the connections after the first resume its session.
                total=$(count_instructions "$proxy" "$pid" curl -sk -o /dev/null -H 'Connection: close' \
                    "https://127.0.0.1:$port/[1-$resumed_count]")
                resumed[$proxy]=$(((total - tls[$proxy]) / (resumed_count - 1)))
            fi
            under=() nginx_extra=""
            stop_part
        done
    done
    for proxy in gatehouse haproxy nginx; do
        printf '%-10s %20s %9sx %20s %8sx %20s %8sx\n' "$proxy" "${http[$proxy]}" \
            "$(ratio "${http[$proxy]}" "${http[haproxy]}")" "${tls[$proxy]}" "$(ratio "${tls[$proxy]}" "${tls[nginx]}")" \
            "${resumed[$proxy]}" "$(ratio "${resumed[$proxy]}" "${resumed[nginx]}")"
        results+=("{\"proxy\":\"$proxy\",\"instructions_per_request\":${http[$proxy]},\"ratio_to_haproxy\":$(ratio "${http[$proxy]}" "${http[haproxy]}"),\"instructions_per_tls_connection\":${tls[$proxy]},\"tls_ratio_to_nginx\":$(ratio "${tls[$proxy]}" "${tls[nginx]}"),\"instructions_per_resumed_tls_connection\":${resumed[$proxy]},\"resumed_tls_ratio_to_nginx\":$(ratio "${resumed[$proxy]}" "${resumed[nginx]}")}")
    done
    write_json instructions "\"requests\":$request_count,\"tls_connections\":$connections,\"resumed_tls_connections\":$resumed_count,\"load\":\"curl: keep-alive requests on one connection (reverse proxy, path route); new TLS connections one after another (terminating, RSA-2048): full handshakes, a curl each, then resumed ones, one curl with Connection: close whose connections after the first resume its session\",\"counted\":\"user-space instructions of the proxy process, valgrind callgrind\"" "${results[@]}"
}

# tls_connections PORT N: N new TLS connections with one request each, one at a time.
tls_connections() {
    local i
    for i in $(seq "$2"); do
        curl -sk -o /dev/null "https://127.0.0.1:$1/" || fail "a TLS request through port $1 failed"
    done
}

# ---------------------------------------------------------------------------
part_proxy() {
    local results=() mode workers scenario proxy port base base_cpu rps p50 p99 failed cpu
    printf '%-5s %-8s %-7s %-10s %9s %7s %7s %6s %10s %10s %10s\n' mode scenario workers proxy "req/s" "p50 ms" "p99 ms" \
        failed "vs HAProxy" "CPU us/req" "vs HAProxy"
    for mode in $modes; do
    for workers in $workers_list; do
        for scenario in busy idle; do
            start_proxies "$workers" "$mode"
            if [ "$scenario" = idle ]; then
                for proxy in gatehouse haproxy nginx; do
                    spawn "idle-$proxy" "$bin/idle_connections" 127.0.0.1 "$(proxy_port $proxy)" "$idle"
                done
                for proxy in gatehouse haproxy nginx; do
                    for _ in $(seq 600); do grep -q ready "$work/idle-$proxy.log" 2>/dev/null && break; sleep 0.1; done
                    grep -q "ready $idle (failed 0)" "$work/idle-$proxy.log" \
                        || fail "idle connections to $proxy: $(cat "$work/idle-$proxy.log")"
                done
            fi
            declare -A row=() runs=()
            measure_rounds http
            for proxy in haproxy gatehouse nginx; do
                row[$proxy]=$(summarize "${runs[$proxy]}")
            done
            base=${row[haproxy]%% *} base_cpu=${row[haproxy]##* }
            for proxy in gatehouse haproxy nginx; do
                read -r rps p50 p99 failed cpu <<<"${row[$proxy]}"
                printf '%-5s %-8s %-7s %-10s %9s %7s %7s %6s %9sx %10s %9sx\n' "$mode" "$scenario" "$workers" "$proxy" \
                    "$rps" "$p50" "$p99" "$failed" "$(ratio "$rps" "$base")" "$cpu" "$(ratio "$cpu" "$base_cpu")"
                results+=("{\"mode\":\"$mode\",\"scenario\":\"$scenario\",\"workers\":$workers,\"proxy\":\"$proxy\",\"idle\":$([ "$scenario" = idle ] && echo "$idle" || echo 0),\"rps\":$rps,\"rounds\":[$(rounds_json "${runs[$proxy]}")],\"p50_ms\":$p50,\"p99_ms\":$p99,\"failed\":$failed,\"ratio_to_haproxy\":$(ratio "$rps" "$base"),\"cpu_us_per_request\":$cpu,\"cpu_ratio_to_haproxy\":$(ratio "$cpu" "$base_cpu")}")
            done
            stop_part
        done
    done
    done
    write_json proxy "\"duration_s\":$duration,\"rounds\":$rounds" "${results[@]}"
}

# ---------------------------------------------------------------------------
# cpu_ticks PROXY: user + system CPU time of the proxy's processes, in clock ticks.
cpu_ticks() {
    local total=0 pid
    for pid in $(proxy_pids "$1"); do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
    echo $total
}

part_tls() {
    local results=() proxy base rps p50 p99 failed protocol cpu summary
    start_proxies 1 https
    declare -A row=() negotiated=() cpu_ms=() runs=()
    for proxy in nginx haproxy gatehouse; do
        # What was negotiated, to show the three run the same handshake.
        protocol=$( (openssl s_client -connect "127.0.0.1:$(proxy_port $proxy)" -servername localhost </dev/null 2>/dev/null || true) \
            | awk '/^New, / { print $2, $5 } /Server Temp Key/ { sub(/.*Key: /, ""); key = $0 } END { if (key) print key }' | paste -sd' ')
        case "$protocol" in ""|*NONE*) fail "no TLS handshake with $proxy (openssl s_client)" ;; esac
        negotiated[$proxy]=$protocol
    done
    measure_rounds https -H 'Connection: close'
    for proxy in nginx haproxy gatehouse; do
        summary=$(summarize "${runs[$proxy]}")
        row[$proxy]=$(cut -d' ' -f1-4 <<<"$summary")
        cpu_ms[$proxy]=$(awk '{ printf "%.3f", $5 / 1000 }' <<<"$summary")
    done
    base=${row[nginx]%% *}
    printf '%-10s %13s %8s %8s %6s %8s %12s %8s  %s\n' proxy "handshakes/s" "p50 ms" "p99 ms" failed "vs nginx" "CPU ms/conn" "vs nginx" negotiated
    for proxy in gatehouse haproxy nginx; do
        read -r rps p50 p99 failed <<<"${row[$proxy]}"
        cpu=${cpu_ms[$proxy]}
        printf '%-10s %13s %8s %8s %6s %7sx %12s %7sx  %s\n' "$proxy" "$rps" "$p50" "$p99" "$failed" "$(ratio "$rps" "$base")" \
            "$cpu" "$(ratio "$cpu" "${cpu_ms[nginx]}")" "${negotiated[$proxy]}"
        results+=("{\"proxy\":\"$proxy\",\"workers\":1,\"connections_per_s\":$rps,\"p50_ms\":$p50,\"p99_ms\":$p99,\"failed\":$failed,\"ratio_to_nginx\":$(ratio "$rps" "$base"),\"cpu_ms_per_connection\":$cpu,\"rounds\":[$(rounds_json "${runs[$proxy]}")],\"cpu_ratio_to_nginx\":$(ratio "$cpu" "${cpu_ms[nginx]}"),\"negotiated\":\"${negotiated[$proxy]}\"}")
    done
    stop_part
    write_json tls "\"duration_s\":$duration,\"rounds\":$rounds,\"certificate\":\"RSA-2048 self-signed\",\"load\":\"wrk -t1 -c50 over https, Connection: close\"" "${results[@]}"
}

# ---------------------------------------------------------------------------
# download PORT → "bytes seconds" over bulk_rounds downloads of the bulk file.
download() {
    local port=$1 total_bytes=0 total_time=0 line size time
    for _ in $(seq "$bulk_rounds"); do
        line=$(curl -sS --fail -o /dev/null -w '%{size_download} %{time_total}' "http://127.0.0.1:$port/bulk.bin") \
            || fail "curl could not download through port $port"
        read -r size time <<<"$line"
        [ "$size" -eq $((bulk_mb * 1024 * 1024)) ] || fail "port $port gave $size bytes, expected $((bulk_mb * 1024 * 1024))"
        total_bytes=$((total_bytes + size))
        total_time=$(awk -v a="$total_time" -v b="$time" 'BEGIN { print a + b }')
    done
    echo "$total_bytes $total_time"
}

part_bulk() {
    local results=() proxy port line bytes seconds base
    start_proxies 1 tcp
    declare -A speed=()
    for proxy in direct haproxy gatehouse nginx; do
        port=$backend_port
        [ $proxy = direct ] || port=$(proxy_port $proxy)
        line=$(download "$port")
        read -r bytes seconds <<<"$line"
        speed[$proxy]=$(awk -v b="$bytes" -v s="$seconds" 'BEGIN { printf "%.0f", b / s / 1e6 }')
    done
    base=${speed[haproxy]}
    printf '%-10s %10s %11s\n' proxy "MB/s" "vs HAProxy"
    for proxy in gatehouse haproxy nginx direct; do
        printf '%-10s %10s %10sx\n' "$proxy" "${speed[$proxy]}" "$(ratio "${speed[$proxy]}" "$base")"
        results+=("{\"proxy\":\"$proxy\",\"workers\":1,\"mb_per_s\":${speed[$proxy]},\"ratio_to_haproxy\":$(ratio "${speed[$proxy]}" "$base")}")
    done
    stop_part
    write_json bulk "\"bytes_per_proxy\":$((bulk_mb * 1024 * 1024 * bulk_rounds)),\"route\":\"TCP tunnel (Gatehouse forward route, HAProxy mode tcp, nginx stream); direct: curl to the backend\"" "${results[@]}"
}

# ---------------------------------------------------------------------------
# The processes of a proxy: nginx's master and its workers; the others are one process.
proxy_pids() {
    case $1 in
        gatehouse) echo "$gatehouse_pid" ;;
        haproxy) echo "$haproxy_pid" ;;
        nginx) echo "$nginx_pid" "$(pgrep -P "$nginx_pid" | paste -sd' ' || true)" ;;
    esac
}
rss_kb() {
    local total=0 pid
    for pid in $(proxy_pids "$1"); do total=$((total + $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"))); done
    echo $total
}
fd_count() {
    local total=0 pid
    for pid in $(proxy_pids "$1"); do total=$((total + $(ls "/proc/$pid/fd" | wc -l))); done
    echo $total
}

part_memory() {
    local results=() proxy before after fds_before per
    haproxy_maxconn=$((connections + 1000))
    start_proxies 1 http
    haproxy_maxconn=9000
    printf '%-10s %11s %11s %15s\n' proxy "RSS KB" "+idle KB" "KB/connection"
    for proxy in gatehouse haproxy nginx; do
        # Warm: one request first, so lazily made buffers and pools are not counted.
        curl -sS --fail -o /dev/null "http://127.0.0.1:$(proxy_port $proxy)/" || fail "no answer from $proxy"
        sleep 0.5
        before=$(rss_kb $proxy)
        fds_before=$(fd_count $proxy)
        spawn "idle-$proxy" "$bin/idle_connections" 127.0.0.1 "$(proxy_port $proxy)" "$connections"
        for _ in $(seq 600); do grep -q ready "$work/idle-$proxy.log" 2>/dev/null && break; sleep 0.1; done
        grep -q "ready $connections (failed 0)" "$work/idle-$proxy.log" \
            || fail "idle connections to $proxy: $(cat "$work/idle-$proxy.log")"
        # Connected is not yet accepted: wait until the proxy holds the sockets.
        for _ in $(seq 600); do [ $(($(fd_count $proxy) - fds_before)) -ge "$connections" ] && break; sleep 0.1; done
        [ $(($(fd_count $proxy) - fds_before)) -ge "$connections" ] \
            || fail "$proxy accepted only $(($(fd_count $proxy) - fds_before)) of $connections connections"
        sleep 1
        after=$(rss_kb $proxy)
        per=$(awk -v a="$after" -v b="$before" -v n="$connections" 'BEGIN { printf "%.2f", (a - b) / n }')
        printf '%-10s %11s %11s %15s\n' "$proxy" "$before" "$((after - before))" "$per"
        results+=("{\"proxy\":\"$proxy\",\"workers\":1,\"rss_before_kb\":$before,\"rss_after_kb\":$after,\"kb_per_connection\":$per}")
        kill "${part_pids[-1]}"; wait "${part_pids[-1]}" 2>/dev/null || true
        unset 'part_pids[-1]'
    done
    stop_part
    write_json memory "\"connections\":$connections,\"mode\":\"http (reverse proxy), plain TCP clients that never send a request\"" "${results[@]}"
}

# ---------------------------------------------------------------------------
ctl() { "$bin/gatehousectl" --control "$work/control.sock" "$@"; }

# now_ms: milliseconds since the epoch.
now_ms() { date +%s%3N; }

# main_cpu_ms: CPU time of gatehoused's main thread (where configs are applied; the
# workers serve wrk meanwhile), in milliseconds.
main_cpu_ms() {
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$gatehouse_pid/task/$gatehouse_pid/stat"
}

part_routes() {
    local small t0 c0 apply_ms remove_ms apply_cpu remove_cpu wrk_pid line rps p50 p99 failed
    small=$(gatehouse_forward_config 1 "\"ports\": $gatehouse_port, \"path\": \"/*\"")
    start_gatehouse "$small"
    wait_port $gatehouse_port "$gatehouse_pid" gatehouse
    printf '%s\n' "$small" > "$work/routes-1.json"
    # The existing route first, then N routes for other host names on the same port.
    awk -v n="$route_count" -v port="$gatehouse_port" -v backend="$backend_port" 'BEGIN {
        printf "{ \"bindAddress\": \"127.0.0.1\", \"workers\": 1, \"routes\": [\n"
        printf "  { \"name\": \"bench\", \"match\": { \"ports\": %d, \"path\": \"/*\" }, \"action\": { \"type\": \"forward\", \"targets\": [ { \"host\": \"127.0.0.1\", \"port\": %d } ] } }", port, backend
        for (i = 1; i <= n; ++i)
            printf ",\n  { \"name\": \"site-%d\", \"priority\": 1, \"match\": { \"ports\": %d, \"domains\": [ \"site-%d.example.com\" ], \"path\": \"/*\" }, \"action\": { \"type\": \"forward\", \"targets\": [ { \"host\": \"127.0.0.1\", \"port\": %d } ] } }", i, port, i, backend
        printf "\n] }\n" }' > "$work/routes-n.json"
    "$bin/gatehoused" --check --config "$work/routes-n.json" > "$work/check.log" 2>&1 \
        || { cat "$work/check.log" >&2; fail "the generated config of $route_count routes is invalid"; }
    # wrk runs until interrupted; SIGINT makes it print its figures.
    wrk -t1 -c50 -d3600s --latency "http://127.0.0.1:$gatehouse_port/" > "$work/wrk-routes.out" 2>&1 &
    wrk_pid=$!
    sleep 1
    t0=$(now_ms) c0=$(main_cpu_ms)
    ctl apply "$work/routes-n.json" > "$work/apply.log" 2>&1 || { kill "$wrk_pid"; cat "$work/apply.log" >&2; fail "apply of $route_count routes failed"; }
    apply_ms=$(($(now_ms) - t0)) apply_cpu=$(($(main_cpu_ms) - c0))
    [ "$(ctl --json routes | grep -o '"name"' | wc -l)" -eq $((route_count + 1)) ] \
        || { kill "$wrk_pid"; fail "the service does not list $((route_count + 1)) routes after apply"; }
    sleep 1
    t0=$(now_ms) c0=$(main_cpu_ms)
    ctl apply "$work/routes-1.json" > "$work/apply.log" 2>&1 || { kill "$wrk_pid"; cat "$work/apply.log" >&2; fail "apply back to one route failed"; }
    remove_ms=$(($(now_ms) - t0)) remove_cpu=$(($(main_cpu_ms) - c0))
    sleep 1
    kill -INT "$wrk_pid"
    wait "$wrk_pid" || true
    line=$(parse_wrk "$work/wrk-routes.out")
    read -r rps p50 p99 failed <<<"$line"
    [ "$rps" -gt 0 ] || fail "wrk got no answer during the applies"
    printf '%-34s %10s\n' "apply $route_count routes ms" "$apply_ms" "  main thread CPU ms" "$apply_cpu" \
        "apply back to 1 route ms" "$remove_ms" "  main thread CPU ms" "$remove_cpu" \
        "wrk req/s meanwhile" "$rps" "wrk p99 ms" "$p99" "failed requests" "$failed"
    stop_part
    write_json routes "\"routes\":$route_count" \
        "{\"proxy\":\"gatehouse\",\"apply_ms\":$apply_ms,\"apply_main_thread_cpu_ms\":$apply_cpu,\"remove_ms\":$remove_ms,\"remove_main_thread_cpu_ms\":$remove_cpu,\"rps_meanwhile\":$rps,\"p99_ms\":$p99,\"failed_requests\":$failed}"
}

# ---------------------------------------------------------------------------
part_acme() {
    local t0 elapsed_ms valid states binds i routes
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/pebble.key" \
        -out "$work/pebble.crt" -days 2 -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        2>"$work/openssl.log" || { cat "$work/openssl.log" >&2; fail "openssl could not make Pebble's certificate"; }
    cat > "$work/pebble.json" <<CONF
{ "pebble": { "listenAddress": "127.0.0.1:$pebble_port", "managementListenAddress": "127.0.0.1:$pebble_mgmt_port",
  "certificate": "$work/pebble.crt", "privateKey": "$work/pebble.key", "httpPort": $challenge_port,
  "tlsPort": $acme_tls_port, "ocspResponderURL": "", "externalAccountBindingRequired": false } }
CONF
    spawn challtestsrv pebble-challtestsrv -dns01 "127.0.0.1:$dns_port" -defaultIPv4 127.0.0.1 -defaultIPv6 "" \
        -http01 "" -https01 "" -tlsalpn01 "" -management "127.0.0.1:$dns_mgmt_port"
    wait_port $dns_mgmt_port "$spawned" challtestsrv
    PEBBLE_VA_NOSLEEP=1 spawn pebble pebble -config "$work/pebble.json" -dnsserver "127.0.0.1:$dns_port"
    wait_port $pebble_port "$spawned" pebble
    local acme="\"acme\": { \"email\": \"ops@example.com\", \"directoryUrl\": \"https://127.0.0.1:$pebble_port/dir\", \"challengePort\": $challenge_port, \"challengeTypes\": [\"http-01\"], \"caBundle\": \"$work/pebble.crt\" }"
    # Info level: the service logs each listener it opens, the challenge port's included.
    start_gatehouse "{ \"bindAddress\": \"127.0.0.1\", \"workers\": 1, $acme, \"routes\": [] }" info
    for _ in $(seq 200); do [ -S "$work/control.sock" ] && ctl status >/dev/null 2>&1 && break; sleep 0.05; done
    ctl status >/dev/null 2>&1 || { cat "$work/gatehouse.log" >&2; fail "gatehoused does not answer on its control socket"; }
    routes=""
    for i in $(seq "$cert_count"); do
        routes+="${routes:+,}{ \"name\": \"site-$i\", \"match\": { \"ports\": $acme_tls_port, \"domains\": [\"site-$i.example.com\"] }, \"action\": { \"type\": \"respond\", \"respond\": { \"status\": 200, \"body\": \"site-$i\" }, \"tls\": { \"mode\": \"terminate\", \"certificate\": \"auto\" } } }"
    done
    printf '{ "bindAddress": "127.0.0.1", "workers": 1, %s, "routes": [ %s ] }\n' "$acme" "$routes" > "$work/acme.json"
    t0=$(now_ms)
    ctl apply "$work/acme.json" > "$work/apply.log" 2>&1 || { cat "$work/apply.log" >&2; fail "apply of $cert_count automatic certificates failed"; }
    valid=0
    local limit=$((t0 + 60000 + cert_count * 10000))
    while [ "$(now_ms)" -lt $limit ]; do
        ctl --json certs > "$work/certs.json" 2>&1 || true
        valid=$( (grep -o '"state": *"valid"' "$work/certs.json" || true) | wc -l)
        [ "$valid" -ge "$cert_count" ] && break
        sleep 0.2
    done
    elapsed_ms=$(($(now_ms) - t0))
    if [ "$valid" -lt "$cert_count" ]; then
        states=$( (grep -o '"state": *"[a-z-]*"' "$work/certs.json" || true) | sort | uniq -c | paste -sd' ')
        tail -20 "$work/gatehouse.log" >&2
        fail "only $valid of $cert_count certificates valid after $((elapsed_ms / 1000)) s ($states)"
    fi
    # The lease is released after the batch; give the log a moment to say so.
    sleep 0.5
    binds=$(grep -c "listening on 127.0.0.1:$challenge_port " "$work/gatehouse.log" || true)
    printf '%-34s %10s\n' "certificates" "$cert_count" "ms until all valid" "$elapsed_ms" \
        "ms per certificate" "$((elapsed_ms / cert_count))" "challenge port binds (want 1)" "$binds"
    [ "$binds" -eq 1 ] || { grep -E "listening on|released" "$work/gatehouse.log" >&2; fail "the challenge port was bound $binds times, not once"; }
    stop_part
    write_json acme "\"certificates\":$cert_count,\"ca\":\"Pebble $(dpkg-query -W -f='${Version}' pebble), PEBBLE_VA_NOSLEEP=1, http-01\"" \
        "{\"proxy\":\"gatehouse\",\"certificates\":$cert_count,\"ms_until_all_valid\":$elapsed_ms,\"challenge_port_binds\":$binds}"
}

# ---------------------------------------------------------------------------
current_part=setup
for port in $backend_port $gatehouse_port $haproxy_port $nginx_port $pebble_port $pebble_mgmt_port $dns_port \
    $dns_mgmt_port $challenge_port $acme_tls_port; do
    # Something else answering there would be measured instead.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        fail "127.0.0.1:$port is in use ($(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'users:.*' || echo 'by another process'))"
    fi
done
# Figures from a busy machine say little; the JSON records the load of each part.
if awk -v n="$(nproc)" '{ exit !($1 > n / 2) }' /proc/loadavg; then
    echo "bench/run.sh: warning: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; figures will move with it" >&2
fi
current_part=backend
start_backend
for part in $parts; do
    current_part=$part
    echo
    echo "== $part =="
    "part_$part"
done
