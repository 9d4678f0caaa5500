# Packaging: install rules, Qt deployment, platform metadata and CPack.
# Included at the end of the top-level CMakeLists.txt, once every target
# exists. packaging/README.md says how to install and how to make a release.
#
#   Platform.cmake       Info.plist and .icns (macOS), version resources (Windows)
#   Install.cmake        install() rules for the three executables and their data
#   Deploy.cmake         windeployqt / macdeployqt through qt_generate_deploy_app_script()
#   CPackSettings.cmake  DEB + TGZ (Linux), NSIS + ZIP (Windows), DragNDrop (macOS)
#
# Every version number comes from project(VERSION); nothing here repeats it.

include(GNUInstallDirs)

# One reverse-DNS id: the macOS bundle identifier, the .desktop file and
# AppStream component id, and the name of the icon in the hicolor theme.
set(EA_APP_ID "io.github.enrollmentassigner.EnrollmentAssigner")
set(EA_APP_NAME "Enrollment Assigner")
set(EA_VENDOR "Enrollment Assigner authors")
set(EA_PLATFORM_DIR "${PROJECT_SOURCE_DIR}/resources/platform")
set(EA_GUI_TARGET enrollment-assigner)
# The sandbox last: a build without it (EA_WITH_SANDBOX=OFF) leaves it out,
# and the lists of names paired with these targets just run one short.
set(EA_CONSOLE_TARGETS enrollment-assigner-cli)
if(EA_WITH_SANDBOX)
    list(APPEND EA_CONSOLE_TARGETS enrollment-assigner-sandbox)
endif()

set(EA_PACKAGE_MAINTAINER "Enrollment Assigner maintainers <maintainers@enrollment-assigner.invalid>"
    CACHE STRING "Name <address> of whoever answers for the packages (DEB Maintainer, changelog)")

# The date of the release is the date of the commit being built, so building a
# tag twice gives the same packages; outside git, SOURCE_DATE_EPOCH or today.
find_package(Git QUIET)
if(GIT_FOUND)
    execute_process(COMMAND "${GIT_EXECUTABLE}" log -1 --format=%cs%n%cD%n%ct
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        OUTPUT_VARIABLE ea_commit_dates OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    string(REPLACE "\n" ";" ea_commit_dates "${ea_commit_dates}")
endif()
list(LENGTH ea_commit_dates ea_commit_date_count)
if(ea_commit_date_count EQUAL 3)
    list(GET ea_commit_dates 0 EA_RELEASE_DATE)          # 2026-11-29
    list(GET ea_commit_dates 1 EA_RELEASE_DATE_RFC2822)  # Sun, 29 Nov 2026 08:23:00 +0000
    list(GET ea_commit_dates 2 EA_RELEASE_EPOCH)         # 1795854180
else()
    string(TIMESTAMP EA_RELEASE_DATE "%Y-%m-%d" UTC)
    string(TIMESTAMP EA_RELEASE_DATE_RFC2822 "%a, %d %b %Y %H:%M:%S +0000" UTC)
    string(TIMESTAMP EA_RELEASE_EPOCH "%s" UTC)
endif()
string(SUBSTRING "${EA_RELEASE_DATE}" 0 4 EA_RELEASE_YEAR)
set(EA_COPYRIGHT "Copyright (C) ${EA_RELEASE_YEAR} ${EA_VENDOR}")

include(${CMAKE_CURRENT_LIST_DIR}/Platform.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/Install.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/Deploy.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/CPackSettings.cmake)
