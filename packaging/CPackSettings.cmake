# CPack: which packages `cpack` makes in a build tree, per platform.
#   Linux    DEB (for Debian 12 / Ubuntu 24.04 and later) and TGZ
#   Windows  NSIS installer (per user without administrator rights, or per
#            machine with /ALLUSERS) and ZIP
#   macOS    DragNDrop DMG holding the signed and notarized .app
# The packages land in <build>/packages/, each with a .sha256 beside it.

set(CPACK_PACKAGE_NAME "enrollment-assigner")
set(CPACK_PACKAGE_VENDOR "${EA_VENDOR}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_CONTACT "${EA_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "${EA_APP_NAME}")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_OUTPUT_FILE_PREFIX "${PROJECT_BINARY_DIR}/packages")
set(CPACK_STRIP_FILES TRUE)
set(CPACK_VERBATIM_VARIABLES TRUE)
set(CPACK_THREADS 0)
# One package, everything in it: a component-aware generator (NSIS, DragNDrop)
# installs only the components it is told about, so a second install component
# added later (docs, a plugin) would otherwise leave the installer offering a
# choice or, with none selected, installing nothing.
set(CPACK_MONOLITHIC_INSTALL ON)
set(CPACK_PACKAGE_DESCRIPTION [=[
A desktop tool for Microsoft Intune administrators who assign device
enrollment configurations by hand: pick a configuration and a target, read
the exact Microsoft Graph request, press Assign and see the created
assignment. Inputs are checked before anything is sent, duplicates and silent
replacements of other assignments are refused, and every write is recorded
in a local audit journal. A built-in sandbox tenant lets you try everything
without a real tenant.

Contains the GUI (enrollment-assigner), a command-line front end for scripts
(enrollment-assigner-cli) and the sandbox tenant as a local server
(enrollment-assigner-sandbox).]=])

# enrollment-assigner-<version>-<os>-<arch>; DEB names its file the Debian way.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(AMD64|amd64|x86_64|x64)$")
    set(ea_arch x86_64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(arm64|ARM64|aarch64)$")
    set(ea_arch arm64)
else()
    set(ea_arch "${CMAKE_SYSTEM_PROCESSOR}")
endif()
if(APPLE AND CMAKE_OSX_ARCHITECTURES)
    list(JOIN CMAKE_OSX_ARCHITECTURES "-" ea_arch)
endif()
if(WIN32)
    set(ea_os windows)
elseif(APPLE)
    set(ea_os macos)
else()
    string(TOLOWER "${CMAKE_SYSTEM_NAME}" ea_os)
endif()
set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-${ea_os}-${ea_arch}")

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-source")
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build/" "/build-" "/\\.cache/" "/CMakeUserPresets\\.json$")

# NSIS (Windows). Set on every platform, where only the NSIS generator reads
# them, so that `cpack -G NSIS` with Debian's nsis package can check the
# installer script on Linux too.
#
# Our own NSIS template (packaging/windows/NSIS.template.in): CPack's stock one
# demands administrator rights and, without them, installs into Documents.
# Ours installs per user into %LOCALAPPDATA%\Programs and writes only HKCU,
# or, with /ALLUSERS (elevated), per machine into Program Files and HKLM; its
# uninstaller keeps the user's journal and settings unless they ask to delete
# them. It signs the uninstaller and itself through windows/sign.cmake (which
# signs nothing without a certificate, also when checked on Linux).
set(CPACK_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}/windows")
set(CPACK_NSIS_PACKAGE_NAME "${EA_APP_NAME}")
set(CPACK_NSIS_DISPLAY_NAME "${EA_APP_NAME}")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "EnrollmentAssigner")
set(CPACK_NSIS_MUI_ICON "${EA_PLATFORM_DIR}/enrollment-assigner.ico")
set(CPACK_NSIS_MUI_UNIICON "${EA_PLATFORM_DIR}/enrollment-assigner.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "${CMAKE_INSTALL_BINDIR}\\${EA_GUI_TARGET}.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_COMPRESSOR "/SOLID lzma")
# Read by our template only: the GUI to start, and the name of the user's data
# folders and registry key (QCoreApplication's organization name).
set(CPACK_NSIS_EA_GUI_EXE "${CMAKE_INSTALL_BINDIR}\\${EA_GUI_TARGET}.exe")
set(CPACK_NSIS_EA_DATA_NAME "Enrollment Assigner")
set(CPACK_EA_CMAKE_COMMAND "${CMAKE_COMMAND}")
set(CPACK_EA_WINDOWS_SIGN_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/windows/sign.cmake")

if(WIN32)
    set(CPACK_GENERATOR NSIS ZIP)
    # Authenticode: every exe and dll of the staged tree, before either package
    # is made (windows/sign.cmake; skipped without a certificate).
    set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/windows/cpack-sign-files.cmake")
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME "${EA_APP_NAME}")
    # No licence agreement before the DMG opens (the project has no licence
    # yet; once it has, CPACK_RESOURCE_FILE_LICENSE may name it for installers).
    set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)
    # Sign the .app after CPack has staged it and before the DMG is made, then
    # sign, notarize and staple the DMG (packaging/macos/sign-and-notarize.sh;
    # each step says so and is skipped when its credentials are not set).
    set(CPACK_EA_SIGN_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/macos/sign-and-notarize.sh")
    set(CPACK_EA_ENTITLEMENTS "${CMAKE_CURRENT_LIST_DIR}/macos/entitlements.plist")
    set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/macos/cpack-sign-app.cmake")
    set(CPACK_POST_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/macos/cpack-notarize-dmg.cmake")

else()
    set(CPACK_GENERATOR DEB TGZ)

    set(CPACK_DEBIAN_PACKAGE_NAME "${CPACK_PACKAGE_NAME}")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${EA_PACKAGE_MAINTAINER}")
    set(CPACK_DEBIAN_PACKAGE_SECTION admin)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
    # Description: CPACK_PACKAGE_DESCRIPTION_SUMMARY, then CPACK_PACKAGE_DESCRIPTION.
    set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
    # The linked Qt libraries, libstdc++ and libc come from dpkg-shlibdeps.
    # The SVG image-format plugin is loaded at run time (the icons are SVG),
    # so dpkg-shlibdeps cannot see it.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
    # Qt's own translations of its dialogs and the GTK look on GNOME.
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-translations-l10n, qt6-gtk-platformtheme")

    # The TGZ holds the same tree (bin/, share/) and, like the DEB, uses the
    # system's Qt 6 (6.4 or later).
endif()

include(CPack)
