# One INTERFACE target carries the language level, the warnings and the strict
# Qt defines. Every target of ours links it; nothing is set globally.
add_library(ea_project_options INTERFACE)
add_library(EA::ProjectOptions ALIAS ea_project_options)

target_compile_features(ea_project_options INTERFACE cxx_std_20)

target_compile_definitions(ea_project_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    # Anything deprecated before the floor (6.4) must not be used. (6.5 renamed
    # the macro to QT_DISABLE_DEPRECATED_UP_TO but still honours this one.)
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    EA_VERSION_STRING="${PROJECT_VERSION}")

if(MSVC)
    target_compile_options(ea_project_options INTERFACE /W4 /permissive- /utf-8)
    if(EA_WARNINGS_AS_ERRORS)
        target_compile_options(ea_project_options INTERFACE /WX)
    endif()
else()
    target_compile_options(ea_project_options INTERFACE -Wall -Wextra -Wpedantic)
    if(EA_WARNINGS_AS_ERRORS)
        target_compile_options(ea_project_options INTERFACE -Werror)
    endif()
endif()

option(EA_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(EA_SANITIZE AND NOT MSVC)
    target_compile_options(ea_project_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(ea_project_options INTERFACE -fsanitize=address,undefined)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        # GCC's flow analysis sees through the ASan instrumentation badly and
        # reports "may be used uninitialized" for temporaries it created
        # itself (e.g. a pointer-to-member call in a lambda at -O2). The
        # uninstrumented builds keep the warning; ASan finds real reads of
        # uninitialized memory at run time instead.
        target_compile_options(ea_project_options INTERFACE -Wno-maybe-uninitialized)
    endif()
endif()
