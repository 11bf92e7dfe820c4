// SPDX-License-Identifier: EUPL-1.2
// Case texts at rest and over time: nothing a group says reaches a file in clear, a record says
// until when it is kept, the presenter can have it forgotten at once, and the retention erases
// the rest by itself.
#include "server/retention/purge.hpp"
#include "store/sealed/open_key_ring.hpp"
#include "store/sealed/sealed_event_store.hpp"
#include "store/sqlite_event_store.hpp"
#include "store/sqlite_group_store.hpp"
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>

#include <sys/stat.h>
#include <sys/wait.h>

namespace intervisie::server::testing {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> six = {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan"};
constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;

int intervisie(const std::string& arguments) {
  const int status = std::system((std::string{INTERVISIE_BINARY} + " " + arguments).c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// One canary per kind of text, so a leak names its kind.
std::string canary(std::string_view kind) {
  return "KANARIE-" + std::string{kind} + "-9c41";
}

// Every byte of every file under `dir`, by file.
std::vector<std::pair<fs::path, std::string>> files_under(const fs::path& dir) {
  std::vector<std::pair<fs::path, std::string>> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) {
      std::ifstream in{entry.path(), std::ios::binary};
      files.emplace_back(entry.path(), std::string{std::istreambuf_iterator<char>{in}, {}});
    }
  return files;
}

void expect_no_canary_under(const fs::path& dir) {
  const auto files = files_under(dir);
  EXPECT_GE(files.size(), 2u) << "the databases (and, while in use, their logs)";
  for (const auto& [path, bytes] : files) {
    const auto found = bytes.find("KANARIE-");
    EXPECT_EQ(found, std::string::npos)
        << path << " holds " << bytes.substr(found, bytes.find('-', found + 9) - found + 5);
    struct stat about {};
    ASSERT_EQ(::stat(path.c_str(), &about), 0);
    EXPECT_EQ(about.st_mode & 077, 0u) << path << " can be read by others";
  }
}

HttpResponse report_for(const LiveMeeting& m, const std::string& token) {
  return http_request(m.port, "GET", "/api/sessions/" + m.session_id + "/report", {},
                      {{"Authorization", "Bearer " + token}});
}

HttpResponse forget(const LiveMeeting& m, const std::string& token) {
  return http_request(m.port, "DELETE", "/api/sessions/" + m.session_id + "/content", {},
                      {{"Authorization", "Bearer " + token}});
}

// A whole incident session with Pieter presenting, a canary in every kind of text it holds.
void incident_with_every_text(LiveMeeting& m) {
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  m.ok(fenna, command("start"));
  m.ok(m.named("Daan"), command("raise_disturbance", {{"text", canary("disturbance")}}));
  m.ok(fenna, command("resolve_disturbance"));
  m.ok(pieter, command("propose_issue", {{"text", canary("issue")}}));
  m.ok(fenna, command("choose_issue", {{"candidate", 1}}));
  m.ok(fenna, command("next_step"));
  m.ok(pieter, command("set_statement", {{"text", canary("statement")}}));
  m.ok(fenna, command("next_step", {{"confirm", true}}));
  m.ok(pieter, command("write_private_note", {{"text", canary("private_note")}}));
  const std::vector<std::uint32_t> order = turn_order(m);
  m.ok(m.by_id(order[0]), command("ask_question", {{"text", canary("question")}}));
  m.ok(pieter, command("answer_question", {{"note", canary("answer_note")}}));
  m.ok(m.by_id(order[1]), command("ask_question", {{"text", ""}})); // said out loud
  m.ok(fenna, command("note_key_point", {{"question", 2}, {"text", canary("key_point")}}));
  m.ok(pieter, command("answer_question"));
  m.ok(fenna, command("next_step", {{"confirm", true}})); // into the gossip
  m.ok(m.named("Anna"), command("add_observation", {{"text", canary("observation")}}));
  m.ok(m.named("Anna"), command("add_note", {{"text", canary("note_for_presenter")}}));
  m.ok(fenna, command("close_gossip"));
  m.ok(pieter, command("reflect", {{"text", canary("reflection")}}));
  m.ok(fenna, command("next_step"));
  m.ok(pieter, command("keep_statement"));
  m.ok(fenna, command("next_step"));
  m.ok(fenna, command("end_preparation"));
  for (const std::uint32_t adviser : turn_order(m))
    m.ok(m.by_id(adviser),
         command("give_advice", {{"text", "zou ik " + canary("advice") + " proberen."}}));
  m.ok(fenna, command("next_step"));
  m.ok(pieter, command("react", {{"tomorrow", canary("reaction_tomorrow")},
                                 {"think_over", canary("reaction_think_over")}}));
  m.ok(fenna, command("next_step"));
  for (Member& member : m.members)
    m.ok(member, command("closing_remark", {{"text", canary("closing_remark")}}));
  m.wait_everyone_has(m.ok(fenna, command("next_step")));
}

TEST(AtRest, NoCaseTextReachesAnyFileOfTheDataDirectoryOrOfABackup) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  incident_with_every_text(m);
  const HttpResponse record = report_for(m, m.named("Pieter").token);
  ASSERT_EQ(record.status, 200u) << record.body;
  for (const char* kind : {"statement", "answer_note", "key_point", "observation", "advice",
                           "reaction_tomorrow", "note_for_presenter"})
    EXPECT_NE(record.body.find(canary(kind)), std::string::npos) << kind << " is in the record";

  const TempDir place;
  ASSERT_EQ(intervisie("backup " + (place.path() / "backup").string() + " --data " +
                       server.data_dir().string() + " > /dev/null"),
            0);
  expect_no_canary_under(server.data_dir()); // while running: the logs (-wal) too
  expect_no_canary_under(place.path() / "backup");
  EXPECT_FALSE(fs::exists(place.path() / "backup" / "master.key")) << "a backup has no key";
  struct stat about {};
  ASSERT_EQ(::stat(server.data_dir().c_str(), &about), 0);
  EXPECT_EQ(about.st_mode & 0777, 0700u);

  EXPECT_EQ(server.stop(), 0);
  expect_no_canary_under(server.data_dir());
}

TEST(AtRest, NeitherDoBalintDraftsSharedAdviceOrAReframedStatement) {
  ServerProcess server;
  LiveMeeting m(server.port(), "balint", {"Fenna", "Pieter", "Anna", "Bram"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  m.ok(fenna, command("assign_presenter", {{"participant", pieter.id}}));
  m.ok(fenna, command("start"));
  m.ok(pieter, command("set_statement", {{"text", canary("balint_statement")}}));
  m.ok(fenna, command("next_step", {{"confirm", true}}));
  question_rounds(m, pieter, Response::answer, canary("balint_question"));
  m.ok(fenna, command("next_step", {{"confirm", true}}));
  for (const char* name : {"Fenna", "Anna", "Bram"})
    m.ok(m.named(name), command("write_draft", {{"text", canary("draft")}}));
  m.ok(fenna, command("next_step", {{"confirm", true}}));
  for (const std::uint32_t sharer : turn_order(m))
    m.ok(m.by_id(sharer), command("share_advice", {{"essence", canary("essence")}}));
  m.ok(fenna, command("next_step", {{"confirm", true}}));
  m.ok(pieter, command("react", {{"tomorrow", canary("balint_reaction")}}));
  m.wait_everyone_has(m.ok(fenna, command("next_step", {{"confirm", true}})));
  const HttpResponse record = report_for(m, pieter.token);
  ASSERT_EQ(record.status, 200u) << record.body;
  EXPECT_NE(record.body.find(canary("essence")), std::string::npos);

  LiveMeeting reframed(server.port(), "incident", six);
  reframed.connect_all();
  incident_until_question_rounds(reframed);
  question_rounds(reframed, reframed.named("Pieter"), Response::answer);
  reframed.ok(reframed.named("Fenna"), command("next_step", {{"confirm", true}}));
  reframed.ok(reframed.named("Fenna"), command("close_gossip"));
  reframed.ok(reframed.named("Fenna"), command("next_step", {{"confirm", true}}));
  reframed.ok(reframed.named("Pieter"), command("reframe", {{"text", canary("reframe")}}));
  expect_no_canary_under(server.data_dir());
  EXPECT_EQ(server.stop(), 0);
  expect_no_canary_under(server.data_dir());
}

TEST(AtRest, AWrongMasterKeyStopsTheServerAtStartWithAClearMessage) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  EXPECT_EQ(server.stop(), 0);
  const fs::path key = server.data_dir() / "master.key";
  const fs::path kept = server.data_dir().parent_path() / "master.key.kept";
  fs::rename(key, kept);
  const std::string log = server.data_dir().parent_path() / "missing.log";
  EXPECT_NE(intervisie("serve --port 0 --data " + server.data_dir().string() + " 2> " + log), 0);
  std::ifstream said{log};
  const std::string message{std::istreambuf_iterator<char>{said}, {}};
  EXPECT_NE(message.find("master key file"), std::string::npos) << message;
  EXPECT_NE(message.find("is missing"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(key)) << "no new key over data an old one encrypted";

  fs::rename(kept, key);
  server.restart();
  EXPECT_EQ(http_request(server.port(), "GET", "/api/methods").status, 200u);
}

TEST(AtRest, RotatingTheMasterKeyKeepsEveryRecordAndRetiresTheOldKey) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  incident_with_every_text(m);
  const std::string data = " --data " + server.data_dir().string() + " > /dev/null 2>&1";
  const TempDir place;
  const fs::path old_key = place.path() / "old.key";
  EXPECT_EQ(intervisie("rotate-key" + data), 5) << "not while the server holds the data";
  EXPECT_EQ(server.stop(), 0);
  const std::string before = [&] {
    std::ifstream in{server.data_dir() / "master.key"};
    return std::string{std::istreambuf_iterator<char>{in}, {}};
  }();
  ASSERT_EQ(intervisie("rotate-key --keep-old " + old_key.string() + data), 0);
  std::ifstream kept{old_key};
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>{kept}, {}), before);

  server.restart();
  m.port = server.port();
  const HttpResponse record = report_for(m, m.named("Pieter").token);
  ASSERT_EQ(record.status, 200u) << record.body;
  EXPECT_NE(record.body.find(canary("statement")), std::string::npos);
  EXPECT_EQ(server.stop(), 0);

  fs::copy_file(old_key, server.data_dir() / "master.key", fs::copy_options::overwrite_existing);
  const std::string log = (place.path() / "old.log").string();
  EXPECT_NE(intervisie("serve --port 0 --data " + server.data_dir().string() + " 2> " + log), 0)
      << "the old key opens nothing any more";
  std::ifstream said{log};
  const std::string message{std::istreambuf_iterator<char>{said}, {}};
  EXPECT_NE(message.find("is not the key this store's data keys were wrapped with"),
            std::string::npos)
      << message;
}

TEST(Forget, ThePresenterErasesTheirCaseAtOnceOnceTheSessionHasEnded) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  Member& pieter = m.named("Pieter");
  m.ok(m.named("Fenna"), command("start"));
  EXPECT_EQ(forget(m, pieter.token).status, 403u) << "not the presenter (yet)";
  m.members.clear(); // a fresh meeting below; this one only showed the lobby
  (void)m;

  LiveMeeting done(server.port(), "incident", six);
  done.connect_all();
  incident_with_every_text(done);
  Member& presenter = done.named("Pieter");
  EXPECT_EQ(forget(done, done.named("Anna").token).status, 403u);
  EXPECT_EQ(forget(done, done.beamer_token).status, 403u);
  ASSERT_EQ(report_for(done, presenter.token).status, 200u);

  const HttpResponse forgotten = forget(done, presenter.token);
  ASSERT_EQ(forgotten.status, 200u) << forgotten.body;
  EXPECT_EQ(forgotten.json(), boost::json::parse(R"({"erased":true})"));
  const Json closed = done.named("Anna").ws->wait_for(
      [](const Json& message) { return field(message, "code") == Json("session_erased"); },
      "session_erased on an open screen");
  EXPECT_TRUE(field(closed, "id").is_null());
  const HttpResponse gone = report_for(done, presenter.token);
  EXPECT_EQ(gone.status, 410u) << "the record is gone";
  EXPECT_NE(gone.body.find("case_erased"), std::string::npos);
  EXPECT_EQ(
      WsClient::open(server.port(), live_target(done.session_id, presenter.token)).error().status,
      401u);

  server.kill();
  server.restart();
  done.port = server.port();
  EXPECT_EQ(report_for(done, presenter.token).status, 410u) << "also after a restart";
  EXPECT_EQ(forget(done, presenter.token).status, 410u);
  EXPECT_EQ(report_for(done, "2.anything").status, 410u) << "it shows only that it was erased";
}

TEST(Forget, ACaseForgottenAfterABackupStaysForgottenWhenTheBackupIsRestored) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  incident_with_every_text(m);
  const TempDir place;
  const std::string backup = (place.path() / "backup").string();
  const std::string data = " --data " + server.data_dir().string() + " > /dev/null";
  ASSERT_EQ(intervisie("backup " + backup + data), 0);
  ASSERT_EQ(forget(m, m.named("Pieter").token).status, 200u);
  EXPECT_EQ(server.stop(), 0);

  ASSERT_EQ(intervisie("restore " + backup + data + " --replace"), 0);
  server.restart();
  m.port = server.port();
  EXPECT_EQ(report_for(m, m.named("Pieter").token).status, 410u)
      << "the restored copy does not bring the forgotten case back";
  for (const auto& [path, bytes] : files_under(server.data_dir()))
    EXPECT_EQ(bytes.find("session:" + m.session_id), std::string::npos)
        << path << " still holds the case's data key";
}

TEST(Forget, ACaseStillRunningIsNotErasedAndTheOthersCannotErase) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  incident_until_question_rounds(m);
  const HttpResponse early = forget(m, m.named("Pieter").token);
  EXPECT_EQ(early.status, 409u) << early.body;
  EXPECT_NE(early.body.find("session_not_finished"), std::string::npos);
  EXPECT_EQ(forget(m, m.facilitator().token).status, 403u);
  EXPECT_EQ(forget(m, "1.wrong").status, 401u);
  EXPECT_EQ(report_for(m, m.named("Pieter").token).status, 409u) << "nothing was erased";
}

TEST(Retention, TheRecordSaysUntilWhenItIsKept) {
  ServerProcess server{{"--retention-days", "7"}};
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  incident_with_every_text(m);
  const Json record = report_for(m, m.named("Pieter").token).json();
  const std::int64_t finished = field(record, "finished_at").as_int64();
  EXPECT_EQ(field(record, "kept_until").as_int64(), finished + 7 * day_ms);
}

TEST(Retention, PurgeRefusesWhileAServerHoldsTheDataAndRunsAfterItStops) {
  ServerProcess server;
  const std::string data = " --data " + server.data_dir().string() + " > /dev/null 2>&1";
  EXPECT_EQ(intervisie("purge" + data), 106) << "the server's retention must be said";
  EXPECT_EQ(intervisie("purge --retention-days 30" + data), 6)
      << "the server holds the data directory";
  EXPECT_EQ(server.stop(), 0);
  EXPECT_EQ(intervisie("purge --retention-days 30" + data), 0);
}

// The purge itself, with a clock the test sets: sealed stores in a directory of its own.
struct PurgeTest : ::testing::Test {
  void SetUp() override {
    auto opened = store::open_sqlite_event_store(dir.path());
    ASSERT_TRUE(opened) << opened.error().message;
    auto keys = store::open_sqlite_group_store(dir.path());
    ASSERT_TRUE(keys) << keys.error().message;
    key_store = std::move(*keys);
    auto opened_ring = store::sealed::open_key_ring(*key_store, dir.path() / "master.key");
    ASSERT_TRUE(opened_ring) << opened_ring.error();
    ring = std::move(*opened_ring);
    events = store::sealed::seal_event_store(std::move(*opened), *ring);
  }
  void TearDown() override { events->close(); }

  // A session that finished at `finished_at_ms`.
  void finished(const std::string& id, std::int64_t finished_at_ms) {
    ASSERT_TRUE(events->create_session(
        {.session_id = id, .method_id = "incident", .title = "Casus", .created_at_ms = 0}));
    store::NewEvent closing{.kind = "session_finished",
                            .payload = "{\"text\":\"geheim\"}",
                            .at_ms = finished_at_ms,
                            .finishes_session = true};
    std::promise<store::AppendResult> acked;
    events->append(id, 0, {closing}, [&](store::AppendResult r) { acked.set_value(r); });
    ASSERT_TRUE(acked.get_future().get());
  }

  std::expected<PurgeReport, std::string> purge_at(std::int64_t now_ms) {
    return purge(*events, retention, now_ms, [&](const std::string& id) {
      erased_ids.push_back(id);
      return events->erase_session(id, now_ms) ? std::expected<void, std::string>{}
                                               : std::unexpected(std::string{"failed"});
    });
  }

  TempDir dir;
  std::unique_ptr<store::SqliteGroupStore> key_store;
  std::unique_ptr<store::sealed::KeyRing> ring;
  std::unique_ptr<store::EventStore> events;
  Retention retention{30};
  std::vector<std::string> erased_ids;
};

TEST_F(PurgeTest, ASessionIsKeptForItsRetentionAfterItFinishedAndThenErased) {
  finished("old", 0);
  finished("new", 20 * day_ms);
  ASSERT_TRUE(events->create_session({.session_id = "running",
                                      .method_id = "incident",
                                      .title = "Nog bezig",
                                      .created_at_ms = 0}));

  auto early = purge_at(30 * day_ms - 1);
  ASSERT_TRUE(early) << early.error();
  EXPECT_EQ(early->erased, 0u) << "one millisecond before its time";

  auto due = purge_at(30 * day_ms);
  ASSERT_TRUE(due) << due.error();
  EXPECT_EQ(erased_ids, std::vector<std::string>{"old"});
  EXPECT_EQ(events->find_session("old")->erased_at_ms, 30 * day_ms);
  EXPECT_TRUE(events->read("old", 0)->empty());
  EXPECT_EQ(key_store->wrapped_key("session:old").value(), std::nullopt) << "its key is gone";
  EXPECT_EQ(events->read("new", 0)->size(), 1u);

  ASSERT_TRUE(purge_at(400 * day_ms));
  EXPECT_EQ(erased_ids, (std::vector<std::string>{"old", "new"}))
      << "erased once; a session still running is never erased";
}

TEST_F(PurgeTest, AGroupsOwnRetentionComesBeforeTheServers) {
  finished("group-case", 0);
  finished("other", 0);
  retention.set_group_days([](const std::string& id) -> std::optional<int> {
    return id == "group-case" ? std::optional{7} : std::nullopt;
  });
  ASSERT_TRUE(purge_at(7 * day_ms));
  EXPECT_EQ(erased_ids, std::vector<std::string>{"group-case"});
  ASSERT_TRUE(purge_at(30 * day_ms));
  EXPECT_EQ(erased_ids, (std::vector<std::string>{"group-case", "other"}));
}

} // namespace
} // namespace intervisie::server::testing
