// SPDX-License-Identifier: EUPL-1.2
// Each participant's snapshot says what they may do now (asked of the rules themselves), on
// whose behalf, who has the word, who is next, and for the facilitator what is missing
// before moving on. The shared screen gets the floor, and none of the rest.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>

namespace intervisie::server::testing {
namespace {

bool lists(const Json& kinds, std::string_view kind) {
  const auto& array = kinds.as_array();
  return std::ranges::find(array, Json(kind)) != array.end();
}

TEST(May, EachSnapshotSaysWhatThisParticipantMayDoNow) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  incident_until_question_rounds(m);
  Member& fenna = m.named("Fenna");
  Member& anna = m.named("Anna");

  const Json facilitator = m.state(fenna);
  EXPECT_TRUE(lists(field(facilitator, "may"), "ask_question"));
  EXPECT_TRUE(lists(field(facilitator, "may"), "pass"));
  EXPECT_TRUE(lists(field(facilitator, "may"), "next_step"));
  EXPECT_FALSE(lists(field(facilitator, "may"), "join"));
  EXPECT_TRUE(field(facilitator, "may_for").as_object().empty());
  EXPECT_EQ(field(facilitator, "next_step"),
            boost::json::parse(R"({"ready":false,"missing":"rounds_still_open","confirm":true})"));
  EXPECT_EQ(field(facilitator, "floor"),
            boost::json::parse(R"({"who":"participant","participant":1,"doing":"asking"})"));
  EXPECT_EQ(field(field(facilitator, "turn"), "next"), Json(anna.id));

  const Json adviser = m.state(anna);
  EXPECT_FALSE(lists(field(adviser, "may"), "ask_question")) << "not her turn";
  EXPECT_TRUE(lists(field(adviser, "may"), "raise_disturbance"));
  EXPECT_FALSE(adviser.as_object().contains("next_step")) << "the facilitator's alone";

  auto wall = WsClient::connect(m.port, live_target(m.session_id, m.beamer_token));
  const Json shown = field(
      wall->wait_for([](const Json& message) { return type_of(message) == "snapshot"; }, "wall"),
      "state");
  EXPECT_FALSE(shown.as_object().contains("may"));
  EXPECT_FALSE(shown.as_object().contains("may_for"));
  EXPECT_EQ(field(field(shown, "floor"), "doing"), Json("asking"));
}

TEST(May, TheFacilitatorsStreamHearsAtOnceWhenSomeoneIsAway) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  incident_until_question_rounds(m);
  Member& fenna = m.named("Fenna");
  Member& anna = m.named("Anna");
  m.ok(fenna, command("ask_question", {{"text", ""}}));
  m.ok(m.named("Pieter"), command("answer_question"));
  auto stream =
      WsClient::connect(m.port, live_target(m.session_id, fenna.token) + "&stream=snapshots");
  stream->wait_for([](const Json& message) { return type_of(message) == "snapshot"; },
                   "the first snapshot");
  anna.ws->drop();
  const Json told = stream->wait_for(
      [&](const Json& message) {
        return type_of(message) == "snapshot" && field(field(field(message, "state"), "may_for"),
                                                       std::to_string(anna.id)) != Json(nullptr);
      },
      "a snapshot that lets Fenna act for Anna");
  const Json& for_anna = field(field(field(told, "state"), "may_for"), std::to_string(anna.id));
  EXPECT_TRUE(lists(for_anna, "pass"));
  EXPECT_TRUE(lists(for_anna, "ask_question"));
  EXPECT_FALSE(lists(for_anna, "write_draft"));
  m.ok(fenna, command("pass", {{"on_behalf_of", anna.id}}));
}

} // namespace
} // namespace intervisie::server::testing
