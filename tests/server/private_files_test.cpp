// SPDX-License-Identifier: EUPL-1.2
// The data directory holds case texts: it is its user's alone, whatever the umask the server was
// started with, and a directory that others can open is named in a warning at start.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include <sys/stat.h>

namespace intervisie::server::testing {
namespace {

namespace fs = std::filesystem;

// The umask of the test process, which the server inherits, for the length of a test.
class Umask {
public:
  explicit Umask(mode_t mask) : old_(::umask(mask)) {}
  ~Umask() { ::umask(old_); }
  Umask(const Umask&) = delete;
  Umask& operator=(const Umask&) = delete;

private:
  mode_t old_;
};

fs::perms mode_of(const fs::path& path) {
  return fs::status(path).permissions() & fs::perms::mask;
}

TEST(PrivateFiles, TheDataDirectoryAndEveryFileInItAreTheServersUsersAlone) {
  const Umask loose(022);
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  m.ok(m.named("Fenna"), command("start"));

  EXPECT_EQ(mode_of(server.data_dir()), fs::perms::owner_all);
  int files = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(server.data_dir())) {
    if (!entry.is_regular_file())
      continue;
    ++files;
    EXPECT_EQ(mode_of(entry.path()), fs::perms::owner_read | fs::perms::owner_write)
        << entry.path();
  }
  EXPECT_GE(files, 3) << "the databases, with their WAL and SHM files";
  EXPECT_EQ(server.log().find("can be opened by other users"), std::string::npos) << server.log();
}

TEST(PrivateFiles, ALooseDirectoryIsNamedAtStartAndItsFilesBecomePrivate) {
  const Umask loose(022);
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter"});
  server.stop();
  fs::permissions(server.data_dir(), fs::perms::owner_all | fs::perms::group_read |
                                         fs::perms::group_exec | fs::perms::others_read |
                                         fs::perms::others_exec);
  for (const fs::directory_entry& entry : fs::directory_iterator(server.data_dir()))
    if (entry.is_regular_file())
      fs::permissions(entry.path(), fs::perms::others_read, fs::perm_options::add);
  server.restart();
  EXPECT_NE(server.log().find("can be opened by other users"), std::string::npos) << server.log();
  for (const fs::directory_entry& entry : fs::directory_iterator(server.data_dir())) {
    if (entry.is_regular_file()) {
      EXPECT_EQ(mode_of(entry.path()), fs::perms::owner_read | fs::perms::owner_write)
          << entry.path();
    }
  }
}

} // namespace
} // namespace intervisie::server::testing
