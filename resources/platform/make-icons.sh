#!/usr/bin/env bash
# Regenerates the checked-in platform icons from resources/icons/app.svg:
#   icons/hicolor/<N>x<N>/apps/<app id>.png   Linux (hicolor theme), N = 16..512
#   enrollment-assigner.ico                   Windows (executable, installer, shortcuts)
#   enrollment-assigner.icns                  macOS (the .app bundle)
# The results are committed so that no build machine needs these tools. Run it
# after changing app.svg. Needs: rsvg-convert (librsvg2-bin), convert
# (imagemagick), png2icns (icnsutils) -- all in Debian.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/../icons/app.svg"
app_id=io.github.enrollmentassigner.EnrollmentAssigner
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() { rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio --output "$2" "$svg"; }

for size in 16 24 32 48 64 128 256 512; do
    dir="$here/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    render "$size" "$dir/$app_id.png"
done

# Windows: one .ico holding every size the shell asks for (256 is stored as PNG).
ico_sizes=(16 20 24 32 40 48 64 128 256)
ico_inputs=()
for size in "${ico_sizes[@]}"; do
    render "$size" "$tmp/ico-$size.png"
    ico_inputs+=("$tmp/ico-$size.png")
done
convert "${ico_inputs[@]}" "$here/enrollment-assigner.ico"

# macOS: png2icns picks the icon type from each PNG's size.
icns_inputs=()
for size in 16 32 128 256 512 1024; do
    render "$size" "$tmp/icns-$size.png"
    icns_inputs+=("$tmp/icns-$size.png")
done
png2icns "$here/enrollment-assigner.icns" "${icns_inputs[@]}" >/dev/null

echo "icons written under $here"
