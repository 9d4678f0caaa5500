#!/usr/bin/env bash
# Checks that an unpacked Windows package carries every DLL its code loads:
# for every .exe and .dll in the package, the DLLs it imports (also
# delay-loaded ones) must be
#   - in the programs' folder (bin\, where Windows looks first for every
#     module of the process, plugins included); or
#   - part of Windows: API sets (api-ms-win-*, ext-ms-*) and DLLs in
#     %SystemRoot%\System32, except the Visual C++ runtime (vcruntime*,
#     msvcp*, concrt*, vccorlib*), which a build machine has there and a
#     fresh Windows does not: the package must carry that itself.
# Anything else would fail to start on a machine without it, or load whatever
# copy happens to be on PATH. It also fails on OpenSSL in the package (library
# or Qt's OpenSSL TLS backend): the app uses Windows' own TLS (Schannel).
#
#   check-dependencies.sh PACKAGE_ROOT [BIN_DIR]
#
# BIN_DIR (default PACKAGE_ROOT/bin) holds the programs. Reads the imports with
# dumpbin (DUMPBIN, or dumpbin on PATH: Visual Studio's) or, failing that,
# objdump -p (MinGW's or Git's). Runs in Git Bash.
set -euo pipefail

die() { echo "check-dependencies: error: $*" >&2; exit 2; }

if [ $# -lt 1 ] || [ $# -gt 2 ]; then die "usage: $0 PACKAGE_ROOT [BIN_DIR]"; fi
root=${1%/}
bin=${2:-$root/bin}
[ -d "$bin" ] || die "no programs folder $bin"
if [ -z "${SYSTEM_DIR:-}" ] && command -v cygpath >/dev/null; then
    SYSTEM_DIR="$(cygpath -u "${SYSTEMROOT:-C:\Windows}")/System32"
fi
system_dir=${SYSTEM_DIR:-/c/Windows/System32}
[ -d "$system_dir" ] || die "no system folder $system_dir"

dumpbin=${DUMPBIN:-$(command -v dumpbin || true)}
objdump=$(command -v objdump || true)
if [ -n "$dumpbin" ]; then
    tool="dumpbin"
elif [ -n "$objdump" ]; then
    tool="objdump"
else
    die "neither dumpbin (set DUMPBIN) nor objdump found"
fi

# The DLL names a PE file imports, one a line, lower case.
imports_of() {
    if [ "$tool" = dumpbin ]; then
        # "-" rather than "/" before the options: Git Bash rewrites arguments
        # that look like POSIX paths.
        "$dumpbin" -nologo -dependents "$1" | tr -d '\r' |
            sed -n 's/^    \([^ ].*\.[A-Za-z0-9]*\)$/\1/p'
    else
        "$objdump" -p "$1" | tr -d '\r' | sed -n 's/^[[:space:]]*DLL Name: \(.*\)$/\1/p'
    fi | tr '[:upper:]' '[:lower:]' | sort -u
}

problems=0
problem() { echo "::error::check-dependencies: $*"; problems=$((problems + 1)); }

mapfile -d '' files < <(find "$root" -type f \( -iname '*.exe' -o -iname '*.dll' \) -print0)
[ ${#files[@]} -gt 0 ] || die "no .exe or .dll under $root"

checked=0
for f in "${files[@]}"; do
    rel=${f#"$root"/}
    imports=$(imports_of "$f")
    echo "  $rel: $(tr '\n' ' ' <<<"$imports")"
    # (A failing tool ends the script: pipefail and set -e.)
    [ -n "$imports" ] || echo "::warning::check-dependencies: $rel imports no DLL (resource-only?)"
    while IFS= read -r dll; do
        [ -n "$dll" ] || continue
        case "$dll" in
            api-ms-win-* | ext-ms-*) continue ;;
            vcruntime* | msvcp* | concrt* | vccorlib*)
                [ -f "$bin/$dll" ] || problem "$rel needs $dll (the Visual C++ runtime), which is not in $bin"
                continue ;;
        esac
        if [ -f "$bin/$dll" ] || [ -f "$system_dir/$dll" ]; then
            continue
        fi
        problem "$rel needs $dll, which is neither in $bin nor part of Windows"
    done <<<"$imports"
    case "$(basename "$f" | tr '[:upper:]' '[:lower:]')" in
        *openssl* | libssl* | libcrypto*) problem "$rel is OpenSSL; the app must use Windows' TLS (Schannel)" ;;
    esac
    checked=$((checked + 1))
done

if [ "$problems" -gt 0 ]; then
    echo "check-dependencies: $problems problem(s) in $checked files under $root" >&2
    exit 1
fi
echo "check-dependencies: all $checked .exe and .dll files under $root load only DLLs from $bin or Windows ($tool)"
