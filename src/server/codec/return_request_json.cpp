// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/return_request_json.hpp"

#include "server/codec/request_body.hpp"

namespace intervisie::server {

std::expected<ReturnBody, CodecError> return_from_json(std::string_view body) {
  return read_body(body, "return", [](ObjectReader& reader, const boost::json::object&) {
    ReturnBody asked;
    asked.join_token = reader.text("join_token");
    asked.participant = reader.id<core::ParticipantTag>("participant");
    return asked;
  });
}

} // namespace intervisie::server
