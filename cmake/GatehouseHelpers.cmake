# Precompiled headers (GATEHOUSE_PCH): a target compiles one of cmake/pch/*.h
# once, or reuses the one another target with the same flags compiled. Qt's
# headers are what every file parses first; this saves a sixth of a clean build.
function(gatehouse_precompile target header)
    if(GATEHOUSE_PCH)
        target_precompile_headers(${target} PRIVATE
            "$<$<COMPILE_LANGUAGE:CXX>:${PROJECT_SOURCE_DIR}/cmake/pch/${header}>")
    endif()
endfunction()

# Unity build (GATEHOUSE_UNITY): the target's sources are compiled eight to a
# file, so Qt's inline code is compiled and (in the sanitizer builds)
# instrumented once per batch instead of once per source. A source file's
# file-local names must therefore not collide with another's in the target.
function(gatehouse_unity target)
    if(GATEHOUSE_UNITY)
        set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
    endif()
endfunction()

function(gatehouse_reuse_pch target from)
    if(GATEHOUSE_PCH)
        target_precompile_headers(${target} REUSE_FROM ${from})
    endif()
endfunction()

# Test code (the tests, tests/support) is compiled without optimisation and
# with line tables only (-g1) in every build type, and without ASan and UBSan in
# the asan build: it is most of a clean build, and the code it tests (the core,
# the GUI library, the programs) keeps the build type's flags, so the sanitizers
# still check every line the suite runs in the product. GATEHOUSE_UNDER_ASAN
# tells a test that the code it drives runs under AddressSanitizer. Its
# precompiled header comes from gatehouse_test_pch (tests/support), made with
# the same flags; no precompiled header may hold a QtTest header, since those
# name QT_TESTCASE_SOURCEDIR, which Qt defines per target, and GCC refuses a
# header precompiled with another value.
add_library(gatehouse_test_cfg INTERFACE)
target_link_libraries(gatehouse_test_cfg INTERFACE gatehouse_common_cfg)
if(MSVC)
    target_compile_options(gatehouse_test_cfg INTERFACE $<$<NOT:$<CONFIG:Debug>>:/Od>)
else()
    target_compile_options(gatehouse_test_cfg INTERFACE $<$<NOT:$<CONFIG:Debug>>:-O0> -g1)
    if(GATEHOUSE_SANITIZER STREQUAL "address")
        target_compile_options(gatehouse_test_cfg INTERFACE -fno-sanitize=address,undefined)
        target_compile_definitions(gatehouse_test_cfg INTERFACE GATEHOUSE_UNDER_ASAN)
    endif()
endif()

# gatehouse_add_test(NAME source...): one Qt Test executable, registered with
# CTest. Tests run with the offscreen platform so GUI tests need no display, and
# in English (GATEHOUSE_LANG=en) whatever the machine's locale.
function(gatehouse_add_test name)
    add_executable(${name} ${ARGN})
    target_link_libraries(${name} PRIVATE gatehouse_core gatehouse_test_support Qt6::Test gatehouse_test_cfg)
    gatehouse_reuse_pch(${name} gatehouse_test_pch)
    if(GATEHOUSE_SANITIZER STREQUAL "thread")
        target_link_libraries(${name} PRIVATE gatehouse_test_tsan)
    endif()
    # A test includes its moc output (tst_x.moc), so AUTOMOC's own file stays empty:
    # loading the precompiled header for it would cost more than compiling it.
    set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/${name}_autogen/mocs_compilation.cpp
        TARGET_DIRECTORY ${name} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    add_test(NAME ${name} COMMAND $<TARGET_FILE:${name}>)
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;GATEHOUSE_BIN_DIR=${CMAKE_BINARY_DIR}/bin;GATEHOUSE_LANG=en"
        TIMEOUT 300)
endfunction()
