# CPACK_POST_BUILD_SCRIPTS (macOS): sign, notarize and staple the DMG that
# CPack made. Skipped, with a message, without a Developer ID or notary
# credentials (see sign-and-notarize.sh).
foreach(package IN LISTS CPACK_PACKAGE_FILES)
    if(package MATCHES "\\.dmg$")
        execute_process(
            COMMAND "${CPACK_EA_SIGN_SCRIPT}" notarize "${package}"
            RESULT_VARIABLE result)
        if(NOT result EQUAL 0)
            message(FATAL_ERROR "cpack-notarize-dmg: notarizing ${package} failed (${result})")
        endif()
    endif()
endforeach()
