// SPDX-License-Identifier: EUPL-1.2
// Reads one method file (TOML) into a Method, or names the first problem and its line.
// Pure: the caller reads the file; this sees only its text.
#pragma once

#include "core/method/method.hpp"
#include "core/method/method_error.hpp"

#include <expected>
#include <string_view>

namespace intervisie::core {

struct SourcePosition {
  int line = 0;
  int column = 0;
};

// A method and where its id was written, so checks across files (a duplicate id)
// can point at the line too.
struct ParsedMethod {
  Method method;
  SourcePosition id_position;
};

// Refuses the whole file on the first problem in it (the earliest in the file among
// problems of single values; then checks that span steps, in step order).
std::expected<ParsedMethod, MethodError> parse_method_source(std::string_view toml_text,
                                                             std::string_view source_name);

std::expected<Method, MethodError> parse_method(std::string_view toml_text,
                                                std::string_view source_name);

} // namespace intervisie::core
