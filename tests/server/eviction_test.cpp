// SPDX-License-Identifier: EUPL-1.2
// A session nobody uses leaves the server's memory, and comes back exactly as it was when
// someone reaches it again: memory holds the meetings in use, not every meeting ever held.

#include "support/live_meeting.hpp"
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace intervisie::server::testing {
namespace {

using namespace std::chrono_literals;

const std::vector<std::string> four{"Fenna", "Pieter", "Anna", "Daan"};

// The server's last report "N unused sessions left memory; M are in memory", once it has let
// `left` sessions go in all; nothing when that does not happen within `limit`. (Read by hand:
// std::regex trips a false -Wmaybe-uninitialized of g++ 12 under the sanitizers.)
std::optional<int> in_memory_once_left(const ServerProcess& server, int left,
                                       std::chrono::seconds limit) {
  static constexpr std::string_view gone = " unused sessions left memory; ";
  const auto until = std::chrono::steady_clock::now() + limit;
  do {
    const std::string log = server.log();
    int total = 0;
    int now_in_memory = -1;
    for (auto at = log.find(gone); at != std::string::npos; at = log.find(gone, at + 1)) {
      const auto line = log.rfind('\n', at) + 1; // npos + 1 is 0: the first line
      const auto number = log.find_last_not_of("0123456789", at - 1) + 1;
      if (number < line || number == at)
        continue;
      total += std::stoi(log.substr(number, at - number));
      now_in_memory = std::stoi(log.substr(at + gone.size()));
    }
    if (total >= left)
      return now_in_memory;
    std::this_thread::sleep_for(100ms);
  } while (std::chrono::steady_clock::now() < until);
  return std::nullopt;
}

void everyone_closes_the_app(LiveMeeting& meeting) {
  for (Member& member : meeting.members)
    member.ws.reset();
}

// A Balint session to its end, as the facilitator alone can take it.
std::uint64_t finish_balint(LiveMeeting& m) {
  m.ok(m.facilitator(), command("assign_presenter", {{"participant", m.named("Pieter").id}}));
  m.ok(m.facilitator(), command("start"));
  m.ok(m.facilitator(), command("set_statement", {{"text", "Ik wil vaker nee zeggen."}}));
  std::uint64_t last = 0;
  while (!field(m.state(m.facilitator()), "finished").as_bool())
    last = m.ok(m.facilitator(), command("next_step", {{"confirm", true}}));
  return last;
}

TEST(Eviction, ASessionNobodyUsesLeavesMemoryAndComesBackExactlyAsItWas) {
  ServerProcess server({"--evict-unfinished-after", "1", "--evict-finished-after", "1"});
  LiveMeeting m(server.port(), "incident", four);
  m.connect_all();
  m.ok(m.facilitator(), command("start"));
  const std::uint64_t last =
      m.ok(m.named("Pieter"), command("propose_issue", {{"text", "Ik zeg te vaak ja."}}));
  everyone_closes_the_app(m);

  EXPECT_EQ(in_memory_once_left(server, 1, 20s), 0) << server.log();

  // Pieter opens the app again: everything is there, and the meeting goes on.
  const Json snapshot = m.snapshot(m.named("Pieter"));
  EXPECT_EQ(field(snapshot, "seq"), Json(last));
  m.connect_all();
  const Json candidates = field(field(m.state(m.named("Anna")), "flip_chart"), "candidates");
  ASSERT_EQ(candidates.as_array().size(), 1u) << candidates;
  EXPECT_GT(m.ok(m.named("Anna"), command("propose_issue", {{"text", "Mijn rooster knelt."}})),
            last);
  // The join link and the old tokens still work.
  const HttpResponse joined = http_post(
      m.port, "/api/sessions/" + m.session_id + "/participants",
      boost::json::serialize(boost::json::object{{"join_token", m.join_token}, {"name", "Eva"}}));
  EXPECT_EQ(joined.status, 201u) << joined.body;
}

TEST(Eviction, ASessionWithAScreenOpenStaysInMemoryHoweverQuiet) {
  ServerProcess server({"--evict-unfinished-after", "1", "--evict-finished-after", "1"});
  LiveMeeting m(server.port(), "incident", four);
  m.connect(m.facilitator());
  m.ok(m.facilitator(), command("start"));
  // Several sweeps past the limit, with only the facilitator's screen open.
  std::this_thread::sleep_for(4s);
  EXPECT_EQ(server.log().find("left memory"), std::string::npos) << server.log();
  EXPECT_GT(m.ok(m.facilitator(), command("pause")), 0u);
}

TEST(Eviction, AFinishedSessionLeavesSoonerThanOneThatMayStillGoOn) {
  ServerProcess server({"--evict-unfinished-after", "3600", "--evict-finished-after", "1"});
  LiveMeeting finished(server.port(), "balint", {"Fenna", "Pieter", "Anna"});
  finished.connect(finished.facilitator());
  const std::uint64_t last = finish_balint(finished);
  LiveMeeting paused(server.port(), "incident", four);
  paused.connect(paused.facilitator());
  paused.ok(paused.facilitator(), command("start"));
  everyone_closes_the_app(finished);
  everyone_closes_the_app(paused);

  EXPECT_EQ(in_memory_once_left(server, 1, 20s), 1) << server.log();
  // The presenter reads the record a week later: it loads from the store.
  const HttpResponse record =
      http_request(server.port(), "GET", "/api/sessions/" + finished.session_id + "/report", {},
                   {{"Authorization", "Bearer " + finished.named("Pieter").token}});
  EXPECT_EQ(record.status, 200u) << record.body;
  EXPECT_EQ(field(finished.snapshot(finished.facilitator()), "seq"), Json(last));
}

} // namespace
} // namespace intervisie::server::testing
