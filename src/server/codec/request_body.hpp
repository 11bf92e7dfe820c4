// SPDX-License-Identifier: EUPL-1.2
// A request body that must be one JSON object (an empty body is `{}`), and the body of a route
// that takes no fields. The route decoders (group_request_json) start here.
#pragma once

#include "server/codec/codec_error.hpp"

#include <boost/json/object.hpp>

#include <expected>
#include <string_view>

namespace intervisie::server {

// The body as one JSON object; an empty body is `{}`. bad_message otherwise.
std::expected<boost::json::object, CodecError> body_object(std::string_view body);

// For a route that takes no fields: `{}` or nothing; else the first field, as unknown_field.
// `what` names the route in the message.
std::expected<void, CodecError> no_fields_from_json(std::string_view body, std::string_view what);

} // namespace intervisie::server
