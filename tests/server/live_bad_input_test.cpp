// SPDX-License-Identifier: EUPL-1.2
// Bad input on a live connection: each gets its own error code (or, where RFC 6455 says so, the
// connection is failed with its close code), nothing is written, and where it makes sense the
// connection stays usable.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace intervisie::server::testing {
namespace {

// What has been written: the seq of a fresh snapshot and the state's version.
struct Written {
  Json seq;
  Json version;
  bool operator==(const Written&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Written& written) {
  return out << "seq " << written.seq << ", version " << written.version;
}

class LiveBadInput : public ::testing::Test {
protected:
  void SetUp() override {
    meeting = std::make_unique<LiveMeeting>(server.port(), "incident",
                                            std::vector<std::string>{"Fenna", "Pieter", "Anna"});
    meeting->connect(fenna());
    meeting->connect(pieter());
    meeting->ok(fenna(), command("start"));
    before = written();
  }

  Member& fenna() { return meeting->members[0]; }
  Member& pieter() { return meeting->members[1]; }

  Written written() const {
    const Json snapshot = meeting->snapshot(meeting->members[0]);
    return Written{field(snapshot, "seq"), field(field(snapshot, "state"), "version")};
  }

  void expect_nothing_written() { EXPECT_EQ(written(), before) << "a bad message wrote something"; }

  // A valid command on the same connection still gets its ack.
  void expect_usable(Member& member) {
    const Json reply = member.ws->command(command("adjust_time", {{"seconds", 60}}));
    EXPECT_EQ(type_of(reply), "ack") << boost::json::serialize(reply);
    before = written();
  }

  Json error_reply(Member& member) {
    return member.ws->wait_for([](const Json& message) { return type_of(message) == "error"; },
                               "an error");
  }

  ServerProcess server;
  std::unique_ptr<LiveMeeting> meeting;
  Written before;
};

std::string envelope(const std::string& id, const std::string& command_json) {
  return R"({"type":"command","id":")" + id + R"(","command":)" + command_json + "}";
}

struct BadMessage {
  std::string what;
  std::string text;
  bool binary = false;
  std::string code;
  Json id; // the id the error is addressed to: null when it could not be read
};

TEST_F(LiveBadInput, EachBadMessageGetsItsCodeWritesNothingAndTheConnectionStays) {
  const std::string invalid_utf8 =
      envelope("u1", "{\"kind\":\"propose_issue\",\"text\":\"ok\xff\"}");
  const std::vector<BadMessage> cases = {
      {"not JSON", R"({"type":"command","id":"j1",)", false, "bad_message", nullptr},
      {"JSON, but not an object", R"(["command"])", false, "bad_message", nullptr},
      {"invalid UTF-8 in a binary frame", invalid_utf8, true, "bad_message", nullptr},
      {"an unknown type", R"({"type":"subscribe","id":"t1","command":{"kind":"pass"}})", false,
       "unknown_type", "t1"},
      {"an unknown kind", envelope("k1", R"({"kind":"dance"})"), false, "unknown_kind", "k1"},
      {"no type", R"({"id":"m1","command":{"kind":"pass"}})", false, "missing_field", "m1"},
      {"no id", R"({"type":"command","command":{"kind":"pass"}})", false, "missing_field", nullptr},
      {"no command", R"({"type":"command","id":"m2"})", false, "missing_field", "m2"},
      {"no kind", envelope("m3", R"({"text":"Ik zeg te vaak ja."})"), false, "missing_field", "m3"},
      {"no text", envelope("m4", R"({"kind":"propose_issue"})"), false, "missing_field", "m4"},
      {"no candidate", envelope("m5", R"({"kind":"vote"})"), false, "missing_field", "m5"},
      {"a text over 4000 characters",
       envelope("l1", R"({"kind":"propose_issue","text":")" + std::string(4001, 'a') + "\"}"),
       false, "text_too_long", "l1"},
      {"4001 characters of two bytes each",
       envelope(
           "l2", R"({"kind":"propose_issue","text":")" +
                     [] {
                       std::string text;
                       for (int i = 0; i < 4001; ++i)
                         text += "\xc3\xa9"; // é
                       return text;
                     }() +
                     "\"}"),
       false, "text_too_long", "l2"},
      {"a message of 60 KiB: under the frame limit, over the text limit",
       envelope("l3", R"({"kind":"propose_issue","text":")" + std::string(60 * 1024, 'a') + "\"}"),
       false, "text_too_long", "l3"},
      {"a field of the wrong type", envelope("w1", R"({"kind":"vote","candidate":"1"})"), false,
       "wrong_type", "w1"},
      {"an unknown field", envelope("f1", R"({"kind":"pass","extra":1})"), false, "unknown_field",
       "f1"},
  };
  for (const BadMessage& bad : cases) {
    SCOPED_TRACE(bad.what);
    Member& sender = pieter();
    const auto sent =
        bad.binary ? sender.ws->send_binary(bad.text) : sender.ws->send_text(bad.text);
    ASSERT_FALSE(sent) << sent.message();
    const Json reply = error_reply(sender);
    EXPECT_EQ(field(reply, "code"), Json(bad.code)) << boost::json::serialize(reply);
    EXPECT_EQ(field(reply, "id"), bad.id);
    EXPECT_TRUE(field(reply, "message").is_string());
    expect_nothing_written();
    // Still usable: Pieter's own valid command gets its ack.
    const Json ack = sender.ws->command(
        command("propose_issue", {{"text", "Ik wil leren nee zeggen, keer " + bad.what + "."}}));
    EXPECT_EQ(type_of(ack), "ack") << boost::json::serialize(ack);
    before = written();
  }
}

TEST_F(LiveBadInput, ARefusedCommandWritesNothing) {
  // Understood, but against the rules: the engine's own code, and no change.
  EXPECT_EQ(meeting->refused(pieter(), command("next_step")), "not_allowed_for_role");
  EXPECT_EQ(meeting->refused(pieter(), command("propose_issue", {{"text", "   "}})), "text_empty");
  expect_nothing_written();
  expect_usable(fenna());
}

TEST_F(LiveBadInput, ExactlyFourThousandCharactersAreAccepted) {
  std::string text;
  for (int i = 0; i < 4000; ++i)
    text += "\xc3\xa9"; // é: 8000 bytes, 4000 characters
  const std::uint64_t seq = meeting->ok(pieter(), command("propose_issue", {{"text", text}}));
  EXPECT_EQ(Json(seq), before.seq.to_number<std::uint64_t>() + 1);
}

TEST_F(LiveBadInput, AFrameOver64KiBFailsTheConnectionWith1009) {
  const std::string text =
      envelope("big", R"({"kind":"propose_issue","text":")" + std::string(70 * 1024, 'a') + "\"}");
  // The server may stop reading before the end of the frame: the write may or may not finish.
  (void)pieter().ws->send_text(text);
  EXPECT_EQ(pieter().ws->wait_closed(), std::optional<std::uint16_t>(1009))
      << pieter().ws->close_error().message();
  expect_nothing_written();
  // The server is fine, and so is the participant, on a new connection.
  expect_usable(fenna());
  meeting->connect(pieter());
  EXPECT_EQ(type_of(pieter().ws->command(command("propose_issue", {{"text", "Ik zeg ja."}}))),
            "ack");
}

TEST_F(LiveBadInput, InvalidUtf8InATextFrameFailsTheConnectionWith1007) {
  (void)pieter().ws->send_text(
      envelope("u2", "{\"kind\":\"propose_issue\",\"text\":\"ok\xc0\xaf\"}")); // overlong '/'
  EXPECT_EQ(pieter().ws->wait_closed(), std::optional<std::uint16_t>(1007))
      << pieter().ws->close_error().message();
  expect_nothing_written();
  expect_usable(fenna());
}

TEST_F(LiveBadInput, JoiningOverTheLiveConnectionIsRefused) {
  const Json reply = fenna().ws->command(command("join", {{"name", "Eva"}}));
  EXPECT_EQ(field(reply, "code"), Json("join_over_http"));
  expect_nothing_written();
  expect_usable(fenna());
}

} // namespace
} // namespace intervisie::server::testing
