# Qt deployment: windeployqt (Windows) and macdeployqt (macOS) copy the Qt
# libraries, plugins and qt.conf the GUI needs into the install tree, through
# qt_generate_deploy_app_script(). No list of Qt files is kept here.
#
# The one place that knows how deployment differs between platforms and Qt
# versions:
#   - Linux: nothing is deployed. The DEB depends on the distribution's Qt
#     (Debian policy: no private copies of libraries Debian ships), and the TGZ
#     expects the same Qt packages. (Qt 6.5+ could deploy on Linux too; we do
#     not want that.)
#   - Qt 6.4 (the floor) names the output FILENAME_VARIABLE and has no
#     NO_COMPILER_RUNTIME; Qt 6.5+ names it OUTPUT_SCRIPT; only 6.7+ passes
#     options to the deploy tool (DEPLOY_TOOL_OPTIONS).
# The console programs need a subset of the GUI's Qt libraries (Core, Network)
# and sit next to it (bin/ on Windows, Contents/MacOS in the bundle), so the
# GUI's deployment serves all three.

if(NOT (WIN32 OR APPLE))
    return()
endif()

set(ea_deploy_options "")
if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
    set(ea_deploy_output OUTPUT_SCRIPT)
    if(WIN32)
        # The MSVC runtime DLLs come from InstallRequiredSystemLibraries below,
        # installed next to the executables (app-local), rather than as the
        # vc_redist installer windeployqt would drop into bin/.
        list(APPEND ea_deploy_options NO_COMPILER_RUNTIME)
    endif()
else()
    set(ea_deploy_output FILENAME_VARIABLE)
endif()

# Shared libraries from outside Qt (qtkeychain, for the refresh token in the
# OS keychain; only the keychain module links it). windeployqt copies only Qt's DLLs, so Windows installs the
# library's DLL from its imported target; macdeployqt copies any library the
# app loads, but finds one named @rpath/... only in Qt's own folder unless
# told where else to look (-libpath, passed through since Qt 6.7).
find_package(Qt6Keychain CONFIG QUIET)
set(ea_external_libraries "")
foreach(library IN ITEMS qt6keychain)
    if(TARGET ${library})
        get_target_property(type ${library} TYPE)
        if(type STREQUAL "SHARED_LIBRARY")
            list(APPEND ea_external_libraries ${library})
        endif()
    endif()
endforeach()
if(WIN32 AND ea_external_libraries)
    install(IMPORTED_RUNTIME_ARTIFACTS ${ea_external_libraries}
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT Runtime)
endif()

# macOS: macdeployqt also fixes the console programs and the keychain module
# inside the bundle (their references to Qt, the module's to qtkeychain, their
# rpath), and learns where qtkeychain is. Both go through DEPLOY_TOOL_OPTIONS,
# which Qt 6.7 introduced; older Qt relies on the INSTALL_RPATH of the console
# programs (Platform.cmake) and of the module (Install.cmake) instead.
if(APPLE AND Qt6_VERSION VERSION_GREATER_EQUAL 6.7)
    set(ea_tool_options "")
    foreach(target IN LISTS EA_CONSOLE_TARGETS)
        list(APPEND ea_tool_options "-executable=${EA_MACOS_BUNDLE_NAME}.app/Contents/MacOS/${target}")
    endforeach()
    # Where Install.cmake puts the module (ea_keychain_dir); a MODULE library
    # is named with the module prefix and suffix.
    list(APPEND ea_tool_options "-executable=${ea_keychain_dir}/${CMAKE_SHARED_MODULE_PREFIX}ea_keychain${CMAKE_SHARED_MODULE_SUFFIX}")
    foreach(library IN LISTS ea_external_libraries)
        foreach(property IN ITEMS IMPORTED_LOCATION_RELEASE IMPORTED_LOCATION_RELWITHDEBINFO IMPORTED_LOCATION)
            get_target_property(location ${library} ${property})
            if(location)
                get_filename_component(directory "${location}" DIRECTORY)
                list(APPEND ea_tool_options "-libpath=${directory}")
                break()
            endif()
        endforeach()
    endforeach()
    list(REMOVE_DUPLICATES ea_tool_options)
    list(APPEND ea_deploy_options DEPLOY_TOOL_OPTIONS ${ea_tool_options})
elseif(APPLE AND ea_external_libraries)
    message(WARNING "Qt ${Qt6_VERSION} passes no options to macdeployqt: ${ea_external_libraries} "
        "may be missing from the bundle or unusable by the console programs (use Qt 6.7 or later)")
endif()

qt_generate_deploy_app_script(
    TARGET ${EA_GUI_TARGET}
    ${ea_deploy_output} ea_deploy_script
    ${ea_deploy_options})
install(SCRIPT "${ea_deploy_script}" COMPONENT Runtime)

# TLS: the operating system's own (Schannel on Windows, Secure Transport on
# macOS), whose trust store holds the organisation's root CA. Both deploy tools
# also copy Qt's OpenSSL backend, which Qt prefers whenever it can load an
# OpenSSL library, and on Windows it takes any libssl-3-x64.dll found on PATH
# (Git, Perl, other tools bring one). The package drops that backend so that
# the TLS in use never depends on what else is installed; the release workflow
# checks "TLS backend: schannel" / "securetransport" from
# `enrollment-assigner-cli --version` with such a DLL on PATH.
if(WIN32)
    set(ea_tls_plugin_dir "plugins/tls")
else()
    set(ea_tls_plugin_dir "${EA_MACOS_BUNDLE_NAME}.app/Contents/PlugIns/tls")
endif()
install(CODE "
    file(GLOB ea_openssl_backends \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${ea_tls_plugin_dir}/*qopensslbackend*\")
    foreach(backend IN LISTS ea_openssl_backends)
        message(STATUS \"Removing (the OS's TLS is used): \${backend}\")
        file(REMOVE \"\${backend}\")
    endforeach()
" COMPONENT Runtime)

# Qt's own translations (standard buttons, the file dialog). windeployqt puts a
# merged qt_<lang>.qm per language into <prefix>/translations; macdeployqt puts
# none into the bundle, so it gets qtbase_<lang>.qm for each language the app
# speaks (translations/enrollment-assigner_<lang>.ts), where the GUI looks
# (ui/Language.cpp: Contents/Resources/translations).
if(APPLE)
    file(GLOB ea_app_ts RELATIVE "${PROJECT_SOURCE_DIR}/translations"
        "${PROJECT_SOURCE_DIR}/translations/enrollment-assigner_*.ts")
    set(ea_qt_translations_dir "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_TRANSLATIONS}")
    foreach(ts IN LISTS ea_app_ts)
        string(REGEX REPLACE "^enrollment-assigner_(.+)\\.ts$" "\\1" lang "${ts}")
        if(EXISTS "${ea_qt_translations_dir}/qtbase_${lang}.qm")
            install(FILES "${ea_qt_translations_dir}/qtbase_${lang}.qm"
                DESTINATION "${EA_MACOS_BUNDLE_NAME}.app/Contents/Resources/translations" COMPONENT Runtime)
        else()
            message(WARNING "No qtbase_${lang}.qm in ${ea_qt_translations_dir}: Qt's own strings (standard "
                "buttons) stay English in the ${lang} app (install Qt's translations)")
        endif()
    endforeach()
endif()

if(WIN32)
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT Runtime)
    set(CMAKE_INSTALL_UCRT_LIBRARIES FALSE) # part of Windows 10 and later
    include(InstallRequiredSystemLibraries)
endif()
