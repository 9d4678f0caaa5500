# CPACK_PRE_BUILD_SCRIPTS (macOS): CPack has staged the install tree; sign the
# .app in it before the DMG is made. sign-and-notarize.sh decides between a
# Developer ID signature and an ad-hoc one and says which.
file(GLOB ea_apps LIST_DIRECTORIES true
    "${CPACK_TEMPORARY_DIRECTORY}/*.app" "${CPACK_TEMPORARY_DIRECTORY}/*/*.app")
if(NOT ea_apps)
    message(FATAL_ERROR "cpack-sign-app: no .app under ${CPACK_TEMPORARY_DIRECTORY}")
endif()
foreach(app IN LISTS ea_apps)
    execute_process(
        COMMAND "${CPACK_EA_SIGN_SCRIPT}" sign-app "${app}" "${CPACK_EA_ENTITLEMENTS}"
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "cpack-sign-app: signing ${app} failed (${result})")
    endif()
endforeach()
