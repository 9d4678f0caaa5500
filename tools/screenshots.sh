#!/bin/sh
# Renders the README pictures from the real app on the sandbox tenant, in the
# light and the dark scheme, to resources/screenshots/*.png:
#   main-window-{light,dark}.png, assign-flow-{light,dark}.png, request-log-{light,dark}.png
# Usage: tools/screenshots.sh [PRESET]   (default: ci; the build must be configured)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
preset=${1:-ci}
cmake --build --preset "$preset" --target tst_screenshots
test="$root/build/$preset/tests/gui/tst_screenshots"
EA_SCREENSHOT_DIR="$root/resources/screenshots" QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$test"
ls -l "$root"/resources/screenshots/*-light.png "$root"/resources/screenshots/*-dark.png
