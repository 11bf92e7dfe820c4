// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/request_body.hpp"

#include "server/codec/object_reader.hpp"

#include <boost/json/parse.hpp>

namespace intervisie::server {

namespace json = boost::json;

std::expected<json::object, CodecError> body_object(std::string_view body) {
  if (body.empty())
    return json::object{};
  boost::system::error_code error;
  json::value parsed = json::parse(body, error);
  if (error || !parsed.is_object())
    return std::unexpected(
        CodecError{CodecErrorCode::bad_message, "", "The body must be one JSON object."});
  return std::move(parsed.get_object());
}

std::expected<void, CodecError> no_fields_from_json(std::string_view body, std::string_view what) {
  auto object = body_object(body);
  if (!object)
    return std::unexpected(std::move(object.error()));
  ObjectReader reader{*object, std::string(what), "", Source::client};
  if (auto error = reader.finish())
    return std::unexpected(std::move(*error));
  return {};
}

} // namespace intervisie::server
