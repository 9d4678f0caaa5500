# Authenticode signing for the Windows packages. One script for every hook, in
# CMake's script mode so that it runs wherever CPack and makensis do:
#   - cpack-sign-files.cmake (CPACK_PRE_BUILD_SCRIPTS): every .exe and .dll
#     CPack staged, before the installer and the ZIP are made;
#   - NSIS.template.in: the uninstaller (!uninstfinalize) as makensis writes it
#     into the installer, and the finished installer (!finalize), before CPack
#     computes its .sha256.
#
#   cmake "-DEA_SIGN_PATHS=<file or folder>[;...]" -P sign.cmake
#
# Driven by the environment; without a certificate it signs nothing, says so
# and succeeds, so that unsigned test builds are still made:
#   EA_WINDOWS_SIGN_THUMBPRINT  SHA-1 thumbprint of the code-signing certificate
#                               in the current user's certificate store
#                               (Cert:\CurrentUser\My), where the release workflow
#                               imports it: neither the key nor its password is
#                               ever on a command line.
#   EA_WINDOWS_TIMESTAMP_URL    RFC 3161 time-stamp server, so that signatures
#                               outlive the certificate (default: DigiCert's).
#   EA_SIGNTOOL                 signtool.exe; default: the one on PATH, else the
#                               newest Windows SDK's.
# Files that already carry a valid signature (Qt's DLLs, the MSVC runtime) keep
# it. Every file signed here is verified afterwards; any failure is fatal.

cmake_minimum_required(VERSION 3.21)

set(ea_thumbprint "$ENV{EA_WINDOWS_SIGN_THUMBPRINT}")
if(ea_thumbprint STREQUAL "")
    message(STATUS "sign: EA_WINDOWS_SIGN_THUMBPRINT is not set: not signing ${EA_SIGN_PATHS}")
    return()
endif()
if(NOT EA_SIGN_PATHS)
    message(FATAL_ERROR "sign: nothing to sign (pass -DEA_SIGN_PATHS=<file or folder>)")
endif()

set(ea_timestamp_url "$ENV{EA_WINDOWS_TIMESTAMP_URL}")
if(ea_timestamp_url STREQUAL "")
    set(ea_timestamp_url "http://timestamp.digicert.com")
endif()

set(ea_signtool "$ENV{EA_SIGNTOOL}")
if(ea_signtool STREQUAL "")
    find_program(ea_signtool_on_path signtool)
    if(ea_signtool_on_path)
        set(ea_signtool "${ea_signtool_on_path}")
    else()
        # $ENV{ProgramFiles(x86)}: the parentheses cannot be written inside $ENV{}.
        set(ea_pf86_name "ProgramFiles(x86)")
        file(TO_CMAKE_PATH "$ENV{${ea_pf86_name}}" ea_pf86)
        file(GLOB ea_sdk_signtools "${ea_pf86}/Windows Kits/10/bin/*/x64/signtool.exe")
        list(SORT ea_sdk_signtools COMPARE NATURAL ORDER DESCENDING)
        list(GET ea_sdk_signtools 0 ea_signtool)
    endif()
endif()
if(NOT ea_signtool OR NOT EXISTS "${ea_signtool}")
    message(FATAL_ERROR "sign: signtool.exe not found (set EA_SIGNTOOL)")
endif()

set(ea_files "")
foreach(ea_path IN LISTS EA_SIGN_PATHS)
    file(TO_CMAKE_PATH "${ea_path}" ea_path)
    if(IS_DIRECTORY "${ea_path}")
        file(GLOB_RECURSE ea_found "${ea_path}/*.exe" "${ea_path}/*.dll")
        list(APPEND ea_files ${ea_found})
    elseif(EXISTS "${ea_path}")
        list(APPEND ea_files "${ea_path}")
    else()
        message(FATAL_ERROR "sign: no such file or folder: ${ea_path}")
    endif()
endforeach()

set(ea_unsigned "")
foreach(ea_file IN LISTS ea_files)
    execute_process(COMMAND "${ea_signtool}" verify /pa /q "${ea_file}"
        RESULT_VARIABLE ea_result OUTPUT_QUIET ERROR_QUIET)
    if(ea_result EQUAL 0)
        message(STATUS "sign: keeps its signature: ${ea_file}")
    else()
        list(APPEND ea_unsigned "${ea_file}")
    endif()
endforeach()
if(NOT ea_unsigned)
    return()
endif()

# A few files per call (the command line stays short); a time-stamp server
# that fails now and then gets three tries.
list(LENGTH ea_unsigned ea_count)
message(STATUS "sign: signing ${ea_count} file(s) with certificate ${ea_thumbprint}, time stamp from ${ea_timestamp_url}")
while(ea_unsigned)
    list(SUBLIST ea_unsigned 0 20 ea_batch)
    list(LENGTH ea_batch ea_batch_size)
    list(LENGTH ea_unsigned ea_left)
    if(ea_batch_size EQUAL ea_left)
        set(ea_unsigned "")
    else()
        list(SUBLIST ea_unsigned ${ea_batch_size} -1 ea_unsigned)
    endif()
    foreach(ea_try RANGE 1 3)
        execute_process(
            COMMAND "${ea_signtool}" sign /sha1 "${ea_thumbprint}" /s My /fd SHA256 /tr "${ea_timestamp_url}" /td SHA256
                /d "Enrollment Assigner" ${ea_batch}
            RESULT_VARIABLE ea_result)
        if(ea_result EQUAL 0)
            break()
        endif()
        message(STATUS "sign: signtool failed (${ea_result}), try ${ea_try} of 3")
        if(ea_try LESS 3)
            execute_process(COMMAND "${CMAKE_COMMAND}" -E sleep 10)
        endif()
    endforeach()
    if(NOT ea_result EQUAL 0)
        message(FATAL_ERROR "sign: signtool could not sign ${ea_batch}")
    endif()
    foreach(ea_file IN LISTS ea_batch)
        execute_process(COMMAND "${ea_signtool}" verify /pa /q "${ea_file}" RESULT_VARIABLE ea_result)
        if(NOT ea_result EQUAL 0)
            message(FATAL_ERROR "sign: the signature of ${ea_file} does not verify")
        endif()
    endforeach()
endwhile()
