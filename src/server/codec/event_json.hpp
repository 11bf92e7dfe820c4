// SPDX-License-Identifier: EUPL-1.2
// Events as the protocol sends them and as the store keeps them, one JSON object each:
//   {"kind":"question_asked","at":1767261600000,"actor":3,"question":1,"asker":3,
//    "recorded_by":null,"text":"Wat maakt het lastig?"}
// "at" is milliseconds since the Unix epoch; "actor" and every optional id are null when
// empty. Every field is always written, so a stored event reads back exactly:
// event_from_json(event_to_json(e)) == e for every event.
// session_created embeds the whole method (method_json.hpp's shape), so a session is restored
// by the steps it started with even if its method file has changed since.
#pragma once

#include "core/session/event.hpp"
#include "server/codec/codec_error.hpp"

#include <boost/json.hpp>

#include <expected>
#include <span>
#include <string_view>

namespace intervisie::server {

boost::json::object event_to_json(const core::Event& event);

// Reads what event_to_json wrote, strictly (unknown kinds and fields are errors). Texts are
// not limited here: an event is a record of what the engine accepted, not client input.
std::expected<core::Event, CodecError> event_from_json(const boost::json::value& json);

// Every event kind, in the order of EventBody's alternatives.
std::span<const std::string_view> event_kind_names();

} // namespace intervisie::server
