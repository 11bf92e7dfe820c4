// SPDX-License-Identifier: EUPL-1.2
// A store that becomes read-only (issue 17.3): mid-meeting, every write to its files fails as a
// read-only file system fails it, and the server refuses what it cannot keep, goes on reading,
// and writes again by itself once it may; at start-up, a store file that cannot be written
// stops the server with the reason, instead of a server that can never store anything.
#include "support/failing_store_meeting.hpp"
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"
#include "support/write_fault.hpp"

#include "support/immutable_file.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <stdexcept>

namespace intervisie::server::testing {
namespace {

const std::vector<std::string> six = {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan"};

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
    ++count;
  return count;
}

TEST(ReadOnlyStore, WritesRefusedMidMeetingComeBackByThemselvesWhenTheyMayAgain) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  Member& fenna = m.named("Fenna");
  m.ok(fenna, command("start"));
  const std::uint64_t before =
      m.ok(m.named("Pieter"), command("propose_issue", {{"text", "Ik zeg te vaak ja."}}));
  m.wait_everyone_has(before);

  auto fault = WriteFault::inject(server.pid(), store_files(server.data_dir()), Fault::read_only);
  if (!fault)
    GTEST_SKIP() << "cannot make the store read-only under the server: " << fault.error();

  // Every command needs a write: every one is refused, and none leaves a trace.
  const Proposals proposals = propose_until_refused(m, m.named("Anna"), 3);
  EXPECT_TRUE(proposals.acknowledged.empty()) << "a read-only store acknowledged a write";
  const HttpResponse joined = http_post(
      m.port, "/api/sessions/" + m.session_id + "/participants",
      boost::json::serialize(boost::json::object{{"join_token", m.join_token}, {"name", "Eva"}}));
  EXPECT_EQ(joined.status, 503u) << joined.body;
  EXPECT_EQ(field(joined.json(), "code"), Json("storage_failed"));
  const HttpResponse created = http_post(
      m.port, "/api/sessions",
      boost::json::serialize(boost::json::object{
          {"method", "incident"}, {"title", "Donderdaggroep"}, {"facilitator_name", "Eva"}}));
  EXPECT_EQ(created.status, 503u) << created.body;
  EXPECT_EQ(field(created.json(), "code"), Json("storage_failed"));
  const HttpResponse coming_back =
      http_post(m.port, "/api/sessions/" + m.session_id + "/returns",
                boost::json::serialize(boost::json::object{{"join_token", m.join_token},
                                                           {"participant", m.named("Daan").id}}));
  EXPECT_EQ(coming_back.status, 503u) << coming_back.body;
  EXPECT_EQ(field(coming_back.json(), "code"), Json("storage_failed"));

  // Reading and presence go on: a fresh page gets the durable state, the others hear it come.
  Member& bram = m.named("Bram");
  bram.ws->drop();
  for (Member& member : m.members)
    if (member.id != bram.id)
      wait_connected(member, everyone_but(m, bram.id));
  m.connect(bram);
  EXPECT_EQ(field(bram.ws->received().front(), "seq"), Json(before));
  for (Member& member : m.members)
    wait_connected(member, everyone_but(m));
  for (const std::string& marker : proposals.refused) {
    EXPECT_FALSE(contains_text(bram.ws->received().front(), marker)) << marker;
    for (Member& member : m.members)
      EXPECT_FALSE(mentions(*member.ws, marker)) << member.name << " was told of " << marker;
  }
  EXPECT_FALSE(contains_text(m.state(fenna), "Eva")) << "a refused join left a place";

  // The file system may be written again: the very next command is kept, without a restart.
  (*fault)->lift();
  const auto lifted = std::chrono::steady_clock::now();
  const Json reply =
      m.named("Carla").ws->command(command("propose_issue", {{"text", "Ik stel uit."}}));
  const auto waited = std::chrono::steady_clock::now() - lifted;
  ASSERT_EQ(type_of(reply), "ack") << boost::json::serialize(reply) << "\n" << server.log();
  EXPECT_EQ(field(reply, "seq"), Json(before + 1)) << "the refused commands took no seq";
  std::cout << "[ figures  ] the first command after the store could be written again was "
               "acknowledged in "
            << std::chrono::duration_cast<std::chrono::microseconds>(waited).count() << " µs\n";

  const std::uint64_t last = finish_from_inventory(m);
  m.wait_everyone_has(last);
  for (const auto& [seq, event] : stored_history(m, fenna))
    for (const std::string& marker : proposals.refused)
      EXPECT_FALSE(contains_text(event, marker)) << marker << " is stored at seq " << seq;

  // The log names the cause once and the recovery once, not a line per refused command.
  const std::string log = server.log();
  EXPECT_EQ(count_of(log, "the event store cannot write"), 1u) << log;
  EXPECT_EQ(count_of(log, "the event store writes again"), 1u) << log;
  EXPECT_EQ(count_of(log, "session " + m.session_id + ": what happens in it cannot be stored"), 1u)
      << log;
  EXPECT_EQ(server.stop(), 0) << server.log();
}

TEST(ReadOnlyStore, AStoreFileThatCannotBeWrittenStopsTheStartWithTheReason) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect(m.named("Fenna"));
  const std::uint64_t started = m.ok(m.named("Fenna"), command("start"));
  ASSERT_EQ(server.stop(), 0) << server.log();

  const std::filesystem::path file = server.data_dir() / "intervisie.db";
  auto read_only = intervisie::testing::ImmutableFile::make(file);
  if (!read_only)
    GTEST_SKIP() << "cannot make the store file read-only here: " << read_only.error();
  // Not a server that says it runs and then refuses every command, for good.
  EXPECT_THROW(server.restart(), std::runtime_error);
  EXPECT_FALSE(server.running());
  EXPECT_NE(server.log().find(file.string() + " cannot be written"), std::string::npos)
      << server.log();

  // Writable again: the next start finds everything as it was.
  read_only->reset();
  server.restart();
  m.port = server.port();
  const Json snapshot = m.snapshot(m.named("Pieter"));
  EXPECT_EQ(field(snapshot, "seq"), Json(started));
  m.connect(m.named("Pieter"));
  m.ok(m.named("Pieter"), command("propose_issue", {{"text", "Ik zeg te vaak ja."}}));
}

} // namespace
} // namespace intervisie::server::testing
