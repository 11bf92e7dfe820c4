// SPDX-License-Identifier: EUPL-1.2
// The WebSocket envelope of DESIGN.md: every message is one JSON object with a "type".
//   client → server  {"type":"command","id":"c17","command":{"kind":"pass"}}
//   server → client  {"type":"snapshot","seq":12,"state":{…}}
//                    {"type":"event","seq":13,"event":{"kind":"turn_passed",…}}
//                    {"type":"patch","seq":13,"patch":[{"op":"replace","path":"/version",…}]}
//                    {"type":"ack","id":"c17","seq":13}
//                    {"type":"error","id":"c17","code":"not_your_turn","message":"…"}
// An error about a message whose id could not be read carries "id":null.
#pragma once

#include "core/session/command.hpp"
#include "server/codec/codec_error.hpp"

#include <boost/json.hpp>

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace intervisie::server {

// The longest client id, in code points: ids are for matching replies, not for carrying data.
inline constexpr std::size_t max_client_id_code_points = 64;

struct ClientCommand {
  std::string id; // the client's own, echoed in the ack or error
  core::CommandBody command;
};

// Why a client message was refused, and its id when it could be read, so the error can be
// addressed to the command it answers.
struct ClientMessageError {
  std::optional<std::string> id;
  CodecError error;
};

// bad_message when the text is not JSON (or not well-formed UTF-8) or not an object;
// unknown_type, missing_field, wrong_type, unknown_field for the envelope; then the command's
// own errors (command_json.hpp).
std::expected<ClientCommand, ClientMessageError> parse_client_message(std::string_view text);

std::string server_message_snapshot(std::uint64_t seq, const boost::json::object& state);
std::string server_message_event(std::uint64_t seq, const boost::json::object& event);
// The RFC 6902 operations that turn the viewer's last state into the one at `seq`, given as
// two comma-separated lists of serialised operations (either may be empty), in order.
std::string server_message_patch(std::uint64_t seq, std::string_view operations,
                                 std::string_view more_operations);
std::string server_message_ack(std::string_view id, std::uint64_t seq);
std::string server_message_error(std::optional<std::string_view> id, std::string_view code,
                                 std::string_view message);
std::string server_message_error(const ClientMessageError& error);

} // namespace intervisie::server
