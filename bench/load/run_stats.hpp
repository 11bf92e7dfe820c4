// SPDX-License-Identifier: EUPL-1.2
// What a run counts and measures, and the latency percentiles printed at the end.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace intervisie::load {

// Latencies in microseconds; percentiles by the nearest-rank method.
class LatencySamples {
public:
  void add(std::uint64_t microseconds) {
    samples_.push_back(microseconds);
    sorted_ = false;
  }
  std::size_t size() const { return samples_.size(); }
  // q in [0, 1]; milliseconds; 0 without samples. Sorts on first use after an add.
  double percentile_ms(double q);
  double max_ms();
  double mean_ms() const;
  const std::vector<std::uint64_t>& microseconds() const { return samples_; }

private:
  std::vector<std::uint64_t> samples_;
  bool sorted_ = false;
};

struct ConnectionCounts {
  std::uint64_t attempts = 0;
  std::uint64_t retries = 0;
  std::uint64_t established = 0;
  std::uint64_t given_up = 0;                    // failed every attempt
  std::uint64_t dropped = 0;                     // closed after being established
  std::map<std::string, std::uint64_t> failures; // error message → count, every attempt
};

// Counted only inside the measured window (commands sent in it, and what became of them).
struct CommandCounts {
  std::uint64_t sent = 0;
  std::uint64_t acked = 0;
  std::uint64_t delivered = 0; // reached every open client of the meeting
  std::uint64_t refused = 0;   // answered by an error
  std::uint64_t timed_out = 0;
  std::uint64_t late = 0;            // sent after its time because the previous one was still open
  std::uint64_t events_received = 0; // event messages received by all clients, any command's
  std::map<std::string, std::uint64_t> error_codes;
};

struct RunStats {
  ConnectionCounts connections;
  CommandCounts commands;
  std::uint64_t setup_refused = 0; // setup commands (start, choose_issue, …) answered by an error
  std::map<std::string, std::uint64_t> setup_error_codes;
  LatencySamples delivered; // command sent → the last client of the meeting has the event
  LatencySamples acked;     // command sent → its ack (events durable)
  bool measuring = false;
};

} // namespace intervisie::load
