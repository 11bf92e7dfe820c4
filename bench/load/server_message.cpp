// SPDX-License-Identifier: EUPL-1.2
#include "server_message.hpp"

#include <boost/json.hpp>

#include <array>

namespace intervisie::load {

std::optional<ServerMessage> parse_server_message(std::string_view text) {
  // Most messages are small: parse them on the stack, without touching the heap.
  std::array<unsigned char, 4096> scratch;
  boost::json::monotonic_resource memory(scratch.data(), scratch.size());
  boost::system::error_code error;
  const boost::json::value json = boost::json::parse(text, error, &memory);
  const auto* object = json.if_object();
  if (error || object == nullptr)
    return std::nullopt;
  const auto* type = object->if_contains("type");
  if (type == nullptr || !type->is_string())
    return std::nullopt;
  ServerMessage message;
  const std::string_view name = type->get_string();
  if (name == "event" || name == "patch")
    message.type = MessageType::event;
  else if (name == "ack")
    message.type = MessageType::ack;
  else if (name == "error")
    message.type = MessageType::error;
  else if (name == "presence")
    message.type = MessageType::presence;
  else if (name == "snapshot")
    message.type = MessageType::snapshot;
  else if (name == "command")
    message.type = MessageType::command;
  if (const auto* seq = object->if_contains("seq"); seq != nullptr && seq->is_number())
    message.seq = seq->to_number<std::uint64_t>();
  if (const auto* id = object->if_contains("id"); id != nullptr && id->is_string())
    message.id = id->get_string();
  if (const auto* code = object->if_contains("code"); code != nullptr && code->is_string())
    message.code = code->get_string();
  return message;
}

std::string command_message(std::string_view id, std::string_view command) {
  std::string text;
  text.reserve(40 + id.size() + command.size());
  text += R"({"type":"command","id":")";
  text += id;
  text += R"(","command":)";
  text += command;
  text += '}';
  return text;
}

} // namespace intervisie::load
