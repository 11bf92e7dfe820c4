// SPDX-License-Identifier: EUPL-1.2
// stream=patches, the web app's stream: a connection starts with its view whole and then hears
// only what changed in it. Whatever happens in the meeting, folding the patches gives exactly
// the view the server would have sent whole, and nothing else is sent that a client would
// have to ignore.
#include "support/json_patch_apply.hpp"
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <map>

namespace intervisie::server::testing {
namespace {

std::unique_ptr<WsClient> stream(const LiveMeeting& m, const std::string& token,
                                 std::string_view kind) {
  auto client =
      WsClient::connect(m.port, live_target(m.session_id, token) + "&stream=" + std::string(kind));
  client->wait_for([](const Json& message) { return type_of(message) == "snapshot"; },
                   std::string(kind) + "' first snapshot");
  return client;
}

// The view at each seq, as a patch stream folds it (the last state with that seq).
std::map<std::uint64_t, Json> folded(const WsClient& client, const std::string& who) {
  std::map<std::uint64_t, Json> at;
  Json state;
  for (const Json& message : client.received()) {
    const std::string type = type_of(message);
    if (type == "snapshot") {
      state = field(message, "state");
    } else if (type == "patch") {
      EXPECT_FALSE(state.is_null()) << who << ": a patch before any snapshot";
      apply_json_patch(state, field(message, "patch").as_array());
    } else {
      ADD_FAILURE() << who << "'s patch stream got a " << type << ": " << message;
      continue;
    }
    at[field(message, "seq").to_number<std::uint64_t>()] = state;
  }
  return at;
}

// The view at each seq, as the snapshot stream sent it.
std::map<std::uint64_t, Json> snapshots(const WsClient& client) {
  std::map<std::uint64_t, Json> at;
  for (const Json& message : client.received())
    if (type_of(message) == "snapshot")
      at[field(message, "seq").to_number<std::uint64_t>()] = field(message, "state");
  return at;
}

// Without what depends on the moment a view is made: how much time is left, who is connected.
Json timeless(Json state) {
  auto& object = state.as_object();
  object.erase("connected");
  if (auto* timer = object.if_contains("timer"); timer && timer->is_object()) {
    timer->as_object().erase("left_ms");
    timer->as_object().erase("preparation_left_ms");
  }
  return state;
}

TEST(Patches, FoldingThePatchesGivesEveryViewerTheViewTheServerSendsWhole) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  struct Viewer {
    std::string who;
    std::unique_ptr<WsClient> patches;
    std::unique_ptr<WsClient> snapshots;
  };
  std::vector<Viewer> viewers;
  for (const auto& [who, token] :
       {std::pair{"Fenna", m.named("Fenna").token}, std::pair{"Anna", m.named("Anna").token},
        std::pair{"the shared screen", m.beamer_token}})
    viewers.push_back({who, stream(m, token, "patches"), stream(m, token, "snapshots")});

  incident_until_question_rounds(m);
  question_rounds(m, m.named("Pieter"), Response::answer);
  m.ok(m.named("Fenna"), command("next_step"));
  m.ok(m.named("Anna"), command("add_observation", {{"text", "Hij lachte bij elke vraag."}}));
  const std::uint64_t last = finish_from_gossip(m);

  for (Viewer& viewer : viewers) {
    viewer.patches->wait_seq(last);
    viewer.snapshots->wait_seq(last);
    const auto patched = folded(*viewer.patches, viewer.who);
    const auto whole = snapshots(*viewer.snapshots);
    EXPECT_GT(whole.size(), 25U) << viewer.who;
    for (const auto& [seq, state] : whole) {
      ASSERT_TRUE(patched.contains(seq)) << viewer.who << " heard nothing of seq " << seq;
      ASSERT_EQ(timeless(patched.at(seq)), timeless(state)) << viewer.who << " at seq " << seq;
    }
    EXPECT_EQ(patched.rbegin()->first, last);
  }
  // At the end, with nothing left that depends on the moment, the folded view is exact.
  EXPECT_EQ(folded(*viewers[0].patches, "Fenna").at(last), m.state(m.named("Fenna")));
}

TEST(Patches, APatchIsSmallAndCarriesOnlyWhatChanged) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  incident_until_question_rounds(m);
  auto anna = stream(m, m.named("Anna").token, "patches");
  const std::size_t first = anna->received_text().front().size();
  const std::uint64_t seq =
      m.ok(m.named("Fenna"), command("ask_question", {{"text", "Wat zie je?"}}));
  anna->wait_seq(seq);
  const std::string& patch = anna->received_text().back();
  EXPECT_NE(patch.find(R"("type":"patch")"), std::string::npos) << patch;
  EXPECT_NE(patch.find("Wat zie je?"), std::string::npos) << patch;
  EXPECT_LT(patch.size() * 3, first) << "a patch is a fraction of the view: " << patch;
}

TEST(Patches, TheFacilitatorsPatchesSayAtOnceWhenSomeoneIsAway) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  incident_until_question_rounds(m);
  Member& anna = m.named("Anna");
  m.ok(m.named("Fenna"), command("ask_question", {{"text", ""}}));
  m.ok(m.named("Pieter"), command("answer_question"));
  auto fenna = stream(m, m.named("Fenna").token, "patches");
  anna.ws->drop();
  fenna->wait_until(
      [&] {
        const auto at = folded(*fenna, "Fenna");
        const Json& state = at.rbegin()->second;
        return field(field(state, "may_for"), std::to_string(anna.id)) != Json(nullptr) &&
               field(state, "connected") == boost::json::parse("[1,2]");
      },
      "a patch that lets Fenna act for Anna, who is gone");
}

TEST(Patches, EveryConnectionStartsWithOneSnapshotEvenWhenItAsksToResume) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  const std::uint64_t seq = m.ok(m.named("Fenna"), command("start"));
  auto again = WsClient::connect(m.port, live_target(m.session_id, m.named("Anna").token, 1) +
                                             "&stream=patches");
  const Json first = again->wait_for([](const Json&) { return true; }, "the first message");
  EXPECT_EQ(type_of(first), "snapshot");
  EXPECT_EQ(field(first, "seq"), Json(seq));
  // A second screen of the same place: the first hears that it is connected, no more.
  auto laptop = stream(m, m.named("Anna").token, "patches");
  auto phone = stream(m, m.named("Anna").token, "patches");
  m.ok(m.named("Fenna"), command("raise_disturbance", {{"text", "Telefoon"}}));
  laptop->wait_seq(seq + 1);
  phone->wait_seq(seq + 1);
  EXPECT_EQ(folded(*laptop, "laptop").rbegin()->second, folded(*phone, "phone").rbegin()->second);
}

TEST(Patches, AnUnknownStreamIsRefusedNamingAllThree) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  auto refused =
      WsClient::open(m.port, live_target(m.session_id, m.named("Anna").token) + "&stream=diffs");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().status, 400U);
  EXPECT_EQ(field(refused.error().json(), "code"), Json("bad_stream"));
  EXPECT_EQ(field(refused.error().json(), "message"),
            Json("stream must be events, snapshots or patches."));
}

} // namespace
} // namespace intervisie::server::testing
