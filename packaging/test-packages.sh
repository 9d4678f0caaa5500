#!/usr/bin/env bash
# Proof that the Linux packages install and run. Builds a Release tree with
# Debian's hardening flags, makes the DEB and the TGZ with CPack, checks them
# (contents, dependencies, lintian, AppStream, .desktop), unpacks each into a
# temporary root -- nothing is installed on this system -- and runs the three
# programs from there: --version (and the TLS backend the CLI reports), the
# CLI on the built-in sandbox tenant, the CLI against the installed sandbox
# server over HTTP, and the GUI offscreen on the sandbox, whose screenshot
# must be a real picture.
#
#   packaging/test-packages.sh [BUILD_DIR]
#
# BUILD_DIR defaults to a temporary folder that is removed afterwards; given,
# it keeps the packages and the screenshots in BUILD_DIR/packages/. Needs
# what .ci/install-deps installs. Exits non-zero at the first failed check.
set -euo pipefail

started=$SECONDS
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ea-test-packages.XXXXXX")
sandbox_pid=""
cleanup() {
    if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

build=${1:-$work/build}
checks=0
step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - started))"; }
ok() { checks=$((checks + 1)); echo "ok: $*"; }
fail() { echo "test-packages: FAIL: $*" >&2; exit 1; }

for tool in cmake cpack ninja dpkg-deb dpkg-shlibdeps dpkg-buildflags lintian appstreamcli \
            desktop-file-validate help2man gzip file identify readelf ldd timeout tar; do
    command -v "$tool" >/dev/null || fail "'$tool' is missing; run .ci/install-deps"
done

step "configure and build: Release, Debian's hardening flags"
# The flags a Debian package is built with (hardening=+all adds bindnow),
# less -g: the packaged programs are stripped anyway, and debug information
# doubles the build time. CMake reads CXXFLAGS and LDFLAGS, not CPPFLAGS,
# hence the append.
eval "$(DEB_BUILD_MAINT_OPTIONS=hardening=+all DEB_CXXFLAGS_MAINT_STRIP=-g dpkg-buildflags --export=sh)"
export CXXFLAGS="$CXXFLAGS ${CPPFLAGS:-}"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEA_BUILD_TESTS=OFF >/dev/null
cmake --build "$build"

step "cpack: DEB and TGZ"
rm -rf "$build/packages"
(cd "$build" && cpack -G "DEB;TGZ")
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"
shopt -s nullglob
debs=("$build"/packages/*.deb)
tgzs=("$build"/packages/*.tar.gz)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one .deb in $build/packages, found ${#debs[@]}"
[ ${#tgzs[@]} -eq 1 ] || fail "expected one .tar.gz in $build/packages, found ${#tgzs[@]}"
deb=${debs[0]}
tgz=${tgzs[0]}
(cd "$build/packages" && sha256sum --check --quiet ./*.sha256) || fail "a .sha256 does not match its package"
ok "made $(basename "$deb") and $(basename "$tgz") (version $version), checksums match"

step "the DEB's control data"
dpkg-deb --info "$deb"
[ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || fail "DEB version is not $version"
depends=$(dpkg-deb --field "$deb" Depends)
depends_names=$(sed 's/ ([^)]*)//g; s/, /\n/g' <<<"$depends")
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6svg6 libc6 libstdc++6; do
    grep -qxF "$dep" <<<"$depends_names" || fail "Depends lacks $dep: $depends"
done
ok "Depends names the Qt 6 libraries (from dpkg-shlibdeps) and the SVG plugin"

step "lintian"
# Fails on errors and warnings; the info-level tags left are explained in
# packaging/linux/LINTIAN.md.
lintian_rc=0
lintian_out=$(lintian --fail-on error,warning --display-info "$deb" 2>&1) || lintian_rc=$?
grep -v 'running with root privileges' <<<"$lintian_out" || true
[ "$lintian_rc" -eq 0 ] || fail "lintian reports errors or warnings (above)"
ok "lintian: no errors, no warnings"

step "unpack the DEB (dpkg-deb -x) and the TGZ (tar) into temporary roots"
deb_root="$work/deb-root"
tgz_root="$work/tgz-root"
mkdir -p "$deb_root" "$tgz_root"
dpkg-deb -x "$deb" "$deb_root"
tar -xzf "$tgz" -C "$tgz_root"
tgz_prefix=$(find "$tgz_root" -mindepth 1 -maxdepth 1 -type d)
[ "$(wc -l <<<"$tgz_prefix")" -eq 1 ] || fail "the TGZ should hold one top folder"
app_id=io.github.enrollmentassigner.EnrollmentAssigner
expected=(
    bin/enrollment-assigner bin/enrollment-assigner-cli bin/enrollment-assigner-sandbox
    lib/enrollment-assigner/plugins/libea_keychain.so
    "share/applications/$app_id.desktop"
    "share/metainfo/$app_id.metainfo.xml"
    "share/icons/hicolor/scalable/apps/$app_id.svg"
    "share/icons/hicolor/48x48/apps/$app_id.png"
    "share/icons/hicolor/256x256/apps/$app_id.png"
    share/man/man1/enrollment-assigner.1.gz
    share/man/man1/enrollment-assigner-cli.1.gz
    share/man/man1/enrollment-assigner-sandbox.1.gz
    share/doc/enrollment-assigner/copyright
    share/doc/enrollment-assigner/changelog.gz
)
for f in "${expected[@]}"; do
    [ -f "$deb_root/usr/$f" ] || fail "the DEB lacks /usr/$f"
    [ -f "$tgz_prefix/$f" ] || fail "the TGZ lacks $f"
done
diff <(cd "$deb_root/usr" && find . -type f | sort) <(cd "$tgz_prefix" && find . -type f | sort) \
    || fail "the DEB (under /usr) and the TGZ hold different files"
ok "both hold the same $(find "$tgz_prefix" -type f | wc -l) files: programs, .desktop, metainfo, icons, manuals, copyright"

step "metadata: AppStream and .desktop"
appstreamcli validate --no-net "$deb_root/usr/share/metainfo/$app_id.metainfo.xml"
grep -q "<release version=\"$version\"" "$deb_root/usr/share/metainfo/$app_id.metainfo.xml" \
    || fail "the metainfo does not list release $version"
desktop-file-validate "$deb_root/usr/share/applications/$app_id.desktop"
ok "appstreamcli and desktop-file-validate accept them"

# A home of its own, so nothing here reads or writes the real user's settings
# or audit journal; no token from the environment.
export HOME="$work/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset GRAPH_ACCESS_TOKEN

run_installed() {
    local label=$1 prefix=$2
    step "$label: run from $prefix"
    local bin="$prefix/bin"
    local exe
    for exe in enrollment-assigner enrollment-assigner-cli enrollment-assigner-sandbox; do
        [ -x "$bin/$exe" ] || fail "$label: $bin/$exe is not executable"
        if readelf -d "$bin/$exe" | grep -qE 'RPATH|RUNPATH'; then
            fail "$label: $exe carries an RPATH/RUNPATH"
        fi
        if ldd "$bin/$exe" | grep -q 'not found'; then
            ldd "$bin/$exe"
            fail "$label: $exe misses a shared library"
        fi
        local shown
        shown=$(PATH="$bin:/usr/bin:/bin" "$exe" --version)
        echo "$exe --version: $shown"
        grep -q " $version\$" <<<"$shown" || fail "$label: $exe --version does not say $version"
    done
    ok "$label: all three start from the install location, need only system libraries and say $version"

    # The keychain module: only it links qtkeychain (and so D-Bus); the
    # programs load it from ../lib/enrollment-assigner/plugins when a stored sign-in
    # is read (auth/SystemTokenStore.cpp).
    local module="$prefix/lib/enrollment-assigner/plugins/libea_keychain.so"
    if readelf -d "$module" | grep -qE 'RPATH|RUNPATH'; then
        fail "$label: the keychain module carries an RPATH/RUNPATH"
    fi
    if ldd "$module" | grep -q 'not found'; then
        ldd "$module"
        fail "$label: the keychain module misses a shared library"
    fi
    ldd "$module" | grep -q 'libqt6keychain' || fail "$label: the keychain module does not link qtkeychain"
    if ldd "$bin/enrollment-assigner-cli" | grep -qiE 'dbus|keychain'; then
        ldd "$bin/enrollment-assigner-cli"
        fail "$label: enrollment-assigner-cli links D-Bus or qtkeychain itself"
    fi
    local conf="$HOME/.config/Enrollment Assigner/Enrollment Assigner.conf"
    mkdir -p "$(dirname "$conf")"
    printf '%s\n' '[auth]' 'activeProfile=p1' 'profiles\p1\displayName=Package test' \
        'profiles\p1\tenant=7c0e2b8a-4f1d-4e6a-9b3c-2d5e8f9a1b0c' 'profiles\p1\cloud=global' \
        'profiles\p1\clientId=0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a' 'profiles\p1\loginRoot=http://127.0.0.1:9' >"$conf"
    local status_rc=0 status_err
    status_err=$(LD_DEBUG=files timeout 60 "$bin/enrollment-assigner-cli" status 2>&1 >/dev/null) || status_rc=$?
    rm -f "$conf"
    [ "$status_rc" -eq 1 ] || fail "$label: 'status' without a stored sign-in exited $status_rc, not 1"
    grep -q 'There is no saved sign-in' <<<"$status_err" || fail "$label: 'status' did not look for the stored sign-in"
    if grep -q 'keychain module could not be loaded' <<<"$status_err"; then
        grep -v 'file=\|^ *[0-9]*:' <<<"$status_err" || true
        fail "$label: the installed CLI did not find its keychain module"
    fi
    grep -q 'file=.*libea_keychain.so' <<<"$status_err" || fail "$label: 'status' did not load the keychain module"
    ok "$label: the CLI links no D-Bus and loads the keychain module from lib/enrollment-assigner/plugins when a sign-in is read"

    # The TLS backend Qt picked, as the CLI reports it (the release workflow
    # requires schannel and securetransport from the same line): Debian's Qt
    # uses OpenSSL, through a plugin dpkg-shlibdeps cannot see.
    local tls
    tls=$(PATH="$bin:/usr/bin:/bin" enrollment-assigner-cli --version | sed -n 's/^TLS backend: //p')
    grep -q '^openssl (OpenSSL ' <<<"$tls" || fail "$label: enrollment-assigner-cli reports the TLS backend '$tls', not openssl"
    ok "$label: enrollment-assigner-cli reports TLS backend $tls"

    local out
    out=$(PATH="$bin:/usr/bin:/bin" timeout 60 enrollment-assigner-cli --sandbox configs) \
        || fail "$label: enrollment-assigner-cli --sandbox configs failed"
    echo "$out" | head -n 4
    local rows
    rows=$(($(wc -l <<<"$out") - 1))
    [ "$rows" -ge 5 ] || fail "$label: the CLI listed $rows configurations"
    grep -q '_DefaultLimit' <<<"$out" || fail "$label: the CLI list lacks the default device limit"
    ok "$label: enrollment-assigner-cli --sandbox configs lists $rows configurations"

    # The installed sandbox server, and the CLI talking to it over HTTP.
    local served="$work/$label-sandbox.json"
    "$bin/enrollment-assigner-sandbox" >"$served" &
    sandbox_pid=$!
    for _ in $(seq 1 100); do
        [ -s "$served" ] && break
        sleep 0.1
    done
    local url token
    url=$(sed -n 's/.*"url" *: *"\([^"]*\)".*/\1/p' "$served")
    token=$(sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p' "$served")
    if [ -z "$url" ] || [ -z "$token" ]; then
        fail "$label: enrollment-assigner-sandbox printed no url and token"
    fi
    out=$(timeout 60 "$bin/enrollment-assigner-cli" --graph-url "$url" --token-file - configs <<<"$token") \
        || fail "$label: the CLI could not list the configurations served by enrollment-assigner-sandbox"
    kill "$sandbox_pid"
    wait "$sandbox_pid" 2>/dev/null || true
    sandbox_pid=""
    grep -q '_DefaultLimit' <<<"$out" || fail "$label: the served list lacks the default device limit"
    ok "$label: enrollment-assigner-sandbox serves $url; the CLI lists its configurations"

    local png="$work/$label-window.png"
    QT_QPA_PLATFORM=offscreen timeout 120 "$bin/enrollment-assigner" --sandbox --screenshot "$png" \
        || fail "$label: the GUI did not save a screenshot on the sandbox"
    [ -f "$png" ] || fail "$label: no screenshot at $png"
    file -b "$png" | grep -q '^PNG image data' || fail "$label: $png is not a PNG"
    local width height colours
    read -r width height colours < <(identify -format '%w %h %k\n' "$png")
    echo "screenshot: ${width}x${height}, $colours colours, $(stat -c %s "$png") bytes"
    if [ "$width" -lt 640 ] || [ "$height" -lt 400 ]; then
        fail "$label: the window is only ${width}x${height}"
    fi
    [ "$colours" -ge 32 ] || fail "$label: the screenshot has $colours colours; the window looks empty"
    ok "$label: the GUI ran offscreen on the sandbox and drew its window"
}

run_installed deb "$deb_root/usr"
run_installed tgz "$tgz_prefix"

if [ $# -gt 0 ]; then
    cp "$work"/*-window.png "$build/packages/"
    echo "packages and screenshots are in $build/packages/"
fi
printf '\ntest-packages: all %d checks passed in %ds\n' "$checks" "$((SECONDS - started))"
