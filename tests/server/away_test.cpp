// SPDX-License-Identifier: EUPL-1.2
// Over the wire, "away" is "no live connection": the facilitator passes for Anna while her phone
// is off, and cannot while she is connected.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace intervisie::server::testing {
namespace {

bool lists(const Json& presence, std::uint32_t id) {
  for (const Json& connected : field(presence, "connected").as_array())
    if (id_of(connected) == id)
      return true;
  return false;
}

TEST(Away, TheFacilitatorPassesForAnnaWhileHerPhoneIsOff) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  incident_until_question_rounds(m);
  Member& fenna = m.named("Fenna");
  Member& anna = m.named("Anna");
  m.ok(fenna, command("ask_question", {{"text", "Wanneer zeg je ja?"}}));
  m.ok(m.named("Pieter"), command("answer_question"));
  EXPECT_EQ(m.refused(fenna, command("pass", {{"on_behalf_of", anna.id}})), "has_own_device");

  anna.ws->drop();
  fenna.ws->wait_for(
      [&](const Json& message) {
        return type_of(message) == "presence" && !lists(message, anna.id);
      },
      "presence without Anna");
  m.ok(fenna, command("pass", {{"on_behalf_of", anna.id}}));
  const Json passed = events_of(*fenna.ws).back();
  EXPECT_EQ(field(field(passed, "event"), "participant"), Json(anna.id));
  EXPECT_EQ(field(field(passed, "event"), "recorded_by"), Json(fenna.id));

  m.connect(anna);
  m.ok(fenna, command("pass"));
  EXPECT_EQ(m.refused(fenna, command("pass", {{"on_behalf_of", anna.id}})), "has_own_device")
      << "Anna is back and takes her own turn";
}

} // namespace
} // namespace intervisie::server::testing
