// SPDX-License-Identifier: EUPL-1.2
// Creating the meetings over HTTP before anyone connects: POST /api/sessions for the
// facilitator, then POST /api/sessions/{id}/participants for the seven others, over a few
// keep-alive connections.
#pragma once

#include "options.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace intervisie::load {

struct Person {
  std::uint32_t id = 0;
  std::string token;
};

// One meeting as the server created it; slot 0 is the facilitator.
struct MeetingSeed {
  bool complete = false; // all eight exist
  std::string session_id;
  std::array<Person, clients_per_meeting> people;
};

struct SetupCounts {
  std::uint64_t requests = 0;
  std::uint64_t retries = 0; // after 429, 503 or a broken connection
  std::uint64_t failed_meetings = 0;
  std::map<std::string, std::uint64_t> failures; // what went wrong → count
};

// Fills `seeds` (one per meeting) using `concurrency` connections at once.
boost::asio::awaitable<void> create_meetings(boost::asio::ip::tcp::endpoint server,
                                             std::vector<MeetingSeed>& seeds,
                                             std::size_t concurrency, SetupCounts& counts);

} // namespace intervisie::load
