// SPDX-License-Identifier: EUPL-1.2
// One laptop is enough, over the network: the facilitator adds people by name and types for
// them; someone without a device opens the join link later and takes over their own place.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace intervisie::server::testing {
namespace {

HttpResponse join(const LiveMeeting& m, const std::string& name, std::optional<bool> claim = {}) {
  boost::json::object body{{"join_token", m.join_token}, {"name", name}};
  if (claim)
    body["claim"] = *claim;
  return http_post(m.port, "/api/sessions/" + m.session_id + "/participants",
                   boost::json::serialize(body));
}

const Json& participant_named(const Json& state, std::string_view name) {
  for (const Json& participant : field(state, "participants").as_array())
    if (field(participant, "name") == Json(name))
      return participant;
  throw std::runtime_error("no participant named " + std::string(name));
}

TEST(WithoutDevice, AddedByNameTypedForAndLaterOnTheirOwnPhone) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  m.ok(fenna, command("add_participant", {{"name", "Bram"}}));
  EXPECT_EQ(m.refused(m.named("Anna"), command("add_participant", {{"name", "Carla"}})),
            "not_allowed_for_role");
  const Json lobby = m.state(fenna);
  EXPECT_EQ(field(participant_named(lobby, "Bram"), "device"), Json(false));
  EXPECT_EQ(field(participant_named(lobby, "Anna"), "device"), Json(true));
  const std::uint32_t bram = id_of(field(participant_named(lobby, "Bram"), "id"));

  incident_until_question_rounds(m);
  EXPECT_EQ(field(field(m.state(fenna), "step"), "contributions"), Json("spoken"));
  while (field(field(m.state(fenna), "turn"), "holder") != Json(bram)) {
    const std::uint32_t holder = id_of(field(field(m.state(fenna), "turn"), "holder"));
    m.ok(m.by_id(holder), command("pass"));
  }
  EXPECT_EQ(m.refused(m.named("Anna"), command("pass", {{"on_behalf_of", bram}})),
            "not_allowed_to_record");
  // Asked out loud: the facilitator taps it, no text needed in a spoken step.
  m.ok(fenna, command("ask_question", {{"text", ""}, {"on_behalf_of", bram}}));
  const Json state = m.state(fenna);
  const Json asked = field(field(state, "flip_chart"), "questions").as_array().back();
  EXPECT_EQ(field(asked, "asker"), Json(bram));
  EXPECT_EQ(field(asked, "recorded_by"), Json(fenna.id));
  EXPECT_EQ(field(asked, "text"), Json(""));
  m.ok(pieter, command("answer_question"));

  // Bram opens the link on his phone: the name is his place, which he asks to come back to,
  // and Fenna admits him.
  const HttpResponse refused = join(m, "bram");
  EXPECT_EQ(refused.status, 409u);
  EXPECT_EQ(field(boost::json::parse(refused.body), "code"), Json("place_without_device"));
  const HttpResponse claimed = join(m, "Bram", true);
  ASSERT_EQ(claimed.status, 202u) << claimed.body;
  const Json admission = boost::json::parse(claimed.body);
  EXPECT_EQ(field(admission, "participant_id"), Json(bram));
  EXPECT_EQ(field(participant_named(m.state(fenna), "Bram"), "device"), Json(false))
      << "not before someone vouches for him";
  m.ok(fenna, command("admit_return", {{"request", field(admission, "request")}}));
  const Json after = m.state(fenna);
  EXPECT_EQ(field(participant_named(after, "Bram"), "device"), Json(true));
  EXPECT_EQ(field(after, "participants").as_array().size(), 4u);
  EXPECT_EQ(join(m, "Bram", true).status, 409u) << "a place is taken over once";

  // With his own token Bram acts himself; nobody types for him any more.
  Member phone{"Bram", bram, std::string(field(admission, "token").as_string()), nullptr};
  m.connect(phone);
  m.ok(fenna, command("set_contributions", {{"mode", "written"}}));
  EXPECT_EQ(field(field(m.state(fenna), "step"), "contributions"), Json("written"));
  EXPECT_EQ(m.refused(fenna, command("set_contributions", {{"mode", "written"}})),
            "setting_unchanged");
  EXPECT_EQ(m.refused(fenna, command("set_contributions", {{"mode", "loud"}})), "bad_value");
}

TEST(WithoutDevice, AClaimMustBeTrueOrFalse) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter"});
  const HttpResponse response =
      http_post(m.port, "/api/sessions/" + m.session_id + "/participants",
                boost::json::serialize(boost::json::object{
                    {"join_token", m.join_token}, {"name", "Bram"}, {"claim", "ja"}}));
  EXPECT_EQ(response.status, 400u);
  EXPECT_EQ(field(boost::json::parse(response.body), "code"), Json("wrong_type"));
  EXPECT_EQ(join(m, "Zoë", true).status, 409u) << "no place to claim under that name";
}

} // namespace
} // namespace intervisie::server::testing
