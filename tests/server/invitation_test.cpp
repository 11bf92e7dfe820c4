// SPDX-License-Identifier: EUPL-1.2
// Before joining, the join link shows the meeting's name, who invites, and who is in already:
// that is how someone coming back on another device finds their own name.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace intervisie::server::testing {
namespace {

std::string invitation_target(const LiveMeeting& m) {
  return "/api/sessions/" + m.session_id + "/invitation";
}

TEST(Invitation, TheJoinLinkShowsTheMeetingWhoInvitesAndWhoIsIn) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect(m.named("Fenna"));
  const HttpResponse r =
      http_post(server.port(), invitation_target(m),
                boost::json::serialize(boost::json::object{{"join_token", m.join_token}}));
  ASSERT_EQ(r.status, 200) << r.body;
  const Json body = boost::json::parse(r.body);
  EXPECT_EQ(field(body, "invited_by"), Json("Fenna"));
  EXPECT_EQ(field(body, "phase"), Json("lobby"));
  EXPECT_EQ(field(body, "full"), Json(false));
  EXPECT_EQ(field(field(body, "method"), "id"), Json("incident"));
  const auto& people = field(body, "participants").as_array();
  ASSERT_EQ(people.size(), 3U);
  EXPECT_EQ(field(people[1], "name"), Json("Pieter"));
  EXPECT_EQ(field(people[0], "connected"), Json(true));
  EXPECT_EQ(field(people[1], "connected"), Json(false));
  EXPECT_EQ(field(people[1], "device"), Json(true));
}

TEST(Invitation, AWrongTokenLooksLikeNoSession) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter"});
  const auto wrong = http_post(server.port(), invitation_target(m), R"({"join_token":"nope"})");
  EXPECT_EQ(wrong.status, 401);
  const auto none =
      http_post(server.port(), "/api/sessions/AAAAAAAAAAAAAAAAAAAAAA/invitation",
                boost::json::serialize(boost::json::object{{"join_token", m.join_token}}));
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(http_post(server.port(), invitation_target(m), R"({"join_token":1})").status, 400);
  EXPECT_EQ(http_post(server.port(), invitation_target(m), R"({})").status, 400);
  EXPECT_EQ(
      http_post(server.port(), invitation_target(m), R"({"join_token":"x","name":"y"})").status,
      400);
}

} // namespace
} // namespace intervisie::server::testing
