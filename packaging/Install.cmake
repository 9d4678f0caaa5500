# install() rules for the three executables and the files a desktop needs.
#
#   Linux    GNUInstallDirs: bin/, lib/enrollment-assigner/plugins (the
#            keychain module), share/applications, share/metainfo,
#            share/icons/hicolor, share/doc/enrollment-assigner. Qt comes from
#            the distribution (the DEB depends on it), so nothing of Qt is copied.
#   Windows  bin/ holds the three .exe files and the keychain module;
#            Deploy.cmake adds the Qt DLLs, plugins/, translations/ and
#            qt.conf, and the MSVC runtime.
#   macOS    EnrollmentAssigner.app at the top (the DMG shows it next to an
#            Applications link); the console programs inside it, in
#            Contents/MacOS, using the bundle's Qt frameworks; the keychain
#            module in Contents/PlugIns/enrollment-assigner.
#
# The user's data is never under the install prefix: the audit journal is in
# QStandardPaths::AppDataLocation ("Enrollment Assigner/Enrollment Assigner"
# under %APPDATA%, ~/.local/share or ~/Library/Application Support), settings
# in QSettings' native place, the refresh token in the OS keychain. Removing
# the program therefore leaves them alone.

if(APPLE)
    install(TARGETS ${EA_GUI_TARGET} BUNDLE DESTINATION . COMPONENT Runtime)
    install(TARGETS ${EA_CONSOLE_TARGETS}
        RUNTIME DESTINATION "${EA_MACOS_BUNDLE_NAME}.app/Contents/MacOS" COMPONENT Runtime)
    set(EA_INSTALL_TRANSLATIONSDIR "${EA_MACOS_BUNDLE_NAME}.app/Contents/Resources/translations")
    set(ea_gui_dir "${EA_MACOS_BUNDLE_NAME}.app/Contents/MacOS")
else()
    install(TARGETS ${EA_GUI_TARGET} ${EA_CONSOLE_TARGETS}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)
    if(WIN32)
        # Beside Qt's own qt_*.qm, which windeployqt puts in <prefix>/translations.
        set(EA_INSTALL_TRANSLATIONSDIR "translations")
    else()
        set(EA_INSTALL_TRANSLATIONSDIR "${CMAKE_INSTALL_DATADIR}/enrollment-assigner/translations")
    endif()
    set(ea_gui_dir "${CMAKE_INSTALL_BINDIR}")
endif()

# The keychain module (ea_keychain, app/CMakeLists.txt), which the programs
# load on the first use of a stored sign-in. ea_core looks next to the
# executable, then in this folder relative to it (auth/SystemTokenStore.cpp),
# so the installed tree can be moved as a whole (the TGZ).
if(APPLE)
    set(ea_keychain_dir "${EA_MACOS_BUNDLE_NAME}.app/Contents/PlugIns/enrollment-assigner")
    # Qt and qtkeychain are in the bundle's Frameworks (macdeployqt, Deploy.cmake).
    set_target_properties(ea_keychain PROPERTIES INSTALL_RPATH "@loader_path/../../Frameworks")
elseif(WIN32)
    # Beside the executables, qtkeychain's DLL and Qt's (Deploy.cmake).
    set(ea_keychain_dir "${CMAKE_INSTALL_BINDIR}")
else()
    # A private folder (Debian policy: /usr/lib/<package>), not on the
    # library path. One level below it: CPackDeb adds ldconfig calls to the
    # DEB's maintainer scripts for any shared object directly in a
    # subfolder of /usr/lib, which lintian rejects for a private plugin.
    set(ea_keychain_dir "${CMAKE_INSTALL_LIBDIR}/enrollment-assigner/plugins")
endif()
install(TARGETS ea_keychain LIBRARY DESTINATION "${ea_keychain_dir}" COMPONENT Runtime)
file(RELATIVE_PATH ea_keychain_relative "/prefix/${ea_gui_dir}" "/prefix/${ea_keychain_dir}")
if(ea_keychain_relative STREQUAL "")
    set(ea_keychain_relative ".")
endif()
target_compile_definitions(ea_core PRIVATE EA_KEYCHAIN_MODULE_RELATIVE_DIR="${ea_keychain_relative}")

if(UNIX AND NOT APPLE)
    # qt_standard_project_setup() gives every executable an $ORIGIN RUNPATH for
    # project libraries in lib/. Ours are static, so the installed programs
    # need none (and Debian policy forbids a needless one); the keychain
    # module finds qtkeychain on the system's library path too.
    set_target_properties(${EA_GUI_TARGET} ${EA_CONSOLE_TARGETS} ea_keychain PROPERTIES INSTALL_RPATH "")

    install(FILES "${EA_PLATFORM_DIR}/${EA_APP_ID}.desktop"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT Runtime)

    configure_file("${EA_PLATFORM_DIR}/${EA_APP_ID}.metainfo.xml.in"
        "${PROJECT_BINARY_DIR}/packaging/${EA_APP_ID}.metainfo.xml" @ONLY)
    install(FILES "${PROJECT_BINARY_DIR}/packaging/${EA_APP_ID}.metainfo.xml"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT Runtime)

    # PNGs at the hicolor sizes (resources/platform/make-icons.sh) plus the SVG.
    install(DIRECTORY "${EA_PLATFORM_DIR}/icons/hicolor"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons COMPONENT Runtime)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/app.svg"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME "${EA_APP_ID}.svg" COMPONENT Runtime)

    # The copyright file and the changelog (Debian policy wants both; they
    # serve the TGZ just as well) and manual pages made from --help.
    set(EA_INSTALL_PKGDOCDIR "${CMAKE_INSTALL_DATADIR}/doc/enrollment-assigner")
    install(FILES "${PROJECT_SOURCE_DIR}/packaging/linux/copyright"
        DESTINATION ${EA_INSTALL_PKGDOCDIR} COMPONENT Runtime)

    find_program(EA_GZIP gzip REQUIRED)
    set(ea_doc_dir "${PROJECT_BINARY_DIR}/packaging/doc")
    configure_file("${PROJECT_SOURCE_DIR}/packaging/linux/changelog.in" "${ea_doc_dir}/changelog" @ONLY)
    # -n: no name or time in the gzip header, so the packages are reproducible.
    add_custom_command(OUTPUT "${ea_doc_dir}/changelog.gz"
        COMMAND "${EA_GZIP}" -9 -n -f -k "${ea_doc_dir}/changelog"
        DEPENDS "${ea_doc_dir}/changelog" VERBATIM)
    set(ea_docs "${ea_doc_dir}/changelog.gz")
    install(FILES "${ea_doc_dir}/changelog.gz" DESTINATION ${EA_INSTALL_PKGDOCDIR} COMPONENT Runtime)

    # help2man runs each program's --help, found through PATH so that the page
    # says "enrollment-assigner", not a build path.
    find_program(EA_HELP2MAN help2man)
    if(EA_HELP2MAN)
        set(ea_man_names
            "assign Intune device enrollment configurations through Microsoft Graph"
            "list and assign Intune device enrollment configurations from a terminal"
            "serve the Enrollment Assigner sandbox tenant on 127.0.0.1")
        set(ea_man_targets ${EA_GUI_TARGET} ${EA_CONSOLE_TARGETS})
        foreach(target name IN ZIP_LISTS ea_man_targets ea_man_names)
            if(NOT target) # no sandbox in this build (Packaging.cmake)
                continue()
            endif()
            set(page "${ea_doc_dir}/${target}.1")
            add_custom_command(OUTPUT "${page}.gz"
                COMMAND "${CMAKE_COMMAND}" -E env
                    "PATH=$<TARGET_FILE_DIR:${target}>:$ENV{PATH}"
                    "SOURCE_DATE_EPOCH=${EA_RELEASE_EPOCH}"
                    "${EA_HELP2MAN}" --no-info --section=1 "--name=${name}"
                    "--version-string=${PROJECT_VERSION}"
                    "--output=${page}" "$<TARGET_FILE_NAME:${target}>"
                COMMAND "${EA_GZIP}" -9 -n -f "${page}"
                DEPENDS ${target} VERBATIM)
            list(APPEND ea_docs "${page}.gz")
            install(FILES "${page}.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT Runtime)
        endforeach()
    else()
        message(STATUS "help2man not found: the packages will have no manual pages")
    endif()
    add_custom_target(ea_package_docs ALL DEPENDS ${ea_docs})
endif()

# Translations. qt_add_translations() embeds the .qm files in the executable
# by default (resource prefix /i18n); then there is nothing to install and the
# installed GUI finds them wherever it is. If the translations are kept as
# files instead (QM_FILES_OUTPUT_VARIABLE), append them to the global property
# EA_TRANSLATION_FILES:
#     set_property(GLOBAL APPEND PROPERTY EA_TRANSLATION_FILES ${qm_files})
# They are installed to EA_INSTALL_TRANSLATIONSDIR, and the GUI gets that
# folder, relative to its own executable, as EA_TRANSLATIONS_RELATIVE_DIR
# (QCoreApplication::applicationDirPath() + '/' + EA_TRANSLATIONS_RELATIVE_DIR).
get_property(ea_translation_files GLOBAL PROPERTY EA_TRANSLATION_FILES)
if(ea_translation_files)
    install(FILES ${ea_translation_files} DESTINATION "${EA_INSTALL_TRANSLATIONSDIR}" COMPONENT Runtime)
    file(RELATIVE_PATH ea_translations_relative "/prefix/${ea_gui_dir}" "/prefix/${EA_INSTALL_TRANSLATIONSDIR}")
    target_compile_definitions(${EA_GUI_TARGET} PRIVATE EA_TRANSLATIONS_RELATIVE_DIR="${ea_translations_relative}")
endif()
