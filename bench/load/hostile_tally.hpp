// SPDX-License-Identifier: EUPL-1.2
// What became of one kind of hostile client's connections: how many the server answered and
// let go, how fast, and what the client saw. Kept on the hostile clients' thread only.
#pragma once

#include "run_stats.hpp"

#include <cstdint>
#include <map>
#include <string>

namespace intervisie::load {

struct KindTally {
  std::string expected; // what the server should do, for the report
  std::uint64_t attempts = 0;
  std::uint64_t connect_failures = 0;
  std::uint64_t open = 0;     // connected now
  std::uint64_t answered = 0; // the server said no, or ended its side (EOF, a close frame)
  std::uint64_t released = 0; // the server closed its socket: a byte sent now is reset
  std::uint64_t open_at_stop = 0;
  // From the hostile act (the connection, the upgrade, the first oversized byte) to the moment
  // the server answered, and to the moment it let go.
  LatencySamples answered_after;
  LatencySamples released_after;
  std::map<std::string, std::uint64_t> verdicts; // what the client saw → how often
  std::uint64_t unread_bytes = 0;                // slow readers: left unread when dropped
};

} // namespace intervisie::load
