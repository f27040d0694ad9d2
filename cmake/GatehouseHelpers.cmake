# Precompiled headers (GATEHOUSE_PCH): a target compiles one of cmake/pch/*.h
# once, or reuses the one another target with the same flags compiled. Most of
# a file's compile time is Qt's headers, so this roughly halves a clean build.
function(gatehouse_precompile target header)
    if(GATEHOUSE_PCH)
        target_precompile_headers(${target} PRIVATE
            "$<$<COMPILE_LANGUAGE:CXX>:${PROJECT_SOURCE_DIR}/cmake/pch/${header}>")
    endif()
endfunction()

function(gatehouse_reuse_pch target from)
    if(GATEHOUSE_PCH)
        target_precompile_headers(${target} REUSE_FROM ${from})
    endif()
endfunction()

# gatehouse_add_test(NAME [PCH_FROM target] source...): one Qt Test executable,
# registered with CTest. It reuses the core library's precompiled header, or that
# of PCH_FROM (the GUI tests take the GUI library's). No precompiled header may
# hold a QtTest header: those name QT_TESTCASE_SOURCEDIR, which Qt defines per
# target, and GCC refuses a header precompiled with another value. Tests run with the
# offscreen platform so GUI tests need no display, and in English
# (GATEHOUSE_LANG=en) whatever the machine's locale.
function(gatehouse_add_test name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "PCH_FROM" "")
    if(NOT arg_PCH_FROM)
        set(arg_PCH_FROM gatehouse_core)
    endif()
    add_executable(${name} ${arg_UNPARSED_ARGUMENTS})
    target_link_libraries(${name} PRIVATE gatehouse_core gatehouse_test_support Qt6::Test gatehouse_common_cfg)
    gatehouse_reuse_pch(${name} ${arg_PCH_FROM})
    add_test(NAME ${name} COMMAND $<TARGET_FILE:${name}>)
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;GATEHOUSE_BIN_DIR=${CMAKE_BINARY_DIR}/bin;GATEHOUSE_LANG=en"
        TIMEOUT 300)
endfunction()
