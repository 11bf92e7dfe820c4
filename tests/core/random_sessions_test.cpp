// SPDX-License-Identifier: EUPL-1.2
// Thousands of random sessions over all three methods: random people send random commands
// (mostly ones that fit the step, some that make no sense) at random moments. After every
// command the engine's invariants must hold. Seeds are fixed so a failure reproduces:
// INTERVISIE_RANDOM_SEED=<seed> runs that one session and prints every command.
#include "random_session.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

namespace intervisie::core::testing {
namespace {

TEST(RandomSessions, InvariantsHoldAfterEveryCommand) {
  const std::vector<std::shared_ptr<const Method>> methods{
      shipped_method("incident"), shipped_method("balint"), shipped_method("fresh-questioning")};
  for (const auto& method : methods)
    ASSERT_NE(method, nullptr);

  std::vector<std::uint32_t> seeds;
  bool verbose = false;
  if (const char* chosen = std::getenv("INTERVISIE_RANDOM_SEED")) {
    seeds.push_back(static_cast<std::uint32_t>(std::strtoul(chosen, nullptr, 10)));
    verbose = true;
  } else {
    for (std::uint32_t i = 0; i < session_count; ++i)
      seeds.push_back(first_seed + i);
  }

  Stats stats;
  for (const std::uint32_t seed : seeds) {
    RandomSession session(seed, methods[seed % methods.size()], stats, verbose);
    session.run();
  }

  std::cout << "random sessions: " << seeds.size() << ", commands: " << stats.commands
            << " (accepted " << stats.accepted << "), distinct refusals: " << stats.refusals.size()
            << ", event kinds: " << stats.event_kinds.size() << " of "
            << std::variant_size_v<EventBody> << "\n";
  for (const auto& [id, count] : stats.sessions)
    std::cout << "  " << id << ": " << stats.finished[id] << " of " << count << " finished\n";
  for (const auto& [what, count] : stats.failures)
    std::cout << "  broken in " << count << " sessions: " << what << "\n";
  EXPECT_EQ(stats.failed_sessions, 0)
      << "sessions that broke an invariant (may was checked in every " << may_checked_every
      << "th)";

  if (!verbose) {
    // The generator must reach far enough to test what it claims to test.
    for (const auto& [id, count] : stats.sessions)
      EXPECT_GE(stats.finished[id] * 2, count) << id << ": too few sessions reach their end";
    // place_claimed lives on in stored histories only: nothing produces it any more.
    const std::size_t legacy = EventBody{event::PlaceClaimed{}}.index();
    for (std::size_t kind = 0; kind < std::variant_size_v<EventBody>; ++kind)
      if (kind != legacy) {
        EXPECT_TRUE(stats.event_kinds.contains(kind)) << "no session produced event kind " << kind;
      }
  }
}

} // namespace
} // namespace intervisie::core::testing
