#!/usr/bin/env bash
# Enrollment Assigner's benchmark suite (issue 7), from a clean clone:
#
#     tests/bench/run-benchmarks.sh [--runs N] [--only P1,P2,P3,P4,P5,S] [--profile]
#
# 1. installs what is missing (the build dependencies through .ci/install-deps,
#    then curl, wrk, GNU time, Node.js/npm, and valgrind for --profile), with
#    apt-get, using sudo when not root;
# 2. builds a Release tree in build/bench (the app with the test suites off,
#    plus the bare Qt peers, the paint probe and the group-search benchmark of
#    tests/bench; CMAKE_BUILD_PARALLEL_LEVEL limits the build's jobs);
# 3. installs the Graph JavaScript client into tests/bench/node from its lock file;
# 4. runs every benchmark with its peers against the same sandbox server, 10
#    runs each (interleaved, after a warm-up round), and prints the table of
#    median / min / max and ratios; it is also written to build/bench/results.md
#    (raw samples in build/bench/results.json).
#
# --profile adds instruction counts (valgrind --tool=callgrind) of the CLI, the
# GUI and their peers; the callgrind files stay in build/bench/profiles/ for
# callgrind_annotate. Environment: EA_BENCH_BUILD_DIR (default build/bench),
# QT_QPA_PLATFORM (default offscreen, so no display is needed).
#
# The figures are for comparing peers in one run; the machine's load at the
# time is printed with them.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${EA_BENCH_BUILD_DIR:-$root/build/bench}"

profile=0
for arg in "$@"; do
    [ "$arg" = "--profile" ] && profile=1
done

run_as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. tools ------------------------------------------------------------------
"$root/.ci/install-deps"
tools=(curl wrk time python3)
command -v node >/dev/null && command -v npm >/dev/null || tools+=(nodejs npm)
[ "$profile" -eq 1 ] && tools+=(valgrind)
missing=()
for p in "${tools[@]}"; do
    case "$p" in
        time) [ -x /usr/bin/time ] || missing+=("$p") ;;
        nodejs) missing+=("$p") ;;
        *) command -v "$p" >/dev/null || missing+=("$p") ;;
    esac
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} …" >&2
    export DEBIAN_FRONTEND=noninteractive
    run_as_root apt-get update -qq
    run_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- 2. build --------------------------------------------------------------------
# ccache when it is there (CMake reads these variables at configure time).
if command -v ccache >/dev/null; then
    export CMAKE_CXX_COMPILER_LAUNCHER="${CMAKE_CXX_COMPILER_LAUNCHER:-ccache}"
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEA_BUILD_TESTS=OFF \
    -DEA_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build"

# --- 3. the Node peer ----------------------------------------------------------------
if [ ! -d "$here/node/node_modules/@microsoft/microsoft-graph-client" ] \
    || [ "$here/node/package-lock.json" -nt "$here/node/node_modules/.package-lock.json" ]; then
    (cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- 4. run --------------------------------------------------------------------------
exec python3 "$here/bench.py" --build-dir "$build" --out "$build/results.md" "$@"
