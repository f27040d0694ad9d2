# llhttp (Node's HTTP/1.1 parser), built from the C sources Debian installs with
# the node-llhttp package: /usr/share/llhttp/{api,http,llhttp}.c and
# /usr/share/include/llhttp/llhttp.h. We build from those files rather than
# vendoring a copy, so security updates of the distribution package reach us.
# Elsewhere, point LLHTTP_SOURCE_DIR / LLHTTP_INCLUDE_DIR at a llhttp release.
if(TARGET llhttp)
    return()
endif()

find_path(LLHTTP_INCLUDE_DIR llhttp.h
    HINTS ${LLHTTP_INCLUDE_DIR}
    PATHS /usr/share/include/llhttp /usr/include/llhttp /usr/local/include/llhttp
    DOC "Directory holding llhttp.h")
find_file(LLHTTP_C_SOURCE llhttp.c
    HINTS ${LLHTTP_SOURCE_DIR}
    PATHS /usr/share/llhttp
    DOC "llhttp's generated parser source (llhttp.c)")

if(NOT LLHTTP_INCLUDE_DIR OR NOT LLHTTP_C_SOURCE)
    message(FATAL_ERROR
        "llhttp sources not found (llhttp.h: ${LLHTTP_INCLUDE_DIR}, llhttp.c: ${LLHTTP_C_SOURCE}). "
        "Install the Debian package node-llhttp (apt-get install node-llhttp), "
        "or set LLHTTP_SOURCE_DIR and LLHTTP_INCLUDE_DIR to a llhttp release.")
endif()

get_filename_component(_llhttp_source_dir "${LLHTTP_C_SOURCE}" DIRECTORY)
foreach(_llhttp_file api.c http.c)
    if(NOT EXISTS "${_llhttp_source_dir}/${_llhttp_file}")
        message(FATAL_ERROR "llhttp source ${_llhttp_source_dir}/${_llhttp_file} is missing; "
            "reinstall the Debian package node-llhttp.")
    endif()
endforeach()

file(STRINGS "${LLHTTP_INCLUDE_DIR}/llhttp.h" _llhttp_version_lines REGEX "#define LLHTTP_VERSION_(MAJOR|MINOR|PATCH) ")
string(REGEX REPLACE ".*MAJOR ([0-9]+).*MINOR ([0-9]+).*PATCH ([0-9]+).*" "\\1.\\2.\\3"
    LLHTTP_VERSION "${_llhttp_version_lines}")
message(STATUS "llhttp ${LLHTTP_VERSION}: ${_llhttp_source_dir}")

# Compiled as C with llhttp's own (default) flags, not the project's C++ warning
# set: the generated code is not ours to fix.
add_library(llhttp STATIC
    "${_llhttp_source_dir}/api.c"
    "${_llhttp_source_dir}/http.c"
    "${_llhttp_source_dir}/llhttp.c")
set_target_properties(llhttp PROPERTIES
    LINKER_LANGUAGE C
    C_STANDARD 99
    POSITION_INDEPENDENT_CODE ON)
target_include_directories(llhttp SYSTEM PUBLIC "${LLHTTP_INCLUDE_DIR}")
# Strict mode: llhttp's compile-time switch that rejects more malformed input
# (e.g. a missing CRLF after chunk data). The lenient_* runtime flags all
# default to off (llhttp_init zeroes them) and Gatehouse never turns them on.
target_compile_definitions(llhttp PRIVATE LLHTTP_STRICT_MODE=1)
if(NOT MSVC)
    target_compile_options(llhttp PRIVATE -w)
endif()
