// SPDX-License-Identifier: EUPL-1.2
// A backup is taken while a meeting goes on, and brought back after a stop: everything that was
// acknowledged before the backup began is there, and nothing written after it.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <future>

#include <sys/wait.h>

namespace intervisie::server::testing {
namespace {

namespace fs = std::filesystem;

int intervisie(const std::string& arguments) {
  std::string line = INTERVISIE_BINARY;
  line += ' ';
  line += arguments;
  const int status = std::system(line.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::uint64_t version_of(const Json& state) {
  return static_cast<std::uint64_t>(field(state, "version").as_int64());
}

TEST(Backup, TakenDuringAMeetingBringsBackEveryAcknowledgedEvent) {
  ServerProcess server;
  const TempDir place;
  const fs::path backup = place.path() / "backup";
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  m.ok(m.named("Fenna"), command("start"));
  for (int i = 0; i < 5; ++i)
    m.ok(m.named("Pieter"),
         command("propose_issue", {{"text", "Voor de backup " + std::to_string(i)}}));
  const std::uint64_t before = version_of(m.state(m.named("Fenna")));

  // The meeting goes on while the copy is made.
  auto copying = std::async(std::launch::async, [&] {
    return intervisie("backup " + backup.string() + " --data " + server.data_dir().string());
  });
  for (int i = 0; i < 20; ++i)
    m.ok(m.named("Anna"),
         command("propose_issue", {{"text", "Tijdens de backup " + std::to_string(i)}}));
  ASSERT_EQ(copying.get(), 0);
  const std::uint64_t after_backup = version_of(m.state(m.named("Fenna")));
  m.ok(m.named("Pieter"), command("propose_issue", {{"text", "Na de backup"}}));

  EXPECT_EQ(fs::status(backup).permissions() & fs::perms::mask, fs::perms::owner_all);
  for (const char* file : {"intervisie.db", "groups.db"}) {
    ASSERT_TRUE(fs::exists(backup / file)) << file;
    EXPECT_EQ(fs::status(backup / file).permissions() & fs::perms::mask,
              fs::perms::owner_read | fs::perms::owner_write)
        << file;
  }
  EXPECT_NE(intervisie("restore " + backup.string() + " --data " + server.data_dir().string() +
                       " --replace 2>/dev/null"),
            0)
      << "not while the server holds the data directory";

  server.stop();
  EXPECT_NE(intervisie("restore " + backup.string() + " --data " + server.data_dir().string() +
                       " 2>/dev/null"),
            0)
      << "a store that is there is replaced only when asked";
  ASSERT_EQ(intervisie("restore " + backup.string() + " --data " + server.data_dir().string() +
                       " --replace >/dev/null"),
            0);
  server.restart();
  m.port = server.port();
  Member& fenna = m.named("Fenna");
  m.connect(fenna);
  const Json state = m.state(fenna);
  const std::string text = boost::json::serialize(state);
  EXPECT_GE(version_of(state), before) << "everything acknowledged before the backup";
  EXPECT_LE(version_of(state), after_backup);
  for (int i = 0; i < 5; ++i)
    EXPECT_NE(text.find("Voor de backup " + std::to_string(i)), std::string::npos) << i;
  EXPECT_EQ(text.find("Na de backup"), std::string::npos) << "written after the copy";
  m.ok(fenna, command("raise_disturbance", {{"text", "Terug van de backup."}}));
}

TEST(Backup, RefusesAPlaceThatIsNotAStoreOrAlreadyABackup) {
  const TempDir place;
  EXPECT_NE(intervisie("backup " + (place.path() / "b").string() + " --data " +
                       (place.path() / "nothing").string() + " 2>/dev/null"),
            0);
  EXPECT_NE(intervisie("restore " + (place.path() / "nothing").string() + " --data " +
                       (place.path() / "data").string() + " 2>/dev/null"),
            0);
}

} // namespace
} // namespace intervisie::server::testing
