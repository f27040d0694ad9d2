# gatehouse_add_test(NAME source...): one Qt Test executable, registered with CTest.
# Tests run with the offscreen platform so GUI tests need no display, and in
# English (GATEHOUSE_LANG=en) whatever the machine's locale.
function(gatehouse_add_test name)
    add_executable(${name} ${ARGN})
    target_link_libraries(${name} PRIVATE gatehouse_core gatehouse_test_support Qt6::Test gatehouse_common_cfg)
    add_test(NAME ${name} COMMAND $<TARGET_FILE:${name}>)
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;GATEHOUSE_BIN_DIR=${CMAKE_BINARY_DIR}/bin;GATEHOUSE_LANG=en"
        TIMEOUT 300)
endfunction()
