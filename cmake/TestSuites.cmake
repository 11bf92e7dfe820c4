# SPDX-License-Identifier: EUPL-1.2
# Registers a GoogleTest binary with CTest as one test per test suite (`Suite.*`), not one per
# test: a process per test cost ~0.25 s of start-up under ASan, 900 times over. The list is
# read from the binary after each build (`--gtest_list_tests`), as gtest_discover_tests does.
#   intervisie_add_test_suites(<target>)
# Run as a script (-P) it writes the list: -D BINARY= -D WORKING_DIR= -D PREFIX= -D OUT=.

if(CMAKE_SCRIPT_MODE_FILE)
  execute_process(COMMAND "${BINARY}" --gtest_list_tests
                  WORKING_DIRECTORY "${WORKING_DIR}"
                  OUTPUT_VARIABLE listing RESULT_VARIABLE result TIMEOUT 60)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${BINARY} --gtest_list_tests failed (${result}):\n${listing}")
  endif()
  string(REPLACE "\n" ";" lines "${listing}")
  set(script "")
  foreach(line IN LISTS lines)
    # Suites start in the first column and end with '.'; tests are indented under them.
    if(line MATCHES "^([A-Za-z0-9_/]+)\\.")
      set(suite "${CMAKE_MATCH_1}")
      string(APPEND script
        "add_test([=[${PREFIX}/${suite}]=] [=[${BINARY}]=] [=[--gtest_filter=${suite}.*]=])\n"
        # No SKIP_REGULAR_EXPRESSION: one skipped test would mark the whole suite skipped, and
        # CTest would then not count a failure beside it.
        "set_tests_properties([=[${PREFIX}/${suite}]=] PROPERTIES "
        "WORKING_DIRECTORY [=[${WORKING_DIR}]=])\n")
    endif()
  endforeach()
  file(WRITE "${OUT}" "${script}")
  return()
endif()

function(intervisie_add_test_suites target)
  set(list_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_suites.cmake")
  set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_include.cmake")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND "${CMAKE_COMMAND}" -D "BINARY=$<TARGET_FILE:${target}>"
            -D "WORKING_DIR=${CMAKE_CURRENT_BINARY_DIR}" -D "PREFIX=${target}"
            -D "OUT=${list_file}" -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}"
    BYPRODUCTS "${list_file}" VERBATIM)
  file(WRITE "${include_file}"
    "if(EXISTS [=[${list_file}]=])\n  include([=[${list_file}]=])\nelse()\n"
    "  add_test([=[${target}_NOT_BUILT]=] [=[${target}_NOT_BUILT]=])\nendif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
endfunction()
