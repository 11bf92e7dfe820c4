// SPDX-License-Identifier: EUPL-1.2
// Group events as the store keeps them and the API shows them, one JSON object each:
//   {"kind":"cancelled","at":1767261600000,"actor":"account-anna","meeting":"m-1",
//    "reason":"Ziek."}
// "at" and every other instant are milliseconds since the Unix epoch; ids are strings; an empty
// optional is null. Every field is always written, so a stored event reads back exactly:
// group_event_from_json(group_event_to_json(e)) == e for every event.
#pragma once

#include "core/group/event.hpp"
#include "server/codec/codec_error.hpp"
#include "store/event_store.hpp"

#include <boost/json.hpp>

#include <expected>
#include <span>
#include <string_view>

namespace intervisie::server {

boost::json::object group_event_to_json(const core::group::GroupEvent& event);

// Reads what group_event_to_json wrote, strictly: an unknown kind or field, a missing field or a
// value of the wrong type is an error that names it. Texts are not limited here: an event is a
// record of what the engine accepted, not client input.
std::expected<core::group::GroupEvent, CodecError>
group_event_from_json(const boost::json::value& json);

// A group event as one row of its group's stream: the kind, the JSON above, the instant.
store::NewEvent stored_group_event(const core::group::GroupEvent& event);

// Reads a stored row back; a payload that is not JSON is a bad_message error.
std::expected<core::group::GroupEvent, CodecError>
group_event_from_stored(const store::StoredEvent& stored);

// Every group event kind, in the order of GroupEventBody's alternatives.
std::span<const std::string_view> group_event_kind_names();

} // namespace intervisie::server
