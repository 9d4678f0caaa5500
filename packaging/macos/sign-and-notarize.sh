#!/usr/bin/env bash
# Signs the macOS app and notarizes the DMG. CPack calls it (packaging/macos/
# cpack-*.cmake) during `cpack -G DragNDrop`; it can also be run by hand:
#
#   sign-and-notarize.sh sign-app  PATH/EnrollmentAssigner.app  ENTITLEMENTS.plist
#   sign-and-notarize.sh notarize  PATH/enrollment-assigner-<version>-macos-<arch>.dmg
#
# Driven by environment variables; whatever is not set is skipped with a
# message saying so, and the package is still made:
#
#   EA_MACOS_SIGN_IDENTITY   "Developer ID Application: Name (TEAMID)" (or its
#                            SHA-1). Unset: the app is signed ad hoc, which lets
#                            it run on the machine that built it (and on Apple
#                            silicon at all) but not pass Gatekeeper elsewhere.
#   EA_MACOS_KEYCHAIN        optional keychain holding that identity (CI).
#   Notary credentials, either
#     EA_NOTARY_PROFILE      a keychain profile saved once by
#                            `xcrun notarytool store-credentials` (it asks for
#                            the app-specific password itself; by hand)
#   or all three of (CI)
#     EA_NOTARY_KEY_FILE     an App Store Connect API key (AuthKey_<id>.p8),
#     EA_NOTARY_KEY_ID       its key id and
#     EA_NOTARY_ISSUER_ID    its issuer id.
#   Unset: the DMG is signed, not notarized. No password or key ever goes on a
#   command line (where other processes and logs could read it): notarytool
#   gets a profile name or a file name.
set -euo pipefail

say() { echo "sign-and-notarize: $*"; }
die() { echo "sign-and-notarize: error: $*" >&2; exit 1; }

identity=${EA_MACOS_SIGN_IDENTITY:-}
# codesign's options common to every call (never empty: bash 3.2, macOS's own,
# treats an empty array as unset under `set -u`).
common=(--force)
[ -n "${EA_MACOS_KEYCHAIN:-}" ] && common+=(--keychain "$EA_MACOS_KEYCHAIN")

# Every Mach-O file under a directory, deepest first, so that nested code is
# signed before the code that contains it.
macho_files() {
    find "$1" -type f -print0 | while IFS= read -r -d '' f; do
        if file -b "$f" | grep -q 'Mach-O'; then
            printf '%s\t%s\n' "$(awk -F/ '{print NF}' <<<"$f")" "$f"
        fi
    done | sort -rn | cut -f2-
}

sign_app() {
    local app=$1 entitlements=$2
    [ -d "$app/Contents/MacOS" ] || die "$app is not an app bundle"
    [ -f "$entitlements" ] || die "no entitlements file at $entitlements"
    local main
    main=$(/usr/libexec/PlistBuddy -c 'Print :CFBundleExecutable' "$app/Contents/Info.plist")

    local code_args exe_args
    if [ -n "$identity" ]; then
        say "signing $app with '$identity', hardened runtime, secure time stamp"
        code_args=("${common[@]}" --sign "$identity" --timestamp --options runtime)
        exe_args=("${code_args[@]}" --entitlements "$entitlements")
    else
        say "EA_MACOS_SIGN_IDENTITY is not set: signing $app ad hoc (no Developer ID)."
        say "The app will run here but Gatekeeper will stop it on other Macs; notarization will be skipped."
        code_args=("${common[@]}" --sign -)
        exe_args=("${code_args[@]}")
    fi

    # Libraries and plugins first (frameworks as whole bundles), then the
    # console programs beside the GUI, then the bundle, which seals the rest.
    local f
    while IFS= read -r f; do
        case "$f" in
            "$app/Contents/MacOS/"*) ;;
            *.framework/Versions/*) ;;
            *) codesign "${code_args[@]}" "$f" ;;
        esac
    done < <(macho_files "$app/Contents")
    if [ -d "$app/Contents/Frameworks" ]; then
        find "$app/Contents/Frameworks" -maxdepth 1 -name '*.framework' -print0 |
            while IFS= read -r -d '' f; do codesign "${code_args[@]}" "$f"; done
    fi
    for f in "$app/Contents/MacOS/"*; do
        [ "$(basename "$f")" = "$main" ] && continue
        codesign "${exe_args[@]}" "$f"
    done
    codesign "${exe_args[@]}" "$app"

    codesign --verify --deep --strict --verbose=2 "$app"
    say "signature of $app verified"
}

notarize() {
    local dmg=$1
    [ -f "$dmg" ] || die "no such file: $dmg"
    if [ -z "$identity" ]; then
        say "EA_MACOS_SIGN_IDENTITY is not set: $dmg is neither signed nor notarized."
        return 0
    fi
    say "signing $dmg"
    codesign "${common[@]}" --sign "$identity" --timestamp "$dmg"

    local auth=()
    if [ -n "${EA_NOTARY_PROFILE:-}" ]; then
        auth=(--keychain-profile "$EA_NOTARY_PROFILE")
        [ -n "${EA_MACOS_KEYCHAIN:-}" ] && auth+=(--keychain "$EA_MACOS_KEYCHAIN")
    elif [ -n "${EA_NOTARY_KEY_FILE:-}" ] && [ -n "${EA_NOTARY_KEY_ID:-}" ] && [ -n "${EA_NOTARY_ISSUER_ID:-}" ]; then
        [ -f "$EA_NOTARY_KEY_FILE" ] || die "EA_NOTARY_KEY_FILE: no such file: $EA_NOTARY_KEY_FILE"
        auth=(--key "$EA_NOTARY_KEY_FILE" --key-id "$EA_NOTARY_KEY_ID" --issuer "$EA_NOTARY_ISSUER_ID")
    else
        say "No notary credentials (EA_NOTARY_PROFILE, or EA_NOTARY_KEY_FILE + EA_NOTARY_KEY_ID + EA_NOTARY_ISSUER_ID):"
        say "$dmg is signed but not notarized; Gatekeeper will warn on other Macs."
        return 0
    fi

    say "submitting $dmg to Apple's notary service and waiting for the verdict"
    local result
    result=$(xcrun notarytool submit "$dmg" "${auth[@]}" --wait --output-format json) || true
    echo "$result"
    if ! grep -q '"status" *: *"Accepted"' <<<"$result"; then
        local id
        id=$(sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' <<<"$result" | head -n 1)
        if [ -n "$id" ]; then xcrun notarytool log "$id" "${auth[@]}" || true; fi
        die "notarization of $dmg was not accepted"
    fi
    xcrun stapler staple "$dmg"
    xcrun stapler validate "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
    say "$dmg is notarized and stapled"
}

case "${1:-}" in
    sign-app) [ $# -eq 3 ] || die "usage: $0 sign-app APP ENTITLEMENTS"; sign_app "$2" "$3" ;;
    notarize) [ $# -eq 2 ] || die "usage: $0 notarize DMG"; notarize "$2" ;;
    *) die "usage: $0 sign-app APP ENTITLEMENTS | notarize DMG" ;;
esac
