#!/usr/bin/env bash
# Checks that an app bundle carries every library its code loads: lists every
# Mach-O file in the bundle and, with `otool -L`, every library each one
# links. A library must be
#   - the operating system's: /System/... or /usr/lib/...; or
#   - inside the bundle: @executable_path/... (the programs in Contents/MacOS),
#     @loader_path/... (beside the file itself), or @rpath/... found through the
#     run paths (LC_RPATH) of the file itself or of the bundle's programs.
# Anything else (a Homebrew or Qt-installation path, a bare name, an @rpath
# that resolves nowhere in the bundle) would make the app abort at launch
# with "Library not loaded" on a Mac that lacks it: the check fails.
#
# It also checks that no file needs a newer macOS than the bundle's
# LSMinimumSystemVersion (LC_BUILD_VERSION's minos), and that no OpenSSL
# (library or Qt's OpenSSL TLS backend) is in the bundle: the app uses the
# system's TLS (Secure Transport).
#
#   check-bundle.sh PATH/EnrollmentAssigner.app
#
# Needs otool and file (Xcode's command line tools) and PlistBuddy.
set -euo pipefail

die() { echo "check-bundle: error: $*" >&2; exit 2; }

[ $# -eq 1 ] || die "usage: $0 APP"
app=${1%/}
[ -d "$app/Contents/MacOS" ] || die "$app is not an app bundle"
app=$(cd "$app" && pwd -P)
programs="$app/Contents/MacOS"
plistbuddy=${PLISTBUDDY:-/usr/libexec/PlistBuddy}
min_os=$("$plistbuddy" -c 'Print :LSMinimumSystemVersion' "$app/Contents/Info.plist")

problems=0
problem() { echo "::error::check-bundle: $*"; problems=$((problems + 1)); }

# Every Mach-O file (executables, dylibs, framework binaries, plugins).
machos=()
while IFS= read -r -d '' f; do
    case "$(file -b "$f")" in *Mach-O*) machos+=("$f") ;; esac
done < <(find "$app/Contents" -type f -print0)
[ ${#machos[@]} -gt 0 ] || die "no Mach-O file in $app"

# The run paths of a file (all architectures) as written, one a line.
raw_rpaths_of() {
    otool -arch all -l "$1" | awk '/cmd LC_RPATH/ {r = 1; next} r && $1 == "path" {print $2; r = 0}' | sort -u
}

# The same with @loader_path and @executable_path expanded.
rpaths_of() {
    local f=$1 dir
    dir=$(dirname "$f")
    raw_rpaths_of "$f" | sed -e "s|^@loader_path|$dir|" -e "s|^@executable_path|$programs|"
}

# The programs' run paths apply to everything loaded into their processes.
program_rpaths=""
for f in "$programs"/*; do
    [ -f "$f" ] || continue
    case "$(file -b "$f")" in *Mach-O*) program_rpaths+=$(rpaths_of "$f")$'\n' ;; esac
done

# Inside the bundle and present (symbolic links in frameworks resolved).
in_bundle() {
    local path=$1 real
    [ -e "$path" ] || return 1
    real=$(cd "$(dirname "$path")" && pwd -P)/$(basename "$path")
    case "$real" in "$app"/*) return 0 ;; *) return 1 ;; esac
}

checked=0
for f in "${machos[@]}"; do
    rel=${f#"$app"/}
    dir=$(dirname "$f")
    echo "  $rel"
    # A run path into this machine (the Qt installation, Homebrew) would let
    # the smoke tests here pass with libraries missing from the bundle; one to
    # a folder that does not exist here only looks untidy.
    while IFS= read -r rpath; do
        case "$rpath" in
            "" | @loader_path* | @executable_path* | /usr/lib/* | /System/* | "$app"/*) ;;
            *)
                if [ -e "$rpath" ]; then
                    problem "$rel has the run path $rpath, outside the bundle"
                else
                    echo "::warning::check-bundle: $rel has the run path $rpath (absent here), outside the bundle"
                fi ;;
        esac
    done < <(raw_rpaths_of "$f")
    # A dylib's first entry is its own name (LC_ID_DYLIB), not a dependency.
    own_id=$(otool -D "$f" | sed -n '2p')
    rpaths=$(printf '%s\n%s\n' "$(rpaths_of "$f")" "$program_rpaths" | sed '/^$/d' | sort -u)
    deps=$(otool -arch all -L "$f" | sed -n 's/^[[:space:]]\{1,\}\(.*\) (.*)$/\1/p' | sort -u)
    while IFS= read -r dep; do
        [ -n "$dep" ] || continue
        [ "$dep" = "$own_id" ] && continue
        case "$dep" in
            /System/* | /usr/lib/*) ;;
            @executable_path/*)
                in_bundle "$programs/${dep#@executable_path/}" || problem "$rel needs $dep, which is not in the bundle" ;;
            @loader_path/*)
                in_bundle "$dir/${dep#@loader_path/}" || problem "$rel needs $dep, which is not in the bundle" ;;
            @rpath/*)
                found=""
                while IFS= read -r rpath; do
                    [ -n "$rpath" ] || continue
                    if in_bundle "$rpath/${dep#@rpath/}"; then
                        found=$rpath
                        break
                    fi
                done <<<"$rpaths"
                [ -n "$found" ] || problem "$rel needs $dep, found through none of its run paths inside the bundle ($(tr '\n' ' ' <<<"$rpaths"))" ;;
            *)
                problem "$rel needs $dep, outside the bundle and not part of macOS" ;;
        esac
    done <<<"$deps"

    # The oldest macOS each architecture of the file runs on.
    while IFS= read -r minos; do
        [ -n "$minos" ] || continue
        if awk -v a="$minos" -v b="$min_os" 'BEGIN {
                split(a, x, "."); split(b, y, ".");
                exit !((x[1] + 0) > (y[1] + 0) || ((x[1] + 0) == (y[1] + 0) && (x[2] + 0) > (y[2] + 0))) }'; then
            problem "$rel needs macOS $minos; the bundle promises $min_os (LSMinimumSystemVersion)"
        fi
    done < <(otool -arch all -l "$f" | awk '$1 == "minos" {print $2}' | sort -u)

    case "$(basename "$f")" in
        *openssl* | libssl* | libcrypto*) problem "$rel is OpenSSL; the app must use the system's TLS" ;;
    esac
    checked=$((checked + 1))
done

if [ "$problems" -gt 0 ]; then
    echo "check-bundle: $problems problem(s) in $checked Mach-O files of $app" >&2
    exit 1
fi
echo "check-bundle: all $checked Mach-O files of $app load only from the bundle or macOS, none needs more than macOS $min_os"
