// SPDX-License-Identifier: EUPL-1.2
// The data directory on a small disk that fills up mid-meeting (issue 17.3): the commands the
// store cannot keep get `storage_failed`, nothing acknowledged is lost, nothing half-written is
// seen, reads and presence go on, and the meeting goes on by itself once there is space again.
#include "support/failing_store_meeting.hpp"
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"
#include "support/small_disk.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <iostream>
#include <map>

#include <sys/wait.h>

namespace intervisie::server::testing {
namespace {

using namespace std::chrono_literals;

const std::vector<std::string> six = {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan"};
constexpr std::uint64_t disk_size = 4 << 20;

// Where the store's write-ahead log stands when the disk fills up.
enum class Log {
  // Wherever the server's checkpointer left it: the next commit may need new space at once.
  as_it_is,
  // Just copied into the database whole (the checkpointer does so every 200 ms): the next
  // commits start the log again from its beginning, in space its file already has, so some
  // are still acknowledged with the disk full.
  just_checkpointed,
};

// Copies the whole log into the database, from a connection of the test's own.
void checkpoint(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA wal_checkpoint(PASSIVE)", -1, &statement, nullptr),
            SQLITE_OK);
  const int stepped = sqlite3_step(statement);
  const int in_log = sqlite3_column_int(statement, 1);
  const int copied = sqlite3_column_int(statement, 2);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  ASSERT_EQ(stepped, SQLITE_ROW);
  ASSERT_GT(in_log, 0) << "nothing in the log to copy";
  ASSERT_EQ(in_log, copied) << "the log was not copied whole";
}

class DiskFull : public ::testing::Test {
protected:
  void SetUp() override {
    auto mounted = SmallDisk::mount(disk_size);
    if (!mounted)
      GTEST_SKIP() << "no small disk to fill here: " << mounted.error();
    disk = std::move(*mounted);
    server = std::make_unique<ServerProcess>(OwnDataDir{disk->path() / "data"});
    meeting = std::make_unique<LiveMeeting>(server->port(), "incident", six);
    meeting->connect_all();
    meeting->ok(meeting->named("Fenna"), command("start"));
    before_full =
        meeting->ok(meeting->named("Pieter"), command("propose_issue", {{"text", "Ik zeg ja."}}));
    meeting->wait_everyone_has(before_full);
  }

  void TearDown() override {
    if (server && server->running()) {
      EXPECT_EQ(server->stop(), 0) << "the server did not end cleanly:\n" << server->log();
    }
  }

  // Fills the disk and proposes long issues until the store refuses two in a row.
  Proposals fill_the_disk(Log log) {
    if (log == Log::just_checkpointed)
      checkpoint(disk->path() / "data" / "intervisie.db");
    disk->fill();
    EXPECT_EQ(disk->available(), 0u);
    return propose_until_refused(*meeting, meeting->named("Anna"), 2);
  }

  std::unique_ptr<SmallDisk> disk;
  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<LiveMeeting> meeting;
  std::uint64_t before_full = 0;
};

TEST_F(DiskFull, WhatTheStoreCannotKeepIsRefusedAndWhatItAcknowledgedIsKept) {
  LiveMeeting& m = *meeting;
  const Proposals proposals = fill_the_disk(Log::just_checkpointed);
  ASSERT_FALSE(proposals.acknowledged.empty()) << "the log's own space took nothing";
  ASSERT_FALSE(proposals.refused.empty());
  std::cout << "[ figures  ] with the disk full, " << proposals.acknowledged.size()
            << " long issues still fitted in what the store had reserved; then "
            << proposals.refused.size() << " were refused\n";
  const std::uint64_t last = proposals.acknowledged.rbegin()->first;

  // Everyone was told of exactly the acknowledged events, each once and in order; an event
  // never came without its ack, and nothing of a refused command came at all.
  m.wait_everyone_has(last);
  for (Member& member : m.members) {
    expect_stream(
        *member.ws,
        seqs_from_to(field(member.ws->received().front(), "seq").to_number<std::uint64_t>() + 1,
                     last),
        member.name);
    for (const std::string& marker : proposals.refused)
      EXPECT_FALSE(mentions(*member.ws, marker)) << member.name << " was told of " << marker;
  }
  for (const auto& [seq, marker] : proposals.acknowledged)
    EXPECT_TRUE(contains_text(events_by_seq(*m.named("Fenna").ws).at(seq), marker))
        << "seq " << seq;

  // The store holds exactly that: a fresh page's snapshot, and the history from the start.
  const Json snapshot = m.snapshot(m.named("Bram"));
  EXPECT_EQ(field(snapshot, "seq"), Json(last));
  const auto history = stored_history(m, m.named("Bram"));
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.rbegin()->first, last);
  EXPECT_EQ(history.size(), last) << "the history has a gap";
  const auto told = events_by_seq(*m.named("Bram").ws);
  for (const auto& [seq, event] : told)
    EXPECT_EQ(history.at(seq), event) << "seq " << seq;
  for (const auto& [seq, marker] : proposals.acknowledged) {
    EXPECT_TRUE(contains_text(field(snapshot, "state"), marker)) << marker;
  }
  for (const std::string& marker : proposals.refused) {
    EXPECT_FALSE(contains_text(snapshot, marker)) << marker << " is in a fresh snapshot";
    for (const auto& [seq, event] : history)
      EXPECT_FALSE(contains_text(event, marker)) << marker << " is stored at seq " << seq;
  }

  // A resume from before the disk filled brings exactly the acknowledged events.
  auto resumed =
      WsClient::connect(m.port, live_target(m.session_id, m.named("Daan").token, before_full));
  resumed->wait_for([](const Json& message) { return type_of(message) == "presence"; },
                    "the presence after the resume");
  expect_stream(*resumed, seqs_from_to(before_full + 1, last), "a resume from before it filled");
}

TEST_F(DiskFull, ReadsAndPresenceGoOnWhileNothingCanBeStored) {
  LiveMeeting& m = *meeting;
  fill_the_disk(Log::as_it_is);
  Member& bram = m.named("Bram");

  // Bram's network goes; everyone hears it. He comes back on a fresh page: a snapshot, and
  // everyone hears he is there again.
  bram.ws->drop();
  for (Member& member : m.members)
    if (member.id != bram.id)
      wait_connected(member, everyone_but(m, bram.id));
  m.connect(bram);
  for (Member& member : m.members)
    wait_connected(member, everyone_but(m));

  // What only reads answers as ever.
  EXPECT_EQ(http_get(m.port, "/healthz").status, 200u);
  EXPECT_EQ(http_get(m.port, "/api/methods").status, 200u);
  const HttpResponse invitation =
      http_post(m.port, "/api/sessions/" + m.session_id + "/invitation",
                boost::json::serialize(boost::json::object{{"join_token", m.join_token}}));
  EXPECT_EQ(invitation.status, 200u) << invitation.body;
  EXPECT_EQ(field(invitation.json(), "participants").as_array().size(), six.size());

  // What must write says so (docs/protocol.md 2.4, 2.5; docs/api.md), and changes nothing.
  const HttpResponse created = http_post(
      m.port, "/api/sessions",
      boost::json::serialize(boost::json::object{
          {"method", "incident"}, {"title", "Donderdaggroep"}, {"facilitator_name", "Eva"}}));
  EXPECT_EQ(created.status, 503u) << created.body;
  EXPECT_EQ(field(created.json(), "code"), Json("storage_failed"));
  EXPECT_EQ(field(created.json(), "message"), Json("The server could not store this."));
  const HttpResponse joined = http_post(
      m.port, "/api/sessions/" + m.session_id + "/participants",
      boost::json::serialize(boost::json::object{{"join_token", m.join_token}, {"name", "Eva"}}));
  EXPECT_EQ(joined.status, 503u) << joined.body;
  EXPECT_EQ(field(joined.json(), "code"), Json("storage_failed"));
  EXPECT_EQ(field(joined.json(), "message"), Json(storage_failed_message));
  const HttpResponse signed_up = http_post(
      m.port, "/api/accounts",
      boost::json::serialize(boost::json::object{{"email", "eva@school.nl"},
                                                 {"password", "de fietsenstalling bij school"},
                                                 {"display_name", "Eva"}}));
  EXPECT_EQ(signed_up.status, 503u) << signed_up.body;
  EXPECT_EQ(field(signed_up.json(), "code"), Json("storage_failed"));
  EXPECT_FALSE(contains_text(m.state(m.named("Fenna")), "Eva")) << "a refused join left a place";
}

TEST_F(DiskFull, WhenSpaceReturnsTheVeryNextCommandIsKeptWithoutARestart) {
  LiveMeeting& m = *meeting;
  const Proposals proposals = fill_the_disk(Log::as_it_is);
  ASSERT_FALSE(proposals.refused.empty());

  disk->release();
  const auto released = std::chrono::steady_clock::now();
  const Json reply =
      m.named("Carla").ws->command(command("propose_issue", {{"text", "Ik stel uit."}}));
  const auto waited = std::chrono::steady_clock::now() - released;
  ASSERT_EQ(type_of(reply), "ack") << boost::json::serialize(reply);
  std::cout << "[ figures  ] the first command after the space returned was acknowledged in "
            << std::chrono::duration_cast<std::chrono::microseconds>(waited).count() << " µs\n";

  // And the meeting goes on to its end; the same server, the same connections.
  EXPECT_TRUE(server->running());
  const std::uint64_t last = finish_from_inventory(m);
  m.wait_everyone_has(last);
  EXPECT_EQ(field(m.state(m.named("Fenna")), "finished"), Json(true));

  // The log said when the writes failed and when they worked again; so did the checkpointer,
  // which copies the log into the database again (it did not give up).
  EXPECT_NE(server->log().find("the event store cannot write: "), std::string::npos);
  EXPECT_TRUE(server->wait_for_log("the event store writes again", 5s)) << server->log();
  if (server->log().find("the event store's checkpointer cannot write") != std::string::npos) {
    EXPECT_TRUE(server->wait_for_log("the event store's checkpointer writes again", 5s))
        << server->log();
  }
  for (const std::string& marker : proposals.refused)
    for (const auto& [seq, event] : stored_history(m, m.named("Pieter")))
      EXPECT_FALSE(contains_text(event, marker)) << marker << " is stored at seq " << seq;

  // Full again: the presenter still reads the record of the finished session.
  disk->fill();
  const HttpResponse record =
      http_request(m.port, "GET", "/api/sessions/" + m.session_id + "/report", {},
                   {{"Authorization", "Bearer " + m.named("Pieter").token}});
  EXPECT_EQ(record.status, 200u) << record.body;
  EXPECT_TRUE(contains_text(record.json(), "Ik wil vaker nee zeggen.")) << record.body;
}

TEST_F(DiskFull, AfterKillNineOnAFullDiskEveryAcknowledgedEventIsThere) {
  LiveMeeting& m = *meeting;
  const Proposals proposals = fill_the_disk(Log::just_checkpointed);
  ASSERT_FALSE(proposals.acknowledged.empty()) << "the log's own space took nothing";
  m.wait_everyone_has(proposals.acknowledged.rbegin()->first);
  const auto told = events_by_seq(*m.named("Fenna").ws);

  const int status = server->kill(SIGKILL);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
  // It starts again on the disk that is still full: reading needs no space.
  server->restart();
  m.port = server->port();
  EXPECT_NE(server->banner().find("(1 "), std::string::npos) << server->banner();

  const auto history = stored_history(m, m.named("Fenna"));
  ASSERT_FALSE(told.empty());
  EXPECT_EQ(history.rbegin()->first, told.rbegin()->first);
  EXPECT_EQ(history.size(), history.rbegin()->first) << "the history has a gap";
  for (const auto& [seq, event] : told)
    EXPECT_EQ(history.at(seq), event) << "seq " << seq;
  for (const std::string& marker : proposals.refused)
    for (const auto& [seq, event] : history)
      EXPECT_FALSE(contains_text(event, marker)) << marker << " is stored at seq " << seq;

  // Everyone resumes; once there is space the meeting goes on to its end.
  std::map<std::uint32_t, std::uint64_t> resumed_from;
  for (Member& member : m.members) {
    resumed_from[member.id] = member.ws->last_seq();
    m.connect(member, member.ws->last_seq());
  }
  for (Member& member : m.members)
    wait_connected(member, everyone_but(m));
  disk->release();
  const std::uint64_t last = finish_from_inventory(m);
  m.wait_everyone_has(last);
  for (Member& member : m.members)
    expect_stream(*member.ws, seqs_from_to(resumed_from[member.id] + 1, last), member.name);
}

} // namespace
} // namespace intervisie::server::testing
