#!/bin/sh
# Renders the README pictures from the real app on the sandbox tenant, in the
# light and the dark scheme, to resources/screenshots/*.png:
#   main-window-{light,dark}.png, assign-flow-{light,dark}.png, request-log-{light,dark}.png
# and, from the small-screen test on a 1280×720 screen, main-window-1280x720.png.
# Usage: tools/screenshots.sh [PRESET]   (default: ci; the build must be configured)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
preset=${1:-ci}
cmake --build --preset "$preset" --target tst_screenshots
test="$root/build/$preset/tests/gui/tst_screenshots"
EA_SCREENSHOT_DIR="$root/resources/screenshots" QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$test"

# The small-screen test runs through ctest, which gives it its screen.
cmake --build --preset "$preset" --target tst_smallscreen
shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
EA_SCREENSHOT_DIR="$shots" ctest --test-dir "$root/build/$preset" -R '^tst_smallscreen_1280x720_at_1$' --output-on-failure
cp "$shots/smallscreen-1280x720-3-group-picked.png" "$root/resources/screenshots/main-window-1280x720.png"
ls -l "$root"/resources/screenshots/*-light.png "$root"/resources/screenshots/*-dark.png \
    "$root"/resources/screenshots/main-window-1280x720.png
