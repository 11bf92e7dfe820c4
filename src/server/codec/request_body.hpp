// SPDX-License-Identifier: EUPL-1.2
// A request body that must be one JSON object (an empty body is `{}`), and the body of a route
// that takes no fields. The route decoders (group_request_json, account_request_json, ...) start
// here.
#pragma once

#include "server/codec/codec_error.hpp"
#include "server/codec/object_reader.hpp"

#include <boost/json/object.hpp>

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace intervisie::server {

// The body as one JSON object; an empty body is `{}`. bad_message otherwise.
std::expected<boost::json::object, CodecError> body_object(std::string_view body);

// For a route that takes no fields: `{}` or nothing; else the first field, as unknown_field.
// `what` names the route in the message.
std::expected<void, CodecError> no_fields_from_json(std::string_view body, std::string_view what);

// A route's body: its object read by `read(reader, object)` with an ObjectReader named `context`
// (the name its messages give the body); then the first problem, or the value `read` made.
template <class Read>
auto read_body(std::string_view body, std::string context, Read read)
    -> std::expected<decltype(read(std::declval<ObjectReader&>(),
                                   std::declval<boost::json::object&>())),
                     CodecError> {
  auto object = body_object(body);
  if (!object)
    return std::unexpected(std::move(object.error()));
  ObjectReader reader{*object, std::move(context), "", Source::client};
  auto value = read(reader, *object);
  return reader.result(std::move(value));
}

} // namespace intervisie::server
