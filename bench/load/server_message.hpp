// SPDX-License-Identifier: EUPL-1.2
// What the load tool needs to know of a message from the server: its type, its seq, the id
// of the command it answers, and the error code or event kind.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace intervisie::load {

// A patch (stream=patches) counts as an event: it is what the command changed in a view.
// A command comes back only from a bare room-broadcast server (bench/compare), as it was sent.
enum class MessageType { snapshot, event, ack, error, presence, command, other };

struct ServerMessage {
  MessageType type = MessageType::other;
  std::uint64_t seq = 0; // snapshot, event, ack
  std::string id;        // ack, error: the client's command id
  std::string code;      // error
};

// Nothing when the text is not a JSON object with a "type".
std::optional<ServerMessage> parse_server_message(std::string_view text);

// {"type":"command","id":"<id>","command":<command>} with `command` already JSON.
std::string command_message(std::string_view id, std::string_view command);

} // namespace intervisie::load
