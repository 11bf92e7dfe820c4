// SPDX-License-Identifier: EUPL-1.2
// Privacy over the wire: a disturbance can be raised without a name, the wall never shows who
// raised one, and after the end only the presenter keeps the case.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace intervisie::server::testing {
namespace {

constexpr std::string_view statement = "Ik wil beter omgaan met een boze ouder.";

Json wall_state(const LiveMeeting& m) {
  auto wall = WsClient::connect(m.port, live_target(m.session_id, m.beamer_token));
  const Json snapshot = wall->wait_for(
      [](const Json& message) { return type_of(message) == "snapshot"; }, "the wall's snapshot");
  wall->close();
  return field(snapshot, "state");
}

TEST(Privacy, ADisturbanceCanBeRaisedWithoutAName) {
  ServerProcess server;
  LiveMeeting m(server.port(), "balint", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  Member& anna = m.named("Anna");
  m.ok(anna,
       command("raise_disturbance", {{"text", "Ik voel me niet veilig."}, {"anonymous", true}}));
  const Json raised = events_of(*m.facilitator().ws).back();
  EXPECT_EQ(event_kind(raised), "disturbance_raised");
  EXPECT_TRUE(field(field(raised, "event"), "actor").is_null());
  EXPECT_TRUE(field(field(m.state(m.facilitator()), "disturbance"), "raised_by").is_null());
  EXPECT_EQ(m.refused(anna, command("raise_disturbance", {{"anonymous", "ja"}})), "wrong_type");
  m.ok(m.facilitator(), command("resolve_disturbance"));

  m.ok(anna, command("raise_disturbance", {{"text", "Ik moet zo weg."}}));
  EXPECT_EQ(field(field(m.state(m.facilitator()), "disturbance"), "raised_by"), Json(anna.id));
  EXPECT_TRUE(field(field(wall_state(m), "disturbance"), "raised_by").is_null())
      << "the wall never shows who raised it";
}

TEST(Privacy, AfterTheEndOnlyThePresenterKeepsTheCase) {
  ServerProcess server;
  LiveMeeting m(server.port(), "balint", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  m.ok(fenna, command("assign_presenter", {{"participant", pieter.id}}));
  m.ok(fenna, command("start"));
  m.ok(pieter, command("set_statement", {{"text", statement}}));
  while (field(m.state(fenna), "phase") != Json("finished"))
    m.ok(fenna, command("next_step", {{"confirm", true}}));

  const Json adviser = m.state(m.named("Anna"));
  EXPECT_TRUE(field(field(adviser, "flip_chart"), "statement").is_null());
  EXPECT_TRUE(field(field(adviser, "flip_chart"), "statements").as_array().empty());
  EXPECT_TRUE(field(field(m.state(fenna), "flip_chart"), "statement").is_null());
  EXPECT_TRUE(field(field(wall_state(m), "flip_chart"), "statement").is_null());
  EXPECT_EQ(field(field(m.state(pieter), "flip_chart"), "statement"), Json(statement));

  // Resuming from the start replays the events without their words.
  auto resumed = WsClient::connect(m.port, live_target(m.session_id, m.named("Anna").token, 0));
  resumed->wait_for([](const Json& message) { return type_of(message) == "presence"; },
                    "the replay and presence");
  EXPECT_FALSE(mentions(*resumed, std::string(statement)));
  bool statement_event = false;
  for (const Json& event : events_of(*resumed))
    if (event_kind(event) == "statement_set") {
      statement_event = true;
      EXPECT_EQ(field(field(event, "event"), "text"), Json(""));
    }
  EXPECT_TRUE(statement_event) << "the event itself is still there";
  auto presenter = WsClient::connect(m.port, live_target(m.session_id, pieter.token, 0));
  presenter->wait_for([](const Json& message) { return type_of(message) == "presence"; },
                      "the presenter's replay");
  EXPECT_TRUE(mentions(*presenter, std::string(statement)));
}

} // namespace
} // namespace intervisie::server::testing
