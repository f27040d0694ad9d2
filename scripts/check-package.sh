#!/usr/bin/env bash
# Builds the Debian packages from a build directory and checks them:
# contents, control fields, conffiles and maintainer scripts, the systemd unit
# (systemd-analyze verify, when available), the unit's paths against the
# service's own defaults as root, and finally the packaged gatehoused --check
# run against the packaged default config, from a throwaway root (dpkg -x).
#   scripts/check-package.sh BUILD_DIR
set -euo pipefail

build=${1:?usage: check-package.sh BUILD_DIR}
export GATEHOUSE_LANG=en  # the checks read the programs' English output
build=$(cd "$build" && pwd)
for tool in cpack dpkg-deb dpkg-shlibdeps; do
    command -v "$tool" >/dev/null || {
        echo "check-package: $tool is missing; run scripts/install-deps.sh build test" >&2
        exit 1
    }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
ok() { echo "ok: $*"; }

# --- build -----------------------------------------------------------------
if ! (cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1); then
    cat "$work/cpack.log" >&2
    echo "check-package: cpack failed" >&2
    exit 1
fi
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
arch=$(dpkg --print-architecture)
service_deb="$work/out/gatehouse_${version}_${arch}.deb"
gui_deb="$work/out/gatehouse-gui_${version}_${arch}.deb"
[ -f "$service_deb" ] || { ls "$work/out" >&2; echo "check-package: no $service_deb" >&2; exit 1; }
ok "built $(basename "$service_deb")"
has_gui=0
if grep -q '^GATEHOUSE_BUILD_GUI:BOOL=ON' "$build/CMakeCache.txt"; then
    has_gui=1
    [ -f "$gui_deb" ] && ok "built $(basename "$gui_deb")" || fail "no $(basename "$gui_deb") although the GUI is built"
fi

# --- contents --------------------------------------------------------------
expect_files() {
    local deb=$1
    shift
    dpkg-deb -c "$deb" >"$work/contents"
    local path
    for path in "$@"; do
        if grep -qE " \./${path#/}( |$)" "$work/contents"; then
            ok "$(basename "$deb") has $path"
        else
            fail "$(basename "$deb") lacks $path"
        fi
    done
    # Everything belongs to root: the service's user is created at install time.
    if awk '{ print $2 }' "$work/contents" | grep -qv '^root/root$'; then
        fail "$(basename "$deb") has files not owned by root/root"
    fi
    # Executables are 0755, the rest 0644 (no group- or world-writable files).
    if awk '{ print $1 }' "$work/contents" | grep -qE '^.{5}w|^.{8}w'; then
        fail "$(basename "$deb") has group- or world-writable files"
    fi
}
expect_files "$service_deb" /usr/bin/gatehoused /usr/bin/gatehousectl /lib/systemd/system/gatehoused.service \
    /usr/lib/sysusers.d/gatehouse.conf /usr/lib/tmpfiles.d/gatehouse.conf /etc/gatehouse/config.json \
    /usr/share/man/man8/gatehoused.8.gz /usr/share/man/man1/gatehousectl.1.gz
if [ "$has_gui" = 1 ] && [ -f "$gui_deb" ]; then
    expect_files "$gui_deb" /usr/bin/gatehouse /usr/share/applications/gatehouse.desktop \
        /usr/share/icons/hicolor/scalable/apps/gatehouse.svg /usr/share/man/man1/gatehouse.1.gz
    if dpkg-deb -c "$gui_deb" | grep -q 'usr/bin/gatehoused'; then
        fail "gatehouse-gui also ships gatehoused (two packages would own one file)"
    fi
    if command -v desktop-file-validate >/dev/null; then
        dpkg-deb --fsys-tarfile "$gui_deb" | tar -x -C "$work" ./usr/share/applications/gatehouse.desktop
        desktop-file-validate "$work/usr/share/applications/gatehouse.desktop" && ok "desktop file valid" \
            || fail "desktop-file-validate rejects gatehouse.desktop"
    fi
fi

# --- control fields ----------------------------------------------------------
field() { dpkg-deb -f "$1" "$2"; }
expect_field() {
    local deb=$1 name=$2 pattern=$3 value
    value=$(field "$deb" "$name")
    if [[ "$value" =~ $pattern ]]; then
        ok "$(basename "$deb") $name: $value"
    else
        fail "$(basename "$deb") $name is '$value', expected to match /$pattern/"
    fi
}
expect_field "$service_deb" Package '^gatehouse$'
expect_field "$service_deb" Version "^${version//./\\.}"
expect_field "$service_deb" Architecture "^${arch}$"
expect_field "$service_deb" Section '^net$'
expect_field "$service_deb" Maintainer '.+<.+@.+>'
expect_field "$service_deb" Description '^reverse proxy with automatic HTTPS'
# dpkg-shlibdeps found the libraries the binaries link, plus the scripts' tools.
expect_field "$service_deb" Depends 'libqt6core6'
expect_field "$service_deb" Depends 'libssl3'
expect_field "$service_deb" Depends 'init-system-helpers'
if [ "$has_gui" = 1 ] && [ -f "$gui_deb" ]; then
    expect_field "$gui_deb" Package '^gatehouse-gui$'
    expect_field "$gui_deb" Depends 'libqt6widgets6'
    expect_field "$gui_deb" Recommends '^gatehouse$'
fi

# --- conffiles and maintainer scripts -----------------------------------------
mkdir -p "$work/control"
dpkg-deb -e "$service_deb" "$work/control"
if [ "$(cat "$work/control/conffiles" 2>/dev/null)" = /etc/gatehouse/config.json ]; then
    ok "conffiles lists /etc/gatehouse/config.json"
else
    fail "conffiles should list exactly /etc/gatehouse/config.json"
fi
for script in postinst prerm postrm; do
    if [ -x "$work/control/$script" ] && sh -n "$work/control/$script"; then
        ok "$script present, executable, valid sh"
    else
        fail "$script missing, not executable or not valid sh"
    fi
done
grep -q 'deb-systemd-invoke' "$work/control/postinst" || fail "postinst does not start the unit through deb-systemd-invoke (policy-rc.d)"

# --- throwaway root ----------------------------------------------------------
root="$work/root"
dpkg -x "$service_deb" "$root"
unit="$root/lib/systemd/system/gatehoused.service"

if command -v systemd-analyze >/dev/null; then
    # The host's systemd (its targets, /bin/kill) with the unit's programs taken
    # from the throwaway root: the only change to the packaged unit is that path.
    mkdir -p "$work/verify"
    sed "s|/usr/bin/gatehoused|$root/usr/bin/gatehoused|g" "$unit" >"$work/verify/gatehoused.service"
    if systemd-analyze verify --man=no "$work/verify/gatehoused.service" >"$work/verify.log" 2>&1 \
        && ! grep -q 'gatehoused.service' "$work/verify.log"; then
        ok "systemd-analyze verify gatehoused.service"
    else
        cat "$work/verify.log" >&2
        fail "systemd-analyze verify reports problems with gatehoused.service"
    fi
else
    echo "skip: systemd-analyze is missing, the unit is not verified (install the systemd package)"
fi

# The unit names the paths explicitly (it runs as the user gatehouse); they
# must be the ones gatehoused, gatehousectl and the GUI use as root.
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
unit_option() { sed -nE "s/.*--$1 ([^ ]+).*/\\1/p" <<<"$exec_start"; }
[ "$(unit_option config)" = /etc/gatehouse/config.json ] || fail "ExecStart's --config is not /etc/gatehouse/config.json"
[ "$(unit_option state-dir)" = /var/lib/gatehouse ] || fail "ExecStart's --state-dir is not /var/lib/gatehouse"
[ "$(unit_option control)" = /run/gatehouse/control.sock ] || fail "ExecStart's --control is not /run/gatehouse/control.sock"
grep -qx 'StateDirectory=gatehouse' "$unit" && grep -qx 'ConfigurationDirectory=gatehouse' "$unit" \
    && grep -qx 'RuntimeDirectory=gatehouse' "$unit" || fail "the unit's directories are not all 'gatehouse'"
grep -qx 'User=gatehouse' "$unit" && grep -qx 'Group=gatehouse' "$unit" || fail "the unit does not run as gatehouse:gatehouse"
grep -qE '^u gatehouse ' "$root/usr/lib/sysusers.d/gatehouse.conf" || fail "sysusers.d does not create the user gatehouse"
if [ "$(id -u)" = 0 ]; then
    # --help wraps its lines: compare with the whitespace folded.
    "$root/usr/bin/gatehoused" --help 2>&1 | tr -s ' \n' '  ' >"$work/help"
    for path in "$(unit_option config)" "$(unit_option state-dir)" "$(unit_option control)"; do
        grep -qF "(default: $path)" "$work/help" && ok "gatehoused's default as root is $path" \
            || fail "gatehoused's defaults as root do not include $path (see gatehoused --help)"
    done
    "$root/usr/bin/gatehousectl" --help 2>&1 | tr -s ' \n' '  ' >"$work/ctl-help"
    grep -qF "(default: $(unit_option control))" "$work/ctl-help" && ok "gatehousectl's default as root is $(unit_option control)" \
        || fail "gatehousectl's default socket as root is not $(unit_option control)"
else
    echo "skip: not root, the service's defaults as root are not compared with the unit"
fi

config="$root/etc/gatehouse/config.json"
if "$root/usr/bin/gatehoused" --check --config "$config" >"$work/check.log" 2>&1; then
    ok "packaged gatehoused --check on the packaged config: $(cat "$work/check.log")"
    grep -q 'ok: 1 routes' "$work/check.log" || fail "the packaged config should hold the one welcome route"
else
    cat "$work/check.log" >&2
    fail "packaged gatehoused --check rejects the packaged default config"
fi
grep -qF '/etc/gatehouse/config.json' "$config" || fail "the packaged config's welcome page should name /etc/gatehouse/config.json"

# The packaged service as the unit runs it, minus systemd (not PID 1 in CI):
# an unprivileged user with CAP_NET_BIND_SERVICE only, no new privileges,
# explicit paths; it must bind a port below 1024, serve the welcome page,
# answer on a 0660 control socket and stop cleanly on SIGTERM.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && command -v curl >/dev/null; then
    svc="$work/svc"
    mkdir -p "$svc/etc" "$svc/state" "$svc/run"
    port=
    for candidate in $(seq 901 999); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
            port=$candidate
            break
        fi
    done
    sed "s/\b8080\b/$port/" "$config" >"$svc/etc/config.json"
    grep -q "$port" "$svc/etc/config.json" || fail "the packaged config has no port 8080 to move for this check"
    chown -R 65534:65534 "$svc"
    chmod 0750 "$svc/run"
    chmod 0711 "$work"
    setpriv --reuid=65534 --regid=65534 --clear-groups --no-new-privs \
        --inh-caps=-all,+net_bind_service --ambient-caps=-all,+net_bind_service --bounding-set=-all,+net_bind_service \
        "$root/usr/bin/gatehoused" --config "$svc/etc/config.json" --state-dir "$svc/state" \
        --control "$svc/run/control.sock" --log-level warning >"$work/service.log" 2>&1 &
    service_pid=$!
    for _ in $(seq 1 100); do
        [ -S "$svc/run/control.sock" ] && break
        kill -0 "$service_pid" 2>/dev/null || break
        sleep 0.1
    done
    if "$root/usr/bin/gatehousectl" --control "$svc/run/control.sock" status >"$work/status" 2>&1; then
        ok "packaged gatehoused runs as an unprivileged user with CAP_NET_BIND_SERVICE only"
        [ "$(stat -c %a "$svc/run/control.sock")" = 660 ] && ok "control socket mode 0660" \
            || fail "control socket mode is $(stat -c %a "$svc/run/control.sock"), expected 660"
        if curl -fsS --max-time 5 "http://127.0.0.1:$port/" | grep -q 'Gatehouse is running'; then
            ok "welcome page served on port $port (below 1024) by the unprivileged service"
        else
            fail "the unprivileged service does not serve the welcome page on port $port"
        fi
    else
        cat "$work/status" "$work/service.log" >&2
        fail "the packaged gatehoused, run as the unit would, does not answer on its control socket"
    fi
    kill -TERM "$service_pid" 2>/dev/null || true
    if wait "$service_pid"; then
        ok "stopped cleanly on SIGTERM"
    else
        cat "$work/service.log" >&2
        fail "the packaged gatehoused did not exit with 0 on SIGTERM"
    fi
else
    echo "skip: not root (or setpriv/curl missing), the packaged service is not run as an unprivileged user"
fi

if [ "$failures" -gt 0 ]; then
    echo "check-package: $failures check(s) failed" >&2
    exit 1
fi
echo "check-package: all checks passed"
