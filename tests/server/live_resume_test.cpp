// SPDX-License-Identifier: EUPL-1.2
// Connections come and go, and so may the server: a participant who drops resumes with `since`
// and misses nothing; who is connected is broadcast; after kill -9 every acknowledged event is
// still there and the session goes on.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <map>

#include <sys/wait.h>

namespace intervisie::server::testing {
namespace {

const std::vector<std::string> six = {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan"};

TEST(LiveResume, AClientThatDropsGetsExactlyTheMissedEventsOnResume) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& carla = m.named("Carla");
  const std::uint64_t first = fenna.ws->last_seq();
  m.ok(fenna, command("start"));
  const std::uint64_t proposed =
      m.ok(m.named("Pieter"), command("propose_issue", {{"text", "Ik zeg te vaak ja."}}));
  m.wait_everyone_has(proposed);

  // Carla's network goes; the others hear she left, and go on without her.
  const std::uint64_t seen = carla.ws->last_seq();
  const auto before_drop = std::move(carla.ws);
  before_drop->drop();
  for (Member& member : m.members)
    if (member.id != carla.id)
      wait_connected(member, everyone_but(m, carla.id));
  m.ok(m.named("Anna"), command("propose_issue", {{"text", "Ik wil minder overwerken."}}));
  m.ok(m.named("Bram"), command("vote", {{"candidate", 1}}));
  m.ok(m.named("Daan"), command("vote", {{"candidate", 2}}));
  const std::uint64_t missed_last = m.ok(fenna, command("adjust_time", {{"seconds", 60}}));
  ASSERT_GT(missed_last, seen);

  // She comes back with since: exactly what she missed, in order, no snapshot, nothing twice.
  m.connect(carla, seen);
  carla.ws->wait_seq(missed_last);
  wait_connected(carla, everyone_but(m, 0));
  for (const Json& message : carla.ws->received())
    EXPECT_NE(type_of(message), "snapshot") << "a resume brings events, not a snapshot";
  expect_stream(*carla.ws, seqs_from_to(seen + 1, missed_last), "Carla after her resume");
  const auto fenna_saw = events_by_seq(*fenna.ws);
  for (const auto& [seq, event] : events_by_seq(*carla.ws))
    EXPECT_EQ(event, fenna_saw.at(seq)) << "seq " << seq;

  // And then live again, for her and for everyone.
  const std::uint64_t voted = m.ok(carla, command("vote", {{"candidate", 1}}));
  EXPECT_EQ(voted, missed_last + 1);
  m.wait_everyone_has(voted);
  expect_stream(*carla.ws, seqs_from_to(seen + 1, voted), "Carla, live after her resume");
  expect_stream(*fenna.ws, seqs_from_to(first + 1, voted), "Fenna, who stayed");
}

TEST(LiveResume, ResumingWithTheLatestSeqBringsNoEvents) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  Member& daan = m.named("Daan");
  const std::uint64_t started = m.ok(m.named("Fenna"), command("start"));
  daan.ws->wait_seq(started);
  daan.ws->close();
  wait_connected(m.named("Fenna"), everyone_but(m, daan.id));

  m.connect(daan, started);
  wait_connected(daan, everyone_but(m, 0));
  EXPECT_TRUE(events_of(*daan.ws).empty());
  const std::uint64_t proposed =
      m.ok(m.named("Pieter"), command("propose_issue", {{"text", "Ik zeg te vaak ja."}}));
  daan.ws->wait_seq(proposed);
  expect_stream(*daan.ws, {proposed}, "Daan");
}

TEST(LivePresence, WhoIsConnectedIsBroadcastAndAReturneeKeepsTheirTurn) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);

  // One by one: each newcomer is announced to all who are there, themselves included.
  std::vector<std::uint32_t> present;
  for (Member& member : m.members) {
    m.connect(member);
    present.push_back(member.id);
    const Json& snapshot = member.ws->received().front();
    EXPECT_EQ(ids_in(field(field(snapshot, "state"), "connected")), present) << member.name;
    for (std::size_t i = 0; i < present.size(); ++i)
      wait_connected(m.members[i], present);
  }

  incident_until_question_rounds(m);
  Member& pieter = m.named("Pieter");
  Member& bram = m.named("Bram");
  const std::vector<std::uint32_t> order = turn_order(m);
  const auto bram_at = std::ranges::find(order, bram.id) - order.begin();
  ASSERT_GE(bram_at, 1) << "Bram's turn should come after someone else's";
  ASSERT_LT(bram_at, static_cast<std::ptrdiff_t>(order.size()) - 1);

  // Bram drops; everyone hears it.
  bram.ws->drop();
  for (Member& member : m.members)
    if (member.id != bram.id)
      wait_connected(member, everyone_but(m, bram.id));

  // The round goes on to his turn, and waits there: his place is his.
  for (std::ptrdiff_t i = 0; i < bram_at; ++i) {
    m.ok(m.by_id(order[static_cast<std::size_t>(i)]),
         command("ask_question", {{"text", "Wat maakt nee zeggen moeilijk?"}}));
    m.ok(pieter, command("answer_question"));
  }
  Member& after_bram = m.by_id(order[static_cast<std::size_t>(bram_at) + 1]);
  EXPECT_EQ(m.refused(after_bram, command("ask_question", {{"text", "Voor wie zeg je ja?"}})),
            "not_your_turn");

  // He comes back (a fresh page: a snapshot), is announced, and finds his turn waiting.
  m.connect(bram);
  const Json state = field(bram.ws->received().front(), "state");
  EXPECT_EQ(ids_in(field(field(state, "turn"), "order")), order);
  EXPECT_EQ(field(field(state, "turn"), "holder"), Json(bram.id));
  EXPECT_EQ(ids_in(field(state, "connected")), everyone_but(m, 0));
  for (Member& member : m.members)
    wait_connected(member, everyone_but(m, 0));
  m.ok(bram, command("ask_question", {{"text", "Wat zou er gebeuren als je nee zei?"}}));
  m.ok(pieter, command("answer_question"));
  m.ok(after_bram, command("ask_question", {{"text", "Voor wie zeg je ja?"}}));
  EXPECT_EQ(turn_order(m), order);
}

TEST(LiveRestart, AfterKillNineEveryAcknowledgedEventIsThereAndClientsResume) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  Member& fenna = m.named("Fenna");
  incident_until_question_rounds(m);
  question_rounds(m, m.named("Pieter"), Response::answer);
  m.ok(fenna, command("next_step"));
  m.ok(m.named("Anna"), command("add_observation", {{"text", "Hij lachte bij elke vraag."}}));

  // Commands on their way, then kill -9: each may or may not have become durable.
  for (int i = 0; i < 3; ++i)
    for (const char* name : {"Anna", "Bram", "Carla"})
      m.named(name).ws->send_command(command(
          "add_observation", {{"text", "Observatie " + std::to_string(i) + " van " + name}}));
  fenna.ws->send_command(command("adjust_time", {{"seconds", 60}}));
  const int status = server.kill(SIGKILL);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;

  // What the clients were told before the end: events (all durable) and acks.
  std::map<std::uint64_t, Json> told;
  std::vector<std::uint64_t> acks;
  for (Member& member : m.members) {
    member.ws->wait_closed();
    for (auto& [seq, event] : events_by_seq(*member.ws)) {
      const auto [at, added] = told.emplace(seq, event);
      EXPECT_EQ(at->second, event) << "seq " << seq << " differed between clients";
    }
    for (const Json& message : member.ws->received())
      if (type_of(message) == "ack")
        acks.push_back(field(message, "seq").to_number<std::uint64_t>());
  }
  ASSERT_FALSE(told.empty());
  for (const std::uint64_t seq : acks)
    EXPECT_TRUE(told.contains(seq)) << "ack " << seq << " came before its event";

  server.restart();
  m.port = server.port();
  EXPECT_NE(server.banner().find("(1 "), std::string::npos)
      << "one unfinished session should be restored: " << server.banner();

  // Every event anyone was told is there, at its seq, exactly as it was.
  auto history = WsClient::connect(m.port, live_target(m.session_id, fenna.token, 0));
  history->wait_for([](const Json& message) { return type_of(message) == "presence"; },
                    "the presence after the history");
  const std::map<std::uint64_t, Json> stored = events_by_seq(*history);
  history->close();
  ASSERT_FALSE(stored.empty());
  EXPECT_EQ(stored.begin()->first, 1u);
  EXPECT_EQ(stored.rbegin()->first, stored.size()) << "the history has a gap";
  for (const auto& [seq, event] : told) {
    ASSERT_TRUE(stored.contains(seq)) << "acknowledged event " << seq << " was lost";
    EXPECT_EQ(stored.at(seq), event) << "seq " << seq;
  }
  for (const std::uint64_t seq : acks)
    EXPECT_TRUE(stored.contains(seq)) << "acknowledged event " << seq << " was lost";
  const std::uint64_t durable = stored.rbegin()->first;
  EXPECT_LE(durable, told.rbegin()->first + 10) << "only the commands on their way may be added";

  // Everyone resumes with since: exactly the rest of the history, then live events.
  std::map<std::uint32_t, std::uint64_t> resumed_from;
  for (Member& member : m.members) {
    resumed_from[member.id] = member.ws->last_seq();
    m.connect(member, member.ws->last_seq());
  }
  for (Member& member : m.members) {
    if (durable > resumed_from[member.id])
      member.ws->wait_seq(durable);
    wait_connected(member, everyone_but(m, 0));
  }
  const std::uint64_t last = finish_from_gossip(m);
  m.wait_everyone_has(last);
  for (Member& member : m.members) {
    expect_stream(*member.ws, seqs_from_to(resumed_from[member.id] + 1, last), member.name);
    for (const auto& [seq, event] : events_by_seq(*member.ws)) {
      if (seq <= durable) {
        EXPECT_EQ(event, stored.at(seq)) << member.name << " seq " << seq;
      }
    }
    EXPECT_EQ(event_kind(events_of(*member.ws).back()), "session_finished") << member.name;
  }
  EXPECT_EQ(field(m.state(fenna), "finished"), Json(true));
}

TEST(LiveRestart, AnOrderlyStopKeepsEverythingAndARestartRestoresTheSession) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect(m.facilitator());
  m.connect(m.named("Pieter"));
  m.ok(m.facilitator(), command("start"));
  const std::uint64_t last =
      m.ok(m.named("Pieter"), command("propose_issue", {{"text", "Ik zeg te vaak ja."}}));
  EXPECT_EQ(server.stop(), 0) << server.log();
  EXPECT_TRUE(m.facilitator().ws->wait_closed().has_value());

  server.restart();
  m.port = server.port();
  const Json snapshot = m.snapshot(m.named("Pieter"));
  EXPECT_EQ(field(snapshot, "seq"), Json(last));
  EXPECT_EQ(field(field(snapshot, "state"), "version"), Json(last));
  // The join link still admits newcomers after the restart.
  const HttpResponse joined = http_post(
      m.port, "/api/sessions/" + m.session_id + "/participants",
      boost::json::serialize(boost::json::object{{"join_token", m.join_token}, {"name", "Eva"}}));
  EXPECT_EQ(joined.status, 201u) << joined.body;
}

} // namespace
} // namespace intervisie::server::testing
