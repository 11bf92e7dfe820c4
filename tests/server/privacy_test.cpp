// Privacy over the wire: a disturbance can be raised without a name, and the wall never shows
// who raised one.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace intervisie::server::testing {
namespace {

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

} // namespace
} // namespace intervisie::server::testing
