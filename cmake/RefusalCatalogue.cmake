# SPDX-License-Identifier: EUPL-1.2
# A refusal catalogue (src/core/*/refusals.json) becomes an X-macro file for the core, as LLVM's
# .def files: one `INTERVISIE_REFUSAL(code, "nl", "en")` line per refusal, in the catalogue's
# order. The refusal header makes its enum from it and the refusal source its table of texts,
# so the codes, their order and their texts come from one list. The web app imports the same
# JSON. Written at configure time; editing the JSON re-runs CMake.

# A C++ string literal of `text`: UTF-8 stays as it is, backslashes and quotes are escaped.
function(_intervisie_cxx_literal text out)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  set(${out} "\"${text}\"" PARENT_SCOPE)
endfunction()

function(intervisie_refusal_catalogue json def)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${json})
  file(READ ${json} catalogue)
  string(JSON count LENGTH "${catalogue}" refusals)
  if(count EQUAL 0)
    message(FATAL_ERROR "${json}: no refusals")
  endif()
  file(RELATIVE_PATH source ${PROJECT_SOURCE_DIR} ${json})
  set(lines "// Generated from ${source} by cmake/RefusalCatalogue.cmake: edit that file.\n")
  set(seen "")
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    foreach(field code nl en)
      string(JSON ${field} ERROR_VARIABLE missing GET "${catalogue}" refusals ${i} ${field})
      if(missing OR "${${field}}" STREQUAL "")
        message(FATAL_ERROR "${json}: refusal ${i} has no \"${field}\"")
      endif()
    endforeach()
    if(NOT code MATCHES "^[a-z][a-z0-9_]*$")
      message(FATAL_ERROR "${json}: \"${code}\" is not a code (lower case, digits and _)")
    endif()
    if(code IN_LIST seen)
      message(FATAL_ERROR "${json}: \"${code}\" appears twice")
    endif()
    list(APPEND seen ${code})
    _intervisie_cxx_literal("${nl}" nl)
    _intervisie_cxx_literal("${en}" en)
    string(APPEND lines "INTERVISIE_REFUSAL(${code}, ${nl}, ${en})\n")
  endforeach()
  # Written only when it changed, so a configure run does not rebuild the core.
  set(old "")
  if(EXISTS ${def})
    file(READ ${def} old)
  endif()
  if(NOT old STREQUAL lines)
    file(WRITE ${def} "${lines}")
  endif()
endfunction()
