// SPDX-License-Identifier: EUPL-1.2
// Commands as clients send them, one JSON object each:
//   {"kind":"ask_question","text":"Wat maakt het lastig?","on_behalf_of":3}
// The kind is the snake_case name of the command; the other fields are the command's own.
// Reading is strict: unknown kinds and fields, wrong types, ids below 1 and texts over
// max_text_code_points are refused with a CodecError that says exactly what is wrong.
#pragma once

#include "core/session/command.hpp"
#include "server/codec/codec_error.hpp"

#include <boost/json.hpp>

#include <expected>
#include <span>
#include <string_view>

namespace intervisie::server {

std::expected<core::CommandBody, CodecError> command_from_json(const boost::json::value& json);

// The same shape command_from_json reads (optional fields are written only when they hold
// something), for clients written in C++: tests and the load generator.
boost::json::object command_to_json(const core::CommandBody& command);

} // namespace intervisie::server
