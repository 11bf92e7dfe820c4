// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/envelope.hpp"

#include "server/codec/command_json.hpp"
#include "server/codec/object_reader.hpp"

#include <array>

namespace intervisie::server {
namespace {

std::unexpected<ClientMessageError> refuse(std::optional<std::string> id, CodecError error) {
  return std::unexpected(ClientMessageError{std::move(id), std::move(error)});
}

std::string quoted(std::string_view text) {
  return boost::json::serialize(boost::json::string_view{text.data(), text.size()});
}

// {"type":"…","seq":N,"<name>":<payload>} without copying the payload into a new object.
std::string with_payload(std::string_view type, std::uint64_t seq, std::string_view name,
                         std::string_view payload) {
  std::string text;
  text.reserve(payload.size() + 64);
  text += R"({"type":)";
  text += quoted(type);
  text += R"(,"seq":)";
  text += std::to_string(seq);
  text += ",";
  text += quoted(name);
  text += ":";
  text += payload;
  text += "}";
  return text;
}

} // namespace

std::expected<ClientCommand, ClientMessageError> parse_client_message(std::string_view text) {
  // Most messages are small: parse into a buffer on the stack, spill to the heap if needed.
  std::array<unsigned char, 4096> buffer;
  boost::json::monotonic_resource resource(buffer.data(), buffer.size());
  boost::json::error_code error;
  // The default options refuse invalid UTF-8, comments and trailing commas.
  const boost::json::value json =
      boost::json::parse(boost::json::string_view{text.data(), text.size()}, error, &resource);
  if (error)
    return refuse(std::nullopt,
                  CodecError{CodecErrorCode::bad_message, "",
                             "the message is not valid JSON in UTF-8: " + error.message()});
  const auto* object = json.if_object();
  if (object == nullptr)
    return refuse(std::nullopt, CodecError{CodecErrorCode::bad_message, "",
                                           "a message must be a JSON object, not " +
                                               std::string(json_type_name(json))});

  ObjectReader reader(*object, "message", "", Source::client);
  // The id first: every later error can then be addressed to the command it answers.
  std::optional<std::string> id;
  if (const auto* id_value = object->if_contains("id"); id_value && id_value->is_string()) {
    const std::string_view id_text = id_value->get_string();
    if (!id_text.empty() && code_points(id_text) <= max_client_id_code_points)
      id = std::string(id_text);
  }
  const std::string type = reader.text("type");
  if (!reader.failed() && type != "command")
    return refuse(id, CodecError{CodecErrorCode::unknown_type, "type",
                                 "there is no message type " + shown(boost::json::value(type)) +
                                     "; a client sends \"command\""});
  reader.text("id");
  if (!reader.failed() && !id)
    reader.fail(CodecErrorCode::bad_value, "id",
                "must hold 1 to " + std::to_string(max_client_id_code_points) + " characters");
  const boost::json::object* command_json = reader.object("command");
  if (auto failure = reader.finish())
    return refuse(id, std::move(*failure));
  auto command = command_from_json(*command_json);
  if (!command) {
    CodecError failure = std::move(command.error());
    failure.field = failure.field.empty() ? "command" : "command." + failure.field;
    return refuse(id, std::move(failure));
  }
  return ClientCommand{std::move(*id), std::move(*command)};
}

std::string server_message_snapshot(std::uint64_t seq, const boost::json::object& state) {
  return with_payload("snapshot", seq, "state", boost::json::serialize(state));
}

std::string server_message_event(std::uint64_t seq, const boost::json::object& event) {
  return with_payload("event", seq, "event", boost::json::serialize(event));
}

std::string server_message_patch(std::uint64_t seq, std::string_view operations,
                                 std::string_view more_operations) {
  std::string list;
  list.reserve(operations.size() + more_operations.size() + 3);
  list += '[';
  list += operations;
  if (!operations.empty() && !more_operations.empty())
    list += ',';
  list += more_operations;
  list += ']';
  return with_payload("patch", seq, "patch", list);
}

std::string server_message_ack(std::string_view id, std::uint64_t seq) {
  return R"({"type":"ack","id":)" + quoted(id) + R"(,"seq":)" + std::to_string(seq) + "}";
}

std::string server_message_error(std::optional<std::string_view> id, std::string_view code,
                                 std::string_view message) {
  return R"({"type":"error","id":)" + (id ? quoted(*id) : std::string("null")) + R"(,"code":)" +
         quoted(code) + R"(,"message":)" + quoted(message) + "}";
}

std::string server_message_error(const ClientMessageError& error) {
  return server_message_error(error.id ? std::optional<std::string_view>{*error.id} : std::nullopt,
                              to_string(error.error.code), error.error.message);
}

} // namespace intervisie::server
