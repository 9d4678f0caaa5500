# CPACK_PRE_BUILD_SCRIPTS (Windows): CPack has staged the install tree; sign
# every .exe and .dll in it before the installer or the ZIP is made (the NSIS
# template signs the uninstaller and the installer itself). sign.cmake says
# what it does, and signs nothing without a certificate.
set(EA_SIGN_PATHS "${CPACK_TEMPORARY_DIRECTORY}")
include("${CPACK_EA_WINDOWS_SIGN_SCRIPT}")
