#!/usr/bin/env bash
# testssl.sh against a terminating route of a real gatehoused on 127.0.0.1: the
# protocols and cipher categories it offers. Fails when anything below TLS 1.2 is
# offered, a weak cipher category (NULL, anonymous, export, LOW, 3DES/IDEA/RC4) or the
# obsolete CBC ones, or no forward secrecy.
#   scripts/check-tls.sh BUILD_DIR [JSON_OUT]
# JSON_OUT (optional) keeps testssl's findings as JSON.
set -euo pipefail

build=${1:?usage: check-tls.sh BUILD_DIR [JSON_OUT]}
out=${2:-}
bin="$build/bin"
command -v testssl >/dev/null || { echo "check-tls: testssl is not installed (scripts/install-deps.sh build test)" >&2; exit 1; }

work=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=tls.test \
    -addext subjectAltName=DNS:tls.test -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
port=
for candidate in $(seq 18440 18499); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port=$candidate
        break
    fi
done
[ -n "$port" ] || { echo "check-tls: no free port in 18440-18499" >&2; exit 1; }
cat >"$work/config.json" <<CONF
{ "bindAddress": "127.0.0.1",
  "routes": [ { "name": "tls", "match": { "ports": $port },
                "action": { "type": "respond", "respond": { "body": "ok" },
                            "tls": { "mode": "terminate",
                                     "certificate": { "cert": "$work/cert.pem", "key": "$work/key.pem" } } } } ] }
CONF
"$bin/gatehoused" --check --config "$work/config.json" >/dev/null
"$bin/gatehoused" --config "$work/config.json" --state-dir "$work/state" --control "$work/control.sock" \
    --log-level warning &
pid=$!
for _ in $(seq 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.05
done

# Protocols (-p), cipher categories (-s) and forward secrecy (-f); JSON for the verdict.
testssl --quiet --color 0 --warnings off --openssl-timeout 10 -p -s -f \
    --jsonfile "$work/testssl.json" "127.0.0.1:$port" >"$work/testssl.txt" 2>&1 || true
[ -s "$work/testssl.json" ] || { cat "$work/testssl.txt" >&2; echo "check-tls: testssl wrote no findings" >&2; exit 1; }
[ -n "$out" ] && cp "$work/testssl.json" "$out"

python3 - "$work/testssl.json" <<'PY'
import json, sys
findings = {f["id"]: f["finding"] for f in json.load(open(sys.argv[1]))}
failed = []
def expect(ident, ok, want):
    got = findings.get(ident)
    if got is None:
        failed.append(f"{ident}: not reported by testssl")
    elif not ok(got.lower()):
        failed.append(f"{ident}: {got} (want {want})")
    else:
        print(f"ok: {ident}: {got}")
offered = lambda f: f.startswith("offered")
not_offered = lambda f: f.startswith("not offered")
for proto in ("SSLv2", "SSLv3", "TLS1", "TLS1_1"):
    expect(proto, not_offered, "not offered")
expect("TLS1_2", offered, "offered")
expect("TLS1_3", offered, "offered")
for weak in ("cipherlist_NULL", "cipherlist_aNULL", "cipherlist_EXPORT", "cipherlist_LOW", "cipherlist_3DES_IDEA",
             "cipherlist_AVERAGE"):
    expect(weak, not_offered, "not offered")
expect("PFS" if "PFS" in findings else "FS", offered, "offered")
if failed:
    print("check-tls: " + "; ".join(failed), file=sys.stderr)
    sys.exit(1)
PY
