// SPDX-License-Identifier: EUPL-1.2
// A disk that does not confirm a commit (fsync fails with EIO): whether the command is on the
// disk nobody can tell, so the server answers nobody about it and stops (issue 17.3). After the
// restart the store decides, the same for everyone, and the meeting goes on.
#include "support/failing_store_meeting.hpp"
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"
#include "support/write_fault.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <sys/wait.h>

namespace intervisie::server::testing {
namespace {

using namespace std::chrono_literals;

const std::vector<std::string> six = {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan"};

TEST(FailedSync, ACommandWhoseSyncFailedIsAnsweredByNobodyAndTheStoreDecidesAtTheRestart) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  m.ok(m.named("Fenna"), command("start"));
  const std::uint64_t before =
      m.ok(m.named("Pieter"), command("propose_issue", {{"text", "Ik zeg te vaak ja."}}));
  m.wait_everyone_has(before);

  auto fault = WriteFault::inject(server.pid(), {server.data_dir() / "intervisie.db-wal"},
                                  Fault::sync_fails);
  if (!fault)
    GTEST_SKIP() << "cannot make the disk fail a sync under the server: " << fault.error();

  Member& anna = m.named("Anna");
  const std::size_t answers = anna.ws->answer_count();
  anna.ws->send_command(command("propose_issue", {{"text", "Ik twijfel of dit bewaard is."}}));
  anna.ws->wait_closed();
  EXPECT_EQ(anna.ws->answer_count(), answers) << "a command whose fate is unknown was answered";
  for (Member& member : m.members) {
    member.ws->wait_closed();
    EXPECT_FALSE(mentions(*member.ws, "twijfel")) << member.name << " was told of it";
  }
  EXPECT_TRUE((*fault)->ended(10s)) << "strace did not end with the server";
  const int status = server.kill();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 70) << status << "\n" << server.log();
  EXPECT_NE(server.log().find("the disk did not confirm a commit"), std::string::npos)
      << server.log();

  // The store decides: the command is there or it is not, for everyone alike.
  server.restart();
  m.port = server.port();
  const auto history = stored_history(m, m.named("Fenna"));
  ASSERT_GE(history.size(), before);
  ASSERT_LE(history.size(), before + 1);
  EXPECT_EQ(history.rbegin()->first, history.size()) << "the history has a gap";
  if (history.size() == before + 1) {
    EXPECT_TRUE(contains_text(history.at(before + 1), "twijfel"));
  }
  for (Member& member : m.members)
    m.connect(member, before);
  for (Member& member : m.members) {
    if (history.size() > before)
      member.ws->wait_seq(before + 1);
    wait_connected(member, everyone_but(m));
    EXPECT_EQ(mentions(*member.ws, "twijfel"), history.size() > before) << member.name;
  }
  const std::uint64_t last = finish_from_inventory(m);
  m.wait_everyone_has(last);
  EXPECT_EQ(server.stop(), 0) << server.log();
}

} // namespace
} // namespace intervisie::server::testing
