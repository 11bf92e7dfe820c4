// SPDX-License-Identifier: EUPL-1.2
// Why a method file was refused, and where: the facilitator who edits the file
// must find the offending line without reading the parser.
#pragma once

#include <string>

namespace intervisie::core {

struct MethodError {
  std::string source; // file name as given to the parser, e.g. "methods/incident.toml"
  int line = 0;       // 1-based; 0 when the problem is not at one place in a file
  int column = 0;     // 1-based; 0 when unknown
  std::string message;

  // "source:line:col: message", the shape editors and terminals make clickable.
  std::string describe() const;

  bool operator==(const MethodError&) const = default;
};

} // namespace intervisie::core
