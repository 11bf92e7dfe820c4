// SPDX-License-Identifier: EUPL-1.2
#include "core/method/method_error.hpp"

namespace intervisie::core {

std::string MethodError::describe() const {
  std::string text;
  if (!source.empty()) {
    text += source;
    if (line > 0) {
      text += ':' + std::to_string(line);
      if (column > 0) {
        text += ':' + std::to_string(column);
      }
    }
    text += ": ";
  }
  text += message;
  return text;
}

} // namespace intervisie::core
