// SPDX-License-Identifier: EUPL-1.2
// The WebSocket envelope: what a client sends, and the four messages the server sends.
#include "server/codec/envelope.hpp"

#include <gtest/gtest.h>

namespace intervisie::server {
namespace {

ClientMessageError error_of(std::string_view text) {
  const auto message = parse_client_message(text);
  EXPECT_FALSE(message.has_value()) << text << " was accepted";
  return message ? ClientMessageError{} : message.error();
}

TEST(CodecEnvelope, ACommand) {
  const auto message = parse_client_message(
      R"({"type":"command","id":"c17","command":{"kind":"ask_question","text":"Wat zie je?"}})");
  ASSERT_TRUE(message.has_value()) << message.error().error.message;
  EXPECT_EQ(message->id, "c17");
  EXPECT_EQ(std::get<core::command::AskQuestion>(message->command).text, "Wat zie je?");
}

TEST(CodecEnvelope, NotJsonIsABadMessage) {
  for (const std::string_view text :
       {R"({"type":"command",)", "", "command", R"({"type":"command"} extra)",
        R"({"type":"command","id":"c1","command":{"kind":"start"},})",
        R"({"type":"command", /* comment */ "id":"c1","command":{"kind":"start"}})"}) {
    const ClientMessageError error = error_of(text);
    EXPECT_EQ(error.error.code, CodecErrorCode::bad_message) << text;
    EXPECT_FALSE(error.id);
  }
}

TEST(CodecEnvelope, InvalidUtf8IsABadMessage) {
  const std::string prefix = R"({"type":"command","id":"c1","command":{"kind":"reflect","text":")";
  for (const std::string& bytes : {std::string("\xff"), std::string("\xc3"), // lone lead byte
                                   std::string("\xc0\xaf"),                  // overlong '/'
                                   std::string("\xed\xa0\x80"),              // a surrogate
                                   std::string("\xf4\x90\x80\x80")}) {       // above U+10FFFF
    const ClientMessageError error = error_of(prefix + "ok" + bytes + R"("}})");
    EXPECT_EQ(error.error.code, CodecErrorCode::bad_message);
  }
  // Escapes of lone surrogates stand for no character either.
  for (const std::string_view escape : {R"(\ud800)", R"(\udc00)"})
    EXPECT_EQ(error_of(prefix + std::string(escape) + R"("}})").error.code,
              CodecErrorCode::bad_message);
  // Well-formed UTF-8 passes, escaped or not.
  const auto fine = parse_client_message(prefix + R"(Dag \u00e9 é 😀"}})");
  ASSERT_TRUE(fine.has_value());
  EXPECT_EQ(std::get<core::command::Reflect>(fine->command).text, "Dag é é 😀");
}

TEST(CodecEnvelope, NotAnObjectIsABadMessage) {
  const ClientMessageError error = error_of(R"(["command"])");
  EXPECT_EQ(error.error.code, CodecErrorCode::bad_message);
  EXPECT_EQ(error.error.message, "a message must be a JSON object, not an array");
}

TEST(CodecEnvelope, UnknownType) {
  const ClientMessageError error = error_of(R"({"type":"subscribe","id":"c1"})");
  EXPECT_EQ(error.error.code, CodecErrorCode::unknown_type);
  EXPECT_EQ(error.id, "c1");
  EXPECT_EQ(error.error.message,
            R"(there is no message type "subscribe"; a client sends "command")");
}

TEST(CodecEnvelope, MissingFields) {
  const ClientMessageError no_type = error_of(R"({"id":"c1","command":{"kind":"start"}})");
  EXPECT_EQ(no_type.error.code, CodecErrorCode::missing_field);
  EXPECT_EQ(no_type.error.field, "type");
  EXPECT_EQ(no_type.id, "c1");

  const ClientMessageError no_id = error_of(R"({"type":"command","command":{"kind":"start"}})");
  EXPECT_EQ(no_id.error.code, CodecErrorCode::missing_field);
  EXPECT_EQ(no_id.error.field, "id");
  EXPECT_FALSE(no_id.id);

  const ClientMessageError no_command = error_of(R"({"type":"command","id":"c1"})");
  EXPECT_EQ(no_command.error.code, CodecErrorCode::missing_field);
  EXPECT_EQ(no_command.error.field, "command");
  EXPECT_EQ(no_command.error.message, R"(message: "command" is missing)");
}

TEST(CodecEnvelope, EnvelopeFieldsAreChecked) {
  EXPECT_EQ(error_of(R"({"type":"command","id":17,"command":{"kind":"start"}})").error.code,
            CodecErrorCode::wrong_type);
  EXPECT_EQ(error_of(R"({"type":"command","id":"","command":{"kind":"start"}})").error.code,
            CodecErrorCode::bad_value);
  EXPECT_EQ(error_of(R"({"type":"command","id":")" + std::string(65, 'x') +
                     R"(","command":{"kind":"start"}})")
                .error.code,
            CodecErrorCode::bad_value);
  const ClientMessageError not_object =
      error_of(R"({"type":"command","id":"c1","command":"start"})");
  EXPECT_EQ(not_object.error.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(not_object.id, "c1");
  const ClientMessageError extra =
      error_of(R"({"type":"command","id":"c1","command":{"kind":"start"},"since":4})");
  EXPECT_EQ(extra.error.code, CodecErrorCode::unknown_field);
  EXPECT_EQ(extra.error.field, "since");
}

TEST(CodecEnvelope, CommandErrorsKeepTheMessageId) {
  const ClientMessageError error =
      error_of(R"({"type":"command","id":"c9","command":{"kind":"vote","candidate":0}})");
  EXPECT_EQ(error.id, "c9");
  EXPECT_EQ(error.error.code, CodecErrorCode::bad_value);
  EXPECT_EQ(error.error.field, "command.candidate");

  const std::string too_long(5000, 'a');
  const ClientMessageError long_text = error_of(
      R"({"type":"command","id":"c10","command":{"kind":"reflect","text":")" + too_long + R"("}})");
  EXPECT_EQ(long_text.id, "c10");
  EXPECT_EQ(long_text.error.code, CodecErrorCode::text_too_long);

  EXPECT_EQ(error_of(R"({"type":"command","id":"c11","command":{"kind":"dance"}})").error.code,
            CodecErrorCode::unknown_kind);
}

TEST(CodecEnvelope, ServerMessages) {
  EXPECT_EQ(server_message_snapshot(12, boost::json::object{{"phase", "lobby"}}),
            R"({"type":"snapshot","seq":12,"state":{"phase":"lobby"}})");
  EXPECT_EQ(server_message_event(13, boost::json::object{{"kind", "paused"}}),
            R"({"type":"event","seq":13,"event":{"kind":"paused"}})");
  EXPECT_EQ(server_message_ack("c17", 13), R"({"type":"ack","id":"c17","seq":13})");
  EXPECT_EQ(
      server_message_error("c\"1", "not_your_turn", "Wacht op je beurt."),
      R"({"type":"error","id":"c\"1","code":"not_your_turn","message":"Wacht op je beurt."})");
  EXPECT_EQ(server_message_error(std::nullopt, "bad_message", "not JSON"),
            R"({"type":"error","id":null,"code":"bad_message","message":"not JSON"})");
  // Every server message is itself valid JSON.
  EXPECT_NO_THROW((void)boost::json::parse(server_message_error(error_of("{"))));
}

TEST(CodecEnvelope, ErrorMessageFromAClientMessageError) {
  const ClientMessageError error =
      error_of(R"({"type":"command","id":"c2","command":{"kind":"pass","who":1}})");
  EXPECT_EQ(boost::json::parse(server_message_error(error)),
            boost::json::parse(
                R"({"type":"error","id":"c2","code":"unknown_field",)"
                R"("message":"pass: \"who\" is not a field here; the fields are: on_behalf_of"})"));
}

} // namespace
} // namespace intervisie::server
