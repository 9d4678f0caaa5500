# Platform metadata of the executables: what a .app bundle and a Windows
# installer need. The targets are defined in app/; their properties are set
# here so that all packaging lives in one folder.

if(APPLE)
    # The bundle: EnrollmentAssigner.app/Contents/MacOS/EnrollmentAssigner.
    # (No space in the name: the Qt deploy scripts pass it unquoted.)
    set(EA_MACOS_BUNDLE_NAME "EnrollmentAssigner")
    set(EA_MACOS_ICON_FILE "enrollment-assigner.icns")
    set(EA_MACOS_MINIMUM_VERSION "${CMAKE_OSX_DEPLOYMENT_TARGET}")
    if(NOT EA_MACOS_MINIMUM_VERSION)
        set(EA_MACOS_MINIMUM_VERSION "12.0")
    endif()
    configure_file("${EA_PLATFORM_DIR}/Info.plist.in" "${PROJECT_BINARY_DIR}/packaging/Info.plist" @ONLY)

    set(icns "${EA_PLATFORM_DIR}/${EA_MACOS_ICON_FILE}")
    target_sources(${EA_GUI_TARGET} PRIVATE "${icns}")
    set_source_files_properties("${icns}" TARGET_DIRECTORY ${EA_GUI_TARGET}
        PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set_target_properties(${EA_GUI_TARGET} PROPERTIES
        OUTPUT_NAME "${EA_MACOS_BUNDLE_NAME}"
        MACOSX_BUNDLE_INFO_PLIST "${PROJECT_BINARY_DIR}/packaging/Info.plist")

    # The console programs are installed inside the bundle, next to the GUI
    # executable, and load the Qt frameworks that macdeployqt puts there
    # (Deploy.cmake also hands them to macdeployqt, which keeps this rpath).
    set_target_properties(${EA_CONSOLE_TARGETS} PROPERTIES
        INSTALL_RPATH "@executable_path/../Frameworks")

    # The icons are SVG. macdeployqt deploys the SVG image-format plugin only
    # when the executable itself loads QtSvg, so the GUI links it on macOS.
    # (windeployqt deploys the plugin anyway; on Linux the DEB depends on it.)
    find_package(Qt6 REQUIRED COMPONENTS Svg)
    target_link_libraries(${EA_GUI_TARGET} PRIVATE Qt6::Svg)

elseif(WIN32)
    # A version resource (Explorer's Details tab, installers, Defender) and the
    # icon, for each of the three executables, from one template.
    set(EA_RC_ICON "${EA_PLATFORM_DIR}/enrollment-assigner.ico")
    foreach(component MAJOR MINOR PATCH)
        set(EA_VERSION_${component} "${PROJECT_VERSION_${component}}")
        if(EA_VERSION_${component} STREQUAL "")
            set(EA_VERSION_${component} 0)
        endif()
    endforeach()
    set(ea_rc_descriptions
        "${EA_APP_NAME}"
        "${EA_APP_NAME} command line"
        "${EA_APP_NAME} sandbox tenant")
    set(ea_rc_targets ${EA_GUI_TARGET} ${EA_CONSOLE_TARGETS})
    foreach(target description IN ZIP_LISTS ea_rc_targets ea_rc_descriptions)
        if(NOT target) # no sandbox in this build (Packaging.cmake)
            continue()
        endif()
        set(EA_RC_NAME "${target}")
        set(EA_RC_DESCRIPTION "${description}")
        set(rc "${PROJECT_BINARY_DIR}/packaging/${target}.rc")
        configure_file("${EA_PLATFORM_DIR}/enrollment-assigner.rc.in" "${rc}" @ONLY)
        target_sources(${target} PRIVATE "${rc}")
    endforeach()
endif()
