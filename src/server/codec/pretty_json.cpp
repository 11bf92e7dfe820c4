// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/pretty_json.hpp"

namespace intervisie::server {

namespace {

void write(const boost::json::value& value, std::string& out, std::size_t depth) {
  const auto newline = [&out](std::size_t level) {
    out += '\n';
    out.append(level * 2, ' ');
  };
  if (const auto* object = value.if_object(); object != nullptr && !object->empty()) {
    out += '{';
    bool first = true;
    for (const auto& member : *object) {
      out += first ? "" : ",";
      first = false;
      newline(depth + 1);
      out += boost::json::serialize(boost::json::string_view{member.key()});
      out += ": ";
      write(member.value(), out, depth + 1);
    }
    newline(depth);
    out += '}';
  } else if (const auto* array = value.if_array(); array != nullptr && !array->empty()) {
    out += '[';
    bool first = true;
    for (const auto& element : *array) {
      out += first ? "" : ",";
      first = false;
      newline(depth + 1);
      write(element, out, depth + 1);
    }
    newline(depth);
    out += ']';
  } else {
    // Scalars and empty containers are as short as they get.
    out += boost::json::serialize(value);
  }
}

} // namespace

std::string pretty_json(const boost::json::value& value) {
  std::string out;
  write(value, out, 0);
  out += '\n';
  return out;
}

} // namespace intervisie::server
