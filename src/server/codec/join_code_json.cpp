// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/join_code_json.hpp"

#include "server/codec/request_body.hpp"

#include <algorithm>

namespace intervisie::server {

std::expected<std::string, CodecError> join_code_from_json(std::string_view body) {
  return read_body(body, "join code", [](ObjectReader& reader, const boost::json::object&) {
    std::string code = reader.text("code");
    std::erase(code, ' ');
    return code;
  });
}

} // namespace intervisie::server
